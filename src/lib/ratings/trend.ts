// The monthly series of mean ratings and its fits, for the reader's year range (items 1 and 2 of
// the Ratings page). Months with fewer than `minMonthly` ratings are left out of the series and
// counted. Time t is in years since the range's first kept month, so every slope is per year and
// every intercept is the fitted mean at that month.
// - WLS with weights √n: the original app's trend, kept for comparison and for the validation card.
// - OLS: the unweighted fit, to show how much weighting moves the slope.
// - Headline: the random-effects fit of src/lib/stats/trend-fit.ts with each month's sampling
//   variance sd²/n — √n weights treat the months as if their scatter were mostly sampling noise,
//   which with hundreds of ratings a month it is not; the sentences use this fit.
import type { HeadlineFit, LineFit, Month, SeriesPoint, TrendSummary } from "../contracts/ratings.js";
import type { YearRange } from "../contracts/trends.js";
import {
  coefficientOfVariation,
  ols,
  quantiles,
  randomEffectsTrend,
  variance,
  weightedVariance,
  wls,
  type LinearFit,
} from "../stats/index.js";
import { weightedSpearman } from "../stats/weighted-spearman.js";
import { ratingStats } from "./counts.js";
import { CONFIDENCE } from "./keys.js";

const monthTime = (m: { year: number; month: number }) => m.year + (m.month - 1) / 12;

function lineFit(r: LinearFit): LineFit | null {
  if (![r.slope, r.intercept, r.slopeSE, r.p, r.r2, ...r.ci].every(Number.isFinite)) return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    slopeSE: r.slopeSE,
    ci: [r.ci[0], r.ci[1]],
    p: r.p,
    r2: r.r2,
    months: r.n,
  };
}

function headlineFit(series: readonly SeriesPoint[]): HeadlineFit | null {
  const rows = series.filter((p) => p.sd !== null);
  // Values that do not vary have no trend to test (rounding would otherwise give a p-value).
  if (rows.length < 3 || rows.every((p) => p.mean === rows[0].mean)) return null;
  const r = randomEffectsTrend(
    rows.map((p) => p.t),
    rows.map((p) => p.mean),
    rows.map((p) => (p.sd as number) ** 2 / p.n),
    { origin: 0, level: CONFIDENCE },
  );
  if (![r.slope, r.intercept, r.slopeSE, r.p, r.tau2, r.i2, r.lag1, ...r.ci].every(Number.isFinite))
    return null;
  return {
    slope: r.slope,
    intercept: r.intercept,
    slopeSE: r.slopeSE,
    seMethod: r.seMethod,
    ci: [r.ci[0], r.ci[1]],
    p: r.p,
    tau2: r.tau2,
    i2: r.i2,
    lag1: r.lag1,
    months: r.k,
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The monthly series, its fits and the validation figures over the months of `range`. */
export function summarizeTrend(months: readonly Month[], range: YearRange, minMonthly: number): TrendSummary {
  const inRange = months
    .filter((m) => m.year >= range.from && m.year <= range.to)
    .sort((a, b) => monthTime(a) - monthTime(b));
  const rated = inRange.map((m) => ({ m, s: ratingStats(m.counts) })).filter(({ s }) => s.n > 0);
  const kept = rated.filter(({ s }) => s.n >= minMonthly);
  const excluded = rated.filter(({ s }) => s.n < minMonthly);
  const origin = kept.length > 0 ? monthTime(kept[0].m) : 0;
  const weightTotal = kept.reduce((acc, { s }) => acc + Math.sqrt(s.n), 0);
  const series: SeriesPoint[] = kept.map(({ m, s }) => ({
    year: m.year,
    month: m.month,
    n: s.n,
    mean: s.mean as number,
    sd: s.sd,
    t: monthTime(m) - origin,
    weight: Math.sqrt(s.n),
    weightShare: Math.sqrt(s.n) / weightTotal,
  }));
  const t = series.map((p) => p.t);
  const y = series.map((p) => p.mean);
  const w = series.map((p) => p.weight);
  const n = series.map((p) => p.n);
  const enough = series.length >= 3;
  const wlsFit = enough ? lineFit(wls(t, y, w, { level: CONFIDENCE })) : null;
  const olsFit = enough ? lineFit(ols(t, y, { level: CONFIDENCE })) : null;
  let volumes: TrendSummary["volumes"] = null;
  if (series.length > 0) {
    const [q1, median, q3] = quantiles(n, [0.25, 0.5, 0.75]);
    volumes = {
      min: Math.min(...n),
      q1,
      median,
      q3,
      max: Math.max(...n),
      mean: n.reduce((a, b) => a + b, 0) / n.length,
      cv: finiteOrNull(coefficientOfVariation(n)),
    };
  }
  return {
    from: range.from,
    to: range.to,
    minMonthly,
    monthsKept: kept.length,
    monthsExcluded: excluded.length,
    ratingsExcluded: excluded.reduce((acc, { s }) => acc + s.n, 0),
    series,
    wls: wlsFit,
    ols: olsFit,
    headline: enough ? headlineFit(series) : null,
    spearman: series.length >= 2 ? finiteOrNull(weightedSpearman(n, y, w)) : null,
    volumes,
    variance: {
      unweighted: finiteOrNull(variance(y)),
      weighted: finiteOrNull(weightedVariance(y, w, { weights: "analytic" })),
    },
    slopeShift:
      wlsFit && olsFit && olsFit.slope !== 0
        ? Math.abs(wlsFit.slope - olsFit.slope) / Math.abs(olsFit.slope)
        : null,
  };
}
