// ratings/trend: counts of ratings 0–5 per calendar month, and for the full span the monthly series
// (months with at least MIN_MONTHLY ratings 1–5: year, month, n, mean), the original's WLS trend
// (weights √n, slope per year), OLS, the random-effects headline fit, the weighted Spearman
// correlation of volume and mean, and the validation figures (src/lib/ratings/trend.ts).
import { trendDataSchema, type Month } from "../../../src/lib/contracts/ratings.js";
import { MIN_MONTHLY } from "../../../src/lib/ratings/keys.js";
import { summarizeTrend } from "../../../src/lib/ratings/trend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { STAR_COUNTS } from "./_counts.js";

export const MONTHS_SQL = /* sql */ `
  SELECT year::INTEGER AS year, month::INTEGER AS month, ${STAR_COUNTS} AS counts
  FROM interactions
  GROUP BY year, month
  ORDER BY year, month`;

export default defineAnalysis({
  description:
    "Ratings 0–5 per month; full-span monthly series (months with ≥ 100 ratings), WLS trend (weights √n, slope per year), OLS, headline fit, weighted Spearman volume–mean and validation figures",
  schema: trendDataSchema,
  async run({ session }) {
    const months = await session.query<Month>(MONTHS_SQL);
    return {
      minMonthly: MIN_MONTHLY,
      months,
      fullSpan: summarizeTrend(months, fullRange(months), MIN_MONTHLY),
    };
  },
});
