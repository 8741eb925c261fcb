// One implementation behind weekend/ingredients and weekend/tags: per-year recipe totals of each
// group, and per-year counts of recipes containing each candidate item in each group — the 2×2
// contingency counts the page adds up over the reader's range and tests (src/lib/weekend/items.ts).
// Candidates are the `candidates` most frequent items among those in at least `minCount` recipes
// over the full span: the page data stays small, and rarer items could not pass the range's
// minimum share anyway.
import { itemsDataSchema, type ItemsData } from "../../../src/lib/contracts/weekend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { summarizeItems } from "../../../src/lib/weekend/items.js";
import {
  ITEM_CANDIDATES,
  ITEM_MIN_COUNT,
  ITEM_MIN_SHARE,
  type ItemKind,
} from "../../../src/lib/weekend/keys.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis, type AnalysisDefinition } from "../types.js";
import { IS_WEEKEND } from "./_measures.js";

export interface ItemsOptions {
  kind: ItemKind;
  minCount: number;
  minShare: number;
  candidates: number;
}

export const ITEMS_DEFAULTS = {
  minCount: ITEM_MIN_COUNT,
  minShare: ITEM_MIN_SHARE,
  candidates: ITEM_CANDIDATES,
} as const;

/** Link table and item column of each kind (fixed identifiers, never user input). */
const SOURCES: Record<ItemKind, { table: string; column: string }> = {
  ingredients: { table: "recipe_ingredients", column: "ingredient" },
  tags: { table: "recipe_tags", column: "tag" },
};

export const YEARS_SQL = /* sql */ `
  SELECT year::INTEGER AS year,
         count(*) FILTER (WHERE NOT ${IS_WEEKEND})::INTEGER AS weekday,
         count(*) FILTER (WHERE ${IS_WEEKEND})::INTEGER AS weekend
  FROM recipes
  GROUP BY year
  ORDER BY year`;

/** One row per (candidate item, year): recipes containing it in each group. A recipe listing an item twice counts once. */
export const itemCountsSql = (kind: ItemKind) => {
  const { table, column } = SOURCES[kind];
  return /* sql */ `
    WITH pairs AS (
      SELECT DISTINCT r.year, x.recipe_id, x.${column} AS item, (${IS_WEEKEND}) AS weekend
      FROM ${table} x JOIN recipes r ON r.id = x.recipe_id),
    candidates AS (
      SELECT item, count(*) AS n FROM pairs GROUP BY item
      HAVING count(*) >= $minCount
      ORDER BY n DESC, item
      LIMIT $candidates)
    SELECT p.item, p.year::INTEGER AS year,
           count(*) FILTER (WHERE NOT p.weekend)::INTEGER AS weekday,
           count(*) FILTER (WHERE p.weekend)::INTEGER AS weekend
    FROM pairs p JOIN candidates c USING (item)
    GROUP BY p.item, p.year, c.n
    ORDER BY c.n DESC, p.item, p.year`;
};

export async function computeItems(session: Session, options: ItemsOptions): Promise<ItemsData> {
  const { kind, minCount, minShare, candidates } = options;
  const yearRows = await session.query<{ year: number; weekday: number; weekend: number }>(YEARS_SQL);
  const years = yearRows.map((r) => r.year);
  const line = new Map(years.map((y, i) => [y, i]));
  const rows = await session.query<{ item: string; year: number; weekday: number; weekend: number }>(
    itemCountsSql(kind),
    { minCount, candidates },
  );
  const items = new Map<string, { item: string; weekday: number[]; weekend: number[] }>();
  for (const r of rows) {
    let entry = items.get(r.item);
    if (!entry) {
      entry = { item: r.item, weekday: years.map(() => 0), weekend: years.map(() => 0) };
      items.set(r.item, entry);
    }
    const i = line.get(r.year)!;
    entry.weekday[i] = r.weekday;
    entry.weekend[i] = r.weekend;
  }
  const data = {
    kind,
    minCount,
    minShare,
    candidates,
    years,
    recipes: { weekday: yearRows.map((r) => r.weekday), weekend: yearRows.map((r) => r.weekend) },
    items: [...items.values()],
  };
  return { ...data, fullSpan: summarizeItems(data, fullRange(yearRows)) };
}

export const itemsAnalysis = (kind: ItemKind): AnalysisDefinition<typeof itemsDataSchema> =>
  defineAnalysis({
    description: `${kind === "tags" ? "Tags" : "Ingredients"} weekday vs weekend: per-year contingency counts of the ${ITEM_CANDIDATES} most frequent (≥ ${ITEM_MIN_COUNT} recipes), chi-square per item with BH, Cramér's V, both directions`,
    schema: itemsDataSchema,
    run: ({ session }) => computeItems(session, { kind, ...ITEMS_DEFAULTS }),
  });
