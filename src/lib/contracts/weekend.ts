// Output of the six Weekday / Weekend analyses (`npm run analysis -- weekend/<key>`), which together
// form the page's data file (src/data/weekend.json). Each analysis carries per-year sufficient
// statistics computed in DuckDB per day type (counts, sums, sums of squares, contingency counts):
// what the browser adds up over the reader's year range and tests with src/lib/weekend. Rank tests
// and box plots need the raw values, so they are precomputed in Node for the full span and for each
// decade of the data (`periods`). `fullSpan` is the full-span summary computed by the same
// functions the page calls, so the two always agree.
//
// Browser code imports only types from here; constants are in src/lib/weekend/keys.ts.
import { z } from "zod";
import { COMPLEXITY_MEASURES, ITEM_KINDS, NUTRIENTS } from "../weekend/keys.js";

const num = z.number();
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
const unit = z
  .number()
  .min(-1e-9)
  .max(1 + 1e-9);
const weekday = z.number().int().min(1).max(7);

const byKey = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

/** n, Σx and Σx² of one group: what SQL `count(x), sum(x), sum(x * x)` returns. */
export const groupSumsSchema = z.strictObject({ n: count, sum: num, sumSquares: num.nonnegative() });

/** n, mean and sample standard deviation (ddof 1; null with fewer than two values; mean null when n = 0). */
export const groupMomentsSchema = z.strictObject({ n: count, mean: num.nullable(), sd: num.nullable() });

/** Pearson chi-square goodness of fit against equal shares of the seven weekdays. */
export const chiSquareSchema = z.strictObject({
  statistic: num.nonnegative(),
  df: count,
  p: unit,
  /** Cohen's w = √(X² / n). */
  cohensW: num.nonnegative(),
});

// ── 1. Volume ──────────────────────────────────────────────────────────────────────────────────
export const volumeYearSchema = z.strictObject({
  year,
  /** Recipes submitted on each weekday, Monday first (index 0 = ISO day 1). */
  counts: z.array(count).length(7),
});

export const weekdayCountSchema = z.strictObject({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday,
  weekend: z.boolean(),
  n: count,
  /** n / total recipes of the range. */
  share: unit,
  /** (n − 7-day mean) / 7-day mean. */
  deviation: num,
});

export const volumeSummarySchema = z.strictObject({
  from: year,
  to: year,
  total: count,
  weekdays: z.array(weekdayCountSchema).length(7),
  /** Mean recipes per day of the week in each group: Σ Monday–Friday / 5, Σ Saturday–Sunday / 2. */
  perDay: z.strictObject({ weekday: num.nonnegative(), weekend: num.nonnegative() }),
  /** (weekend per day − weekday per day) / weekday per day; null when there are no weekday recipes. */
  weekendVsWeekday: num.nullable(),
  /** Busiest and quietest weekday (ISO number); null when the range has no recipe. */
  busiest: weekday.nullable(),
  quietest: weekday.nullable(),
  /** Chi-square goodness of fit against equal shares; null when the range has no recipe. */
  chiSquare: chiSquareSchema.nullable(),
});

export const volumeDataSchema = z.strictObject({
  perYear: z.array(volumeYearSchema).min(1),
  fullSpan: volumeSummarySchema,
});

// ── Measures compared weekday vs weekend (preparation time, complexity, nutrition) ────────────────
export const measureYearSchema = z.strictObject({
  year,
  weekday: groupSumsSchema,
  weekend: groupSumsSchema,
});

/** Five-number summary of a group with Tukey whiskers (most extreme values within 1.5 IQR of the quartiles). */
export const boxSchema = z.strictObject({
  n: count,
  mean: num,
  min: num,
  q1: num,
  median: num,
  q3: num,
  max: num,
  whiskerLow: num,
  whiskerHigh: num,
  /** Values beyond the whiskers (not sent, only counted). */
  outliers: count,
});

export const mannWhitneySchema = z.strictObject({
  U: num.nonnegative(),
  z: num,
  p: unit,
  /** Rank-biserial r = P(weekend > weekday) − P(weekend < weekday). */
  rankBiserial: z
    .number()
    .min(-1 - 1e-9)
    .max(1 + 1e-9),
  n1: count,
  n2: count,
});

/** Rank test and box plots of one period: the full span, or one decade of the data. */
export const rankPeriodSchema = z.strictObject({
  kind: z.enum(["full", "decade"]),
  from: year,
  to: year,
  weekday: boxSchema,
  weekend: boxSchema,
  /** Mann–Whitney U of weekend against weekday, tie-corrected; null when all values tie. */
  mannWhitney: mannWhitneySchema.nullable(),
});

export const welchSchema = z.strictObject({
  t: num,
  df: num.nonnegative(),
  p: unit,
  /** Weekend mean − weekday mean. */
  meanDiff: num,
  ci95: z.tuple([num, num]),
  cohensD: num,
});

export const measureSummarySchema = z.strictObject({
  from: year,
  to: year,
  weekday: groupMomentsSchema,
  weekend: groupMomentsSchema,
  /** Weekend mean − weekday mean; null when a group is empty. */
  difference: num.nullable(),
  /** (weekend mean − weekday mean) / weekday mean; null when undefined. */
  relative: num.nullable(),
  /** Welch's t of weekend against weekday; null when a group has fewer than two values or no spread. */
  welch: welchSchema.nullable(),
});

