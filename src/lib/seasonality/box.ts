// Box-plot summary of a group's values, computed in the analysis (Node) over the raw values so the
// page draws boxes without receiving them: quartiles by linear interpolation (numpy's default,
// R type 7, as src/lib/stats/quantile.ts), whiskers at the most extreme values within 1.5 IQR of
// the box (Tukey), and the number of values beyond them.
import type { Box, Season } from "../contracts/seasonality.js";
import { quantile } from "../stats/index.js";

/** Summary of `values` (any order; at least one value). */
export function boxSummary(season: Season, values: readonly number[]): Box {
  if (values.length === 0) throw new Error(`seasonality: no values for the ${season} box.`);
  const sorted = Float64Array.from(values).sort();
  const q1 = quantile(sorted, 0.25);
  const median = quantile(sorted, 0.5);
  const q3 = quantile(sorted, 0.75);
  const low = q1 - 1.5 * (q3 - q1);
  const high = q3 + 1.5 * (q3 - q1);
  let whiskerLow = Infinity;
  let whiskerHigh = -Infinity;
  let outliers = 0;
  let sum = 0;
  for (const v of sorted) {
    sum += v;
    if (v < low || v > high) outliers++;
    else {
      if (v < whiskerLow) whiskerLow = v;
      if (v > whiskerHigh) whiskerHigh = v;
    }
  }
  return {
    season,
    n: sorted.length,
    min: sorted[0],
    q1,
    median,
    q3,
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
    whiskerLow,
    whiskerHigh,
    outliers,
  };
}
