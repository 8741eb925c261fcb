// community/leniency: users' mean rating (ratings 1–5; rating 0 is a review without a rating and is
// left out) for users with at least MIN_USER_RATINGS ratings, binned, and the pull of lenient raters
// (mean ≥ LENIENT_MEAN) on the period's mean rating — for the full span and each decade, since a
// user's mean depends on the years read. One aggregation per user (all periods at once); the division into figures is
// src/lib/community/leniency.ts.
import { leniencyDataSchema } from "../../../src/lib/contracts/community.js";
import { LENIENT_MEAN, MEAN_BIN_WIDTH, MIN_USER_RATINGS } from "../../../src/lib/community/keys.js";
import { summarizeLeniency, type LeniencySums } from "../../../src/lib/community/leniency.js";
import { defineAnalysis } from "../types.js";
import type { Period } from "../../../src/lib/periods.js";
import { byPeriod, interactionPeriods, periodIds, perPeriod } from "./_periods.js";

const LAST_BIN = Math.round(4 / MEAN_BIN_WIDTH) - 1;

/** Per-user ratings, Σ and 5★ count in each period (one pass), then one row of sums per period and bin. */
export const leniencySql = (periods: readonly Period[]) => /* sql */ `
  WITH user_lists AS (
    SELECT
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE ${cond})`)} AS nr,
      ${perPeriod(periods, (cond) => `coalesce(sum(rating) FILTER (WHERE ${cond}), 0)::DOUBLE`)} AS s,
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE rating = 5 AND ${cond})`)} AS n5
    FROM interactions
    WHERE rating BETWEEN 1 AND 5
    GROUP BY user_id
  ), user_periods AS (
    SELECT unnest(${periodIds(periods)}) AS pid, unnest(nr) AS nr, unnest(s) AS s, unnest(n5) AS n5
    FROM user_lists
  ), users AS (
    SELECT pid, nr, s, n5, s / nr AS m FROM user_periods WHERE nr > 0
  ), eligible AS (
    SELECT *, least(${LAST_BIN}, greatest(0, floor((m - 1) / ${MEAN_BIN_WIDTH})))::INTEGER AS bin
    FROM users WHERE nr >= ${MIN_USER_RATINGS}
  ), totals AS (
    SELECT pid, sum(nr)::INTEGER AS ratings, sum(s)::DOUBLE AS "ratingSum", count(*)::INTEGER AS raters
    FROM users GROUP BY pid
  ), eligible_totals AS (
    SELECT pid,
      count(*)::INTEGER AS "eligibleUsers",
      sum(nr)::INTEGER AS "eligibleRatings",
      -- Exact sums of 18-decimal values: a DOUBLE sum of ~50 k fractions changes in its last bits
      -- with the threads' order (and the spread is a difference of two such sums), so the page
      -- data would differ from run to run.
      sum(m::DECIMAL(38, 18))::DOUBLE AS "meanSum",
      sum((m * m)::DECIMAL(38, 18))::DOUBLE AS "meanSumSquares",
      median(m)::DOUBLE AS "medianOfMeans",
      count(*) FILTER (WHERE n5 = nr)::INTEGER AS "allFive",
      count(*) FILTER (WHERE m >= ${LENIENT_MEAN})::INTEGER AS "lenientUsers",
      coalesce(sum(nr) FILTER (WHERE m >= ${LENIENT_MEAN}), 0)::INTEGER AS "lenientRatings",
      coalesce(sum(s) FILTER (WHERE m >= ${LENIENT_MEAN}), 0)::DOUBLE AS "lenientSum"
    FROM eligible GROUP BY pid
  ), bins AS (
    SELECT pid, list({bin: bin, users: users} ORDER BY bin) AS "binCounts"
    FROM (SELECT pid, bin, count(*)::INTEGER AS users FROM eligible GROUP BY ALL) GROUP BY pid
  )
  SELECT t.pid::INTEGER AS pid, t.ratings, t."ratingSum", t.raters,
    coalesce(e."eligibleUsers", 0) AS "eligibleUsers", coalesce(e."eligibleRatings", 0) AS "eligibleRatings",
    coalesce(e."meanSum", 0) AS "meanSum", coalesce(e."meanSumSquares", 0) AS "meanSumSquares",
    e."medianOfMeans", coalesce(e."allFive", 0) AS "allFive", coalesce(e."lenientUsers", 0) AS "lenientUsers",
    coalesce(e."lenientRatings", 0) AS "lenientRatings", coalesce(e."lenientSum", 0) AS "lenientSum",
    coalesce(b."binCounts", []) AS "binCounts"
  FROM totals t LEFT JOIN eligible_totals e USING (pid) LEFT JOIN bins b USING (pid)
  ORDER BY pid`;

type Row = Omit<LeniencySums, "kind" | "from" | "to"> & { pid: number };

const EMPTY: Omit<Row, "pid"> = {
  ratings: 0,
  ratingSum: 0,
  raters: 0,
  eligibleUsers: 0,
  eligibleRatings: 0,
  meanSum: 0,
  meanSumSquares: 0,
  medianOfMeans: null,
  allFive: 0,
  lenientUsers: 0,
  lenientRatings: 0,
  lenientSum: 0,
  binCounts: [],
};

export default defineAnalysis({
  description: `Users' mean rating (users with ≥ ${MIN_USER_RATINGS} ratings 1–5) binned by ${MEAN_BIN_WIDTH}, and how lenient raters (mean ≥ ${LENIENT_MEAN}) move the mean rating, for the full span and each decade`,
  schema: leniencyDataSchema,
  async run({ session }) {
    const periods = await interactionPeriods(session);
    const rows = await session.query<Row>(leniencySql(periods));
    return {
      periods: byPeriod(rows, periods).map(([row], i) => {
        const { pid: _pid, ...sums } = row ?? { pid: i, ...EMPTY };
        return summarizeLeniency({ ...periods[i], ...sums });
      }),
    };
  },
});
