// The trend of a yearly value: weighted least squares of the value on the year, weights = the
// recipes behind each yearly value (a thin year counts less), as the original app did. The one
// place the Trends code calls the regression of the statistics module, and the one place that
// decides what "significant" means for the takeaways.
import type { TrendFit } from "../contracts/trends.js";
import { trendDirection, wls, type TrendDirection } from "../stats/index.js";

/** Significance level of the takeaways and of the "significant" marks. */
export const ALPHA = 0.05;

/** Confidence level of the slope's interval. */
export const CONFIDENCE = 0.95;

/** Fewest points a trend is fitted on: two points leave no degree of freedom for a p-value. */
export const MIN_YEARS = 3;

export interface FitOptions<T> {
  /** Weight of a row; default its recipe count `n`. */
  weight?: (row: T) => number;
}

/**
 * WLS fit of `value(row)` on `row.year` over the rows with a finite value and a positive weight;
 * null with fewer than MIN_YEARS such rows, or when the fit is undefined (values that do not vary
 * give no p-value): the page then says so instead of printing NaN, and JSON stays NaN-free.
 */
export function fitTrend<T extends { year: number; n?: number }>(
  rows: readonly T[],
  value: (row: T) => number | null | undefined,
  { weight = (row) => row.n ?? 1 }: FitOptions<T> = {},
): TrendFit | null {
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const row of rows) {
    const v = value(row);
    const wi = weight(row);
    if (v == null || !Number.isFinite(v) || !(wi > 0)) continue;
    x.push(row.year);
    y.push(v);
    w.push(wi);
  }
  if (x.length < MIN_YEARS) return null;
  const r = wls(x, y, w, { level: CONFIDENCE });
  if (![r.slope, r.intercept, r.r2, r.p, ...r.ci].every(Number.isFinite)) return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    r2: r.r2,
    p: r.p,
    ci: [r.ci[0], r.ci[1]],
    slopeSE: r.slopeSE,
    years: x.length,
  };
}

export type Direction = TrendDirection;

/** Up or down when the slope is significant at ALPHA, flat otherwise (or without a fit). */
export const direction = (fit: TrendFit | null, alpha = ALPHA): Direction =>
  fit ? trendDirection(fit, alpha) : "flat";

/** The line's value at a year, for drawing the trend over the fitted years. */
export const trendAt = (fit: TrendFit, year: number): number => fit.intercept + fit.slope * year;
