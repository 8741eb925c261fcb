// Box-plot summaries. Quartiles of several years cannot be pooled from each year's quartiles, so
// the analyses compute these in Node from the raw values, for the full span and for each decade of
// the data (src/lib/periods.ts); only the summaries reach the page.
import type { Box } from "../contracts/weekend.js";
import { quantiles } from "../stats/index.js";
import { WHISKER_IQR } from "./keys.js";

/**
 * Five-number summary, mean and Tukey whiskers of values sorted ascending: quartiles by linear
 * interpolation (numpy's default, as DuckDB's quantile_cont), whiskers at the most extreme values
 * within 1.5 IQR of the quartiles, and the count of values beyond them. Throws on no values.
 */
export function boxSummary(sorted: readonly number[]): Box {
  const n = sorted.length;
  if (n === 0) throw new RangeError("boxSummary: no values.");
  const [q1, median, q3] = quantiles(sorted, [0.25, 0.5, 0.75], { sorted: true });
  const reach = WHISKER_IQR * (q3 - q1);
  let whiskerLow = q1;
  let whiskerHigh = q3;
  let outliers = 0;
  let total = 0;
  for (const x of sorted) {
    total += x;
    if (x < q1 - reach || x > q3 + reach) outliers++;
    else {
      if (x < whiskerLow) whiskerLow = x;
      if (x > whiskerHigh) whiskerHigh = x;
    }
  }
  return {
    n,
    mean: total / n,
    min: sorted[0],
    q1,
    median,
    q3,
    max: sorted[n - 1],
    whiskerLow,
    whiskerHigh,
    outliers,
  };
}
