// Ingredients and tags by season for a year range: per item, the share of each season's recipes
// that contain it, and a chi-square test of independence of presence × season (a 2 × 4 table,
// df 3) from the per-year contingency counts. Items tested are those whose mean share over the
// four seasons is at least MIN_MEAN_SHARE in the range (below it, a few recipes make the shares
// swing) and that are neither in every recipe nor in none; p-values are Benjamini–Hochberg-adjusted across every item tested, and items are
// ranked by Cramér's V — how strongly presence depends on the season — not by the coefficient of
// variation of tiny shares, which rewards rare items. Structural tags (src/lib/trends/
// structural-tags.ts) are left out of the tags' family by default. Same function in the loader
// (full span) and the page.
import { SEASONS } from "../calendar.js";
import type { ItemRow, ItemsData, ItemsSummary, YearRange } from "../contracts/seasonality.js";
import { benjaminiHochberg, chiSquareIndependence } from "../stats/index.js";
import { yearIndices } from "../trends/range.js";
import { isStructuralTag } from "../trends/structural-tags.js";
import { finite } from "./tests.js";

/** An item is tested when its mean share over the four seasons is at least this (1 %). */
export const MIN_MEAN_SHARE = 0.01;
/** An item is shown in the heatmap when its shares span at least this (0.5 percentage points). */
export const MIN_SHARE_RANGE = 0.005;
/** False discovery rate of the BH-adjusted p-values. */
export const FDR = 0.05;
/** Items in the heatmap. */
export const TOP_ITEMS = 20;

export interface ItemsOptions {
  /** Keep structural tags in the tested family (default false). */
  includeStructural?: boolean;
}

type ItemsInput = Pick<ItemsData, "kind" | "years" | "recipes" | "items" | "counts">;

export function summarizeItems(data: ItemsInput, range: YearRange, options: ItemsOptions = {}): ItemsSummary {
  const years = yearIndices(data.years, range);
  if (years.length === 0) throw new Error(`seasonality: no year between ${range.from} and ${range.to}.`);
  const recipes = SEASONS.map((_, s) => years.reduce((acc, y) => acc + data.recipes[y][s], 0));
  const dropStructural = data.kind === "tags" && !options.includeStructural;
  let structuralExcluded = 0;
  const rows: Omit<ItemRow, "q" | "significant">[] = [];
  data.items.forEach((item, i) => {
    if (dropStructural && isStructuralTag(item)) {
      structuralExcluded++;
      return;
    }
    const present = SEASONS.map((_, s) =>
      years.reduce((acc, y) => acc + data.counts[i][y * SEASONS.length + s], 0),
    );
    const shares = present.map((k, s) => (recipes[s] > 0 ? k / recipes[s] : 0));
    const withRecipes = shares.filter((_, s) => recipes[s] > 0);
    if (withRecipes.length < 2) return;
    const meanShare = withRecipes.reduce((a, b) => a + b, 0) / withRecipes.length;
    if (meanShare < MIN_MEAN_SHARE) return;
    const test = chiSquareIndependence([present, present.map((k, s) => recipes[s] - k)]);
    // An item in every recipe of the range (or in none) has nothing to test.
    if (!Number.isFinite(test.p)) return;
    rows.push({
      item,
      shares,
      meanShare,
      range: Math.max(...withRecipes) - Math.min(...withRecipes),
      statistic: finite(test.statistic),
      p: finite(test.p),
      cramersV: finite(test.cramersV),
    });
  });
  const q = benjaminiHochberg(rows.map((r) => r.p ?? NaN));
  const tested = rows
    .map((r, i) => ({ ...r, q: finite(q[i]), significant: Number.isFinite(q[i]) && q[i] < FDR }))
    .sort((a, b) => (b.cramersV ?? -1) - (a.cramersV ?? -1) || a.item.localeCompare(b.item));
  return {
    ...range,
    recipes,
    candidates: data.items.length,
    structuralExcluded,
    tested: tested.length,
    significant: tested.filter((r) => r.significant).length,
    rows: tested,
  };
}

/** The heatmap's items: the strongest associations whose shares span at least MIN_SHARE_RANGE. */
export const topItems = (s: ItemsSummary, k = TOP_ITEMS): ItemRow[] =>
  s.rows.filter((r) => r.range >= MIN_SHARE_RANGE).slice(0, k);
