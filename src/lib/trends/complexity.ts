// Complexity for a year range: the WLS trends of the yearly mean score, steps and ingredients.
import {
  COMPLEXITY_MEASURES,
  type ComplexityMeasure,
  type ComplexitySummary,
  type ComplexityYear,
  type TrendFit,
  type YearRange,
} from "../contracts/trends.js";
import { fitTrend } from "./fit.js";
import { filterYears } from "./range.js";

export function summarizeComplexity(perYear: readonly ComplexityYear[], range: YearRange): ComplexitySummary {
  const rows = filterYears(perYear, range);
  const trend = Object.fromEntries(
    COMPLEXITY_MEASURES.map((m) => [m, fitTrend(rows, (r) => r[m])]),
  ) as Record<ComplexityMeasure, TrendFit | null>;
  return { ...range, years: rows.length, recipes: rows.reduce((a, r) => a + r.n, 0), trend };
}
