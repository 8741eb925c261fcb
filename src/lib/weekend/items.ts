// Ingredients and tags weekday vs weekend for a range: for each candidate item, recipes containing
// it in each group over the range's years, its 2×2 table (contains / not × weekday / weekend)
// tested with Pearson's chi-square (no Yates correction), Benjamini–Hochberg across every item
// tested, Cramér's V as the effect size that ranks them, and the strongest items in both
// directions. An item is tested when, over the range, it is in at least `minCount` recipes and in
// at least `minShare` of them; structural tags are left out unless asked.
import type { YearRange } from "../contracts/trends.js";
import type { ItemResult, ItemsData, ItemsSummary } from "../contracts/weekend.js";
import { benjaminiHochberg, chiSquareIndependence } from "../stats/index.js";
import { yearIndices } from "../trends/range.js";
import { isStructuralTag } from "../trends/structural-tags.js";
import { ALPHA, ITEM_TOP } from "./keys.js";

export interface ItemsOptions {
  /** Tags only: test the structural tags too (default false: they are left out). */
  includeStructural?: boolean;
  /** Items listed per direction (default ITEM_TOP). */
  top?: number;
}

const sumAt = (xs: readonly number[], idx: readonly number[]) => idx.reduce((a, i) => a + xs[i], 0);

/** Every item tested over the range, with q and significance, strongest (largest V) first. */
export function testItems(
  data: Omit<ItemsData, "fullSpan">,
  range: YearRange,
  options: ItemsOptions = {},
): { results: ItemResult[]; structuralExcluded: number; recipes: { weekday: number; weekend: number } } {
  const idx = yearIndices(data.years, range);
  const recipes = { weekday: sumAt(data.recipes.weekday, idx), weekend: sumAt(data.recipes.weekend, idx) };
  const total = recipes.weekday + recipes.weekend;
  const excludeStructural = data.kind === "tags" && !options.includeStructural;
  let structuralExcluded = 0;
  const rows: Omit<ItemResult, "q" | "significant">[] = [];
  if (recipes.weekday === 0 || recipes.weekend === 0) return { results: [], structuralExcluded, recipes };
  for (const item of data.items) {
    const wd = sumAt(item.weekday, idx);
    const we = sumAt(item.weekend, idx);
    const n = wd + we;
    if (n < data.minCount || n / total < data.minShare) continue;
    const structural = data.kind === "tags" && isStructuralTag(item.item);
    if (structural && excludeStructural) {
      structuralExcluded++;
      continue;
    }
    const test = chiSquareIndependence([
      [wd, recipes.weekday - wd],
      [we, recipes.weekend - we],
    ]);
    // An item in every recipe of the range has nothing to test (a column of zeros).
    if (!Number.isFinite(test.p)) continue;
    const shareWeekday = wd / recipes.weekday;
    const shareWeekend = we / recipes.weekend;
    rows.push({
      item: item.item,
      weekday: wd,
      weekend: we,
      shareWeekday,
      shareWeekend,
      difference: shareWeekend - shareWeekday,
      statistic: test.statistic,
      p: test.p,
      cramersV: test.cramersV,
      structural,
    });
  }
  const q = benjaminiHochberg(rows.map((r) => r.p));
  const results = rows
    .map((r, i) => ({ ...r, q: q[i], significant: q[i] < ALPHA }))
    .sort((a, b) => b.cramersV - a.cramersV || a.item.localeCompare(b.item));
  return { results, structuralExcluded, recipes };
}

export function summarizeItems(
  data: Omit<ItemsData, "fullSpan">,
  range: YearRange,
  options: ItemsOptions = {},
): ItemsSummary {
  const top = options.top ?? ITEM_TOP;
  const { results, structuralExcluded, recipes } = testItems(data, range, options);
  return {
    from: range.from,
    to: range.to,
    recipes,
    tested: results.length,
    significant: results.filter((r) => r.significant).length,
    structuralExcluded,
    weekendLeaning: results.filter((r) => r.difference > 0).slice(0, top),
    weekdayLeaning: results.filter((r) => r.difference < 0).slice(0, top),
  };
}
