// Preparation time for a year range: the WLS trends of the yearly mean and median minutes.
import type { DurationSummary, DurationYear, YearRange } from "../contracts/trends.js";
import { fitTrend } from "./fit.js";
import { filterYears } from "./range.js";

/** The dispersion bands a reader can pick, as the pair of quantile fields bounding each. */
export const BANDS = {
  q25q75: ["q25", "q75"],
  q10q90: ["q10", "q90"],
  q05q95: ["q05", "q95"],
  q33q66: ["q33", "q66"],
} as const satisfies Record<string, readonly [keyof DurationYear, keyof DurationYear]>;
export type Band = keyof typeof BANDS;

export function summarizeDuration(perYear: readonly DurationYear[], range: YearRange): DurationSummary {
  const rows = filterYears(perYear, range);
  return {
    ...range,
    years: rows.length,
    recipes: rows.reduce((a, r) => a + r.n, 0),
    trend: { mean: fitTrend(rows, (r) => r.mean), median: fitTrend(rows, (r) => r.median) },
  };
}
