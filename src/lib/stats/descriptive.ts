// Unweighted descriptive statistics: sum, mean, variance, standard deviation, coefficient of
// variation. Conventions (shared by the whole stats package):
// - Empty input gives NaN (sum gives 0); NaN anywhere in the input propagates to the result.
//   Filter first with `finiteValues` when missing values should be skipped.
// - `variance`/`std` take `ddof` (delta degrees of freedom, divisor n - ddof) and default to
//   ddof = 1, the unbiased sample variance: the Food.com tables are samples of a wider cooking
//   population, and R, pandas and statsmodels report ddof = 1 too (numpy's default is ddof = 0,
//   pass { ddof: 0 } to match it). n - ddof <= 0 gives NaN.
import { assertDdof, type Numbers } from "./checks.js";

export interface DdofOptions {
  /** Delta degrees of freedom: the divisor is n - ddof. Default 1 (sample statistics). */
  ddof?: number;
}

/** Sum with Neumaier compensation, so totals over a million review ratings do not drift. */
export function sum(xs: Numbers): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = s + x;
    // Keep the low-order bits that were lost by whichever operand was smaller.
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  // With an infinite or NaN running sum the compensation is NaN (inf - inf); the plain sum is right.
  return Number.isFinite(s) ? s + c : s;
}

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: Numbers): number {
  return xs.length === 0 ? NaN : sum(xs) / xs.length;
}

/**
 * Variance with divisor n - ddof (ddof defaults to 1). Uses the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983) so large offsets such as epoch timestamps do not cancel.
 */
export function variance(xs: Numbers, options: DdofOptions = {}): number {
  const ddof = options.ddof ?? 1;
  assertDdof("variance", ddof);
  const n = xs.length;
  if (n - ddof <= 0) return NaN;
  const m = mean(xs);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    ss += d * d;
    comp += d;
  }
  // comp would be 0 in exact arithmetic; subtracting comp²/n removes the rounding error of m.
  return Math.max(0, ss - (comp * comp) / n) / (n - ddof);
}

/** Standard deviation: sqrt(variance(xs, { ddof })), ddof default 1. */
export function std(xs: Numbers, options: DdofOptions = {}): number {
  return Math.sqrt(variance(xs, options));
}

/**
 * Coefficient of variation std / mean as a fraction (0.25, not 25 %), ddof default 1. Signed:
 * a negative mean gives a negative CV. A zero mean gives NaN rather than ±Infinity because the
 * ratio is meaningless there.
 */
export function coefficientOfVariation(xs: Numbers, options: DdofOptions = {}): number {
  const m = mean(xs);
  if (m === 0) return NaN;
  return std(xs, options) / m;
}

/** Copy of the finite values (drops NaN, ±Infinity, null-ish coercions) for NaN-skipping stats. */
export function finiteValues(xs: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x === "number" && Number.isFinite(x)) out.push(x);
  }
  return out;
}
