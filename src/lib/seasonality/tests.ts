// The season tests as the Seasonality contract stores them: the statistics of src/lib/stats with
// NaN (a test that cannot be computed — no spread, an empty season) turned into null, which
// survives JSON and says "no result" on the page instead of a NaN.
import type { Anova, GoodnessOfFit, GroupSums, Kruskal, SeasonMean } from "../contracts/seasonality.js";
import { SEASONS } from "../calendar.js";
import { chiSquareGoodnessOfFit, combineGroups, kruskalWallis, oneWayAnova } from "../stats/index.js";

/** NaN and ±Infinity become null. */
export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Chi-square goodness of fit of the season counts (equal shares when `shares` is omitted). */
export function goodnessOfFit(counts: readonly number[], shares?: readonly number[]): GoodnessOfFit {
  const g = chiSquareGoodnessOfFit(counts, shares);
  return { statistic: finite(g.statistic), df: g.df, p: finite(g.p), cohensW: finite(g.cohensW) };
}

/** Each season's pooled n, mean and sd from its per-year sums. */
export function seasonMeans(perYear: readonly (readonly GroupSums[])[]): SeasonMean[] {
  return SEASONS.map((season, s) => {
    const g = combineGroups(perYear.map((groups) => groups[s]));
    return { season, n: g.n, mean: g.n > 0 ? g.mean : null, sd: finite(Math.sqrt(g.variance)) };
  });
}

/** One-way ANOVA across the seasons with values; null with fewer than two such seasons. */
export function anova(means: readonly SeasonMean[]): Anova | null {
  const groups = means.filter((m) => m.n > 0 && m.mean !== null);
  if (groups.length < 2) return null;
  const a = oneWayAnova(
    groups.map((m) => ({ n: m.n, mean: m.mean!, variance: m.n > 1 ? (m.sd ?? 0) ** 2 : NaN })),
  );
  return { F: finite(a.F), df1: a.df1, df2: a.df2, p: finite(a.p), etaSquared: finite(a.etaSquared) };
}

/** Kruskal–Wallis H across the four seasons' raw values (Node only: the values never reach a page). */
export function kruskal(groups: readonly (readonly number[])[]): Kruskal {
  const n = groups.reduce((a, g) => a + g.length, 0);
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (nonEmpty.length < 2) return { H: null, df: 0, p: null, n, epsilonSquared: null };
  const k = kruskalWallis(nonEmpty);
  return { H: finite(k.H), df: k.df, p: finite(k.p), n: k.n, epsilonSquared: finite(k.epsilonSquared) };
}
