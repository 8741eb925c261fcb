// Output of the six Seasonality analyses (`npm run analysis -- seasonality/<key>`), which together
// form the Seasonality page's data file (src/data/seasonality.json). Like the Trends contract:
// each analysis carries per-year, per-season sufficient statistics computed in DuckDB (counts,
// sums, sums of squares, contingency counts — what the browser adds up for the reader's years)
// and `fullSpan`, the summary of the whole span computed from them by src/lib/seasonality (the
// same functions the page calls for any other range). Rank tests and box plots cannot be rebuilt
// from sums: they come precomputed for the documented periods (src/lib/periods.ts).
//
// Every per-season array has four entries in the order of SEASONS (src/lib/calendar.ts). Browser
// code imports only types from here (zod stays out of the page bundle).
import { z } from "zod";
import { SEASONS } from "../calendar.js";
import { COMPLEXITY_MEASURES, NUTRIENTS } from "./trends-keys.js";

export { SEASONS, type Season } from "../calendar.js";
export { COMPLEXITY_MEASURES, NUTRIENTS, type ComplexityMeasure, type Nutrient } from "./trends-keys.js";

// zod 4 numbers are finite: NaN and ±Infinity fail (JSON would write them as null).
const num = z.number();
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
const unit = z
  .number()
  .min(-1e-9)
  .max(1 + 1e-9);
/** A p-value or a share; null when the test cannot be computed (no spread, one group…). */
const pValue = unit.nullable();
const season = z.enum(SEASONS);
/** One value per season, in SEASONS order. */
const perSeason = <S extends z.ZodType>(schema: S) => z.array(schema).length(SEASONS.length);
const byKey = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

export const yearRangeSchema = z.strictObject({ from: year, to: year });

/** n, Σx and Σx² of one group's non-null values: what the browser pools across years. */
export const groupSumsSchema = z.strictObject({ n: count, sum: num, sumSquares: num.nonnegative() });

/** A chi-square goodness-of-fit test of the season counts against expected shares. */
export const goodnessOfFitSchema = z.strictObject({
  statistic: num.nullable(),
  df: count,
  p: pValue,
  /** Cohen's w = √(X²/n): 0.1 small, 0.3 medium, 0.5 large. */
  cohensW: num.nullable(),
});

/** One-way ANOVA across the four seasons, from the pooled sufficient statistics. */
export const anovaSchema = z.strictObject({
  F: num.nullable(),
  df1: count,
  df2: count,
  p: pValue,
  /** η² = SS between / SS total. */
  etaSquared: unit.nullable(),
});

/** Kruskal–Wallis H (tie-corrected) across the four seasons, over the raw values of a period. */
export const kruskalSchema = z.strictObject({
  H: num.nullable(),
  df: count,
  p: pValue,
  n: count,
  /** ε² = H / (n − 1). */
  epsilonSquared: num.nullable(),
});

/** A season's mean and sample standard deviation for a range, from pooled sums. */
export const seasonMeanSchema = z.strictObject({
  season,
  n: count,
  mean: num.nullable(),
  sd: num.nullable(),
});

/** Box-plot summary of one season's values in a period: quartiles (linear, type 7) and 1.5 IQR whiskers. */
export const boxSchema = z.strictObject({
  season,
  n: count,
  min: num,
  q1: num,
  median: num,
  q3: num,
  max: num,
  mean: num,
  /** The most extreme values inside [q1 − 1.5 IQR, q3 + 1.5 IQR]. */
  whiskerLow: num,
  whiskerHigh: num,
  /** Values beyond the whiskers (not drawn one by one: no raw values are sent). */
  outliers: count,
});

/** A documented period of the rank tests and box plots: the full span, or a decade of the data. */
export const periodSchema = yearRangeSchema.extend({ kind: z.enum(["full", "decade"]) });

// ── 1. Volume ────────────────────────────────────────────────────────────────────────────────

export const volumeYearSchema = z.strictObject({
  year,
  /** Recipes submitted in each season of that calendar year (winter = Jan, Feb and Dec of it). */
  n: perSeason(count),
  /** Calendar days of each season of that year inside the data's first and last submission dates. */
  days: perSeason(count),
});

export const volumeSeasonSchema = z.strictObject({
  season,
  n: count,
  /** n / total. */
  share: unit,
  /** (n − mean per season) / mean per season, as a fraction (0.087 = +8.7 %). */
  deviation: num,
  days: count,
  /** The season's share of the calendar days of the range (the calendar test's expected share). */
  calendarShare: unit,
  /** Recipes per calendar day of the season. */
  perDay: num.nullable(),
});

export const volumeSummarySchema = yearRangeSchema.extend({
  total: count,
  /** Mean recipes per season. */
  mean: num,
  seasons: z.array(volumeSeasonSchema).length(SEASONS.length),
  /** The busiest and quietest seasons (the first in season order on a tie). */
  max: season,
  min: season,
  /** Against equal shares (¼ each). */
  equalShares: goodnessOfFitSchema,
  /** Against the shares of calendar days (null when the range has a season without days). */
  calendar: goodnessOfFitSchema.nullable(),
});

export const volumeDataSchema = z.strictObject({
  perYear: z.array(volumeYearSchema).min(1),
  fullSpan: volumeSummarySchema,
});

// ── 2. Preparation time ──────────────────────────────────────────────────────────────────────

export const sumsYearSchema = z.strictObject({ year, seasons: perSeason(groupSumsSchema) });

/** The rank test and box plots of a period. */
export const rankPeriodSchema = periodSchema.extend({
  boxes: z.array(boxSchema).length(SEASONS.length),
  kruskal: kruskalSchema,
});

export const meansSummarySchema = yearRangeSchema.extend({
  seasons: z.array(seasonMeanSchema).length(SEASONS.length),
  anova: anovaSchema.nullable(),
});

