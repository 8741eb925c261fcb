// The only place that touches distribution functions: thin wrappers over @stdlib (which
// implements the regularised incomplete beta properly), so the rest of the package never
// hand-rolls special functions and a swap of implementation is a one-file change.
import normalQuantileImpl from "@stdlib/stats-base-dists-normal-quantile";
import tCdfImpl from "@stdlib/stats-base-dists-t-cdf";
import tQuantileImpl from "@stdlib/stats-base-dists-t-quantile";

/** P(T ≤ t) for Student's t with df degrees of freedom; NaN when df ≤ 0 or inputs are NaN. */
export function tCdf(t: number, df: number): number {
  return tCdfImpl(t, df);
}

/** Inverse CDF of Student's t; NaN when df ≤ 0 or p ∉ [0, 1]. */
export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** Inverse CDF of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/**
 * Two-sided p-value P(|T| ≥ |t|). Computed as 2·F(−|t|) rather than 2·(1 − F(|t|)) so tiny
 * p-values are not lost to cancellation. NaN when df ≤ 0 or t is NaN; 0 for t = ±Infinity.
 */
export function twoSidedTPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
