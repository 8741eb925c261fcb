// One implementation behind trends/ingredients and trends/tags: per-year recipe totals, per-year
// counts of recipes containing each item (items with at least `minCount` recipes over the full
// span), diversity per year (raw distinct items, and rarefied to a fixed sample of recipes), and
// the full-span ranking of risers and decliners by the slope of their yearly share.
import type { ItemKind, ItemsData } from "../../../src/lib/contracts/trends.js";
import { summarizeItems } from "../../../src/lib/trends/items.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis, type Analysis } from "../types.js";

export interface ItemsOptions {
  kind: ItemKind;
  /** Recipes that must contain an item over the full span for it to be ranked (original: 50). */
  minCount: number;
  /** Recipes drawn per year and sample for the rarefied diversity. */
  sampleSize: number;
  /** Number of samples averaged per year. */
  samples: number;
}

export const ITEMS_DEFAULTS = { minCount: 50, sampleSize: 100, samples: 20 } as const;

/** Link table and item column of each kind (fixed identifiers, never user input). */
const SOURCES: Record<ItemKind, { table: string; column: string }> = {
  ingredients: { table: "recipe_ingredients", column: "ingredient" },
  tags: { table: "recipe_tags", column: "tag" },
};

/**
 * The SQL of an item kind. `pairs` is one row per (year, recipe, item): a recipe listing an item
 * twice counts once, so counts are "recipes containing the item". The rarefaction sample ranks a
 * year's recipes by hash(id, seed): deterministic for a given DuckDB version, different per seed.
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
      distinct_items AS (SELECT year, count(DISTINCT item) AS d FROM pairs GROUP BY year),
      sample AS (
        SELECT s.seed, r.year, r.id
        FROM recipes r
          JOIN totals t ON t.year = r.year AND t.recipes >= $sampleSize
          CROSS JOIN range($samples) s(seed)
        QUALIFY row_number() OVER (PARTITION BY s.seed, r.year ORDER BY hash(r.id, s.seed), r.id) <= $sampleSize),
      per_sample AS (
        SELECT s.seed, s.year, count(DISTINCT p.item) AS d
        FROM sample s LEFT JOIN pairs p ON p.recipe_id = s.id
        GROUP BY s.seed, s.year),
      rarefied AS (SELECT year, avg(d) AS d FROM per_sample GROUP BY year)
      SELECT t.year::INTEGER AS year, t.recipes::INTEGER AS recipes,
             coalesce(d.d, 0)::INTEGER AS "distinct", r.d::DOUBLE AS rarefied
      FROM totals t LEFT JOIN distinct_items d USING (year) LEFT JOIN rarefied r USING (year)
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
  }>(sql.years, { sampleSize: options.sampleSize, samples: options.samples });
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
      samples: options.samples,
    },
    items: items.map((i) => i.item),
    totals: items.map((i) => i.total),
    counts: items.map((i) => i.counts),
  };
  const range = { from: base.years[0], to: base.years[base.years.length - 1] };
  return { ...base, fullSpan: summarizeItems(base, range) };
}

export const itemsAnalysis = (options: ItemsOptions, description: string): Analysis<ItemsData> =>
  defineAnalysis<ItemsData>({
    name: `trends/${options.kind}`,
    description,
    run: ({ session }) => computeItems(session, options),
  });
