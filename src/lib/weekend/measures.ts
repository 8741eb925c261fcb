// Weekday-vs-weekend comparison of one measure (preparation time, a complexity measure, a nutrition
// value) for a year range, from per-year sufficient statistics: the groups' n, mean and standard
// deviation pooled exactly over the range's years, the difference of means, and Welch's t with
// Cohen's d. The rank test and box plots cannot be pooled from years: `periodFor`
// (src/lib/periods.ts) picks which precomputed period (full span or a decade) the card shows.
import type { YearRange } from "../contracts/trends.js";
import type { GroupMomentsRow, MeasureSummary, MeasureYear, Welch } from "../contracts/weekend.js";
import { combineGroups, welchT, type GroupMoments } from "../stats/index.js";
import { filterYears } from "../trends/range.js";

/** The two groups of the range, each pooled over its years. */
export function pooledGroups(
  perYear: readonly MeasureYear[],
  range: YearRange,
): { weekday: GroupMoments; weekend: GroupMoments } {
  const rows = filterYears(perYear, range);
  return {
    weekday: combineGroups(rows.map((r) => r.weekday)),
    weekend: combineGroups(rows.map((r) => r.weekend)),
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

const moments = (g: GroupMoments): GroupMomentsRow => ({
  n: g.n,
  mean: finiteOrNull(g.mean),
  sd: finiteOrNull(Math.sqrt(g.variance)),
});

/** Welch's t of weekend against weekday, or null when it cannot be computed (empty group, one value, no spread). */
export function welchOf(weekday: GroupMoments, weekend: GroupMoments): Welch | null {
  if (weekday.n < 2 || weekend.n < 2) return null;
  const w = welchT(weekend, weekday);
  const values = [w.t, w.df, w.p, w.meanDiff, w.ci95[0], w.ci95[1], w.cohensD];
  if (!values.every(Number.isFinite)) return null;
  return { t: w.t, df: w.df, p: w.p, meanDiff: w.meanDiff, ci95: w.ci95, cohensD: w.cohensD };
}

export function summarizeMeasure(perYear: readonly MeasureYear[], range: YearRange): MeasureSummary {
  const { weekday, weekend } = pooledGroups(perYear, range);
  const difference = weekday.n > 0 && weekend.n > 0 ? weekend.mean - weekday.mean : null;
  return {
    from: range.from,
    to: range.to,
    weekday: moments(weekday),
    weekend: moments(weekend),
    difference,
    relative: difference !== null && weekday.mean !== 0 ? difference / weekday.mean : null,
    welch: welchOf(weekday, weekend),
  };
}
