// community/growth: new users (first interaction in the whole data), active users and interactions
// per year, and cohort counts — users of each first-year cohort active k years later. All are sums
// over years, so the page follows any year range with src/lib/community/growth.ts; the full-span
// summary is computed here by the same function.
import { growthDataSchema, type Cohort, type GrowthYear } from "../../../src/lib/contracts/community.js";
import { summarizeGrowth } from "../../../src/lib/community/growth.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";

// Each user's cohort from a second, small aggregation joined back to the (user, year) counts: at
// full scale about twice as fast as a min() window partitioned by user over the same rows.
export const COHORT_SQL = /* sql */ `
  WITH user_years AS (
    SELECT user_id, year, count(*) AS n FROM interactions GROUP BY ALL
  ), firsts AS (
    SELECT user_id, min(year) AS cohort FROM user_years GROUP BY user_id
  )
  SELECT cohort::INTEGER AS cohort, year::INTEGER AS year, count(*)::INTEGER AS users, sum(n)::INTEGER AS interactions
  FROM user_years JOIN firsts USING (user_id)
  GROUP BY ALL
  ORDER BY cohort, year`;

interface Row {
  cohort: number;
  year: number;
  users: number;
  interactions: number;
}

/** Per-year rows and cohort arrays from the (cohort, year) counts. */
export function growthFromCells(cells: readonly Row[]): { perYear: GrowthYear[]; cohorts: Cohort[] } {
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const last = years[years.length - 1];
  const perYear = years.map((year) => {
    const at = cells.filter((c) => c.year === year);
    return {
      year,
      newUsers: at.filter((c) => c.cohort === year).reduce((s, c) => s + c.users, 0),
      activeUsers: at.reduce((s, c) => s + c.users, 0),
      interactions: at.reduce((s, c) => s + c.interactions, 0),
    };
  });
  const cohorts = [...new Set(cells.map((c) => c.cohort))]
    .sort((a, b) => a - b)
    .map((cohort) => {
      const active = Array.from({ length: last - cohort + 1 }, () => 0);
      for (const c of cells) if (c.cohort === cohort) active[c.year - cohort] = c.users;
      return { cohort, active };
    });
  return { perYear, cohorts };
}

export default defineAnalysis({
  description:
    "New users (first interaction ever), active users and interactions per year; users of each first-year cohort active k years later; full-span summary with pooled retention",
  schema: growthDataSchema,
  async run({ session }) {
    const { perYear, cohorts } = growthFromCells(await session.query<Row>(COHORT_SQL));
    return { perYear, cohorts, fullSpan: summarizeGrowth(perYear, cohorts, fullRange(perYear)) };
  },
});
