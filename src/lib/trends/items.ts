// Ingredients and tags for a year range, from the column-aligned per-year counts: the most
// frequent items, diversity, and the items whose yearly share of recipes rose or fell.
//
// Every ranked item is tested: the headline trend of its yearly share (src/lib/trends/fit.ts),
// each year's share with the binomial sampling variance p̄(1 − p̄)/N_t, where p̄ is the item's
// share over the whole range and N_t the year's recipes — the variance under "no change", which
// stays positive in a year where the item is absent (p_t(1 − p_t) would be 0 there and give that
// year unlimited weight). With hundreds of items tested, some would pass p < 0.05 by chance alone,
// so the p-values are adjusted by Benjamini–Hochberg across every item tested in the range, and
// only items with an adjusted p (q) below ALPHA are called risers or decliners. The others are not
// listed as movers at all; their slopes, p and q are in the card's CSV.
// The WLS slope of the original app (weights = recipes) is kept next to each item for comparison.
import type {
  HeadlineFit,
  ItemMover,
  ItemsData,
  ItemsSummary,
  TrendFit,
  YearRange,
} from "../contracts/trends.js";
import { benjaminiHochberg } from "../stats/index.js";
import { ALPHA, direction, fitSeries, fitTrend, headlineSeries, headlineTrend } from "./fit.js";
import { yearIndices } from "./range.js";
import { isStructuralTag } from "./structural-tags.js";

/** What the summary needs of the analysis output (everything but its own full-span summary). */
export type ItemsInput = Omit<ItemsData, "fullSpan">;

export interface RankingOptions {
  /** Rank Food.com-format bookkeeping tags too (default false: they are left out of tag rankings). */
  includeStructural?: boolean;
}

