// The trends of yearly values, and the one place that decides what the Trends page may call a
// trend in words.
// - fitTrend: weighted least squares of the value on the year, weights = the recipes behind each
//   yearly value, as the original app did. Kept in the output and the fit tables so readers can
//   compare with it; never the basis of a sentence.
// - headlineTrend: the random-effects trend of src/lib/stats/trend-fit.ts (weights 1/(τ² + v),
//   standard error the larger of Knapp–Hartung and Newey–West). Takeaways, KPIs and marks use it.
// Both report their intercept at `origin`, the first year of the range, not at year 0. Each has a
// twin on columns (fitSeries, headlineSeries) for the thousands of item series of the Trends page,
// which share their years: no object or closure per row there.
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

/** The options of every WLS fit here (a constant: the fits run thousands of times per page). */
const LEVEL = { level: CONFIDENCE };

/** A row in a WLS fit: a finite value with a positive weight. */
const wlsRow = (value: number, weight: number) => Number.isFinite(value) && weight > 0;

/** A row in a headline fit: a finite value with a finite, non-negative sampling variance. */
const headlineRow = (value: number, variance: number) =>
  Number.isFinite(value) && Number.isFinite(variance) && variance >= 0;

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
    years.push(row.year);
    y.push(value(row) ?? NaN);
    w.push(weight(row));
  }
  return fitSeries(years, y, w, origin);
}

/**
 * fitTrend on columns: `values[i]` of year `years[i]` with weight `weights[i]`, the same rows left
 * out (for callers that fit many series on the same years, without an object per row).
 */
export function fitSeries(
  years: readonly number[],
  values: readonly number[],
  weights: readonly number[],
  origin?: number,
): TrendFit | null {
  let kept = 0;
  for (let i = 0; i < years.length; i++) if (wlsRow(values[i], weights[i])) kept++;
  if (kept < MIN_YEARS) return null;
  // Every row kept is the usual case: the columns are then used as they are.
  const all = kept === years.length;
  const y = all ? values : values.filter((value, i) => wlsRow(value, weights[i]));
  const w = all ? weights : weights.filter((weight, i) => wlsRow(values[i], weight));
  const fittedYears = all ? years : years.filter((_, i) => wlsRow(values[i], weights[i]));
  const at = origin ?? Math.min(...fittedYears);
  // Fitting on (year − origin) gives the intercept at the origin directly; slope, R², p unchanged.
  const x: number[] = [];
  for (let i = 0; i < kept; i++) x.push(fittedYears[i] - at);
  const r = wls(x, y, w, LEVEL);
  if (
    !Number.isFinite(r.slope) ||
    !Number.isFinite(r.intercept) ||
    !Number.isFinite(r.r2) ||
    !Number.isFinite(r.p) ||
    !Number.isFinite(r.ci[0]) ||
    !Number.isFinite(r.ci[1])
  )
    return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    origin: at,
    r2: r.r2,
    p: r.p,
    ci: [r.ci[0], r.ci[1]],
    slopeSE: r.slopeSE,
    years: kept,
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
    years.push(row.year);
    y.push(value(row) ?? NaN);
    v.push(variance(row) ?? NaN);
  }
  return headlineSeries(years, y, v, origin);
}

/**
 * headlineTrend on columns: `values[i]` of year `years[i]` with sampling variance `variances[i]`,
 * the same rows left out (for callers that fit many series on the same years).
 */
export function headlineSeries(
  years: readonly number[],
  values: readonly number[],
  variances: readonly number[],
  origin?: number,
): HeadlineFit | null {
  let kept = 0;
  let first = NaN;
  let varies = false;
  for (let i = 0; i < years.length; i++) {
    if (!headlineRow(values[i], variances[i])) continue;
    if (kept++ === 0) first = values[i];
    else if (values[i] !== first) varies = true;
  }
  // Values that do not vary have no trend to test (rounding would otherwise give a p-value of 1).
  if (kept < MIN_YEARS || !varies) return null;
  // Every row kept is the usual case: the columns are then used as they are.
  const all = kept === years.length;
  const x = all ? years : years.filter((_, i) => headlineRow(values[i], variances[i]));
  const y = all ? values : values.filter((value, i) => headlineRow(value, variances[i]));
  const v = all ? variances : variances.filter((variance, i) => headlineRow(values[i], variance));
  const r = randomEffectsTrend(x, y, v, { origin: origin ?? Math.min(...x), level: CONFIDENCE });
  if (
    !Number.isFinite(r.slope) ||
    !Number.isFinite(r.intercept) ||
    !Number.isFinite(r.slopeSE) ||
    !Number.isFinite(r.seKnappHartung) ||
    !Number.isFinite(r.seNeweyWest) ||
    !Number.isFinite(r.p) ||
    !Number.isFinite(r.ci[0]) ||
    !Number.isFinite(r.ci[1]) ||
    !Number.isFinite(r.tau2) ||
    !Number.isFinite(r.i2) ||
    !Number.isFinite(r.lag1) ||
    !Number.isFinite(r.durbinWatson)
  )
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
