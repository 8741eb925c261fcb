// ratings/seasons: counts of ratings 0–5 per (year, season), the full-span comparison of the four
// seasons (ANOVA with η², Kruskal–Wallis with ε², src/lib/ratings/groups.ts), and the distinct
// users and recipes of each season over the full span (counts only; distinct counts cannot be
// added up over years, so they do not follow the page's year range).
import { seasonsDataSchema, type GroupYear } from "../../../src/lib/contracts/ratings.js";
import { summarizeGroups } from "../../../src/lib/ratings/groups.js";
import { SEASONS } from "../../../src/lib/ratings/keys.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { STAR_COUNTS } from "./_counts.js";

export const SEASONS_SQL = /* sql */ `
  SELECT year::INTEGER AS year, season AS "group", ${STAR_COUNTS} AS counts
  FROM interactions
  GROUP BY year, season
  ORDER BY year, season`;

export const DISTINCT_SQL = /* sql */ `
  SELECT season AS "group", count(DISTINCT user_id)::INTEGER AS users, count(DISTINCT recipe_id)::INTEGER AS recipes
  FROM interactions
  GROUP BY season`;

export default defineAnalysis({
  description:
    "Ratings 0–5 per year and season; full-span season statistics, ANOVA (η²) and Kruskal–Wallis (ε²); distinct users and recipes per season",
  schema: seasonsDataSchema,
  async run({ session }) {
    const perYear = await session.query<GroupYear>(SEASONS_SQL);
    const found = await session.query<{ group: string; users: number; recipes: number }>(DISTINCT_SQL);
    const distinct = SEASONS.map(
      (group) => found.find((r) => r.group === group) ?? { group, users: 0, recipes: 0 },
    );
    return { perYear, distinct, fullSpan: summarizeGroups(perYear, fullRange(perYear), SEASONS) };
  },
});
