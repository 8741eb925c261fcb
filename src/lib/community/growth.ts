// Growth of the community over the reader's year range, from per-year counts (new users, active
// users) and cohort counts (users of each first-year cohort active k years later) — sums over years,
// so they follow any range exactly. A "new" user is new in the whole data (first interaction ever),
// not merely new to the range: cohorts keep their identity whatever years are shown.
import type { Cohort, GrowthSummary, GrowthYear, RetentionPoint } from "../contracts/community.js";
import type { YearRange } from "../contracts/trends.js";
import { inRange } from "../trends/range.js";

/** One cell of the retention heatmap: a cohort, k years later, its active users and their share. */
export interface RetentionCell {
  cohort: number;
  yearsLater: number;
  active: number;
  size: number;
  share: number;
}

/** The range's cohorts observed inside the range: cells k = 1 … range.to − cohort. */
export function retentionCells(cohorts: readonly Cohort[], range: YearRange): RetentionCell[] {
  return cohorts
    .filter((c) => inRange(c.cohort, range) && c.active[0] > 0)
    .flatMap((c) =>
      c.active
        .map((active, k) => ({
          cohort: c.cohort,
          yearsLater: k,
          active,
          size: c.active[0],
          share: active / c.active[0],
        }))
        .filter((cell) => cell.yearsLater >= 1 && cell.cohort + cell.yearsLater <= range.to),
    );
}

/** Retention pooled over cohorts: Σ active k years later / Σ size, over cohorts observed at k. */
export function pooledRetention(cohorts: readonly Cohort[], range: YearRange): RetentionPoint[] {
  const cells = retentionCells(cohorts, range);
  const points: RetentionPoint[] = [];
  for (let k = 1; k <= range.to - range.from; k++) {
    const at = cells.filter((c) => c.yearsLater === k);
    if (at.length === 0) continue;
    const base = at.reduce((s, c) => s + c.size, 0);
    const retained = at.reduce((s, c) => s + c.active, 0);
    points.push({ yearsLater: k, cohorts: at.length, base, retained, share: base > 0 ? retained / base : 0 });
  }
  return points;
}

export function summarizeGrowth(
  perYear: readonly GrowthYear[],
  cohorts: readonly Cohort[],
  range: YearRange,
): GrowthSummary {
  const years = perYear.filter((r) => inRange(r.year, range));
  const peak = years.reduce<GrowthYear | null>(
    (best, r) => (!best || r.activeUsers > best.activeUsers ? r : best),
    null,
  );
  return {
    from: range.from,
    to: range.to,
    newUsers: years.reduce((s, r) => s + r.newUsers, 0),
    interactions: years.reduce((s, r) => s + r.interactions, 0),
    meanActive: years.length > 0 ? years.reduce((s, r) => s + r.activeUsers, 0) / years.length : 0,
    peak: peak ? { year: peak.year, activeUsers: peak.activeUsers } : null,
    retention: pooledRetention(cohorts, range),
  };
}
