// Output of the Ratings analyses (`npm run analysis -- ratings/<key>`), which together form the
// page's data file (src/data/ratings.json). Every group (a month, a year, a season of a year, a
// weekday of a year) carries its counts of each rating value 0–5: with only six values these are
// sufficient statistics for the mean, the variance, the shares of 5★ and ≤ 2★ and even the rank
// tests, so the browser recomputes everything for the reader's year range (src/lib/ratings).
// What cannot be rebuilt from them (distinct users and recipes, the cluster-by-user interval) is
// precomputed for the full span and each decade of the data. `fullSpan` is the full-span summary
// computed by the same functions the page calls, so the two always agree.
//
// Browser code imports only types from here; constants are in src/lib/ratings/keys.ts.
import { z } from "zod";

const num = z.number();
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
const unit = z
  .number()
  .min(-1e-9)
  .max(1 + 1e-9);
const interval = z.tuple([num, num]);

/** Interactions with rating 0, 1, 2, 3, 4, 5 (index = rating; 0 = review without rating). */
export const starCountsSchema = z.array(count).length(6);

/** What a group's ratings say: counts, mean of ratings 1–5, its t interval and the shares. */
export const ratingStatsSchema = z.strictObject({
  /** Interactions, rated or not. */
  interactions: count,
  /** Ratings 1–5. */
  n: count,
  /** Reviews without a rating (rating 0). */
  unrated: count,
  /** unrated / interactions; null without interactions. */
  unratedShare: unit.nullable(),
  /** Mean of ratings 1–5; null without ratings. */
  mean: num.nullable(),
  /** Sample standard deviation (ddof 1); null with fewer than two ratings. */
  sd: num.nullable(),
  /** mean ± t(0.975, n − 1)·sd/√n: the interval if every rating were independent. */
  ci: interval.nullable(),
  /** Share of 5★ and of ≤ 2★ among ratings 1–5; null without ratings. */
  shareFive: unit.nullable(),
  shareLow: unit.nullable(),
});

/** A linear fit of the monthly mean on time in years: slope per year, intercept at the first month. */
export const lineFitSchema = z.strictObject({
  slope: num,
  intercept: num,
  slopeSE: num,
  ci: interval,
  p: unit,
  r2: num,
  months: count,
});

/** The random-effects headline fit (src/lib/stats/trend-fit.ts) of the monthly means. */
export const headlineFitSchema = z.strictObject({
  slope: num,
  intercept: num,
  slopeSE: num,
  seMethod: z.enum(["knapp-hartung", "newey-west"]),
  ci: interval,
  p: unit,
  tau2: num.nonnegative(),
  i2: unit,
  lag1: num,
  months: count,
});

// ── 1–2. Monthly series, trend and methodological validation ────────────────────────────────────
export const monthSchema = z.strictObject({
  year,
  month: z.number().int().min(1).max(12),
  counts: starCountsSchema,
});

export const seriesPointSchema = z.strictObject({
  year,
  month: z.number().int().min(1).max(12),
  /** Ratings 1–5 of the month (≥ the minimum). */
  n: count,
  mean: num,
  sd: num.nullable(),
  /** Time in years since the first month of the series: the x of every fit. */
  t: num.nonnegative(),
  /** The WLS weight √n and its share of all weights. */
  weight: num.positive(),
  weightShare: unit,
});

export const trendSummarySchema = z.strictObject({
  from: year,
  to: year,
  minMonthly: count,
  /** Months in the range with at least one rating, kept (≥ minimum) and excluded (below it). */
  monthsKept: count,
  monthsExcluded: count,
  /** Ratings in the excluded months. */
  ratingsExcluded: count,
  series: z.array(seriesPointSchema),
  /** WLS with weights √n (the original's), slope per year; null with fewer than three months. */
  wls: lineFitSchema.nullable(),
  /** Unweighted least squares, for comparison. */
  ols: lineFitSchema.nullable(),
  /** Random-effects fit with the months' sampling variances sd²/n: what the sentences use. */
  headline: headlineFitSchema.nullable(),
  /** Weighted (√n) Spearman correlation between a month's volume and its mean rating. */
  spearman: num.nullable(),
  /** Monthly volumes: min, quartiles, max, mean and coefficient of variation (sd / mean). */
  volumes: z
    .strictObject({ min: count, q1: num, median: num, q3: num, max: count, mean: num, cv: num.nullable() })
    .nullable(),
  /** Variance of the monthly means, unweighted (ddof 1) and weighted (√n, reliability weights). */
  variance: z.strictObject({ unweighted: num.nullable(), weighted: num.nullable() }),
  /** |slope WLS − slope OLS| / |slope OLS|: how much weighting moves the slope; null without fits. */
  slopeShift: num.nullable(),
});

export const trendDataSchema = z.strictObject({
  minMonthly: count,
  months: z.array(monthSchema).min(1),
  fullSpan: trendSummarySchema,
});

// ── 3. Distribution and stability ────────────────────────────────────────────────────────────────
export const yearCountsSchema = z.strictObject({ year, counts: starCountsSchema });

export const clusterPeriodSchema = z.strictObject({
  kind: z.enum(["full", "decade"]),
  from: year,
  to: year,
  n: count,
  /** Users who rated in the period (a count: no user is ever listed). */
  users: count,
  mean: num,
  naiveSE: num,
  clusterSE: num,
  ci: interval,
  designEffect: num,
});

export const distributionSummarySchema = z.strictObject({
  from: year,
  to: year,
  counts: starCountsSchema,
  /** Each value's share of all interactions (rating 0 included). */
  shares: z.array(unit).length(6),
  stats: ratingStatsSchema,
  /** Per year of the range: its statistics (shares over time). */
  years: z.array(z.strictObject({ year }).extend(ratingStatsSchema.shape)),
});

