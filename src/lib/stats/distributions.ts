// The only place that touches distribution functions: thin wrappers over @stdlib (which
// implements the regularised incomplete beta properly), so the rest of the package never
// hand-rolls special functions and a swap of implementation is a one-file change.
// Through a one-file bundle made at install time (data-loaders/vendor/stdlib-entry.ts): the same
// @stdlib code, one browser request instead of ~140.
import {
  gammaln,
  normalQuantile as normalQuantileImpl,
  tCdf as tCdfImpl,
  tQuantile as tQuantileImpl,
} from "./vendor/stdlib.js";

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

/** Natural log of |Γ(x)|; Infinity at the poles (0, −1, −2…). */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** log C(n, k) for real n ≥ k ≥ 0 through log-gamma; −Infinity when k > n (no way to choose). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}
