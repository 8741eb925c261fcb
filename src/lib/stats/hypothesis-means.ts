// Tests on means that need only each group's sufficient statistics (n, mean, variance — or n, Σx,
// Σx²): one-way ANOVA and Welch's t. The pages receive per-year sums from DuckDB, add the years of
// the selected range in the browser (`combineGroups`), and run these tests there: no raw values
// ever reach the browser, and the result equals the test on the raw values (tests prove it).
// Reference: scipy.stats.f_oneway and scipy.stats.ttest_ind(equal_var=False).
import { assertAtLeast } from "./hypothesis-checks.js";
import { fSurvival, tQuantile, twoSidedTPValue } from "./distributions.js";

/** A group as n, mean and sample variance (ddof = 1; NaN allowed when n = 1). */
export interface GroupMoments {
  n: number;
  mean: number;
  variance: number;
}

/** A group as n, Σx and Σx² — what SQL `count(*), sum(x), sum(x * x)` returns per year. */
export interface GroupSums {
  n: number;
  sum: number;
  sumSquares: number;
}

/** Either form of a group's sufficient statistics. */
export type GroupSummary = GroupMoments | GroupSums;

/** n, mean and the sum of squared deviations Σ(x − mean)²: what every test below works on. */
interface Centered {
  n: number;
  mean: number;
  ss: number;
}

function assertCount(what: string, name: string, n: number): void {
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError(`${what}: ${name}.n must be an integer >= 0 (got ${n})`);
}

