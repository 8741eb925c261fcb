// Output of the six Trends analyses (`npm run analysis -- trends/<key>`), which together form the
// Trends page's data file (src/data/trends.json = TrendsData). Each analysis carries per-year
// aggregates computed in DuckDB (what the browser filters by year range) and `fullSpan`, the
// statistics of the whole span computed from those aggregates by src/lib/trends — the same
// functions the page calls for any other range, so the two always agree.
//
// One zod schema per analysis, the TypeScript types derived from them: the analysis declares its
// schema, the build checks every result against it, the page reads the derived types. Browser
// code imports only types from here (`import type`), so zod never reaches a page's bundle; the key
// lists it needs as values are in ./trends-keys.ts. Objects are strict: a field the contract does
// not name is an error, not a silent extra.
import { z } from "zod";
import {
  COMPLEXITY_MEASURES,
  ITEM_KINDS,
  NUTRIENTS,
  NUTRITION_STATISTICS,
  SE_METHODS,
} from "./trends-keys.js";

export {
  COMPLEXITY_MEASURES,
  ITEM_KINDS,
  NUTRIENTS,
  NUTRITION_STATISTICS,
  SE_METHODS,
  type ComplexityMeasure,
  type ItemKind,
  type Nutrient,
  type NutritionStatistic,
  type SeMethod,
} from "./trends-keys.js";

// zod 4 numbers are finite (NaN and ±Infinity fail), which matters: JSON writes them as null.
const num = z.number();
/** A plausible calendar year: one outside is a date bug upstream (the ingest's date window lies inside). */
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
/** A fraction 0–1, with room for the rounding of a value computed as 1 − x. */
const unit = z
  .number()
  .min(-1e-9)
  .max(1 + 1e-9);

/** An object with one entry per key, each of the same schema (e.g. one fit per nutrient). */
const byKey = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

/** A closed range of years, both ends included. */
export const yearRangeSchema = z.strictObject({ from: year, to: year });

/**
 * Weighted least squares fit of a yearly value on the year (weights = recipes that year, the
 * original app's method, kept so readers can compare). Where a TrendFit may be null, null means no
 * trend can be fitted: fewer than 3 years, or values that do not vary.
 */
export const trendFitSchema = z.strictObject({
  /** Change of the value per year. */
  slope: num,
  /** Value of the line at `origin` (the line is value = intercept + slope × (year − origin)). */
  intercept: num,
  /** The year the intercept is reported at: the first year of the range. */
  origin: year,
  /** Weighted R² (1 − weighted residual SS / weighted total SS), 0–1. */
  r2: unit,
  /** Two-sided p-value of the slope (t test, years − 2 degrees of freedom). */
  p: unit,
  /** 95 % confidence interval of the slope, [low, high]. */
  ci: z.tuple([num, num]),
  /** Standard error of the slope. */
  slopeSE: num.nonnegative(),
  /** Number of years in the fit (at least 3: two points leave no degree of freedom). */
  years: z.number().int().min(3),
});

/**
 * The headline trend of a yearly value (src/lib/stats/trend-fit.ts, docs/analyses.md): a
 * random-effects meta-regression on the year, each year weighted by 1/(τ² + v) with v its
 * sampling variance and τ² the between-year variance (DerSimonian–Laird); the slope's standard
 * error is the larger of Knapp–Hartung's and Newey–West's, with Student t on years − 2 degrees of
 * freedom. Null when no trend can be fitted (fewer than 3 years with a value and a variance, or
 * values that do not vary).
 */
