// One implementation behind trends/ingredients and trends/tags: per-year recipe totals, per-year
// counts of recipes containing each item (items with at least `minCount` recipes over the full
// span), diversity per year (raw distinct items, and the exact expected number in a fixed number
// of recipes), and the full-span tests of every item's yearly share (src/lib/trends/items.ts).
import { itemsDataSchema, type ItemKind, type ItemsData } from "../../../src/lib/contracts/trends.js";
import { summarizeItems } from "../../../src/lib/trends/items.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis, type AnalysisDefinition } from "../types.js";

export interface ItemsOptions {
  kind: ItemKind;
  /** Recipes that must contain an item over the full span for it to be ranked (original: 50). */
  minCount: number;
  /** Recipes of the rarefied diversity: expected distinct items in this many recipes of the year. */
  sampleSize: number;
}

export const ITEMS_DEFAULTS = { minCount: 50, sampleSize: 100 } as const;

/** Link table and item column of each kind (fixed identifiers, never user input). */
const SOURCES: Record<ItemKind, { table: string; column: string }> = {
  ingredients: { table: "recipe_ingredients", column: "ingredient" },
  tags: { table: "recipe_tags", column: "tag" },
};

/**
 * The SQL of an item kind. `pairs` is one row per (year, recipe, item): a recipe listing an item
 * twice counts once, so counts are "recipes containing the item".
 *
 * Rarefaction is exact (Hurlbert 1971, as expectedRichness in src/lib/stats/rarefaction.ts): in a
 * year of N recipes where item i is in K_i of them, the expected number of distinct items in m
 * recipes drawn without replacement is Σ_i [1 − C(N − K_i, m) / C(N, m)]. The binomial ratio is
 * computed through lgamma, grouped so the large terms cancel pairwise:
 *   ln C(N − K, m) − ln C(N, m) = [lgamma(N − K + 1) − lgamma(N + 1)] + [lgamma(N − m + 1) − lgamma(N − K − m + 1)],
 * and is 0 (the item is certainly drawn) when N − K < m. A year with fewer than m recipes has none.
 */
export const itemsSql = (kind: ItemKind) => {
  const { table, column } = SOURCES[kind];
  const pairs = /* sql */ `
    pairs AS (
      SELECT DISTINCT r.year, x.recipe_id, x.${column} AS item
      FROM ${table} x JOIN recipes r ON r.id = x.recipe_id)`;
  return {
    /** Years of the span with their recipe count, raw distinct items, and rarefied diversity. */
    years: /* sql */ `
      WITH ${pairs},
      totals AS (SELECT year, count(*) AS recipes FROM recipes GROUP BY year),
      incidence AS (SELECT year, item, count(*) AS k FROM pairs GROUP BY year, item),
      rarefied AS (
        SELECT i.year,
               count(*) AS d,
               sum(CASE WHEN t.recipes - i.k < $sampleSize THEN 1.0
                        ELSE 1.0 - exp((lgamma(t.recipes - i.k + 1) - lgamma(t.recipes + 1))
                                       + (lgamma(t.recipes - $sampleSize + 1) - lgamma(t.recipes - i.k - $sampleSize + 1)))
                   END) AS expected
        FROM incidence i JOIN totals t USING (year)
        GROUP BY i.year)
      SELECT t.year::INTEGER AS year, t.recipes::INTEGER AS recipes,
             coalesce(r.d, 0)::INTEGER AS "distinct",
             (CASE WHEN t.recipes >= $sampleSize THEN coalesce(r.expected, 0) END)::DOUBLE AS rarefied
      FROM totals t LEFT JOIN rarefied r USING (year)
      ORDER BY year`,
    /** Items above the minimum, most frequent first, with their counts aligned on the years above. */
    items: /* sql */ `
      WITH ${pairs},
      years AS (SELECT DISTINCT year FROM recipes),
      kept AS (SELECT item, count(*) AS total FROM pairs GROUP BY item HAVING count(*) >= $minCount),
      yearly AS (SELECT item, year, count(*) AS n FROM pairs SEMI JOIN kept USING (item) GROUP BY item, year)
      SELECT k.item, k.total::INTEGER AS total,
             list(coalesce(y.n, 0)::INTEGER ORDER BY t.year) AS counts
      FROM kept k CROSS JOIN years t LEFT JOIN yearly y ON y.item = k.item AND y.year = t.year
      GROUP BY k.item, k.total
      ORDER BY k.total DESC, k.item`,
  };
};

export async function computeItems(session: Session, options: ItemsOptions): Promise<ItemsData> {
  const sql = itemsSql(options.kind);
  const years = await session.query<{
    year: number;
    recipes: number;
    distinct: number;
    rarefied: number | null;
  }>(sql.years, { sampleSize: options.sampleSize });
  const items = await session.query<{ item: string; total: number; counts: number[] }>(sql.items, {
    minCount: options.minCount,
  });
  const base: Omit<ItemsData, "fullSpan"> = {
    kind: options.kind,
    minCount: options.minCount,
    years: years.map((y) => y.year),
    recipes: years.map((y) => y.recipes),
    diversity: {
      distinct: years.map((y) => y.distinct),
      rarefied: years.map((y) => y.rarefied),
      sampleSize: options.sampleSize,
    },
    items: items.map((i) => i.item),
    totals: items.map((i) => i.total),
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
