// Weighted mean, variance and standard deviation. Two weight semantics, chosen per call:
// - "frequency" (default, numpy `np.cov(fweights=)`, Stata fweight): w_i counts how many times
//   row i occurred, so the result equals the unweighted statistic on the expanded data.
//   Divisor: Σw − ddof. Weights need not be integers, but the divisor only makes sense when Σw is
//   a count (e.g. recipes weighted by their number of reviews).
// - "analytic" (numpy `np.cov(aweights=)`, a.k.a. reliability weights): w_i is a relative
//   precision, only ratios matter. Divisor: V1 − ddof·V2/V1 with V1 = Σw, V2 = Σw²; with ddof = 1
//   this is the unbiased reliability-weighted variance, and it does not change when all w scale.
// ddof defaults to 1 as in descriptive.ts. Zero weights drop a row; negative weights throw a
// RangeError; mismatched lengths throw a RangeError; a zero total weight gives NaN.
import { assertDdof, assertNonNegativeWeights, assertSameLength, type Numbers } from "./checks.js";
import { sum } from "./descriptive.js";

export type WeightKind = "frequency" | "analytic";

export interface WeightedVarianceOptions {
  /** Delta degrees of freedom (see the module head for how it enters each divisor). Default 1. */
  ddof?: number;
  /** Weight semantics. Default "frequency". */
  weights?: WeightKind;
}

/** Σw·x / Σw; NaN when Σw = 0 (including empty input). */
export function weightedMean(xs: Numbers, ws: Numbers): number {
  assertSameLength("weightedMean", xs, ws);
  assertNonNegativeWeights("weightedMean", ws);
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i];
    if (w === 0) continue; // a zero weight drops the row, even when its value is NaN
    sw += w;
    swx += w * xs[i];
  }
  return sw === 0 ? NaN : swx / sw;
}

/** Weighted variance; see the module head for the "frequency" and "analytic" divisors. */
export function weightedVariance(xs: Numbers, ws: Numbers, options: WeightedVarianceOptions = {}): number {
  const ddof = options.ddof ?? 1;
  const kind = options.weights ?? "frequency";
  assertDdof("weightedVariance", ddof);
  const m = weightedMean(xs, ws); // also validates lengths and signs
  if (Number.isNaN(m)) return NaN;
  const terms: number[] = [];
  let v1 = 0;
  let v2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i];
    if (w === 0) continue;
    const d = xs[i] - m;
    terms.push(w * d * d);
    v1 += w;
    v2 += w * w;
  }
  const divisor = kind === "frequency" ? v1 - ddof : v1 - (ddof * v2) / v1;
  if (!(divisor > 0)) return NaN;
  return sum(terms) / divisor;
}

/** sqrt(weightedVariance(xs, ws, options)). */
export function weightedStd(xs: Numbers, ws: Numbers, options: WeightedVarianceOptions = {}): number {
  return Math.sqrt(weightedVariance(xs, ws, options));
}