export const distributionDataSchema = z.strictObject({
  perYear: z.array(yearCountsSchema).min(1),
  /** Mean with the cluster-by-user interval, for the full span and each decade. */
  cluster: z.array(clusterPeriodSchema).min(1),
  fullSpan: distributionSummarySchema,
});

// ── 4–5. Groups: seasons and weekdays ────────────────────────────────────────────────────────────
export const groupYearSchema = z.strictObject({ year, group: z.string(), counts: starCountsSchema });

export const rankTestSchema = z.strictObject({ statistic: num, df: num, p: unit, effect: num });

export const groupSummarySchema = z.strictObject({
  from: year,
  to: year,
  groups: z.array(z.strictObject({ group: z.string() }).extend(ratingStatsSchema.shape)),
  /** One-way ANOVA across the groups (ratings 1–5) with η²; null when it is undefined. */
  anova: z
    .strictObject({ F: num, df1: num, df2: num, p: unit, etaSquared: num, omegaSquared: num })
    .nullable(),
  /** Kruskal–Wallis across the groups, effect = ε². */
  kruskal: rankTestSchema.nullable(),
  /** Coefficient of variation of the groups' rating counts and the largest over the smallest. */
  volumeCV: num.nullable(),
  volumeRatio: num.nullable(),
});

export const seasonsDataSchema = z.strictObject({
  perYear: z.array(groupYearSchema).min(1),
  /** Distinct users and recipes rated in each season over the full span (counts only). */
  distinct: z.array(z.strictObject({ group: z.string(), users: count, recipes: count })),
  fullSpan: groupSummarySchema,
});

export const weekendTestSchema = z.strictObject({
  weekday: ratingStatsSchema,
  weekend: ratingStatsSchema,
  /** Mann–Whitney U of weekend against weekday ratings; effect = rank-biserial r. */
  mannWhitney: z.strictObject({ U: num, z: num, p: unit, rankBiserial: num }).nullable(),
  /** Welch t with Cohen's d (weekend − weekday). */
  welch: z.strictObject({ t: num, df: num, p: unit, meanDiff: num, cohensD: num }).nullable(),
});

export const weekdaysDataSchema = z.strictObject({
  perYear: z.array(groupYearSchema).min(1),
  fullSpan: z.strictObject({ days: groupSummarySchema, weekend: weekendTestSchema }),
});

// ── 6. What rates well: recipe properties ────────────────────────────────────────────────────────
/** The properties of the rated recipe the ratings are grouped by (src/lib/ratings/properties.ts). */
export const propertyKeySchema = z.enum(["minutes", "complexity", "ingredients", "tags"]);

const perProperty = <T extends z.ZodTypeAny>(item: T) =>
  z.strictObject({ minutes: item, complexity: item, ingredients: item, tags: item });

/** A group against the ratings of every other recipe: Welch t, BH-adjusted within the property. */
export const vsRestSchema = z.strictObject({
  group: z.string(),
  /** Group mean − mean of the rest; null when either side has fewer than two ratings. */
  meanDiff: num.nullable(),
  t: num.nullable(),
  df: num.nullable(),
  p: unit.nullable(),
  /** Benjamini–Hochberg adjusted p across the property's groups. */
  adjusted: unit.nullable(),
  cohensD: num.nullable(),
});

/** A property's groups: as GroupSummary without Kruskal–Wallis; `anova` null for tags (groups overlap). */
export const propertySummarySchema = groupSummarySchema
  .omit({ kruskal: true })
  .extend({ vsRest: z.array(vsRestSchema) });

export const propertiesSummarySchema = z.strictObject({
  from: year,
  to: year,
  properties: perProperty(propertySummarySchema),
});

export const propertiesDataSchema = z.strictObject({
  /** Upper bounds of the bands: minutes fixed, complexity the quintiles of the recipes' scores. */
  bands: z.strictObject({ minutes: z.array(count).min(1), complexity: z.array(num).min(1) }),
  /** Each property's groups in display order (group ids of `perYear`). */
  groups: perProperty(z.array(z.string())),
  /** Counts of all ratings of recipes in the data per year (group "all"): the base of "the rest". */
  totals: z.array(groupYearSchema).min(1),
  perYear: perProperty(z.array(groupYearSchema)),
  fullSpan: propertiesSummarySchema,
});

export type StarCounts = z.infer<typeof starCountsSchema>;
export type RatingStats = z.infer<typeof ratingStatsSchema>;
export type LineFit = z.infer<typeof lineFitSchema>;
export type HeadlineFit = z.infer<typeof headlineFitSchema>;
export type Month = z.infer<typeof monthSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type TrendSummary = z.infer<typeof trendSummarySchema>;
export type TrendData = z.infer<typeof trendDataSchema>;
export type YearCounts = z.infer<typeof yearCountsSchema>;
export type ClusterPeriod = z.infer<typeof clusterPeriodSchema>;
export type DistributionSummary = z.infer<typeof distributionSummarySchema>;
export type DistributionData = z.infer<typeof distributionDataSchema>;
export type GroupYear = z.infer<typeof groupYearSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type SeasonsData = z.infer<typeof seasonsDataSchema>;
export type WeekendTest = z.infer<typeof weekendTestSchema>;
export type WeekdaysData = z.infer<typeof weekdaysDataSchema>;
export type PropertyKey = z.infer<typeof propertyKeySchema>;
export type VsRest = z.infer<typeof vsRestSchema>;
export type PropertySummary = z.infer<typeof propertySummarySchema>;
export type PropertiesSummary = z.infer<typeof propertiesSummarySchema>;
export type PropertiesData = z.infer<typeof propertiesDataSchema>;
