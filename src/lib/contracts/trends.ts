// Output of the six Trends analyses (`npm run analysis -- trends/<key>`), which together form the
// Trends page's data file (src/data/trends.json = TrendsData). Each analysis carries per-year
// aggregates computed in DuckDB (what the browser filters by year range) and `fullSpan`, the
// statistics of the whole span computed from those aggregates by src/lib/trends — the same
// functions the page calls for any other range, so the two always agree.

/** A closed range of years, both ends included. */
export interface YearRange {
  from: number;
  to: number;
}

/**
 * Weighted least squares fit of a yearly value on the year (weights = recipes that year). Where a
 * TrendFit may be null, null means no trend can be fitted: fewer than 3 years, or values that do
 * not vary.
 */
export interface TrendFit {
  /** Change of the value per year. */
  slope: number;
  /** Value of the line at year 0 (the line is value = intercept + slope × year). */
  intercept: number;
  /** Weighted R² (1 − weighted residual SS / weighted total SS), 0–1. */
  r2: number;
  /** Two-sided p-value of the slope (t test, years − 2 degrees of freedom). */
  p: number;
  /** 95 % confidence interval of the slope, [low, high]. */
  ci: [number, number];
  /** Standard error of the slope. */
  slopeSE: number;
  /** Number of years in the fit. */
  years: number;
}

/** Descriptive statistics of a set of values (quantiles by linear interpolation, std with ddof 1). */
export interface Distribution {
  min: number;
  q1: number;
  median: number;
  mean: number;
  q3: number;
  max: number;
  /** Sample standard deviation (ddof 1, the statistics module's convention; null for one value). */
  std: number | null;
  /** Coefficient of variation as a fraction: std / mean (0.25 = 25 %); null for one value. */
  cv: number | null;
}

/** A normal Q-Q plot: sorted values against the standard normal quantiles, and its fitted line. */
export interface QQSummary {
  /** Standard normal quantiles (Filliben medians, as scipy's probplot) against the sorted values. */
  points: { theoretical: number; sample: number }[];
  slope: number;
  intercept: number;
  /** R² of the fitted line: near 1 when the values look normally distributed. */
  r2: number;
}

// ── 1. Volume ────────────────────────────────────────────────────────────────────────────────

export interface YearCount {
  year: number;
  /** Recipes submitted that year (0 for a year without recipes inside the span). */
  n: number;
}

export interface VolumeSummary extends YearRange {
  /** Number of years in the range. */
  years: number;
  /** Recipes in the range. */
  total: number;
  /** Mean recipes per year. */
  mean: number;
  /** Year with the most recipes (the earliest on a tie) and its count. */
  peakYear: number;
  peakN: number;
  /** Distribution of the yearly counts. */
  stats: Distribution;
  /** Normal Q-Q plot of the yearly counts; null with fewer than 3 years. */
  qq: QQSummary | null;
}

export interface VolumeData {
  /** Every year from the first to the last year of the data. */
  perYear: YearCount[];
  fullSpan: VolumeSummary;
}

// ── 2. Preparation time ──────────────────────────────────────────────────────────────────────

/** Minutes of the recipes submitted in a year; quantiles by linear interpolation (DuckDB quantile_cont). */
export interface DurationYear {
  year: number;
  n: number;
  mean: number;
  median: number;
  q05: number;
  q10: number;
  q25: number;
  q33: number;
  q66: number;
  q75: number;
  q90: number;
  q95: number;
}

export interface DurationSummary extends YearRange {
  years: number;
  recipes: number;
  /** WLS trends of the yearly mean and median minutes; null with fewer than 3 years. */
  trend: { mean: TrendFit | null; median: TrendFit | null };
}

export interface DurationData {
  perYear: DurationYear[];
  fullSpan: DurationSummary;
}

// ── 3. Complexity ────────────────────────────────────────────────────────────────────────────

/** Yearly means and sample standard deviations (null for a single recipe) of the complexity measures. */
export interface ComplexityYear {
  year: number;
  n: number;
  /** complexity_score = ln(1 + minutes) + n_steps + 0.5 × n_ingredients. */
  score: number;
  scoreSd: number | null;
  steps: number;
  stepsSd: number | null;
  ingredients: number;
  ingredientsSd: number | null;
}

