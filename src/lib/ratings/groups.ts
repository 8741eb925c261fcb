// Ratings compared across groups of interactions — the four seasons (item 4), the seven weekdays
// and weekend against weekday (item 5) — over the reader's year range, from each (year, group)'s
// counts of ratings 0–5. ANOVA and Welch use the sufficient statistics; the rank tests
// (Kruskal–Wallis, Mann–Whitney) take the counts of ratings 1–5 as they are, which is exact: with
// five possible values the counts fix every rank (src/lib/stats/hypothesis-ranks.ts gives the same
// numbers as on the ratings expanded one by one, without expanding a million of them per redraw).
import type { GroupSummary, GroupYear, StarCounts, WeekendTest } from "../contracts/ratings.js";
import type { YearRange } from "../contracts/trends.js";
import {
  coefficientOfVariation,
  kruskalWallisCounts,
  mannWhitneyUCounts,
  oneWayAnova,
  welchT,
} from "../stats/index.js";
import { addCounts, emptyCounts, ratingStats, ratingSums } from "./counts.js";
import { WEEKEND_DAYS } from "./keys.js";

const finite = (...xs: number[]) => xs.every(Number.isFinite);

/** Each group's counts summed over the years of the range, in the order of `groups`. */
export function groupCounts(perYear: readonly GroupYear[], range: YearRange, groups: readonly string[]) {
  const totals = new Map<string, StarCounts>(groups.map((g) => [g, emptyCounts()]));
  for (const r of perYear) {
    if (r.year < range.from || r.year > range.to) continue;
    const acc = totals.get(r.group);
    if (acc) totals.set(r.group, addCounts([acc, r.counts]));
  }
  return groups.map((group) => ({ group, counts: totals.get(group) as StarCounts }));
}

export function summarizeGroups(
  perYear: readonly GroupYear[],
  range: YearRange,
  groups: readonly string[],
): GroupSummary {
  const rows = groupCounts(perYear, range, groups);
  const stats = rows.map((r) => ({ group: r.group, ...ratingStats(r.counts) }));
  const tested = rows.filter((r) => ratingSums(r.counts).n > 0);
  let anova: GroupSummary["anova"] = null;
  let kruskal: GroupSummary["kruskal"] = null;
  if (tested.length >= 2) {
    const a = oneWayAnova(tested.map((r) => ratingSums(r.counts)));
    if (finite(a.F, a.p, a.etaSquared, a.omegaSquared))
      anova = {
        F: a.F,
        df1: a.df1,
        df2: a.df2,
        p: a.p,
        etaSquared: a.etaSquared,
        omegaSquared: a.omegaSquared,
      };
    const k = kruskalWallisCounts(tested.map((r) => r.counts.slice(1)));
    if (finite(k.H, k.p)) kruskal = { statistic: k.H, df: k.df, p: k.p, effect: k.epsilonSquared };
  }
  const volumes = stats.map((s) => s.n);
  const cv = coefficientOfVariation(volumes);
  const low = Math.min(...volumes);
  return {
    from: range.from,
    to: range.to,
    groups: stats,
    anova,
    kruskal,
    volumeCV: Number.isFinite(cv) ? cv : null,
    volumeRatio: low > 0 ? Math.max(...volumes) / low : null,
  };
}

/** Weekend (Saturday, Sunday) against weekday ratings over the range: Mann–Whitney U and Welch/Cohen's d. */
export function weekendTest(perYear: readonly GroupYear[], range: YearRange): WeekendTest {
  const days = groupCounts(perYear, range, ["1", "2", "3", "4", "5", "6", "7"]);
  const isWeekend = (g: string) => WEEKEND_DAYS.includes(Number(g));
  const weekend = addCounts(days.filter((d) => isWeekend(d.group)).map((d) => d.counts));
  const weekday = addCounts(days.filter((d) => !isWeekend(d.group)).map((d) => d.counts));
  const a = ratingSums(weekend);
  const b = ratingSums(weekday);
  let mannWhitney: WeekendTest["mannWhitney"] = null;
  let welch: WeekendTest["welch"] = null;
  if (a.n > 0 && b.n > 0) {
    const u = mannWhitneyUCounts(weekend.slice(1), weekday.slice(1));
    if (finite(u.U, u.z, u.p)) mannWhitney = { U: u.U, z: u.z, p: u.p, rankBiserial: u.rankBiserial };
    const w = welchT(a, b);
    if (finite(w.t, w.df, w.p, w.cohensD))
      welch = { t: w.t, df: w.df, p: w.p, meanDiff: w.meanDiff, cohensD: w.cohensD };
  }
  return { weekday: ratingStats(weekday), weekend: ratingStats(weekend), mannWhitney, welch };
}
