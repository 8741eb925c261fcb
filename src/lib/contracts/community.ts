// Output of the four Community analyses (`npm run analysis -- community/<key>`), which together form
// the page's data file (src/data/community.json). Growth is carried per year (new and active users,
// cohort counts): the browser adds it up over the reader's year range with src/lib/community/growth.ts.
// Per-user and per-recipe figures (activity, leniency, popularity) cannot be added up by year — a
// user active in two years is one user — so they are precomputed for the full span and each decade
// of the data (`periods`, src/lib/periods.ts), and the page says which period it shows.
// Only aggregates: no user id is ever written, and recipes appear by name only.
//
// Browser code imports only types from here.
import { z } from "zod";

const num = z.number();
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
const unit = z
  .number()
  .min(-1e-9)
  .max(1 + 1e-9);
const rating = z.number().min(1).max(5);

const periodFields = {
  kind: z.enum(["full", "decade"]),
  from: year,
  to: year,
};

/** One bin of a count distribution on a log scale: units with from…to interactions (powers of two). */
export const countBinSchema = z.strictObject({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  /** Users (or recipes) in the bin. */
  units: count,
  /** Their interactions. */
  total: count,
});

/** How interactions are spread over units (users or recipes), from their frequency table. */
export const concentrationSchema = z.strictObject({
  /** Units with at least one interaction in the period. */
  units: count,
  /** Interactions in the period. */
  total: count,
  /** Units with exactly one interaction, and their share of the units. */
  once: count,
  onceShare: unit,
  mean: num.nonnegative(),
  median: num.nonnegative(),
  max: count,
  /** Share of the interactions made by the top 1 % / 10 % of units (ceil(fraction · units) of them). */
  top1Share: unit,
  top10Share: unit,
  gini: unit,
  bins: z.array(countBinSchema),
  /** Lorenz curve: share of the interactions held by the least active i / LORENZ_STEPS of units, i = 0…steps. */
  lorenz: z.array(unit),
});

// ── 1. Activity ─────────────────────────────────────────────────────────────────────────────────
export const activityPeriodSchema = z.strictObject({
  ...periodFields,
  users: concentrationSchema,
  /** Reviews without a rating (rating 0) among the period's interactions. */
  unrated: count,
});

export const activityDataSchema = z.strictObject({
  periods: z.array(activityPeriodSchema).min(1),
});

// ── 2. Growth ───────────────────────────────────────────────────────────────────────────────────
export const growthYearSchema = z.strictObject({
  year,
  /** Users whose first interaction in the whole data falls in this year. */
  newUsers: count,
  /** Users with at least one interaction in this year. */
  activeUsers: count,
  interactions: count,
});

export const cohortSchema = z.strictObject({
  /** The year of the users' first interaction. */
  cohort: year,
  /** active[k]: users of the cohort with an interaction in year cohort + k (active[0] = its size). */
  active: z.array(count).min(1),
});

export const retentionPointSchema = z.strictObject({
  yearsLater: z.number().int().positive(),
  /** Cohorts of the range observed that many years later inside the range, and their users. */
  cohorts: count,
  base: count,
  retained: count,
  /** retained / base. */
  share: unit,
});

export const growthSummarySchema = z.strictObject({
  from: year,
  to: year,
  newUsers: count,
  interactions: count,
  /** Mean of the yearly active users over the range's years. */
  meanActive: num.nonnegative(),
  peak: z.strictObject({ year, activeUsers: count }).nullable(),
  /** Pooled retention over the range's cohorts, k = 1 … range length − 1. */
  retention: z.array(retentionPointSchema),
});

export const growthDataSchema = z.strictObject({
  perYear: z.array(growthYearSchema).min(1),
  cohorts: z.array(cohortSchema).min(1),
  fullSpan: growthSummarySchema,
});

// ── 3. Rater leniency ───────────────────────────────────────────────────────────────────────────
export const meanBinSchema = z.strictObject({ from: rating, to: rating, users: count });

export const leniencyPeriodSchema = z.strictObject({
  ...periodFields,
  minRatings: z.number().int().positive(),
  lenientMean: rating,
  /** Ratings 1–5 of the period, their users and mean (null when none). */
  ratings: count,
  raters: count,
  mean: rating.nullable(),
  /** Users with at least minRatings ratings: how many, the share of ratings they gave, their means. */
  eligible: z.strictObject({
    users: count,
    ratings: count,
    shareOfRatings: unit,
    meanOfMeans: rating.nullable(),
    sdOfMeans: num.nonnegative().nullable(),
    medianOfMeans: rating.nullable(),
    /** Eligible users who gave 5 every time. */
    allFive: count,
  }),
  /** Eligible users whose mean is at least lenientMean. */
  lenient: z.strictObject({
    users: count,
    shareOfEligible: unit,
    ratings: count,
    shareOfRatings: unit,
    /** The period's mean rating without their ratings, and mean − that (their pull on the mean). */
    meanWithout: rating.nullable(),
    pull: num.nullable(),
  }),
  bins: z.array(meanBinSchema),
});

export const leniencyDataSchema = z.strictObject({
  periods: z.array(leniencyPeriodSchema).min(1),
});

// ── 4. Recipe popularity ────────────────────────────────────────────────────────────────────────
export const rankedRecipeSchema = z.strictObject({
  rank: z.number().int().positive(),
  name: z.string(),
  ratings: count,
  interactions: count,
  mean: rating,
  /** (priorWeight · priorMean + Σ ratings) / (priorWeight + ratings). */
  bayesian: rating,
});

export const popularityPeriodSchema = z.strictObject({
  ...periodFields,
  recipes: concentrationSchema,
  /** The prior: the period's mean rating (1–5) over every recipe, with priorWeight ratings' weight. */
  priorMean: rating.nullable(),
  priorWeight: z.number().positive(),
  minRatings: z.number().int().positive(),
  /** Kept recipes with at least minRatings ratings in the period. */
  eligible: count,
  best: z.array(rankedRecipeSchema),
});

export const popularityDataSchema = z.strictObject({
  periods: z.array(popularityPeriodSchema).min(1),
});

export type CountBin = z.infer<typeof countBinSchema>;
export type Concentration = z.infer<typeof concentrationSchema>;
export type ActivityPeriod = z.infer<typeof activityPeriodSchema>;
export type ActivityData = z.infer<typeof activityDataSchema>;
export type GrowthYear = z.infer<typeof growthYearSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type RetentionPoint = z.infer<typeof retentionPointSchema>;
export type GrowthSummary = z.infer<typeof growthSummarySchema>;
export type GrowthData = z.infer<typeof growthDataSchema>;
export type MeanBin = z.infer<typeof meanBinSchema>;
export type LeniencyPeriod = z.infer<typeof leniencyPeriodSchema>;
export type LeniencyData = z.infer<typeof leniencyDataSchema>;
export type RankedRecipe = z.infer<typeof rankedRecipeSchema>;
export type PopularityPeriod = z.infer<typeof popularityPeriodSchema>;
export type PopularityData = z.infer<typeof popularityDataSchema>;

/** The page data: one key per analysis of data-loaders/analyses/community/. */
export const communityDataSchema = z.strictObject({
  activity: activityDataSchema,
  growth: growthDataSchema,
  leniency: leniencyDataSchema,
  popularity: popularityDataSchema,
});
export type CommunityData = z.infer<typeof communityDataSchema>;
