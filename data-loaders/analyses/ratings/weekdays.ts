// ratings/weekdays: counts of ratings 0–5 per (year, ISO weekday of the interaction), the full-span
// per-day statistics with ANOVA and Kruskal–Wallis across the seven days, and weekend against
// weekday: Mann–Whitney U (rank-biserial r) and Welch t with Cohen's d (src/lib/ratings/groups.ts).
import { weekdaysDataSchema, type GroupYear } from "../../../src/lib/contracts/ratings.js";
import { summarizeGroups, weekendTest } from "../../../src/lib/ratings/groups.js";
import { WEEKDAYS } from "../../../src/lib/ratings/keys.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { STAR_COUNTS } from "./_counts.js";

export const WEEKDAYS_SQL = /* sql */ `
  SELECT year::INTEGER AS year, weekday::VARCHAR AS "group", ${STAR_COUNTS} AS counts
  FROM interactions
  GROUP BY year, weekday
  ORDER BY year, weekday`;

export default defineAnalysis({
  description:
    "Ratings 0–5 per year and weekday; full-span per-day statistics with ANOVA and Kruskal–Wallis, weekend vs weekday Mann–Whitney U and Cohen's d",
  schema: weekdaysDataSchema,
  async run({ session }) {
    const perYear = await session.query<GroupYear>(WEEKDAYS_SQL);
    const range = fullRange(perYear);
    return {
      perYear,
      fullSpan: {
        days: summarizeGroups(perYear, range, WEEKDAYS.map(String)),
        weekend: weekendTest(perYear, range),
      },
    };
  },
});
