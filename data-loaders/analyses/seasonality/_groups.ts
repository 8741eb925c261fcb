// Shared SQL of the Seasonality analyses: per-year, per-season sufficient statistics of numeric
// columns (n, Σx, Σx² of the non-null values — what the page pools for the reader's years), and
// the raw values of the same groups for the rank tests and box plots, which run here in Node for
// each documented period (src/lib/periods.ts) and never reach the browser.
// Column names are fixed identifiers of the analyses, never user input.
import { SEASONS, type Season } from "../../../src/lib/calendar.js";
import type { GroupSums, Period } from "../../../src/lib/contracts/seasonality.js";
import type { Session } from "../../duckdb/session.js";

/** 0-based season index of the `season` column, in SEASONS order. */
export const SEASON_INDEX = `(CASE season ${SEASONS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END)`;

/** Every year of the data (with at least one recipe), ascending. */
export const YEARS_SQL = /* sql */ `SELECT DISTINCT year::INTEGER AS year FROM recipes ORDER BY year`;

/**
 * Per year and season, for each column: count of non-null values, their sum and sum of squares.
 * A (year, season) without recipes gets zeros (the cross join), so every year has four groups.
 */
export const sumsSql = (columns: Record<string, string>) => /* sql */ `
  WITH grid AS (
    SELECT y.year, s.i FROM (SELECT DISTINCT year FROM recipes) y CROSS JOIN range(${SEASONS.length}) s(i)),
  sums AS (
    SELECT year, ${SEASON_INDEX} AS i,
           ${Object.entries(columns)
             .map(
               ([k, c]) =>
                 `count(${c}) AS "n_${k}", sum(${c}::DOUBLE) AS "sum_${k}", sum(${c}::DOUBLE * ${c}::DOUBLE) AS "ss_${k}"`,
             )
             .join(",\n           ")}
    FROM recipes GROUP BY ALL)
  SELECT g.year::INTEGER AS year, g.i::INTEGER AS i,
         ${Object.keys(columns)
           .map(
             (k) =>
               `coalesce(s."n_${k}", 0)::INTEGER AS "n_${k}", coalesce(s."sum_${k}", 0)::DOUBLE AS "sum_${k}", coalesce(s."ss_${k}", 0)::DOUBLE AS "ss_${k}"`,
           )
           .join(",\n         ")}
  FROM grid g LEFT JOIN sums s USING (year, i)
  ORDER BY year, i`;

/** Per year: each column's four season groups (n, Σx, Σx²). */
export async function sumsByYear<K extends string>(
  session: Session,
  columns: Record<K, string>,
): Promise<{ year: number; groups: Record<K, GroupSums[]> }[]> {
  const rows = await session.query<Record<string, number>>(sumsSql(columns));
  const keys = Object.keys(columns) as K[];
  const years = new Map<number, Record<K, GroupSums[]>>();
  for (const r of rows) {
    let groups = years.get(r.year);
    if (!groups)
      years.set(
        r.year,
        (groups = Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<K, GroupSums[]>),
      );
    for (const k of keys) groups[k][r.i] = { n: r[`n_${k}`], sum: r[`sum_${k}`], sumSquares: r[`ss_${k}`] };
  }
  return [...years].map(([year, groups]) => ({ year, groups }));
}

/** The non-null values of a column per (year, season): the raw material of the rank tests. */
export interface YearSeasonValues {
  year: number;
  season: number;
  values: number[];
}

export const valuesSql = (column: string) => /* sql */ `
  SELECT year::INTEGER AS year, ${SEASON_INDEX}::INTEGER AS season,
         list(${column}::DOUBLE) FILTER (WHERE ${column} IS NOT NULL) AS "values"
  FROM recipes
  GROUP BY ALL
  ORDER BY year, season`;

export const valuesByYearSeason = (session: Session, column: string) =>
  session.query<YearSeasonValues>(valuesSql(column));

/** The four seasons' values of a period, in SEASONS order. */
export function periodValues(values: readonly YearSeasonValues[], period: Period): number[][] {
  const groups: number[][] = SEASONS.map(() => []);
  for (const v of values) {
    if (v.year < period.from || v.year > period.to) continue;
    const group = groups[v.season];
    for (const x of v.values ?? []) group.push(x);
  }
  return groups;
}

export type { Season };