export const headlineFitSchema = z.strictObject({
  slope: num,
  /** Value of the line at `origin`, the first year of the range. */
  intercept: num,
  origin: year,
  /** Headline standard error of the slope: the larger of the two below. */
  slopeSE: num.nonnegative(),
  seMethod: z.enum(SE_METHODS),
  seKnappHartung: num.nonnegative(),
  seNeweyWest: num.nonnegative(),
  /** Two-sided p-value of the slope (Student t, years − 2 degrees of freedom, headline SE). */
  p: unit,
  /** 95 % confidence interval of the slope. */
  ci: z.tuple([num, num]),
  years: z.number().int().min(3),
  /** Between-year variance of the value (DerSimonian–Laird), in the value's unit squared. */
  tau2: num.nonnegative(),
  /** Share of the residual variation that is between-year rather than sampling noise, 0–1. */
  i2: unit,
  /** Lag-1 autocorrelation of the standardised residuals (near 0 when years are independent). */
  lag1: z
    .number()
    .min(-1 - 1e-9)
    .max(1 + 1e-9),
  /** Durbin–Watson statistic of the same residuals (about 2 when independent, towards 0 when correlated). */
  durbinWatson: num.nonnegative(),
  /** Lag of the Newey–West errors, ⌊4·(years/100)^(2/9)⌋. */
  neweyWestLag: count,
});

/** Descriptive statistics of a set of values (quantiles by linear interpolation, std with ddof 1). */
export const distributionSchema = z.strictObject({
  min: num,
  q1: num,
  median: num,
  mean: num,
  q3: num,
  max: num,
  /** Sample standard deviation (ddof 1, the statistics module's convention; null for one value). */
  std: num.nullable(),
  /** Coefficient of variation as a fraction: std / mean (0.25 = 25 %); null for one value. */
  cv: num.nullable(),
});

// ── 1. Volume ────────────────────────────────────────────────────────────────────────────────

export const yearCountSchema = z.strictObject({
  year,
  /** Recipes submitted that year (0 for a year without recipes inside the span). */
  n: count,
});

export const volumeSummarySchema = yearRangeSchema.extend({
  /** Number of years in the range. */
  years: count,
  /** Recipes in the range. */
  total: count,
  /** Mean recipes per year. */
  mean: num,
  /** Year with the most recipes (the earliest on a tie) and its count. */
  peakYear: year,
  peakN: count,
  /** Distribution of the yearly counts. */
  stats: distributionSchema,
  /** How concentrated the recipes are in a few years (descriptive; no distribution assumed). */
  concentration: z.strictObject({
    /** Number of busiest years whose share is reported (5). */
    busiestYears: count,
    /** Share of the range's recipes posted in its `busiestYears` busiest years; null when the range has no more years than that. */
    busiestShare: unit.nullable(),
    /** Gini coefficient of the yearly counts (0 = every year the same, towards 1 = all in one year); null for one year or no recipes. */
    gini: unit.nullable(),
  }),
  /** Headline trend of the yearly counts (sampling variance of a count: Poisson, v = n). */
  headline: headlineFitSchema.nullable(),
});

export const volumeDataSchema = z.strictObject({
  /** Every year from the first to the last year of the data. */
  perYear: z.array(yearCountSchema),
  fullSpan: volumeSummarySchema,
});

// ── 2. Preparation time ──────────────────────────────────────────────────────────────────────

/** Minutes of the recipes submitted in a year; quantiles by linear interpolation (DuckDB quantile_cont). */
export const durationYearSchema = z.strictObject({
  year,
  n: count,
  mean: num,
  /** Sample standard deviation of the minutes (n − 1); null for a single recipe. */
  sd: num.nonnegative().nullable(),
  median: num,
  /** Standard error of the median (McKean–Schrader, distribution-free); null for a single recipe. */
  medianSE: num.nonnegative().nullable(),
  q05: num,
  q10: num,
  q25: num,
  q33: num,
  q66: num,
  q75: num,
  q90: num,
  q95: num,
});

/** Figures of the last years of a range, pooled over their recipes (never one thin year). */
export const durationWindowSchema = yearRangeSchema.extend({
  recipes: count,
  mean: num,
  median: num,
  q05: num,
  q10: num,
  q25: num,
  q33: num,
  q66: num,
  q75: num,
  q90: num,
  q95: num,
});

