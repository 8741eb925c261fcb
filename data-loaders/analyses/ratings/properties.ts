// ratings/properties: what rates well — counts of ratings 0–5 per year and preparation-time band,
// complexity band (quintiles of the recipes' complexity score), number of ingredients and top tag,
// in one pass over the interactions joined to their recipes, and two for the tags (rank them, then
// count the top ones); the page adds up the years of its range (src/lib/ratings/properties.ts).
// Only interactions whose recipe is in `recipes` count here: a set-aside recipe has no properties
// to group by (docs/data.md).
import {
  propertiesDataSchema,
  type GroupYear,
  type PropertyKey,
} from "../../../src/lib/contracts/ratings.js";
import { COMPLEXITY_QUANTILES, MINUTE_BANDS, TOP_TAGS } from "../../../src/lib/ratings/keys.js";
import { summarizeProperties } from "../../../src/lib/ratings/properties.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { isStructuralTag } from "../../../src/lib/trends/structural-tags.js";
import { defineAnalysis } from "../types.js";
import { STAR_SUMS } from "./_counts.js";

export const BOUNDS_SQL = /* sql */ `
  SELECT quantile_cont(complexity_score, [${COMPLEXITY_QUANTILES.join(", ")}])::DOUBLE[] AS bounds
  FROM recipes`;

const minuteBand = `CASE ${MINUTE_BANDS.map((b) => `WHEN r.minutes <= ${b} THEN ${b}`).join(" ")} END`;

// The complexity band is 1 + the number of quintile bounds below the score (1–5). The bounds are
// numbers this analysis just read, written as a literal. The scan counts interactions per (year,
// bands, rating) — a few thousand rows — and GROUPING SETS then make the three bandings and the
// yearly total from that small table: one pass over the interactions.
export const bandsSql = (bounds: readonly number[]) => /* sql */ `
  WITH cells AS (
    SELECT i.year, i.rating, ${minuteBand} AS mband,
           (1 + len(list_filter([${bounds.map((b) => Number(b).toString()).join(", ")}]::DOUBLE[], b -> b < r.complexity_score)))::INTEGER AS cband,
           r.n_ingredients AS nband, count(*) AS n
    FROM interactions i JOIN recipes r ON r.id = i.recipe_id
    GROUP BY ALL
  )
  SELECT year::INTEGER AS year,
         CASE WHEN grouping(mband) = 0 THEN 'minutes' WHEN grouping(cband) = 0 THEN 'complexity'
              WHEN grouping(nband) = 0 THEN 'ingredients' ELSE 'all' END AS property,
         coalesce(mband::VARCHAR, cband::VARCHAR, nband::VARCHAR, 'all') AS "group",
         ${STAR_SUMS} AS counts
  FROM cells
  GROUP BY GROUPING SETS ((year, mband), (year, cband), (year, nband), (year))
  -- Every row in a fixed order (a grouping-sets aggregate has none): the page data must not
  -- depend on DuckDB's threads.
  ORDER BY property, year, try_cast("group" AS INTEGER) NULLS LAST, "group"`;

/** Ratings 1–5 per tag over the full span, from per-recipe counts: ranks the tags. */
export const TAG_RANK_SQL = /* sql */ `
  WITH per_recipe AS (
    SELECT recipe_id, count(*) AS n FROM interactions WHERE rating BETWEEN 1 AND 5 GROUP BY recipe_id
  )
  SELECT t.tag, sum(p.n)::BIGINT::DOUBLE AS n
  FROM per_recipe p JOIN recipe_tags t USING (recipe_id)
  GROUP BY t.tag`;

/** Counts per (year, tag) of the chosen tags, passed as one string joined by U+001F (no list binding). */
export const TAGS_SQL = /* sql */ `
  WITH chosen AS (
    SELECT DISTINCT recipe_id, tag FROM recipe_tags
    WHERE list_contains(string_split($tags, chr(31)), tag)
  ),
  cells AS (
    SELECT recipe_id, year, rating, count(*) AS n FROM interactions GROUP BY ALL
  )
  SELECT c.year::INTEGER AS year, t.tag AS "group", ${STAR_SUMS} AS counts
  FROM cells c JOIN chosen t USING (recipe_id)
  GROUP BY c.year, t.tag
  ORDER BY c.year, t.tag`;

type Row = GroupYear & { property: PropertyKey | "all" };

export default defineAnalysis({
  description:
    "Ratings 0–5 per year by preparation-time band, complexity quintile, number of ingredients and top tags; per group mean with t interval, Welch vs the rest (BH within a property), ANOVA and Kruskal–Wallis across bands",
  schema: propertiesDataSchema,
  async run({ session }) {
    const [{ bounds }] = await session.query<{ bounds: number[] }>(BOUNDS_SQL);
    const rows = await session.query<Row>(bandsSql(bounds));
    const strip = (property: string) =>
      rows.filter((r) => r.property === property).map(({ year, group, counts }) => ({ year, group, counts }));
    const ranked = await session.query<{ tag: string; n: number }>(TAG_RANK_SQL);
    const tags = ranked
      .filter((r) => !isStructuralTag(r.tag))
      .sort((a, b) => b.n - a.n || a.tag.localeCompare(b.tag))
      .slice(0, TOP_TAGS)
      .map((r) => r.tag);
    const tagRows = await session.query<GroupYear>(TAGS_SQL, { tags: tags.join("\u001f") });
    const ingredients = [...new Set(strip("ingredients").map((r) => Number(r.group)))].sort((a, b) => a - b);
    const complexity = [...new Set(strip("complexity").map((r) => r.group))].sort();
    const data = {
      groups: {
        minutes: MINUTE_BANDS.map(String),
        complexity,
        ingredients: ingredients.map(String),
        tags,
      },
      totals: strip("all"),
      perYear: {
        minutes: strip("minutes"),
        complexity: strip("complexity"),
        ingredients: strip("ingredients"),
        tags: tagRows,
      },
    };
    return {
      bands: { minutes: [...MINUTE_BANDS], complexity: bounds },
      ...data,
      fullSpan: summarizeProperties(data, fullRange(data.totals)),
    };
  },
});
