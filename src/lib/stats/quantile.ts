// Sample quantiles with numpy's method names (numpy >= 1.22 `np.quantile(..., method=)`), so the
// Node loaders, the browser and an analyst's notebook agree to the last bit. With the sorted
// sample v[0..n-1] and virtual index h = (n − 1)·p:
// - "linear"   (default; R type 7, numpy default, Excel PERCENTILE.INC): v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋])
// - "lower"    v[⌊h⌋]
// - "higher"   v[⌈h⌉]
// - "midpoint" (v[⌊h⌋] + v[⌈h⌉]) / 2
// - "nearest"  v[round(h)] with ties to the EVEN index, as numpy's np.around does
//              (so the median of [1,2,3,4] is 3: h = 1.5 rounds to 2). Not R type 3.
// Empty input gives NaN; any NaN in the data gives NaN (as numpy); p outside [0, 1] throws a
// RangeError, and p = NaN gives NaN.
import type { Numbers } from "./checks.js";

export type QuantileMethod = "linear" | "lower" | "higher" | "midpoint" | "nearest";

export interface QuantileOptions {
  /** Interpolation method, numpy names. Default "linear". */
  method?: QuantileMethod;
  /** Set when the input is already sorted ascending to skip the O(n log n) copy-and-sort. */
  sorted?: boolean;
}

/** Ascending copy as Float64Array (numeric sort, NaN last) unless the caller vouches it is sorted. */
function sortedCopy(xs: Numbers, alreadySorted: boolean): Numbers {
  return alreadySorted ? xs : Float64Array.from(xs).sort();
}

function hasNaN(sorted: Numbers): boolean {
  // Float64Array#sort puts NaN last; for caller-sorted arrays we cannot rely on that, so scan.
  for (let i = 0; i < sorted.length; i++) if (Number.isNaN(sorted[i])) return true;
  return false;
}

/** numpy's _lerp: interpolate from the nearer end so t = 1 returns b exactly. */
function lerp(a: number, b: number, t: number): number {
  if (a === b) return a; // keeps ±Infinity pairs from turning into NaN via inf − inf
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Round half to even, like numpy's np.around, for the "nearest" method. */
function roundHalfEven(h: number): number {
  const f = Math.floor(h);
  const frac = h - f;
  if (frac > 0.5) return f + 1;
  if (frac < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function quantileOfSorted(v: Numbers, p: number, method: QuantileMethod): number {
  const n = v.length;
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`quantile: p must be in [0, 1] (got ${p})`);
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  switch (method) {
    case "linear":
      return lerp(v[lo], v[hi], h - lo);
    case "lower":
      return v[lo];
    case "higher":
      return v[Math.ceil(h)];
    case "midpoint":
      return (v[lo] + v[Math.ceil(h)]) / 2;
    case "nearest":
      return v[roundHalfEven(h)];
    default: {
      const never: never = method;
      throw new RangeError(`quantile: unknown method ${String(never)}`);
    }
  }
}

/** The p-quantile (0 ≤ p ≤ 1) of xs, sorted or not; see the module head for the methods. */
export function quantile(xs: Numbers, p: number, options: QuantileOptions = {}): number {
  const v = sortedCopy(xs, options.sorted ?? false);
  const q = quantileOfSorted(v, p, options.method ?? "linear"); // validates p even for NaN data
  return hasNaN(v) ? NaN : q;
}

/** Several quantiles of the same data with a single sort; results are in the order of ps. */
export function quantiles(xs: Numbers, ps: Numbers, options: QuantileOptions = {}): number[] {
  const v = sortedCopy(xs, options.sorted ?? false);
  const method = options.method ?? "linear";
  const nan = hasNaN(v);
  return Array.from(ps, (p) => {
    const q = quantileOfSorted(v, p, method); // validates p even for NaN data
    return nan ? NaN : q;
  });
}

/** Median with the linear method (the mean of the two middle values for even n). */
export function median(xs: Numbers): number {
  return quantile(xs, 0.5);
}