export const durationSummarySchema = yearRangeSchema.extend({
  years: count,
  recipes: count,
  /** WLS trends (weights = recipes) of the yearly mean and median minutes; null with fewer than 3 years. */
  trend: z.strictObject({ mean: trendFitSchema.nullable(), median: trendFitSchema.nullable() }),
  /** Headline trends of the same (v = sd²/n for the mean, the median's squared standard error). */
  headline: z.strictObject({ mean: headlineFitSchema.nullable(), median: headlineFitSchema.nullable() }),
  /** The last LATEST_YEARS (3) years of the range, pooled: what the "latest" KPIs show. */
  latest: durationWindowSchema,
});

/**
 * Recipes per year and minute value, so that any group of years has exact pooled quantiles:
 * `counts[j][v]` = recipes of year `perYear[j].year` that take `minutes[v]` minutes.
 */
export const minutesHistogramSchema = z.strictObject({
  minutes: z.array(num),
  counts: z.array(z.array(count)),
});

export const durationDataSchema = z
  .strictObject({
    perYear: z.array(durationYearSchema),
    histogram: minutesHistogramSchema,
    fullSpan: durationSummarySchema,
  })
  .superRefine((d, ctx) => {
    const { minutes, counts } = d.histogram;
    if (counts.length !== d.perYear.length) {
      ctx.addIssue({
        code: "custom",
        path: ["histogram", "counts"],
        message: `has ${counts.length} rows for ${d.perYear.length} years`,
      });
    }
    counts.forEach((row, j) => {
      const n = row.reduce((a, b) => a + b, 0);
      if (row.length !== minutes.length) {
        ctx.addIssue({
          code: "custom",
          path: ["histogram", "counts", j],
          message: `has ${row.length} entries for ${minutes.length} minute values`,
        });
      } else if (d.perYear[j] && n !== d.perYear[j].n) {
        ctx.addIssue({
          code: "custom",
          path: ["histogram", "counts", j],
          message: `counts ${n} recipes, but the year has ${d.perYear[j].n}`,
        });
      }
    });
  });

// ── 3. Complexity ────────────────────────────────────────────────────────────────────────────

/** Yearly means and sample standard deviations (null for a single recipe) of the complexity measures. */
export const complexityYearSchema = z.strictObject({
  year,
  n: count,
  /** complexity_score = ln(1 + minutes) + n_steps + 0.5 × n_ingredients. */
  score: num,
  scoreSd: num.nullable(),
  steps: num,
  stepsSd: num.nullable(),
  ingredients: num,
  ingredientsSd: num.nullable(),
});

export const complexitySummarySchema = yearRangeSchema.extend({
  years: count,
  recipes: count,
  /** WLS trends (weights = recipes) of each measure's yearly mean. */
  trend: byKey(COMPLEXITY_MEASURES, trendFitSchema.nullable()),
  /** Headline trends of the same (v = sd²/n of the year). */
  headline: byKey(COMPLEXITY_MEASURES, headlineFitSchema.nullable()),
});

export const complexityDataSchema = z.strictObject({
  perYear: z.array(complexityYearSchema),
  fullSpan: complexitySummarySchema,
});

// ── 4. Nutrition ─────────────────────────────────────────────────────────────────────────────

/**
 * One value per nutrient (NUTRIENTS): calories in kcal, the six others in % of daily value; null
 * for a nutrient without a single value that year.
 */
export const nutrientValuesSchema = byKey(NUTRIENTS, num.nullable());
/** One count per nutrient. */
export const nutrientCountsSchema = byKey(NUTRIENTS, count);
/** One value per nutrient, null where it cannot be computed (a single value). */
export const nutrientOptionalSchema = byKey(NUTRIENTS, num.nonnegative().nullable());
/** One p-value per nutrient, null where the nutrient has no trend. */
export const nutrientPValuesSchema = byKey(NUTRIENTS, unit.nullable());

