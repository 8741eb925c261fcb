// Preparation time for a year range: the WLS and headline trends of the yearly mean and median
// minutes, and the "latest" figures pooled over the last LATEST_YEARS years of the range (exact
// quantiles from the minutes histogram, so a thin last year never stands for "today").
import type {
  DurationSummary,
  DurationWindow,
  DurationYear,
  MinutesHistogram,
  YearRange,
} from "../contracts/trends.js";
import { fitTrend, headlineTrend, meanVariance, seVariance } from "./fit.js";
import { filterYears, inRange } from "./range.js";

/** The dispersion bands a reader can pick, as the pair of quantile fields bounding each. */
export const BANDS = {
  q25q75: ["q25", "q75"],
  q10q90: ["q10", "q90"],
  q05q95: ["q05", "q95"],
  q33q66: ["q33", "q66"],
} as const satisfies Record<string, readonly [keyof DurationYear, keyof DurationYear]>;
export type Band = keyof typeof BANDS;

/**
 * Years pooled by the "latest" KPIs: the last three of the range (or fewer when the range is
 * shorter). The last year alone is usually the thinnest (the data ends mid-way through it).
 */
export const LATEST_YEARS = 3;

/** Quantile levels of the window, as the per-year rows name them. */
const LEVELS = {
  q05: 0.05,
  q10: 0.1,
  q25: 0.25,
  q33: 0.33,
  q66: 0.66,
  q75: 0.75,
  q90: 0.9,
  q95: 0.95,
} as const;

/**
 * The p-quantile of values given as (value, count) pairs sorted by value, by linear interpolation
 * between order statistics (R type 7, DuckDB quantile_cont): h = (N − 1)·p, 0-based. NaN for N = 0.
 */
export function histogramQuantile(values: readonly number[], counts: readonly number[], p: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const at = (index: number): number => {
    let seen = 0;
    for (let v = 0; v < values.length; v++) {
      seen += counts[v];
      if (index < seen) return values[v];
    }
    return values[values.length - 1];
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}

/** The last `LATEST_YEARS` years of the range (within the data's years), pooled over their recipes. */
export function latestWindow(
  perYear: readonly DurationYear[],
  histogram: MinutesHistogram,
  range: YearRange,
): DurationWindow {
  const indices = perYear.flatMap((r, j) => (inRange(r.year, range) ? [j] : []));
  const last = indices.slice(-LATEST_YEARS);
  const pooled = histogram.minutes.map((_, v) => last.reduce((a, j) => a + histogram.counts[j][v], 0));
  const recipes = last.reduce((a, j) => a + perYear[j].n, 0);
  // The pooled mean is exact from the yearly means: Σ n·mean / Σ n.
  const mean = last.reduce((a, j) => a + perYear[j].n * perYear[j].mean, 0) / recipes;
  const q = (p: number) => histogramQuantile(histogram.minutes, pooled, p);
  return {
    from: last.length ? perYear[last[0]].year : range.from,
    to: last.length ? perYear[last[last.length - 1]].year : range.to,
    recipes,
    mean,
    median: q(0.5),
    ...(Object.fromEntries(Object.entries(LEVELS).map(([k, p]) => [k, q(p)])) as Record<
      keyof typeof LEVELS,
      number
    >),
  };
}

export function summarizeDuration(
  perYear: readonly DurationYear[],
  histogram: MinutesHistogram,
  range: YearRange,
): DurationSummary {
  const rows = filterYears(perYear, range);
  const origin = { origin: range.from };
  return {
    ...range,
    years: rows.length,
    recipes: rows.reduce((a, r) => a + r.n, 0),
    trend: {
      mean: fitTrend(rows, (r) => r.mean, origin),
      median: fitTrend(rows, (r) => r.median, origin),
    },
    headline: {
      mean: headlineTrend(
        rows,
        (r) => r.mean,
        (r) => meanVariance(r.sd, r.n),
        origin,
      ),
      median: headlineTrend(
        rows,
        (r) => r.median,
        (r) => seVariance(r.medianSE),
        origin,
      ),
    },
    latest: latestWindow(perYear, histogram, range),
  };
}
