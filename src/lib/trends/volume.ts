// Volume for a year range: years, total and mean recipes per year, the peak year, the distribution
// of the yearly counts, how concentrated the recipes are in a few years (share of the busiest
// years, Gini — descriptive figures with no distribution assumed: the yearly counts form a
// rise-and-fall series, not independent draws to test for normality), and the headline trend of
// the counts. Same function in the loader (full span) and in the page (any range).
import type { VolumeSummary, YearCount, YearRange } from "../contracts/trends.js";
import { gini, summarize, topShare } from "../stats/index.js";
import { headlineTrend } from "./fit.js";
import { filterYears } from "./range.js";

/** Number of busiest years whose share of the recipes is reported. */
export const BUSIEST_YEARS = 5;

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
    concentration: {
      busiestYears: BUSIEST_YEARS,
      // With no more years than that, "the busiest five" are all of them: a share of 1 says nothing.
      busiestShare: rows.length > BUSIEST_YEARS ? finite(topShare(counts, BUSIEST_YEARS)) : null,
      gini: rows.length > 1 ? finite(gini(counts)) : null,
    },
    // A yearly count is a Poisson count: its sampling variance is its expectation, estimated by n.
    headline: headlineTrend(
      rows,
      (r) => r.n,
      (r) => r.n,
      { origin: range.from },
    ),
  };
}

/** A point of the Lorenz curve: the poorest `years` share of the years hold `recipes` share of the recipes. */
export interface LorenzPoint {
  years: number;
  recipes: number;
  /** The year added at this point (null for the origin). */
  year: number | null;
  n: number;
}

/**
 * The Lorenz curve of the yearly counts: years sorted from the quietest to the busiest, cumulative
 * shares of years and of recipes, from (0, 0) to (1, 1). Twice the area between it and the
 * diagonal is the Gini coefficient reported next to it.
 */
export function lorenzCurve(rows: readonly YearCount[]): LorenzPoint[] {
  const sorted = [...rows].sort((a, b) => a.n - b.n || a.year - b.year);
  const total = sorted.reduce((a, r) => a + r.n, 0);
  const points: LorenzPoint[] = [{ years: 0, recipes: 0, year: null, n: 0 }];
  let cumulative = 0;
  sorted.forEach((r, i) => {
    cumulative += r.n;
    points.push({
      years: (i + 1) / sorted.length,
      recipes: total > 0 ? cumulative / total : 0,
      year: r.year,
      n: r.n,
    });
  });
  return points;
}
