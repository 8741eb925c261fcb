// Complexity weekday vs weekend for a range: the three measures (score, steps, ingredients) each
// compared as in measures.ts, and the three Welch p-values Holm-adjusted together (three tests of
// one question: "are weekend recipes more complex?").
import type { YearRange } from "../contracts/trends.js";
import type { ComplexityData, ComplexitySummary, MeasureSummary, RankPeriod } from "../contracts/weekend.js";
import { holm } from "../stats/index.js";
import { COMPLEXITY_MEASURES, type ComplexityMeasure } from "./keys.js";
import { periodFor } from "../periods.js";
import { summarizeMeasure } from "./measures.js";

const byMeasure = <T>(f: (m: ComplexityMeasure) => T) =>
  Object.fromEntries(COMPLEXITY_MEASURES.map((m) => [m, f(m)])) as Record<ComplexityMeasure, T>;

/** Holm-adjusted p of a family of p-values where null (no test) stays null and is not counted. */
export function holmOrNull(ps: readonly (number | null)[]): (number | null)[] {
  const adjusted = holm(ps.map((p) => p ?? NaN));
  return adjusted.map((q) => (Number.isNaN(q) ? null : q));
}

export function summarizeComplexity(
  data: Pick<ComplexityData, "measures">,
  range: YearRange,
): ComplexitySummary {
  const measures = byMeasure((m) => summarizeMeasure(data.measures[m].perYear, range)) as Record<
    ComplexityMeasure,
    MeasureSummary
  >;
  const q = holmOrNull(COMPLEXITY_MEASURES.map((m) => measures[m].welch?.p ?? null));
  return { measures, holm: byMeasure((m) => q[COMPLEXITY_MEASURES.indexOf(m)]) };
}

/** The rank-test period of each measure for a range, and the Holm-adjusted Mann–Whitney p-values. */
export function complexityRanks(
  data: Pick<ComplexityData, "measures">,
  range: YearRange,
): { periods: Record<ComplexityMeasure, RankPeriod>; holm: Record<ComplexityMeasure, number | null> } {
  const periods = byMeasure((m) => periodFor(data.measures[m].periods, range));
  const q = holmOrNull(COMPLEXITY_MEASURES.map((m) => periods[m].mannWhitney?.p ?? null));
  return { periods, holm: byMeasure((m) => q[COMPLEXITY_MEASURES.indexOf(m)]) };
}