export const durationDataSchema = z.strictObject({
  perYear: z.array(sumsYearSchema).min(1),
  periods: z.array(rankPeriodSchema).min(1),
  fullSpan: meansSummarySchema,
});

// ── 3. Complexity ────────────────────────────────────────────────────────────────────────────

export const complexityYearSchema = z.strictObject({
  year,
  measures: byKey(COMPLEXITY_MEASURES, perSeason(groupSumsSchema)),
});

export const complexityPeriodSchema = periodSchema.extend({
  kruskal: byKey(COMPLEXITY_MEASURES, kruskalSchema),
  /** Holm-adjusted p-values of the three Kruskal–Wallis tests. */
  holm: byKey(COMPLEXITY_MEASURES, pValue),
});

export const complexitySummarySchema = yearRangeSchema.extend({
  measures: byKey(COMPLEXITY_MEASURES, meansSummarySchema),
  /** Holm-adjusted p-values of the three ANOVAs. */
  holm: byKey(COMPLEXITY_MEASURES, pValue),
});

export const complexityDataSchema = z.strictObject({
  perYear: z.array(complexityYearSchema).min(1),
  periods: z.array(complexityPeriodSchema).min(1),
  fullSpan: complexitySummarySchema,
});

// ── 4. Nutrition ─────────────────────────────────────────────────────────────────────────────

export const nutritionYearSchema = z.strictObject({
  year,
  nutrients: byKey(NUTRIENTS, perSeason(groupSumsSchema)),
});

export const nutrientSummarySchema = meansSummarySchema.extend({
  /** z-score of each season's mean across the four season means (population sd, ddof 0). */
  z: perSeason(num.nullable()),
  /** Benjamini–Hochberg-adjusted p-value of the ANOVA across the seven nutrients. */
  q: pValue,
});

export const nutritionSummarySchema = yearRangeSchema.extend({
  nutrients: byKey(NUTRIENTS, nutrientSummarySchema),
});

export const nutritionDataSchema = z.strictObject({
  perYear: z.array(nutritionYearSchema).min(1),
  fullSpan: nutritionSummarySchema,
});

// ── 5–6. Ingredients and tags ────────────────────────────────────────────────────────────────

export const ITEM_KINDS = ["ingredients", "tags"] as const;

export const itemRowSchema = z.strictObject({
  item: z.string(),
  /** Share of each season's recipes that contain the item. */
  shares: perSeason(unit),
  /** Mean of the four shares, and max − min of them. */
  meanShare: unit,
  range: unit,
  /** Chi-square test of independence, item present/absent × season (4 × 2, df 3). */
  statistic: num.nullable(),
  p: pValue,
  /** Benjamini–Hochberg-adjusted p-value across every item tested in the range. */
  q: pValue,
  cramersV: unit.nullable(),
  significant: z.boolean(),
});

export const itemsSummarySchema = yearRangeSchema.extend({
  /** Recipes per season in the range. */
  recipes: perSeason(count),
  /** Candidate items, items left out as structural tags, items tested (mean share above the minimum). */
  candidates: count,
  structuralExcluded: count,
  tested: count,
  significant: count,
  /** Tested items, strongest association (Cramér's V) first. */
  rows: z.array(itemRowSchema),
});

export const itemsDataSchema = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  /** Minimum recipes containing an item over the span for it to be a candidate. */
  minRecipes: count,
  /** At most this many candidates, the most frequent first. */
  maxItems: count,
  years: z.array(year).min(1),
  /** Recipes per year and season: recipes[year index][season index]. */
  recipes: z.array(perSeason(count)),
  items: z.array(z.string()),
  /** counts[item][year index · 4 + season index]: recipes of that year and season containing the item. */
  counts: z.array(z.array(count)),
  fullSpan: itemsSummarySchema,
});

export type YearRange = z.infer<typeof yearRangeSchema>;
export type GroupSums = z.infer<typeof groupSumsSchema>;
export type GoodnessOfFit = z.infer<typeof goodnessOfFitSchema>;
export type Anova = z.infer<typeof anovaSchema>;
export type Kruskal = z.infer<typeof kruskalSchema>;
export type SeasonMean = z.infer<typeof seasonMeanSchema>;
export type Box = z.infer<typeof boxSchema>;
export type Period = z.infer<typeof periodSchema>;
export type VolumeYear = z.infer<typeof volumeYearSchema>;
export type VolumeSeason = z.infer<typeof volumeSeasonSchema>;
export type VolumeSummary = z.infer<typeof volumeSummarySchema>;
export type VolumeData = z.infer<typeof volumeDataSchema>;
export type SumsYear = z.infer<typeof sumsYearSchema>;
export type RankPeriod = z.infer<typeof rankPeriodSchema>;
export type MeansSummary = z.infer<typeof meansSummarySchema>;
export type DurationData = z.infer<typeof durationDataSchema>;
export type ComplexityYear = z.infer<typeof complexityYearSchema>;
export type ComplexityPeriod = z.infer<typeof complexityPeriodSchema>;
export type ComplexitySummary = z.infer<typeof complexitySummarySchema>;
export type ComplexityData = z.infer<typeof complexityDataSchema>;
export type NutritionYear = z.infer<typeof nutritionYearSchema>;
export type NutrientSummary = z.infer<typeof nutrientSummarySchema>;
export type NutritionSummary = z.infer<typeof nutritionSummarySchema>;
export type NutritionData = z.infer<typeof nutritionDataSchema>;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemRow = z.infer<typeof itemRowSchema>;
export type ItemsSummary = z.infer<typeof itemsSummarySchema>;
export type ItemsData = z.infer<typeof itemsDataSchema>;
