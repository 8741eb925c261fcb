// The periods of the Community analyses (full span + each decade of the interactions' years,
// src/lib/periods.ts) in SQL. Per-unit figures are computed in ONE aggregation per user
// (or recipe) with one filtered aggregate per period, packed in a list, then unnested to
// (pid, unit) rows: a (unit, year) aggregation joined to the periods and grouped again costs
// two large hash aggregations and a join, 2–4 times as long at full scale. Numbers only, so
// building the SQL from the periods is safe.
import { periodsOf, type Period } from "../../../src/lib/periods.js";
import { AnalysisError } from "../../errors.js";
import type { Session } from "../../duckdb/session.js";

export async function interactionPeriods(session: Session): Promise<Period[]> {
  const rows = await session.query<{ year: number }>(
    "SELECT DISTINCT year::INTEGER AS year FROM interactions ORDER BY year",
  );
  if (rows.length === 0) {
    throw new AnalysisError("The interactions table is empty: there is no community to describe.", {
      hint: "Check the snapshot's interactions.parquet (npm run data:ingest reports the rows kept).",
    });
  }
  return periodsOf(rows.map((r) => r.year));
}

/**
 * `[agg(cond₀), agg(cond₁), …]`: one aggregate per period, `cond` restricting it to the period's
 * years (`year BETWEEN from AND to`); unnest it beside `periodIds` to get one row per period.
 */
export const perPeriod = (periods: readonly Period[], agg: (cond: string) => string): string =>
  `[${periods.map((p) => agg(`year BETWEEN ${p.from} AND ${p.to}`)).join(", ")}]`;

/** `[0, 1, …]`: the period indexes, to unnest in step with the lists of perPeriod. */
export const periodIds = (periods: readonly Period[]): string => `[${periods.map((_, i) => i).join(", ")}]`;

/** Group rows `{ pid, … }` by period index. */
export function byPeriod<T extends { pid: number }>(rows: readonly T[], periods: readonly Period[]): T[][] {
  return periods.map((_, i) => rows.filter((r) => r.pid === i));
}