export const nutritionYearSchema = z.strictObject({
  year,
  /** Recipes that year. */
  n: count,
  /** Recipes with a value, per nutrient (null values, e.g. negative calories, are left out): the WLS weight. */
  count: nutrientCountsSchema,
  /** Yearly means over the recipes with a value. */
  mean: nutrientValuesSchema,
  /** Sample standard deviations of the same (n − 1; null for a single value). */
  sd: nutrientOptionalSchema,
  /** Yearly medians: robust to the extreme values the cleaning keeps. */
  median: nutrientValuesSchema,
  /** Standard errors of the medians (McKean–Schrader; null for a single value). */
  medianSE: nutrientOptionalSchema,
});

export const nutritionSummarySchema = yearRangeSchema.extend({
  years: count,
  recipes: count,
  /** WLS trends (weights = each nutrient's non-null count) of each nutrient's yearly mean and median. */
  trend: byKey(NUTRITION_STATISTICS, byKey(NUTRIENTS, trendFitSchema.nullable())),
  /** Headline trends of the same. */
  headline: byKey(NUTRITION_STATISTICS, byKey(NUTRIENTS, headlineFitSchema.nullable())),
  /** Holm-adjusted p-values of the headline slopes, across the seven nutrients of each statistic. */
  holm: byKey(NUTRITION_STATISTICS, nutrientPValuesSchema),
});

export const nutritionDataSchema = z.strictObject({
  perYear: z.array(nutritionYearSchema),
  fullSpan: nutritionSummarySchema,
});

// ── 5–6. Ingredients and tags ────────────────────────────────────────────────────────────────

/**
 * An item (ingredient or tag) whose yearly share of recipes changed significantly: headline trend
 * of the share on the year, Benjamini–Hochberg adjusted across every item tested in the range.
 */
export const itemMoverSchema = z.strictObject({
  item: z.string(),
  /** Headline slope of the share of recipes containing the item, per year (a fraction: 0.01 = 1 point). */
  slope: num,
  /** Headline p-value of the slope, before adjustment. */
  p: unit,
  /** Benjamini–Hochberg adjusted p-value (q) across the items tested in the range. */
  q: unit,
  /** Share of recipes containing the item over the range. */
  share: unit,
  /** The WLS fit of the same share (weights = recipes), as the original app ranked items. */
  wlsSlope: num,
  wlsP: unit,
  wlsR2: unit,
});

export const itemsSummarySchema = yearRangeSchema.extend({
  years: count,
  recipes: count,
  /** Items with at least `minCount` recipes inside the range (the ones ranked). */
  itemsRanked: count,
  /** Items left out of the rankings as Food.com-format bookkeeping tags (src/lib/trends/structural-tags.ts); 0 for ingredients. */
  structuralExcluded: count,
  /** Ranked items whose share trend could be tested: the size of the multiple-testing family. */
  tested: count,
  /** Tested items whose share rose / fell significantly (q < 0.05), however many are listed below. */
  significantRisers: count,
  significantDecliners: count,
  /** The most frequent items of the range: recipes containing each. */
  top: z.array(z.strictObject({ item: z.string(), count })),
  /** The strongest significant risers and decliners by headline slope, strongest first (at most 10 each). */
  risers: z.array(itemMoverSchema),
  decliners: z.array(itemMoverSchema),
  /** Trend of the rarefied diversity: equal weights (the original's), and the headline fit. */
  diversityTrend: trendFitSchema.nullable(),
  diversityHeadline: headlineFitSchema.nullable(),
});

/**
 * Per-year item counts in columns (compact JSON): `counts[i][j]` = recipes of year `years[j]`
 * containing `items[i]`. Only items contained in at least `minCount` recipes over the full span
 * are listed; diversity counts every item. The columns must line up: the check names the first
 * one that does not.
 */
