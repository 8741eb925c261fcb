// The DuckDB side of every weekday-vs-weekend measure (preparation time, complexity, nutrition):
// per-year sufficient statistics of each group (n, Σx, Σx²) in one query, and — for the measures
// whose card shows a rank test — the raw values fetched per (year, group) as sorted lists, turned
// here into box summaries and a Mann–Whitney U for the full span and each decade of the data.
// The raw values stay in Node: only the summaries are written to the page data.
import type { MeasureYear, RankPeriod } from "../../../src/lib/contracts/weekend.js";
import { periodsOf } from "../../../src/lib/periods.js";
import { mannWhitneyU } from "../../../src/lib/stats/index.js";
import { boxSummary } from "../../../src/lib/weekend/box.js";
import { WEEKEND_DAYS } from "../../../src/lib/weekend/keys.js";
import type { Session } from "../../duckdb/session.js";

/** SQL condition of a weekend day on the recipes' ISO `weekday` column (Saturday, Sunday). */
export const IS_WEEKEND = `weekday IN (${WEEKEND_DAYS.join(", ")})`;

/**
 * Per-year n, Σx and Σx² of each measure in each group. `columns` maps a key to a column of
 * `recipes` (fixed identifiers, never user input); NULL values are not counted.
 */
export function measureYearsSql(columns: Record<string, string>): string {
  const parts = Object.values(columns).flatMap((column, i) =>
    (["weekday", "weekend"] as const).map((group) => {
      const filter = `FILTER (WHERE ${group === "weekend" ? "" : "NOT "}${IS_WEEKEND})`;
      const x = `${column}::DOUBLE`;
      return `count(${column}) ${filter}::INTEGER AS "n_${i}_${group}",
        coalesce(sum(${x}) ${filter}, 0)::DOUBLE AS "sum_${i}_${group}",
        coalesce(sum(${x} * ${x}) ${filter}, 0)::DOUBLE AS "ss_${i}_${group}"`;
    }),
  );
  return /* sql */ `
    SELECT year::INTEGER AS year, ${parts.join(",\n      ")}
    FROM recipes
    GROUP BY year
    ORDER BY year`;
}

/** The per-year rows of each measure, from one query over all of them. */
export async function measureYears<K extends string>(
  session: Session,
  columns: Record<K, string>,
): Promise<Record<K, MeasureYear[]>> {
  const rows = await session.query<Record<string, number>>(measureYearsSql(columns));
  const keys = Object.keys(columns) as K[];
  return Object.fromEntries(
    keys.map((key, i) => {
      const group = (g: "weekday" | "weekend") => (r: Record<string, number>) => ({
        n: r[`n_${i}_${g}`],
        sum: r[`sum_${i}_${g}`],
        sumSquares: r[`ss_${i}_${g}`],
      });
      return [
        key,
        rows.map((r) => ({ year: r.year, weekday: group("weekday")(r), weekend: group("weekend")(r) })),
      ];
    }),
  ) as Record<K, MeasureYear[]>;
}

/** Sorted values of one column per (year, group). */
export const rawValuesSql = (column: string) => /* sql */ `
  SELECT year::INTEGER AS year, (${IS_WEEKEND}) AS weekend, list(${column}::DOUBLE ORDER BY ${column}) AS xs
  FROM recipes
  WHERE ${column} IS NOT NULL
  GROUP BY ALL
  ORDER BY year, weekend`;

interface RawRow {
  year: number;
  weekend: boolean;
  xs: number[];
}

const sortedConcat = (lists: number[][]): number[] => {
  const all = Float64Array.from(lists.flat());
  all.sort();
  return Array.from(all);
};

/**
 * Box summaries and Mann–Whitney U (weekend against weekday) for the full span and each decade of
 * the data (src/lib/periods.ts). A period where a group has no value is left out.
 */
export async function rankPeriods(session: Session, column: string): Promise<RankPeriod[]> {
  const rows = await session.query<RawRow>(rawValuesSql(column));
  const periods = periodsOf(rows.map((r) => r.year));
  const out: RankPeriod[] = [];
  for (const period of periods) {
    const inPeriod = rows.filter((r) => r.year >= period.from && r.year <= period.to);
    const weekday = sortedConcat(inPeriod.filter((r) => !r.weekend).map((r) => r.xs));
    const weekend = sortedConcat(inPeriod.filter((r) => r.weekend).map((r) => r.xs));
    if (weekday.length === 0 || weekend.length === 0) continue;
    const u = mannWhitneyU(weekend, weekday);
    out.push({
      ...period,
      weekday: boxSummary(weekday),
      weekend: boxSummary(weekend),
      mannWhitney: Number.isFinite(u.p)
        ? { U: u.U, z: u.z, p: u.p, rankBiserial: u.rankBiserial, n1: u.n1, n2: u.n2 }
        : null,
    });
  }
  return out;
}