export const COMPLEXITY_MEASURES = ["score", "steps", "ingredients"] as const;
export type ComplexityMeasure = (typeof COMPLEXITY_MEASURES)[number];

export interface ComplexitySummary extends YearRange {
  years: number;
  recipes: number;
  trend: Record<ComplexityMeasure, TrendFit | null>;
}

export interface ComplexityData {
  perYear: ComplexityYear[];
  fullSpan: ComplexitySummary;
}

// ── 4. Nutrition ─────────────────────────────────────────────────────────────────────────────

/** The seven nutrition values of a recipe: calories (kcal) and six % of daily value. */
export const NUTRIENTS = [
  "calories",
  "totalFat",
  "sugar",
  "sodium",
  "protein",
  "saturatedFat",
  "carbohydrates",
] as const;
export type Nutrient = (typeof NUTRIENTS)[number];
export type NutrientValues = Record<Nutrient, number>;

export interface NutritionYear {
  year: number;
  /** Recipes that year (the WLS weight). */
  n: number;
  /** Yearly means (recipes with a null value, e.g. negative calories, are left out). */
  mean: NutrientValues;
  /** Yearly medians: robust to the extreme values the cleaning keeps. */
  median: NutrientValues;
}

export type NutritionStatistic = "mean" | "median";

export interface NutritionSummary extends YearRange {
  years: number;
  recipes: number;
  /** WLS trends of each nutrient's yearly mean and yearly median. */
  trend: Record<NutritionStatistic, Record<Nutrient, TrendFit | null>>;
}

export interface NutritionData {
  perYear: NutritionYear[];
  fullSpan: NutritionSummary;
}

// ── 5–6. Ingredients and tags ────────────────────────────────────────────────────────────────

export type ItemKind = "ingredients" | "tags";

/** An item (ingredient or tag) whose yearly share of recipes moves: WLS slope of share on year. */
export interface ItemMover {
  item: string;
  /** Change of the share of recipes containing the item, per year (a fraction: 0.01 = 1 point). */
  slope: number;
  p: number;
  r2: number;
  /** Share of recipes containing the item over the range. */
  share: number;
}

export interface ItemsSummary extends YearRange {
  years: number;
  recipes: number;
  /** Items with at least `minCount` recipes inside the range (the ones ranked). */
  itemsRanked: number;
  /** The most frequent items of the range: recipes containing each. */
  top: { item: string; count: number }[];
  /** Strongest positive and negative share slopes, strongest first. */
  risers: ItemMover[];
  decliners: ItemMover[];
  /** WLS trend of the rarefied diversity; null with fewer than 3 years that have it. */
  diversityTrend: TrendFit | null;
}

/**
 * Per-year item counts in columns (compact JSON): `counts[i][j]` = recipes of year `years[j]`
 * containing `items[i]`. Only items contained in at least `minCount` recipes over the full span
 * are listed; diversity counts every item.
 */
export interface ItemsData {
  kind: ItemKind;
  /** Minimum number of recipes containing an item for it to be ranked (the original's 50). */
  minCount: number;
  years: number[];
  /** Recipes per year (the denominator of shares). */
  recipes: number[];
  diversity: {
    /** Distinct items per year, all items. */
    distinct: number[];
    /**
     * Mean distinct items in `samples` deterministic random samples of `sampleSize` recipes of
     * the year (rarefaction), so years with more recipes do not look more diverse just for that;
     * null for a year with fewer than `sampleSize` recipes.
     */
    rarefied: (number | null)[];
    sampleSize: number;
    samples: number;
  };
  items: string[];
  /** Recipes containing each item over the full span. */
  totals: number[];
  counts: number[][];
  fullSpan: ItemsSummary;
}

/** src/data/trends.json: one key per analysis `trends/<key>`. */
export interface TrendsData {
  volume: VolumeData;
  duration: DurationData;
  complexity: ComplexityData;
  nutrition: NutritionData;
  ingredients: ItemsData;
  tags: ItemsData;
}
