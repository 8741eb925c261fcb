// The periods of the Community analyses (full span + each decade of the interactions' years,
// src/lib/community/periods.ts) as a SQL relation `p(pid, year)` to join per-(unit, year)
// aggregates against: each interaction is read once, then its (user or recipe, year) row joins the
// periods that contain its year. Numbers only, so building the VALUES list is safe.
import { periodsOf, type Period } from "../../../src/lib/community/periods.js";
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
 * `(VALUES (0, 2000), (0, 2001), …) p(pid, year)`: one row per (period index, year of the period),
 * so aggregates join it on `year` with a hash join rather than a range join.
 */
export const periodsRelation = (periods: readonly Period[]): string =>
  `(VALUES ${periods
    .flatMap((p, i) => Array.from({ length: p.to - p.from + 1 }, (_, k) => `(${i}, ${p.from + k})`))
    .join(", ")}) p(pid, year)`;

/** Group rows `{ pid, … }` by period index. */
export function byPeriod<T extends { pid: number }>(rows: readonly T[], periods: readonly Period[]): T[][] {
  return periods.map((_, i) => rows.filter((r) => r.pid === i));
}
