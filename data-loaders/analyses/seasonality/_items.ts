// One implementation behind seasonality/ingredients and seasonality/tags: recipes per year and
// season, and for the candidate items — at least `minRecipes` recipes over the span, at most the
// `maxItems` most frequent (page data stays small) — the recipes of each year and season that
// contain them: the contingency counts the page adds up for any range and tests per item
// (src/lib/seasonality/items.ts). A recipe listing an item twice counts once.
import { SEASONS } from "../../../src/lib/calendar.js";
import { itemsDataSchema, type ItemKind, type ItemsData } from "../../../src/lib/contracts/seasonality.js";
import { summarizeItems } from "../../../src/lib/seasonality/items.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis, type AnalysisDefinition } from "../types.js";
import { SEASON_INDEX } from "./_groups.js";

export interface ItemsOptions {
  kind: ItemKind;
  minRecipes: number;
  maxItems: number;
}

/** 50 recipes over the span, the 300 most frequent items. */
export const ITEMS_DEFAULTS = { minRecipes: 50, maxItems: 300 } as const;

/** Link table and item column of each kind (fixed identifiers, never user input). */
const SOURCES: Record<ItemKind, { table: string; column: string }> = {
  ingredients: { table: "recipe_ingredients", column: "ingredient" },
  tags: { table: "recipe_tags", column: "tag" },
};

const GRID = /* sql */ `
  grid AS (SELECT y.year, s.i FROM (SELECT DISTINCT year FROM recipes) y CROSS JOIN range(${SEASONS.length}) s(i))`;

/** Recipes per year and season, four per year in SEASONS order. */
export const RECIPES_SQL = /* sql */ `
  WITH ${GRID},
  counts AS (SELECT year, ${SEASON_INDEX} AS i, count(*) AS n FROM recipes GROUP BY ALL)
  SELECT g.year::INTEGER AS year, list(coalesce(c.n, 0)::INTEGER ORDER BY g.i) AS recipes
  FROM grid g LEFT JOIN counts c USING (year, i)
  GROUP BY g.year ORDER BY g.year`;

/** Candidate items, most frequent first (ties by name), counts ordered by year then season. */
export const itemsSql = (kind: ItemKind) => {
  const { table, column } = SOURCES[kind];
  return /* sql */ `
    WITH pairs AS (
      SELECT DISTINCT r.year, ${SEASON_INDEX.replace("season", "r.season")} AS i, x.recipe_id, x.${column} AS item
      FROM ${table} x JOIN recipes r ON r.id = x.recipe_id),
    ${GRID},
    kept AS (
      SELECT item, count(*) AS total FROM pairs GROUP BY item HAVING count(*) >= $minRecipes
      ORDER BY total DESC, item LIMIT $maxItems),
    cells AS (SELECT item, year, i, count(*) AS n FROM pairs SEMI JOIN kept USING (item) GROUP BY ALL)
    SELECT k.item, k.total::INTEGER AS total, list(coalesce(c.n, 0)::INTEGER ORDER BY g.year, g.i) AS counts
    FROM kept k CROSS JOIN grid g LEFT JOIN cells c ON c.item = k.item AND c.year = g.year AND c.i = g.i
    GROUP BY k.item, k.total
    ORDER BY k.total DESC, k.item`;
};

export async function computeItems(session: Session, options: ItemsOptions): Promise<ItemsData> {
  const years = await session.query<{ year: number; recipes: number[] }>(RECIPES_SQL);
  const items = await session.query<{ item: string; total: number; counts: number[] }>(
    itemsSql(options.kind),
    {
      minRecipes: options.minRecipes,
      maxItems: options.maxItems,
    },
  );
  const base = {
    kind: options.kind,
    minRecipes: options.minRecipes,
    maxItems: options.maxItems,
    years: years.map((y) => y.year),
    recipes: years.map((y) => y.recipes),
    items: items.map((i) => i.item),
    counts: items.map((i) => i.counts),
  };
  const range = { from: base.years[0], to: base.years[base.years.length - 1] };
  return { ...base, fullSpan: summarizeItems(base, range) };
}

export const itemsAnalysis = (
  options: ItemsOptions,
  description: string,
): AnalysisDefinition<typeof itemsDataSchema> =>
  defineAnalysis({
    description,
    schema: itemsDataSchema,
    run: ({ session }) => computeItems(session, options),
  });
