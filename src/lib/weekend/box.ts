// Box-plot summaries and the periods of the precomputed rank tests. Quartiles of several years
// cannot be pooled from each year's quartiles, so the analyses compute these in Node from the raw
// values, for the full span and for each decade of the data; only the summaries reach the page.
import type { Box } from "../contracts/weekend.js";
import type { YearRange } from "../contracts/trends.js";
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

/**
 * The decades the data's years fall in (1990–1999, 2000–2009…), each clipped to the span: the
 * periods of the precomputed rank tests besides the full span. A span within one decade has none
 * (that decade would be the full span again).
 */
export function decadePeriods(years: readonly number[]): YearRange[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const periods: YearRange[] = [];
  for (let start = Math.floor(first / 10) * 10; start <= last; start += 10) {
    periods.push({ from: Math.max(start, first), to: Math.min(start + 9, last) });
  }
  return periods.length > 1 ? periods : [];
}
