// Volume for a year range: years, total and mean recipes per year, the peak year, the
// distribution of the yearly counts and their normal Q-Q plot. Same function in the loader (full
// span) and in the page (any range).
import type { VolumeSummary, YearCount, YearRange } from "../contracts/trends.js";
import { normalQQ, summarize } from "../stats/index.js";
import { MIN_YEARS } from "./fit.js";
import { filterYears } from "./range.js";

/** NaN (one year: no spread) becomes null, which survives JSON. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function summarizeVolume(perYear: readonly YearCount[], range: YearRange): VolumeSummary {
  const rows = filterYears(perYear, range);
  if (rows.length === 0) throw new Error(`trends: no year between ${range.from} and ${range.to}.`);
  const counts = rows.map((r) => r.n);
  const total = counts.reduce((a, b) => a + b, 0);
  // Earliest year on a tie: rows are in year order and only a strictly larger count wins.
  const peak = rows.reduce((best, r) => (r.n > best.n ? r : best), rows[0]);
  const s = summarize(counts);
  // Constant counts have no Q-Q correlation: no plot rather than NaN.
  const fitted = counts.length >= MIN_YEARS ? normalQQ(counts) : null;
  const qq = fitted && Number.isFinite(fitted.r2) ? fitted : null;
  return {
    ...range,
    years: rows.length,
    total,
    mean: total / rows.length,
    peakYear: peak.year,
    peakN: peak.n,
    stats: {
      min: s.min,
      q1: s.q1,
      median: s.median,
      mean: s.mean,
      q3: s.q3,
      max: s.max,
      std: finite(s.std),
      cv: finite(s.cv),
    },
    qq: qq && {
      points: qq.points.map((p) => ({ theoretical: p.theoretical, sample: p.sample })),
      slope: qq.slope,
      intercept: qq.intercept,
      r2: qq.r2,
    },
  };
}
