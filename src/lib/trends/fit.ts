// The trends of yearly values, and the one place that decides what the Trends page may call a
// trend in words.
// - fitTrend: weighted least squares of the value on the year, weights = the recipes behind each
//   yearly value, as the original app did. Kept in the output and the fit tables so readers can
//   compare with it; never the basis of a sentence.
// - headlineTrend: the random-effects trend of src/lib/stats/trend-fit.ts (weights 1/(τ² + v),
//   standard error the larger of Knapp–Hartung and Newey–West). Takeaways, KPIs and marks use it.
// Both report their intercept at `origin`, the first year of the range, not at year 0.
import type { HeadlineFit, TrendFit } from "../contracts/trends.js";
import { randomEffectsTrend, trendDirection, wls, type TrendDirection } from "../stats/index.js";

/** Significance level of the takeaways, of the "significant" marks and of the items' false discovery rate. */
export const ALPHA = 0.05;

/** Confidence level of the slope's interval. */
export const CONFIDENCE = 0.95;

/** Fewest points a trend is fitted on: two points leave no degree of freedom for a p-value. */
export const MIN_YEARS = 3;

/**
 * Fewest years before a slope is called a rise or a fall in words. With 3 or 4 years the t test
 * has 1 or 2 degrees of freedom and the between-year variance rests on as many residuals: the
 * numbers are shown in the fit tables, but no sentence calls them a trend.
 */
export const MIN_TREND_YEARS = 5;

export interface FitOptions<T> {
  /** Weight of a row; default its recipe count `n`. */
  weight?: (row: T) => number;
  /** Year at which the intercept is reported; default the first fitted year. */
  origin?: number;
}

/**
 * WLS fit of `value(row)` on `row.year` over the rows with a finite value and a positive weight;
 * null with fewer than MIN_YEARS such rows, or when the fit is undefined (values that do not vary
 * give no p-value): the page then says so instead of printing NaN, and JSON stays NaN-free.
 */
export function fitTrend<T extends { year: number; n?: number }>(
  rows: readonly T[],
  value: (row: T) => number | null | undefined,
  { weight = (row) => row.n ?? 1, origin }: FitOptions<T> = {},
): TrendFit | null {
  const years: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const row of rows) {
    const v = value(row);
    const wi = weight(row);
    if (v == null || !Number.isFinite(v) || !(wi > 0)) continue;
    years.push(row.year);
    y.push(v);
    w.push(wi);
  }
  if (years.length < MIN_YEARS) return null;
  const at = origin ?? Math.min(...years);
  // Fitting on (year − origin) gives the intercept at the origin directly; slope, R², p unchanged.
  const r = wls(
    years.map((year) => year - at),
    y,
    w,
    { level: CONFIDENCE },
  );
  if (![r.slope, r.intercept, r.r2, r.p, ...r.ci].every(Number.isFinite)) return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    origin: at,
    r2: r.r2,
    p: r.p,
    ci: [r.ci[0], r.ci[1]],
    slopeSE: r.slopeSE,
    years: years.length,
  };
}

export interface HeadlineOptions {
  /** Year at which the intercept is reported; default the first fitted year. */
  origin?: number;
}

/**
 * The headline trend of `value(row)` on `row.year`, each year with sampling variance
 * `variance(row)`. Rows without a finite value or a finite, non-negative variance are left out
 * (a year of one recipe has no variance estimate); null with fewer than MIN_YEARS rows left, or
 * when the fit is undefined (values that do not vary).
 */
export function headlineTrend<T extends { year: number }>(
  rows: readonly T[],
  value: (row: T) => number | null | undefined,
  variance: (row: T) => number | null | undefined,
  { origin }: HeadlineOptions = {},
): HeadlineFit | null {
  const years: number[] = [];
  const y: number[] = [];
  const v: number[] = [];
  for (const row of rows) {
    const yi = value(row);
    const vi = variance(row);
    if (yi == null || vi == null || !Number.isFinite(yi) || !Number.isFinite(vi) || vi < 0) continue;
    years.push(row.year);
    y.push(yi);
    v.push(vi);
  }
  // Values that do not vary have no trend to test (rounding would otherwise give a p-value of 1).
  if (years.length < MIN_YEARS || y.every((yi) => yi === y[0])) return null;
  const r = randomEffectsTrend(years, y, v, { origin: origin ?? Math.min(...years), level: CONFIDENCE });
  const needed = [
    r.slope,
    r.intercept,
    r.slopeSE,
    r.seKnappHartung,
    r.seNeweyWest,
    r.p,
    ...r.ci,
    r.tau2,
    r.i2,
  ];
  if (!needed.every(Number.isFinite) || !Number.isFinite(r.lag1) || !Number.isFinite(r.durbinWatson))
    return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    origin: r.origin,
    slopeSE: r.slopeSE,
    seMethod: r.seMethod,
    seKnappHartung: r.seKnappHartung,
    seNeweyWest: r.seNeweyWest,
    p: r.p,
    ci: [r.ci[0], r.ci[1]],
    years: r.k,
    tau2: r.tau2,
    i2: r.i2,
    lag1: r.lag1,
    durbinWatson: r.durbinWatson,
    neweyWestLag: r.lag,
  };
}

/** Sampling variance of a yearly mean: s²/n; null for a single value (no s). */
export const meanVariance = (sd: number | null | undefined, n: number): number | null =>
  sd == null || !(n >= 2) ? null : (sd * sd) / n;

/** Sampling variance of a value with a standard error; null without one. */
export const seVariance = (se: number | null | undefined): number | null => (se == null ? null : se * se);

export type Direction = TrendDirection;

/**
 * Up or down when the slope is significant at ALPHA over at least MIN_TREND_YEARS years, flat
 * otherwise (or without a fit). `p` may be replaced by an adjusted p-value.
 */
export const direction = (
  fit: { slope: number; p: number; years: number } | null,
  alpha = ALPHA,
): Direction => (fit && fit.years >= MIN_TREND_YEARS ? trendDirection(fit, alpha) : "flat");

/** The line's value at a year, for drawing the trend over the fitted years. */
export const trendAt = (fit: { slope: number; intercept: number; origin: number }, year: number): number =>
  fit.intercept + fit.slope * (year - fit.origin);
