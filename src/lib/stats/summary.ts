// Five-number summary plus mean, standard deviation and coefficient of variation for the
// overview cards and table tooltips. Quantiles use the "linear" method (R type 7 / numpy
// default); std and cv use ddof = 1 (sample), the package-wide convention documented in
// descriptive.ts. Empty input gives n = 0 and NaN elsewhere; n = 1 gives NaN std and cv; NaN in
// the data makes every field but n NaN (filter with finiteValues to skip missing values).
import type { Numbers } from "./checks.js";
import { mean, std } from "./descriptive.js";
import { quantiles } from "./quantile.js";

export interface Summary {
  n: number;
  min: number;
  q1: number;
  median: number;
  mean: number;
  q3: number;
  max: number;
  /** Sample standard deviation (ddof = 1). */
  std: number;
  /** std / mean as a fraction; NaN when the mean is 0. */
  cv: number;
}

export function summarize(xs: Numbers): Summary {
  const n = xs.length;
  const sorted = Float64Array.from(xs).sort();
  const [min, q1, median, q3, max] = quantiles(sorted, [0, 0.25, 0.5, 0.75, 1], { sorted: true });
  const m = mean(sorted);
  const s = std(sorted, { ddof: 1 });
  const cv = m === 0 ? NaN : s / m;
  return { n, min, q1, median, mean: m, q3, max, std: s, cv };
}
