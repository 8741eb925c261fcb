// The only place that touches distribution functions: thin wrappers over @stdlib (which
// implements the regularised incomplete beta properly), so the rest of the package never
// hand-rolls special functions and a swap of implementation is a one-file change.
// Through a one-file bundle made at install time (data-loaders/vendor/stdlib-entry.ts): the same
// @stdlib code, one browser request instead of ~140.
import {
  betainc,
  erfc,
  gammainc,
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

// ── Tails for the hypothesis tests (hypothesis-*.ts) ─────────────────────────────────────────
// p-values are upper tails. They are computed as survival functions straight from the
// regularised incomplete gamma/beta functions with their `upper` flag (and erfc for the normal),
// never as 1 − cdf: 1 − cdf rounds to 0 below ~1e-16, while these stay accurate down to the
// smallest double. The floor is floating point itself: a tail below ~1e-308 (the normal beyond
// |z| ≈ 37.5, a chi-square of 1 df beyond ≈ 1400) underflows towards 0, and an exact 0 means
// "below the smallest positive double (≈ 5e-324)", not "impossible".

/** P(X ≤ x) for a chi-square with df > 0 degrees of freedom; 0 for x ≤ 0; NaN for NaN or df ≤ 0. */
export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return gammainc(x / 2, df / 2, true, false);
}

/** P(X ≥ x), the chi-square survival function (the p-value of a chi-square statistic x). */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** P(F ≤ f) for Fisher's F with (df1, df2) degrees of freedom; 0 for f ≤ 0; NaN for bad input. */
export function fCdf(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  return betainc((df1 * f) / (df1 * f + df2), df1 / 2, df2 / 2, true, false);
}

/**
 * P(F ≥ f), the F survival function (the p-value of an ANOVA F). Uses the identity
 * P(F ≥ f) = I_x(df2/2, df1/2) with x = df2 / (df2 + df1·f): for a large f, x is small and exact,
 * where the complementary argument df1·f / (df1·f + df2) would round to 1.
 */
export function fSurvival(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}

/** Two-sided standard-normal p-value P(|Z| ≥ |z|) = erfc(|z|/√2); NaN for NaN. */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
