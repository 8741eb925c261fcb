// Nutrition for a year range: the WLS trend of each nutrient's yearly mean and yearly median.
import {
  NUTRIENTS,
  type Nutrient,
  type NutritionStatistic,
  type NutritionSummary,
  type NutritionYear,
  type TrendFit,
  type YearRange,
} from "../contracts/trends.js";
import { fitTrend } from "./fit.js";
import { filterYears } from "./range.js";

const trends = (rows: NutritionYear[], statistic: NutritionStatistic) =>
  Object.fromEntries(NUTRIENTS.map((k) => [k, fitTrend(rows, (r) => r[statistic][k])])) as Record<
    Nutrient,
    TrendFit | null
  >;

export function summarizeNutrition(perYear: readonly NutritionYear[], range: YearRange): NutritionSummary {
  const rows = filterYears(perYear, range);
  return {
    ...range,
    years: rows.length,
    recipes: rows.reduce((a, r) => a + r.n, 0),
    trend: { mean: trends(rows, "mean"), median: trends(rows, "median") },
  };
}

/** Flat rows of one statistic (year, n, one column per nutrient): the card's CSV. */
export const nutritionTable = (rows: readonly NutritionYear[], statistic: NutritionStatistic) =>
  rows.map((r) => ({ year: r.year, n: r.n, ...r[statistic] }));
