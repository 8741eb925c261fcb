// Nutrition for a year range: the WLS and headline trends of each nutrient's yearly mean and
// median, and the Holm-adjusted p-values across the seven nutrients (the takeaway counts how many
// moved: seven tests, so one false claim among them is what must be kept rare).
// Each nutrient has its own number of values per year (null values are skipped in its mean and
// median), so the WLS weights and the sampling variances use that count, not the year's recipes.
import type {
  HeadlineFit,
  Nutrient,
  NutrientPValues,
  NutritionStatistic,
  NutritionSummary,
  NutritionYear,
  TrendFit,
  YearRange,
} from "../contracts/trends.js";
import { NUTRIENTS } from "../contracts/trends-keys.js";
import { holm } from "../stats/index.js";
import { fitTrend, headlineTrend, meanVariance, seVariance } from "./fit.js";
import { filterYears } from "./range.js";

const byNutrient = <T>(f: (k: Nutrient) => T) =>
  Object.fromEntries(NUTRIENTS.map((k) => [k, f(k)])) as Record<Nutrient, T>;

const wlsTrends = (rows: NutritionYear[], statistic: NutritionStatistic, origin: number) =>
  byNutrient<TrendFit | null>((k) =>
    fitTrend(rows, (r) => r[statistic][k], { weight: (r) => r.count[k], origin }),
  );

const headlineTrends = (rows: NutritionYear[], statistic: NutritionStatistic, origin: number) =>
  byNutrient<HeadlineFit | null>((k) =>
    headlineTrend(
      rows,
      (r) => r[statistic][k],
      (r) => (statistic === "mean" ? meanVariance(r.sd[k], r.count[k]) : seVariance(r.medianSE[k])),
      { origin },
    ),
  );

/** Holm-adjusted headline p-values across the nutrients that have a trend (null for the others). */
function adjusted(fits: Record<Nutrient, HeadlineFit | null>): NutrientPValues {
  const q = holm(NUTRIENTS.map((k) => fits[k]?.p ?? NaN));
  return byNutrient((k) => (Number.isNaN(q[NUTRIENTS.indexOf(k)]) ? null : q[NUTRIENTS.indexOf(k)]));
}

export function summarizeNutrition(perYear: readonly NutritionYear[], range: YearRange): NutritionSummary {
  const rows = filterYears(perYear, range);
  const headline = {
    mean: headlineTrends(rows, "mean", range.from),
    median: headlineTrends(rows, "median", range.from),
  };
  return {
    ...range,
    years: rows.length,
    recipes: rows.reduce((a, r) => a + r.n, 0),
    trend: { mean: wlsTrends(rows, "mean", range.from), median: wlsTrends(rows, "median", range.from) },
    headline,
    holm: { mean: adjusted(headline.mean), median: adjusted(headline.median) },
  };
}

/** Flat rows of one statistic (year, recipes, then per nutrient its value, count and spread): the card's CSV. */
export const nutritionTable = (rows: readonly NutritionYear[], statistic: NutritionStatistic) =>
  rows.map((r) => ({
    year: r.year,
    n: r.n,
    ...r[statistic],
    ...Object.fromEntries(NUTRIENTS.map((k) => [`${k}Count`, r.count[k]])),
    ...Object.fromEntries(
      NUTRIENTS.map((k) => [
        statistic === "mean" ? `${k}Sd` : `${k}SE`,
        statistic === "mean" ? r.sd[k] : r.medianSE[k],
      ]),
    ),
  }));
