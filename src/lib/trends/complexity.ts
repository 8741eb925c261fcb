// Complexity for a year range: the WLS and headline trends of the yearly mean score, steps and
// ingredients (headline sampling variance of a yearly mean: sd²/n).
import type {
  ComplexityMeasure,
  ComplexitySummary,
  ComplexityYear,
  HeadlineFit,
  TrendFit,
  YearRange,
} from "../contracts/trends.js";
import { COMPLEXITY_MEASURES } from "../contracts/trends-keys.js";
import { fitTrend, headlineTrend, meanVariance } from "./fit.js";
import { filterYears } from "./range.js";

/** The per-year standard deviation field of each measure. */
export const SD_FIELDS = {
  score: "scoreSd",
  steps: "stepsSd",
  ingredients: "ingredientsSd",
} as const satisfies Record<ComplexityMeasure, keyof ComplexityYear>;

export function summarizeComplexity(perYear: readonly ComplexityYear[], range: YearRange): ComplexitySummary {
  const rows = filterYears(perYear, range);
  const origin = { origin: range.from };
  const trend = Object.fromEntries(
    COMPLEXITY_MEASURES.map((m) => [m, fitTrend(rows, (r) => r[m], origin)]),
  ) as Record<ComplexityMeasure, TrendFit | null>;
  const headline = Object.fromEntries(
    COMPLEXITY_MEASURES.map((m) => [
      m,
      headlineTrend(
        rows,
        (r) => r[m],
        (r) => meanVariance(r[SD_FIELDS[m]], r.n),
        origin,
      ),
    ]),
  ) as Record<ComplexityMeasure, HeadlineFit | null>;
  return { ...range, years: rows.length, recipes: rows.reduce((a, r) => a + r.n, 0), trend, headline };
}