function assertFinite(what: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}: ${name} is not a finite number (${value})`);
}

/** Checks one group and brings it to (n, mean, Σ(x − mean)²). Σ(x − mean)² from sums is clamped at 0. */
function centered(what: string, name: string, g: GroupSummary): Centered {
  assertCount(what, name, g.n);
  if ("sum" in g) {
    assertFinite(what, `${name}.sum`, g.sum);
    assertFinite(what, `${name}.sumSquares`, g.sumSquares);
    if (g.sumSquares < 0) throw new RangeError(`${what}: ${name}.sumSquares is negative (${g.sumSquares})`);
    if (g.n === 0) return { n: 0, mean: NaN, ss: 0 };
    const mean = g.sum / g.n;
    return { n: g.n, mean, ss: Math.max(0, g.sumSquares - g.sum * mean) };
  }
  if (g.n === 0) return { n: 0, mean: NaN, ss: 0 };
  assertFinite(what, `${name}.mean`, g.mean);
  // One value has no sample variance (NaN with ddof = 1) and contributes nothing within groups.
  if (g.n === 1) return { n: 1, mean: g.mean, ss: 0 };
  assertFinite(what, `${name}.variance`, g.variance);
  if (g.variance < 0) throw new RangeError(`${what}: ${name}.variance is negative (${g.variance})`);
  return { n: g.n, mean: g.mean, ss: g.variance * (g.n - 1) };
}

function toMoments(c: Centered): GroupMoments {
  return { n: c.n, mean: c.mean, variance: c.n > 1 ? c.ss / (c.n - 1) : NaN };
}

/**
 * Mean and sample variance (ddof = 1) from n, Σx and Σx². Σx² − (Σx)²/n cancels when the mean is
 * large against the spread (relative error ≈ 2.2e-16 · mean² / variance): fine for minutes,
 * calories or counts; for values far from 0 (timestamps, years) sum x − c in SQL for a constant c
 * near the mean, the variance is unchanged. n = 0 gives NaN mean; n = 1 a NaN variance.
 */
export function moments(n: number, sum: number, sumSquares: number): GroupMoments {
  return toMoments(centered("moments", "group", { n, sum, sumSquares }));
}

/**
 * Pools parts of one group (e.g. the per-year statistics of the years in the selected range)
 * into one group, exactly: n and means add up weighted, and the between-part spread is added to
 * the within-part sums of squares (Chan, Golub & LeVeque 1979). Parts may mix both forms; parts
 * with n = 0 are skipped; no part with n > 0 gives n = 0 and NaN mean.
 */
export function combineGroups(parts: readonly GroupSummary[]): GroupMoments {
  const cs = parts.map((p, i) => centered("combineGroups", `parts[${i}]`, p)).filter((c) => c.n > 0);
  const n = cs.reduce((acc, c) => acc + c.n, 0);
  if (n === 0) return { n: 0, mean: NaN, variance: NaN };
  const mean = cs.reduce((acc, c) => acc + c.n * c.mean, 0) / n;
  const ss = cs.reduce((acc, c) => acc + c.ss + c.n * (c.mean - mean) ** 2, 0);
  return toMoments({ n, mean, ss });
}

export interface OneWayAnova {
  /** F = (SS between / df1) / (SS within / df2); Infinity when the groups differ but have no spread. */
  F: number;
  /** Groups − 1. */
  df1: number;
  /** Observations − groups. */
  df2: number;
  /** Upper-tail p-value of F; NaN when F is NaN. */
  p: number;
  ssBetween: number;
  ssWithin: number;
  /** η² = SS between / SS total: share of the variance the groups explain (biased upwards). */
  etaSquared: number;
  /**
   * ω² = (SS between − df1 · MS within) / (SS total + MS within): the less biased estimate of the
   * population share (Hays 1963). Slightly negative when the groups explain less than chance; left as is.
   */
  omegaSquared: number;
}

/**
 * Classic one-way ANOVA (equal variances assumed) from each group's sufficient statistics.
 * Fewer than 2 groups, an empty group, or a negative/non-finite statistic throws. df2 = 0 (every
 * group a single value) or no variation at all gives NaN.
 */
export function oneWayAnova(groups: readonly GroupSummary[]): OneWayAnova {
  const what = "oneWayAnova";
  assertAtLeast(what, "groups", groups.length, 2);
  const cs = groups.map((g, i) => centered(what, `groups[${i}]`, g));
  cs.forEach((c, i) => {
    if (c.n === 0)
      throw new RangeError(`${what}: groups[${i}] is empty; every group needs at least one value`);
  });
  const k = cs.length;
  const N = cs.reduce((acc, c) => acc + c.n, 0);
  const grand = cs.reduce((acc, c) => acc + c.n * c.mean, 0) / N;
  const ssBetween = cs.reduce((acc, c) => acc + c.n * (c.mean - grand) ** 2, 0);
  const ssWithin = cs.reduce((acc, c) => acc + c.ss, 0);
  const df1 = k - 1;
  const df2 = N - k;
  const msWithin = df2 > 0 ? ssWithin / df2 : NaN;
  const F = ssBetween / df1 / msWithin;
  const total = ssBetween + ssWithin;
  return {
    F,
    df1,
    df2,
    p: fSurvival(F, df1, df2),
    ssBetween,
    ssWithin,
    etaSquared: ssBetween / total,
    omegaSquared: (ssBetween - df1 * msWithin) / (total + msWithin),
  };
}

export interface WelchT {
  /** t = (mean a − mean b) / √(var a / n a + var b / n b). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not an integer). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** mean a − mean b (the sign of t). */
  meanDiff: number;
  /** Standard error of the difference. */
  se: number;
  /** 95 % confidence interval of mean a − mean b, with Welch's df. */
  ci95: [number, number];
  /** Cohen's d: the difference over the pooled standard deviation √(((na−1)va + (nb−1)vb) / (na+nb−2)). */
  cohensD: number;
}

/**
 * Welch's two-sample t-test (unequal variances) from two groups' sufficient statistics, two-sided.
 * An empty group or a negative/non-finite statistic throws; a group of one value, or two groups
 * with no spread at all, gives NaN.
 */
export function welchT(a: GroupSummary, b: GroupSummary): WelchT {
  const what = "welchT";
  const ca = centered(what, "a", a);
  const cb = centered(what, "b", b);
  if (ca.n === 0) throw new RangeError(`${what}: a is empty; both groups need at least one value`);
  if (cb.n === 0) throw new RangeError(`${what}: b is empty; both groups need at least one value`);
  const va = ca.n > 1 ? ca.ss / (ca.n - 1) : NaN;
  const vb = cb.n > 1 ? cb.ss / (cb.n - 1) : NaN;
  const wa = va / ca.n;
  const wb = vb / cb.n;
  const se2 = wa + wb;
  const se = Math.sqrt(se2);
  const meanDiff = ca.mean - cb.mean;
  const t = meanDiff / se;
  const df = (se2 * se2) / ((wa * wa) / (ca.n - 1) + (wb * wb) / (cb.n - 1));
  const half = tQuantile(0.975, df) * se;
  const pooled = Math.sqrt((ca.ss + cb.ss) / (ca.n + cb.n - 2));
  return {
    t,
    df,
    p: twoSidedTPValue(t, df),
    meanDiff,
    se,
    ci95: [meanDiff - half, meanDiff + half],
    cohensD: meanDiff / pooled,
  };
}
