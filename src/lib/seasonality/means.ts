// Means by season for a year range, from the per-year sums of the analyses (preparation time,
// complexity measures, nutrition values): each season's pooled n, mean and sd, a one-way ANOVA
// across the seasons, and for several measures at once the multiple-testing correction the card
// states (Holm for the three complexity measures, Benjamini–Hochberg for the seven nutrients).
// Same functions in the loaders (full span) and the page (any range): pooling sums is exact.

import type {
  ComplexityMeasure,
  ComplexitySummary,
  ComplexityYear,
  GroupSums,
  MeansSummary,
  Nutrient,
  NutrientSummary,
  NutritionSummary,
  NutritionYear,
  SeasonMean,
  SumsYear,
  YearRange,
} from "../contracts/seasonality.js";
import { COMPLEXITY_MEASURES, NUTRIENTS } from "../contracts/trends-keys.js";
import { benjaminiHochberg, holm } from "../stats/index.js";
import { filterYears } from "../trends/range.js";
import { anova, finite, seasonMeans } from "./tests.js";

function rowsOf<T extends { year: number }>(perYear: readonly T[], range: YearRange): T[] {
  const rows = filterYears(perYear, range);
  if (rows.length === 0) throw new Error(`seasonality: no year between ${range.from} and ${range.to}.`);
  return rows;
}

/** Season means and ANOVA of one measure from per-year, per-season sums. */
export function meansOf(perYear: readonly (readonly GroupSums[])[], range: YearRange): MeansSummary {
  const seasons = seasonMeans(perYear);
  return { ...range, seasons, anova: anova(seasons) };
}

/** Preparation time: season means of minutes and their ANOVA. */
export const summarizeDuration = (perYear: readonly SumsYear[], range: YearRange): MeansSummary =>
  meansOf(
    rowsOf(perYear, range).map((r) => r.seasons),
    range,
  );

/** A family's p-values adjusted together; a test without a p stays null and is not counted. */
function adjust<K extends string>(keys: readonly K[], p: (k: K) => number | null, method: typeof holm) {
  const adjusted = method(keys.map((k) => p(k) ?? NaN));
  return Object.fromEntries(keys.map((k, i) => [k, finite(adjusted[i])])) as Record<K, number | null>;
}

/** Complexity: the three measures' season means and ANOVAs, Holm-adjusted across the three. */
export function summarizeComplexity(perYear: readonly ComplexityYear[], range: YearRange): ComplexitySummary {
  const rows = rowsOf(perYear, range);
  const measures = Object.fromEntries(
    COMPLEXITY_MEASURES.map((m) => [
      m,
      meansOf(
        rows.map((r) => r.measures[m]),
        range,
      ),
    ]),
  ) as Record<ComplexityMeasure, MeansSummary>;
  return { ...range, measures, holm: adjust(COMPLEXITY_MEASURES, (m) => measures[m].anova?.p ?? null, holm) };
}

/** z-scores of the season means across the seasons (population sd, as the original heatmap). */
export function zScores(seasons: readonly SeasonMean[]): (number | null)[] {
  const values = seasons.map((s) => s.mean).filter((m): m is number => m !== null);
  if (values.length < 2) return seasons.map(() => null);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return seasons.map((s) => (s.mean === null || sd === 0 ? null : (s.mean - mean) / sd));
}

/** Nutrition: the seven values' season means, z-scores and ANOVAs, BH-adjusted across the seven. */
export function summarizeNutrition(perYear: readonly NutritionYear[], range: YearRange): NutritionSummary {
  const rows = rowsOf(perYear, range);
  const means = Object.fromEntries(
    NUTRIENTS.map((k) => [
      k,
      meansOf(
        rows.map((r) => r.nutrients[k]),
        range,
      ),
    ]),
  ) as Record<Nutrient, MeansSummary>;
  const q = adjust(NUTRIENTS, (k) => means[k].anova?.p ?? null, benjaminiHochberg);
  const nutrients = Object.fromEntries(
    NUTRIENTS.map((k) => [k, { ...means[k], z: zScores(means[k].seasons), q: q[k] }]),
  ) as Record<Nutrient, NutrientSummary>;
  return { ...range, nutrients };
}

/** The spread of the season means: largest minus smallest, and which seasons. */
export function meanRange(seasons: readonly SeasonMean[]) {
  const withMean = seasons.filter((s) => s.mean !== null) as (SeasonMean & { mean: number })[];
  if (withMean.length === 0) return null;
  const max = withMean.reduce((a, b) => (b.mean > a.mean ? b : a));
  const min = withMean.reduce((a, b) => (b.mean < a.mean ? b : a));
  return { max, min, range: max.mean - min.mean };
}
