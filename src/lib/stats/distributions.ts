// The only place the rest of the package gets distribution functions from. They are computed by
// the special functions in ./special (incomplete gamma and beta, log-gamma, AS 241), written out
// here rather than bundled from @stdlib: the same accuracy for what the site asks (checked
// against SciPy in tests/special-functions.test.ts) in ~4 KB of browser code instead of 54 KB
// gzipped on every page. Node (the data loaders) and the browser run this same code.
import { betaIncomplete } from "./special/beta.js";
import { gammaIncomplete, logGamma as logGammaImpl } from "./special/gamma.js";
import { standardNormalQuantile } from "./special/normal-quantile.js";
import { studentTCdf, studentTQuantile, studentTTwoSided } from "./special/student-t.js";

/** P(T ≤ t) for Student's t with df degrees of freedom; NaN when df ≤ 0 or inputs are NaN. */
export function tCdf(t: number, df: number): number {
  return studentTCdf(t, df);
}

// Quantiles already computed, by p and df. Pages ask for the same few (p = 0.975, df = years − 2)
// hundreds of times per redraw — one per trend fitted — and each costs several incomplete beta
// evaluations; the function is pure, so a remembered value is the very same number.
const tQuantiles = new Map<string, number>();
const T_QUANTILES_KEPT = 512;

/** Inverse CDF of Student's t; NaN when df ≤ 0 or p ∉ [0, 1]. */
export function tQuantile(p: number, df: number): number {
  const key = `${p} ${df}`;
  let t = tQuantiles.get(key);
  if (t === undefined) {
    t = studentTQuantile(p, df);
    if (tQuantiles.size >= T_QUANTILES_KEPT) tQuantiles.clear();
    tQuantiles.set(key, t);
  }
  return t;
}

/** Inverse CDF of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return standardNormalQuantile(p);
}

/**
 * Two-sided p-value P(|T| ≥ |t|). Computed as twice the upper tail, from the incomplete beta on
 * that tail's side, rather than 2·(1 − F(|t|)), so tiny p-values are not lost to cancellation. NaN when df ≤ 0 or t is NaN; 0 for t = ±Infinity.
 */
export function twoSidedTPValue(t: number, df: number): number {
  return studentTTwoSided(t, df);
}

/** Natural log of |Γ(x)|; Infinity at the poles (0, −1, −2…). */
export function logGamma(x: number): number {
  return logGammaImpl(x);
}

/** log C(n, k) for real n ≥ k ≥ 0 through log-gamma; −Infinity when k > n (no way to choose). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logGammaImpl(n + 1) - logGammaImpl(k + 1) - logGammaImpl(n - k + 1);
}

// ── Tails for the hypothesis tests (hypothesis-*.ts) ─────────────────────────────────────────
// p-values are upper tails. They are computed as survival functions straight from the
// regularised incomplete gamma/beta functions on the tail's own side (the normal's through the
// incomplete gamma of ½), never as 1 − cdf: 1 − cdf rounds to 0 below ~1e-16, while these stay accurate down to the
// smallest double. The floor is floating point itself: a tail below ~1e-308 (the normal beyond
// |z| ≈ 37.5, a chi-square of 1 df beyond ≈ 1400) underflows towards 0, and an exact 0 means
// "below the smallest positive double (≈ 5e-324)", not "impossible".

/** P(X ≤ x) for a chi-square with df > 0 degrees of freedom; 0 for x ≤ 0; NaN for NaN or df ≤ 0. */
export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return gammaIncomplete(df / 2, x / 2, false);
}

/** P(X ≥ x), the chi-square survival function (the p-value of a chi-square statistic x). */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammaIncomplete(df / 2, x / 2, true);
}

/**
 * [1/(1+u), u/(1+u)] for u = df1·f/df2, the beta arguments of the F distribution, each computed
 * directly rather than as 1 minus the other; `inverse` (1/u) stands in when df1·f overflows.
 */
function splitRatio(u: number, inverse: number): [number, number] {
  if (u === Infinity) return [inverse, 1];
  return [1 / (1 + u), u / (1 + u)];
}

/** P(F ≤ f) for Fisher's F with (df1, df2) degrees of freedom; 0 for f ≤ 0; NaN for bad input. */
export function fCdf(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  const [x, y] = splitRatio((df1 * f) / df2, df2 / df1 / f);
  return betaIncomplete(df1 / 2, df2 / 2, y, x, false);
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
  const [x, y] = splitRatio((df1 * f) / df2, df2 / df1 / f);
  return betaIncomplete(df2 / 2, df1 / 2, x, y, false);
}

/** Two-sided standard-normal p-value P(|Z| ≥ |z|) = erfc(|z|/√2); NaN for NaN. */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) return NaN;
  // erfc(|z|/√2) = Q(½, z²/2), the upper regularised incomplete gamma.
  return Math.min(1, gammaIncomplete(0.5, (z * z) / 2, true));
}