export const itemsDataSchema = z
  .strictObject({
    kind: z.enum(ITEM_KINDS),
    /** Minimum number of recipes containing an item for it to be ranked (the original's 50). */
    minCount: count,
    years: z.array(year),
    /** Recipes per year (the denominator of shares). */
    recipes: z.array(count),
    diversity: z.strictObject({
      /** Distinct items per year, all items. */
      distinct: z.array(count),
      /**
       * Expected distinct items in `sampleSize` recipes drawn at random without replacement from
       * the year's recipes (exact rarefaction, Hurlbert), so years with more recipes do not look
       * more diverse just for that; null for a year with fewer than `sampleSize` recipes.
       */
      rarefied: z.array(num.nonnegative().nullable()),
      sampleSize: count,
    }),
    items: z.array(z.string()),
    /** Recipes containing each item over the full span. */
    totals: z.array(count),
    counts: z.array(z.array(count)),
    fullSpan: itemsSummarySchema,
  })
  .superRefine((d, ctx) => {
    const years = d.years.length;
    const items = d.items.length;
    const columns: [PropertyKey[], number, number, string][] = [
      [["recipes"], d.recipes.length, years, "years"],
      [["diversity", "distinct"], d.diversity.distinct.length, years, "years"],
      [["diversity", "rarefied"], d.diversity.rarefied.length, years, "years"],
      [["totals"], d.totals.length, items, "items"],
      [["counts"], d.counts.length, items, "items"],
      ...d.counts.map((c, i): [PropertyKey[], number, number, string] => [
        ["counts", i],
        c.length,
        years,
        "years",
      ]),
    ];
    for (const [path, length, expected, of] of columns) {
      if (length !== expected) {
        ctx.addIssue({ code: "custom", path, message: `has ${length} entries for ${expected} ${of}` });
      }
    }
  });

/** src/data/trends.json: one key per analysis `trends/<key>`. */
export const trendsDataSchema = z.strictObject({
  volume: volumeDataSchema,
  duration: durationDataSchema,
  complexity: complexityDataSchema,
  nutrition: nutritionDataSchema,
  ingredients: itemsDataSchema,
  tags: itemsDataSchema,
});

export type YearRange = z.infer<typeof yearRangeSchema>;
export type TrendFit = z.infer<typeof trendFitSchema>;
export type HeadlineFit = z.infer<typeof headlineFitSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type YearCount = z.infer<typeof yearCountSchema>;
export type VolumeSummary = z.infer<typeof volumeSummarySchema>;
export type VolumeData = z.infer<typeof volumeDataSchema>;
export type DurationYear = z.infer<typeof durationYearSchema>;
export type DurationWindow = z.infer<typeof durationWindowSchema>;
export type MinutesHistogram = z.infer<typeof minutesHistogramSchema>;
export type DurationSummary = z.infer<typeof durationSummarySchema>;
export type DurationData = z.infer<typeof durationDataSchema>;
export type ComplexityYear = z.infer<typeof complexityYearSchema>;
export type ComplexitySummary = z.infer<typeof complexitySummarySchema>;
export type ComplexityData = z.infer<typeof complexityDataSchema>;
export type NutrientValues = z.infer<typeof nutrientValuesSchema>;
export type NutrientCounts = z.infer<typeof nutrientCountsSchema>;
export type NutrientOptional = z.infer<typeof nutrientOptionalSchema>;
export type NutrientPValues = z.infer<typeof nutrientPValuesSchema>;
export type NutritionYear = z.infer<typeof nutritionYearSchema>;
export type NutritionSummary = z.infer<typeof nutritionSummarySchema>;
export type NutritionData = z.infer<typeof nutritionDataSchema>;
export type ItemMover = z.infer<typeof itemMoverSchema>;
export type ItemsSummary = z.infer<typeof itemsSummarySchema>;
export type ItemsData = z.infer<typeof itemsDataSchema>;
export type TrendsData = z.infer<typeof trendsDataSchema>;
