// How concentrated a set of non-negative amounts is (e.g. recipes per year): descriptive figures a
// reader can use, with no distributional assumption — unlike a normality verdict on a handful of
// yearly counts that form a rise-and-fall time series, not independent draws.
import type { Numbers } from "./checks.js";

function checkedAmounts(what: string, values: Numbers): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0) throw new RangeError(`${what}: value ${i} is negative (${v})`);
    out.push(v);
  }
  return out;
}

/**
 * Gini coefficient (0 = all equal, → 1 = all in one), the mean absolute difference over twice the
 * mean, without small-sample correction: G = Σ_i Σ_j |x_i − x_j| / (2·n²·x̄). NaN when the total is
 * 0 or there are no values; NaN in, NaN out.
 */
export function gini(values: Numbers): number {
  const xs = checkedAmounts("gini", values).sort((a, b) => a - b);
  const n = xs.length;
  let total = 0;
  let weighted = 0;
  // Sorted form: Σ_i (2i − n − 1)·x_(i) / (n·Σx), i from 1.
  xs.forEach((x, i) => {
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return n > 0 && total > 0 ? weighted / (n * total) : NaN;
}

/** Share of the total held by the `k` largest values (k ≥ the count gives 1). NaN for a zero total. */
export function topShare(values: Numbers, k: number): number {
  if (!(k >= 0) || !Number.isInteger(k))
    throw new RangeError(`topShare: k must be a whole number ≥ 0 (got ${k})`);
  const xs = checkedAmounts("topShare", values).sort((a, b) => b - a);
  const total = xs.reduce((s, x) => s + x, 0);
  const top = xs.slice(0, k).reduce((s, x) => s + x, 0);
  return total > 0 ? top / total : NaN;
}
