// Student's t distribution from the incomplete beta function: the CDF directly, the quantile by
// Hill's approximation (Algorithm 396, CACM 1970, as used by R's qt) polished by Newton steps on
// the CDF, so it is as exact as the CDF itself. Tested against SciPy in
// tests/special-functions.test.ts.
import { betaIncomplete } from "./beta.js";
import { gammaIncomplete, logGamma, stirlingCorrection } from "./gamma.js";
import { standardNormalQuantile } from "./normal-quantile.js";

/**
 * P(T ≥ |t|), one tail, without cancellation: I_x(df/2, ½)/2 with x = df/(df + t²) and
 * y = t²/(df + t²) formed from the ratio t²/df so neither loses digits (or overflows).
 */
function upperTail(t: number, df: number): number {
  if (df === Infinity) return gammaIncomplete(0.5, (t * t) / 2, true) / 2;
  const u = (t * t) / df;
  if (u === Infinity) {
    // t² overflowed, so x = df/t² < 1e-308 and I_x(a, ½) is its leading term xᵃ/(a·B(a, ½)) to
    // full precision, taken in logs because x itself may be below the smallest double.
    const a = df / 2;
    const logX = Math.log(df) - 2 * Math.log(Math.abs(t));
    return Math.exp(a * logX - Math.log(a) - logBetaHalf(a)) / 2;
  }
  return betaIncomplete(df / 2, 0.5, 1 / (1 + u), u / (1 + u), false) / 2;
}

/**
 * P(0 ≤ T ≤ |t|) = I_y(½, df/2)/2, the probability between the centre and t: small near t = 0,
 * where it has all its digits while ½ − P(T ≥ t) would keep only the absolute ones.
 */
function centre(t: number, df: number): number {
  if (df === Infinity) return gammaIncomplete(0.5, (t * t) / 2, false) / 2;
  const u = (t * t) / df;
  if (u === Infinity) return 0.5 - upperTail(t, df);
  return betaIncomplete(0.5, df / 2, u / (1 + u), 1 / (1 + u), false) / 2;
}

/** P(T ≤ t) for Student's t with df > 0 degrees of freedom; NaN when df ≤ 0 or inputs are NaN. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  const tail = upperTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** P(|T| ≥ |t|), the two-sided p-value, computed as one tail times two (never 1 − cdf). */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  return Math.min(1, 2 * upperTail(t, df));
}

/** ln B(a, ½) = ln[Γ(a)·Γ(½)/Γ(a + ½)], through Stirling's series for large a. */
function logBetaHalf(a: number): number {
  const logRatio =
    a >= 10
      ? 0.5 * Math.log(a) +
        a * Math.log1p(0.5 / a) -
        0.5 +
        stirlingCorrection(a + 0.5) -
        stirlingCorrection(a)
      : logGamma(a + 0.5) - logGamma(a);
  return 0.5 * Math.log(Math.PI) - logRatio;
}

/** ln of the density of Student's t, for the Newton steps of the quantile (in logs: far out it underflows). */
function logDensity(t: number, df: number): number {
  const u = (t * t) / df;
  const logKernel = u === Infinity ? 2 * Math.log(Math.abs(t)) - Math.log(df) : Math.log1p(u);
  return -0.5 * Math.log(df) - logBetaHalf(df / 2) - ((df + 1) / 2) * logKernel;
}

/** Hill's starting value for the t > 0 with two-sided tail P (0 < P < 1), df ≥ 1. */
function hillStart(P: number, df: number): number {
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = Math.pow(d * P, 2 / df);
  if (y < Number.EPSILON) {
    // (d·P)^(2/df) underflows relative to 1: the far tail, where t ≈ √df·(d·P)^(−1/df).
    const x = (Math.log(d) + Math.log(P)) / df;
    if (x < -0.5 * Math.log(2) * 53) return Math.sqrt(df) * Math.exp(-x);
    y = Math.exp(2 * x);
  }
  if ((df < 2.1 && P > 0.5) || y > 0.05 + a) {
    // Near the centre: an expansion about the normal quantile.
    const x = standardNormalQuantile(0.5 * P);
    const x2 = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    const z = (((((0.4 * x2 + 6.3) * x2 + 36) * x2 + 94.5) / c - x2 - 3) / b + 1) * x;
    return Math.sqrt(df * Math.expm1(a * z * z));
  }
  y =
    ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
      ((df + 1) / (df + 2)) +
    1 / y;
  return Math.sqrt(df * y);
}

/**
 * t > 0 with P(T ≥ t) = tail (0 < tail < ½), for any df > 0 by bisection: the fallback when
 * df < 1, where Hill's start does not apply. Near the centre it bisects on P(0 ≤ T ≤ t) = ½ − tail
 * instead, for the same reason as the Newton steps below.
 */
function bisectTail(tail: number, df: number): number {
  const central = tail > 0.25;
  const above = central ? (t: number) => centre(t, df) < 0.5 - tail : (t: number) => upperTail(t, df) > tail;
  if (above(Number.MAX_VALUE)) return Infinity; // beyond the largest double
  let lo = 0;
  let hi = 1;
  while (above(hi)) hi *= 2;
  for (let i = 0; i < 2000 && hi - lo > 1e-15 * hi; i++) {
    // Halve the ratio while the bracket spans orders of magnitude, then the interval.
    const mid = lo > 0 && hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : (lo + hi) / 2;
    if (above(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Inverse CDF of Student's t; NaN when df ≤ 0 or p ∉ [0, 1]; ∓Infinity at 0 and 1. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || !(df > 0) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const negative = p < 0.5;
  const tail = negative ? p : 1 - p; // the one-sided tail beyond |t|
  let t: number;
  if (df === Infinity || df > 1e20) t = -standardNormalQuantile(tail);
  else if (df === 1) {
    // Cauchy, exactly: tan(π(½ − tail)), written so that neither end loses digits.
    t = tail > 0.25 ? Math.tan(Math.PI * (0.5 - tail)) : 1 / Math.tan(Math.PI * tail);
  } else if (df === 2)
    t = (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail)); // exactly
  else if (df < 1) t = bisectTail(tail, df);
  else {
    t = hillStart(2 * tail, df);
    // Newton steps on ln F against ln t, where F is the tail P(T ≥ t) — or, near the centre, the
    // part P(0 ≤ T ≤ t) = ½ − tail, exact in floating point there and accurate to its last digit
    // where the tail would be accurate only to ~1e-16 absolute. Both are close to a power of t
    // (the tail far out, the centre part near 0) or to a Gaussian in between, so nearly straight
    // on that scale: a few steps reach full precision from Hill's start, even at p = 1e-300
    // (plain Newton on P crawls out there).
    const central = tail > 0.25;
    const target = Math.log(central ? 0.5 - tail : tail);
    for (let i = 0; i < 50; i++) {
      const current = central ? centre(t, df) : upperTail(t, df);
      if (!(current > 0)) break;
      // d ln F / d ln t = ±t·f(t)/F, in logs because f(t) underflows far out.
      const slope = Math.exp(Math.log(t) + logDensity(t, df) - Math.log(current));
      if (!(slope > 0) || !Number.isFinite(slope)) break;
      const step = ((Math.log(current) - target) / slope) * (central ? -1 : 1);
      if (!Number.isFinite(step)) break;
      t *= Math.exp(Math.max(-2, Math.min(2, step)));
      if (Math.abs(step) <= 1e-13) break; // the step just taken leaves ~step² behind
    }
  }
  return negative ? -t : t;
}