export interface ItemsOptions extends RankingOptions {
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

function sumAt(values: readonly number[], indices: readonly number[]): number {
  let total = 0;
  for (let t = 0; t < indices.length; t++) total += values[indices[t]];
  return total;
}

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

/** True when the item is left out of rankings: a bookkeeping tag, unless the reader asked for them. */
const excluded = (data: ItemsInput, item: string, { includeStructural = false }: RankingOptions) =>
  data.kind === "tags" && !includeStructural && isStructuralTag(item);

/** An item ranked in a range: its recipes there, its share, and the trends of its yearly share (null: none). */
export interface RankedItem {
  item: string;
  count: number;
  share: number;
  /** Headline slope of the yearly share (a fraction per year), its p-value, and the BH-adjusted q. */
  slope: number | null;
  p: number | null;
  q: number | null;
  /** The WLS fit of the same share (weights = recipes). */
  wlsSlope: number | null;
  wlsP: number | null;
  wlsR2: number | null;
}

interface Fitted {
  item: string;
  count: number;
  share: number;
  headline: HeadlineFit | null;
  wls: TrendFit | null;
}

/**
 * Every item contained in at least `minCount` recipes of the range (bookkeeping tags left out
 * unless asked for), most frequent first (name on a tie), with the headline and WLS trends of its
 * yearly share and the Benjamini–Hochberg q across those with a headline p-value: the table the
 * top list, the risers and the decliners are drawn from (and the card's CSV).
 */
export function rankItems(data: ItemsInput, range: YearRange, options: RankingOptions = {}): RankedItem[] {
  return toRanked(fitItems(data, range, options));
}

// The fits of the last few ranges, per data object: the Trends page asks for the same range twice
// per card and redraw (the summary, and the ranked table of its CSV), and a reader going back to
// a range gets it at once. The fits are read, never changed, by their callers.
const FITS_KEPT = 8;
const fitCache = new WeakMap<ItemsInput, Map<string, Fitted[]>>();

function fitItems(data: ItemsInput, range: YearRange, options: RankingOptions): Fitted[] {
  const key = `${range.from} ${range.to} ${Boolean(options.includeStructural)}`;
  let fits = fitCache.get(data);
  if (!fits) fitCache.set(data, (fits = new Map()));
  let fitted = fits.get(key);
  if (!fitted) {
    fitted = computeFits(data, range, options);
    if (fits.size >= FITS_KEPT) fits.delete(fits.keys().next().value!);
    fits.set(key, fitted);
  }
  return fitted;
}

function computeFits(data: ItemsInput, range: YearRange, options: RankingOptions): Fitted[] {
  const indices = yearIndices(data.years, range);
  const recipes = sumAt(data.recipes, indices);
  // The years of the range with recipes (the others have no share), common to every item: the
  // items' yearly shares are fitted as columns on them, without a row object per item and year.
  const used = indices.filter((j) => data.recipes[j] > 0);
  const years = used.map((j) => data.years[j]);
  const n = used.map((j) => data.recipes[j]);
  const fitted: Fitted[] = [];
  for (let i = 0; i < data.items.length; i++) {
    const item = data.items[i];
    const counts = data.counts[i];
    const count = sumAt(counts, indices);
    if (count < data.minCount || excluded(data, item, options)) continue;
    const share = count / recipes;
    const null0 = share * (1 - share);
    const yearShares: number[] = [];
    const variances: number[] = [];
    for (let t = 0; t < used.length; t++) {
      yearShares.push(counts[used[t]] / n[t]);
      variances.push(null0 / n[t]);
    }
    fitted.push({
      item,
      count,
      share,
      headline: headlineSeries(years, yearShares, variances, range.from),
      wls: fitSeries(years, yearShares, n, range.from),
    });
  }
  return fitted.sort((a, b) => b.count - a.count || a.item.localeCompare(b.item));
}

function toRanked(fitted: Fitted[]): RankedItem[] {
  const q = benjaminiHochberg(fitted.map((f) => f.headline?.p ?? NaN));
  return fitted.map((f, i) => ({
    item: f.item,
    count: f.count,
    share: f.share,
    slope: f.headline?.slope ?? null,
    p: f.headline?.p ?? null,
    q: Number.isNaN(q[i]) ? null : q[i],
    wlsSlope: f.wls?.slope ?? null,
    wlsP: f.wls?.p ?? null,
    wlsR2: f.wls?.r2 ?? null,
  }));
}

const bySlope = (direction: 1 | -1) => (a: ItemMover, b: ItemMover) =>
  direction * (b.slope - a.slope) || a.item.localeCompare(b.item);

export function summarizeItems(data: ItemsInput, range: YearRange, options: ItemsOptions = {}): ItemsSummary {
  const { top = 10, movers = 10 } = options;
  const indices = yearIndices(data.years, range);
  const fitted = fitItems(data, range, options);
  const ranked = toRanked(fitted);
  const structuralExcluded = data.items.filter(
    (item, i) => excluded(data, item, options) && sumAt(data.counts[i], indices) >= data.minCount,
  ).length;
  // Called a riser or a decliner: q < ALPHA over at least MIN_TREND_YEARS years (fit.ts's rule).
  const years = new Map<string, number>();
  for (const f of fitted) years.set(f.item, f.headline?.years ?? 0);
  const risers: ItemMover[] = [];
  const decliners: ItemMover[] = [];
  for (const r of ranked) {
    // (An item with a headline fit always has a WLS fit: both need three years of varying shares.)
    if (
      r.slope === null ||
      r.p === null ||
      r.q === null ||
      r.wlsSlope === null ||
      r.wlsP === null ||
      r.wlsR2 === null
    )
      continue;
    const d = direction({ slope: r.slope, p: r.q, years: years.get(r.item) ?? 0 }, ALPHA);
    if (d === "flat") continue;
    (d === "up" ? risers : decliners).push({
      item: r.item,
      slope: r.slope,
      p: r.p,
      q: r.q,
      share: r.share,
      wlsSlope: r.wlsSlope,
      wlsP: r.wlsP,
      wlsR2: r.wlsR2,
    });
  }
  risers.sort(bySlope(1));
  decliners.sort(bySlope(-1));
  const diversity = diversityRows(data, range);
  return {
    ...range,
    years: indices.length,
    recipes: sumAt(data.recipes, indices),
    itemsRanked: ranked.length,
    structuralExcluded,
    tested: ranked.filter((r) => r.q !== null).length,
    significantRisers: risers.length,
    significantDecliners: decliners.length,
    top: ranked.slice(0, top).map(({ item, count }) => ({ item, count })),
    risers: risers.slice(0, movers),
    decliners: decliners.slice(0, movers),
    // Every rarefied value is an exact expectation at the same sample size: equal WLS weights, and
    // no sampling variance of its own in the headline fit (all scatter is between-year).
    diversityTrend: fitTrend(diversity, (r) => r.rarefied, { weight: () => 1, origin: range.from }),
    diversityHeadline: headlineTrend(
      diversity,
      (r) => r.rarefied,
      () => 0,
      { origin: range.from },
    ),
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