export const measureDataSchema = z.strictObject({
  perYear: z.array(measureYearSchema).min(1),
  periods: z.array(rankPeriodSchema).min(1),
});

// ── 2. Preparation time ─────────────────────────────────────────────────────────────────────────
export const durationDataSchema = measureDataSchema.extend({ fullSpan: measureSummarySchema });

// ── 3. Complexity ───────────────────────────────────────────────────────────────────────────────
export const complexitySummarySchema = z.strictObject({
  measures: byKey(COMPLEXITY_MEASURES, measureSummarySchema),
  /** Holm-adjusted p of the three Welch tests (null where a test could not run). */
  holm: byKey(COMPLEXITY_MEASURES, unit.nullable()),
});

export const complexityDataSchema = z.strictObject({
  measures: byKey(COMPLEXITY_MEASURES, measureDataSchema),
  fullSpan: complexitySummarySchema,
});

// ── 4. Nutrition ────────────────────────────────────────────────────────────────────────────────
export const nutrientSummarySchema = measureSummarySchema.extend({
  /** Benjamini–Hochberg-adjusted p of the Welch test across the seven values. */
  q: unit.nullable(),
  significant: z.boolean(),
});

export const nutritionSummarySchema = z.strictObject({
  from: year,
  to: year,
  nutrients: byKey(NUTRIENTS, nutrientSummarySchema),
  significant: count,
});

export const nutritionDataSchema = z.strictObject({
  perYear: byKey(NUTRIENTS, z.array(measureYearSchema).min(1)),
  fullSpan: nutritionSummarySchema,
});

// ── 5–6. Ingredients and tags ───────────────────────────────────────────────────────────────────
export const itemCountsSchema = z.strictObject({
  item: z.string().min(1),
  /** Recipes containing the item, per year of `years`, in each group. */
  weekday: z.array(count),
  weekend: z.array(count),
});

export const itemResultSchema = z.strictObject({
  item: z.string(),
  /** Recipes containing the item in each group over the range. */
  weekday: count,
  weekend: count,
  shareWeekday: unit,
  shareWeekend: unit,
  /** shareWeekend − shareWeekday (a fraction: 0.01 = one percentage point). */
  difference: num,
  /** Pearson X² of the 2×2 table (no Yates correction), its p and BH-adjusted q over every item tested. */
  statistic: num.nonnegative(),
  p: unit,
  q: unit,
  /** Cramér's V (|φ| of the 2×2 table). */
  cramersV: unit,
  significant: z.boolean(),
  structural: z.boolean(),
});

export const itemsSummarySchema = z.strictObject({
  from: year,
  to: year,
  recipes: z.strictObject({ weekday: count, weekend: count }),
  /** Items passing the range's minimum count and share, tested and BH-adjusted together. */
  tested: count,
  significant: count,
  /** Structural tags left out of the test (0 for ingredients, or when they are included). */
  structuralExcluded: count,
  /** The strongest items by Cramér's V in each direction, at most ITEM_TOP each. */
  weekendLeaning: z.array(itemResultSchema),
  weekdayLeaning: z.array(itemResultSchema),
});

export const itemsDataSchema = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  minCount: count,
  minShare: unit,
  candidates: count,
  years: z.array(year).min(1),
  recipes: z.strictObject({ weekday: z.array(count), weekend: z.array(count) }),
  items: z.array(itemCountsSchema),
  fullSpan: itemsSummarySchema,
});

export type GroupSums = z.infer<typeof groupSumsSchema>;
export type GroupMomentsRow = z.infer<typeof groupMomentsSchema>;
export type ChiSquare = z.infer<typeof chiSquareSchema>;
export type VolumeYear = z.infer<typeof volumeYearSchema>;
export type WeekdayCount = z.infer<typeof weekdayCountSchema>;
export type VolumeSummary = z.infer<typeof volumeSummarySchema>;
export type VolumeData = z.infer<typeof volumeDataSchema>;
export type MeasureYear = z.infer<typeof measureYearSchema>;
export type Box = z.infer<typeof boxSchema>;
export type MannWhitney = z.infer<typeof mannWhitneySchema>;
export type RankPeriod = z.infer<typeof rankPeriodSchema>;
export type Welch = z.infer<typeof welchSchema>;
export type MeasureSummary = z.infer<typeof measureSummarySchema>;
export type MeasureData = z.infer<typeof measureDataSchema>;
export type DurationData = z.infer<typeof durationDataSchema>;
export type ComplexitySummary = z.infer<typeof complexitySummarySchema>;
export type ComplexityData = z.infer<typeof complexityDataSchema>;
export type NutrientSummary = z.infer<typeof nutrientSummarySchema>;
export type NutritionSummary = z.infer<typeof nutritionSummarySchema>;
export type NutritionData = z.infer<typeof nutritionDataSchema>;
export type ItemCounts = z.infer<typeof itemCountsSchema>;
export type ItemResult = z.infer<typeof itemResultSchema>;
export type ItemsSummary = z.infer<typeof itemsSummarySchema>;
export type ItemsData = z.infer<typeof itemsDataSchema>;

/** The page data: one key per analysis of data-loaders/analyses/weekend/. */
export const weekendDataSchema = z.strictObject({
  complexity: complexityDataSchema,
  duration: durationDataSchema,
  ingredients: itemsDataSchema,
  nutrition: nutritionDataSchema,
  tags: itemsDataSchema,
  volume: volumeDataSchema,
});
export type WeekendData = z.infer<typeof weekendDataSchema>;
