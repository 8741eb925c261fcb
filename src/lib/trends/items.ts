// Ingredients and tags for a year range, from the column-aligned per-year counts: the most
// frequent items, diversity, and the risers and decliners ranked by the WLS slope of their yearly
// share of recipes (every year counts, weighted by its recipes — not last year minus first year,
// which would rank the noise of the two thinnest years).
import type { ItemMover, ItemsData, ItemsSummary, YearRange } from "../contracts/trends.js";
import { fitTrend } from "./fit.js";
import { yearIndices } from "./range.js";

/** What the summary needs of the analysis output (everything but its own full-span summary). */
export type ItemsInput = Omit<ItemsData, "fullSpan">;

export interface ItemsOptions {
  /** Most frequent items listed (default 10). */
  top?: number;
  /** Risers and decliners listed each (default 10). */
  movers?: number;
}

export interface ShareRow {
  item: string;
  year: number;
  /** Recipes of the year containing the item, and all recipes of the year. */
  count: number;
  recipes: number;
  share: number;
}

export interface DiversityRow {
  year: number;
  recipes: number;
  distinct: number;
  rarefied: number | null;
}

const sumAt = (values: readonly number[], indices: readonly number[]) =>
  indices.reduce((total, j) => total + values[j], 0);

/** Yearly share rows of one item over the range (years without recipes have no share). */
function shares(data: ItemsInput, i: number, indices: readonly number[]): ShareRow[] {
  return indices
    .filter((j) => data.recipes[j] > 0)
    .map((j) => ({
      item: data.items[i],
      year: data.years[j],
      count: data.counts[i][j],
      recipes: data.recipes[j],
      share: data.counts[i][j] / data.recipes[j],
    }));
}

const bySlope = (direction: 1 | -1) => (a: ItemMover, b: ItemMover) =>
  direction * (b.slope - a.slope) || a.item.localeCompare(b.item);

/** An item ranked in a range: its recipes there, its share, and the trend of its yearly share (null: none). */
export interface RankedItem {
  item: string;
  count: number;
  share: number;
  slope: number | null;
  p: number | null;
  r2: number | null;
}

/**
 * Every item contained in at least `minCount` recipes of the range, most frequent first (name on
 * a tie), with the WLS trend of its yearly share weighted by the year's recipes: the table the
 * top list, the risers and the decliners are drawn from (and the card's CSV).
 */
export function rankItems(data: ItemsInput, range: YearRange): RankedItem[] {
  const indices = yearIndices(data.years, range);
  const recipes = sumAt(data.recipes, indices);
  const ranked: RankedItem[] = [];
  data.items.forEach((item, i) => {
    const count = sumAt(data.counts[i], indices);
    if (count < data.minCount) return;
    const fit = fitTrend(shares(data, i, indices), (r) => r.share, { weight: (r) => r.recipes });
    ranked.push({
      item,
      count,
      share: count / recipes,
      slope: fit?.slope ?? null,
      p: fit?.p ?? null,
      r2: fit?.r2 ?? null,
    });
  });
  return ranked.sort((a, b) => b.count - a.count || a.item.localeCompare(b.item));
}

export function summarizeItems(data: ItemsInput, range: YearRange, options: ItemsOptions = {}): ItemsSummary {
  const { top = 10, movers = 10 } = options;
  const indices = yearIndices(data.years, range);
  const ranked = rankItems(data, range);
  const fitted: ItemMover[] = ranked.flatMap(({ item, slope, p, r2, share }) =>
    slope === null || p === null || r2 === null ? [] : [{ item, slope, p, r2, share }],
  );
  return {
    ...range,
    years: indices.length,
    recipes: sumAt(data.recipes, indices),
    itemsRanked: ranked.length,
    top: ranked.slice(0, top).map(({ item, count }) => ({ item, count })),
    risers: fitted
      .filter((m) => m.slope > 0)
      .sort(bySlope(1))
      .slice(0, movers),
    decliners: fitted
      .filter((m) => m.slope < 0)
      .sort(bySlope(-1))
      .slice(0, movers),
    // Every rarefied value rests on samples of the same size, so the years weigh the same.
    diversityTrend: fitTrend(diversityRows(data, range), (r) => r.rarefied, { weight: () => 1 }),
  };
}

/** Yearly share rows of the named items over the range, for the share-lines chart. */
export function shareRows(data: ItemsInput, range: YearRange, items: readonly string[]): ShareRow[] {
  const indices = yearIndices(data.years, range);
  return items.flatMap((item) => {
    const i = data.items.indexOf(item);
    return i < 0 ? [] : shares(data, i, indices);
  });
}

/** Diversity per year of the range: raw distinct items and the rarefied value. */
export function diversityRows(data: ItemsInput, range: YearRange): DiversityRow[] {
  return yearIndices(data.years, range).map((j) => ({
    year: data.years[j],
    recipes: data.recipes[j],
    distinct: data.diversity.distinct[j],
    rarefied: data.diversity.rarefied[j],
  }));
}
