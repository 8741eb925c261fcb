// Rank tests on raw values: Kruskal–Wallis (k groups) and Mann–Whitney U (two groups), both with
// the tie correction. Ranks of continuous values cannot be rebuilt from per-year sums, so these
// run in Node over every value of the span (~230 k recipes) and the pages receive the results.
// Speed: one native sort of all values (a Float64Array, no comparator), then each value's mid-rank
// by binary search in it — O(N log N), ~tens of milliseconds for 230 k values.
// Values that take a few levels (ratings 1–5) can be given as counts instead (kruskalWallisCounts,
// mannWhitneyUCounts): the same numbers in time proportional to the levels, which is what lets
// the Ratings page redraw its rank tests for a million ratings within a frame.
// Reference: scipy.stats.kruskal and scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True).
import type { Numbers } from "./checks.js";
import { assertAtLeast, assertCounts, assertFiniteValues, assertNonEmpty } from "./hypothesis-checks.js";
import { chiSquareSurvival, twoSidedNormalPValue } from "./distributions.js";

/** All values of all groups, sorted ascending. */
function sortedPool(groups: readonly Numbers[]): Float64Array {
  const total = groups.reduce((acc, g) => acc + g.length, 0);
  const pool = new Float64Array(total);
  let offset = 0;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) pool[offset + i] = g[i];
    offset += g.length;
  }
  return pool.sort();
}

/** First index whose value is >= v (strict = false) or > v (strict = true). */
function bound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of the mid-ranks (1-based, ties get the mean of the ranks they span) of a group's values. */
function rankSum(pool: Float64Array, group: Numbers): number {
  const sorted = Float64Array.from(group).sort();
  let total = 0;
  let previous = NaN;
  let rank = NaN;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (v !== previous) {
      // Ranks lo + 1 … hi are taken by the values equal to v: their mean is (lo + 1 + hi) / 2.
      rank = (bound(pool, v, false) + 1 + bound(pool, v, true)) / 2;
      previous = v;
    }
    total += rank;
  }
  return total;
}

/** Σ (t³ − t) over the runs of t tied values: the ingredient of both tie corrections. */
function tieTerm(pool: Float64Array): number {
  let term = 0;
  let start = 0;
  for (let i = 1; i <= pool.length; i++) {
    if (i === pool.length || pool[i] !== pool[start]) {
      const t = i - start;
      term += t * t * t - t;
      start = i;
    }
  }
  return term;
}

export interface KruskalWallis {
  /** H with the tie correction: H₀ / (1 − Σ(t³ − t) / (N³ − N)). */
  H: number;
  /** Groups − 1. */
  df: number;
  /** Upper-tail chi-square(df) p-value (the large-sample approximation scipy uses too). */
  p: number;
  /** Total number of values. */
  n: number;
  /** ε² = H / ((N² − 1) / (N + 1)) = H / (N − 1), in [0, 1] (Tomczak & Tomczak 2014). */
  epsilonSquared: number;
}

/**
 * Kruskal–Wallis H test that k ≥ 2 samples come from the same distribution, with the tie
 * correction. Fewer than 2 groups, an empty group or a non-finite value throws; all values tied
 * (nothing to rank) gives NaN, as scipy does.
 */
export function kruskalWallis(groups: readonly Numbers[]): KruskalWallis {
  const what = "kruskalWallis";
  assertAtLeast(what, "groups", groups.length, 2);
  groups.forEach((g, i) => {
    assertNonEmpty(what, `groups[${i}]`, g);
    assertFiniteValues(what, `groups[${i}]`, g);
  });
  const pool = sortedPool(groups);
  return kruskalFrom(
    groups.map((g) => ({ n: g.length, rankSum: rankSum(pool, g) })),
    pool.length,
    tieTerm(pool),
  );
}

/** H from each group's size and rank sum, the pooled size and the tie term (both forms of the test). */
function kruskalFrom(
  groups: readonly { n: number; rankSum: number }[],
  N: number,
  ties: number,
): KruskalWallis {
  const centre = (N + 1) / 2;
  // Σ nᵢ (R̄ᵢ − (N+1)/2)² rather than Σ Rᵢ²/nᵢ − 3(N+1): no cancellation between terms of ~N³.
  let spread = 0;
  for (const g of groups) {
    const meanRank = g.rankSum / g.n;
    spread += g.n * (meanRank - centre) ** 2;
  }
  const correction = 1 - ties / (N * N * N - N);
  const H = correction > 0 ? (12 / (N * (N + 1)) / correction) * spread : NaN;
  const df = groups.length - 1;
  return { H, df, p: chiSquareSurvival(H, df), n: N, epsilonSquared: H / (N - 1) };
}

/**
 * Groups of values that take a few levels, each group given as its count of every level (the
 * same levels, in ascending order, for every group): the rank sums and the tie term the rank tests
 * need, with no value expanded. The mid-rank of a level is (lo + 1 + hi) / 2 over the pooled
 * counts; a rank sum is Σ count × mid-rank. Every term is a half-integer below 2⁵³, so these are
 * exactly the numbers the expanded form adds up one value at a time, and the tie term adds the
 * same t³ − t in the same order: the tests give the very same results on both forms.
 */
function levelRanks(what: string, groups: readonly Numbers[]) {
  const levels = groups[0]?.length ?? 0;
  const totals = new Array<number>(levels).fill(0);
  groups.forEach((g, i) => {
    assertCounts(what, `groups[${i}]`, g);
    if (g.length !== levels)
      throw new RangeError(
        `${what}: groups[${i}] has ${g.length} levels, groups[0] has ${levels}; give every level`,
      );
    for (let j = 0; j < levels; j++) {
      if (!Number.isInteger(g[j]))
        throw new RangeError(`${what}: groups[${i}][${j}] is not a whole count (${g[j]})`);
      totals[j] += g[j];
    }
  });
  const midRank: number[] = [];
  let below = 0;
  let ties = 0;
  for (const t of totals) {
    midRank.push((below + 1 + below + t) / 2);
    below += t;
    if (t > 0) ties += t * t * t - t;
  }
  const sized = groups.map((g, i) => {
    let n = 0;
    let rankSum = 0;
    for (let j = 0; j < levels; j++) {
      n += g[j];
      if (g[j] > 0) rankSum += g[j] * midRank[j];
    }
    if (n === 0) throw new RangeError(`${what}: groups[${i}] is empty; every group needs at least one value`);
    return { n, rankSum };
  });
  return { groups: sized, N: below, ties };
}

/**
 * kruskalWallis on groups given as counts of each level (see levelRanks): the same H, p and ε² as
 * on the values expanded from the counts, in time proportional to the levels, not the values.
 */
export function kruskalWallisCounts(groups: readonly Numbers[]): KruskalWallis {
  const what = "kruskalWallisCounts";
  assertAtLeast(what, "groups", groups.length, 2);
  const r = levelRanks(what, groups);
  return kruskalFrom(r.groups, r.N, r.ties);
}

export interface MannWhitneyU {
  /** U of the first sample (scipy's convention): pairs (x from a, y from b) with x > y, plus ½ per tie. */
  U: number;
  /** Signed normal score of U: > 0 when values of a tend to be larger, continuity-corrected if asked. */
  z: number;
  /** Two-sided p-value from the normal approximation. */
  p: number;
  /**
   * Rank-biserial correlation r = 2U/(n1·n2) − 1 = P(a > b) − P(a < b), in [−1, 1]; positive when
   * a tends to be larger — the same sign as z and as Welch's mean difference a − b. (Wendt's
   * 1 − 2U/(n1·n2) is the same number with the opposite sign.)
   */
  rankBiserial: number;
  /** Probability of superiority (common-language effect size) U/(n1·n2) = P(a > b) + ½ P(a = b). */
  probabilityOfSuperiority: number;
  n1: number;
  n2: number;
}

export interface MannWhitneyOptions {
  /** Continuity correction of ½ on |U − n1·n2/2| (default true, as scipy's use_continuity=True). */
  continuity?: boolean;
}

/**
 * Mann–Whitney U test (Wilcoxon rank-sum), two-sided, by the normal approximation with the tie
 * correction of the variance, σ² = n1·n2/12 · ((N + 1) − Σ(t³ − t) / (N(N − 1))), and a continuity
 * correction: the same p as scipy.stats.mannwhitneyu(a, b, method="asymptotic",
 * use_continuity=True). Exact p-values for tiny samples are not offered: the samples here have
 * hundreds to thousands of values. An empty sample or a non-finite value throws; all values tied
 * gives NaN z and p (scipy reports p = 1 there).
 */
export function mannWhitneyU(a: Numbers, b: Numbers, options: MannWhitneyOptions = {}): MannWhitneyU {
  const what = "mannWhitneyU";
  assertNonEmpty(what, "a", a);
  assertNonEmpty(what, "b", b);
  assertFiniteValues(what, "a", a);
  assertFiniteValues(what, "b", b);
  const pool = sortedPool([a, b]);
  return mannWhitneyFrom(a.length, b.length, rankSum(pool, a), tieTerm(pool), options);
}

/**
 * mannWhitneyU on two samples given as counts of each level (see levelRanks): the same U, z and p
 * as on the values expanded from the counts.
 */
export function mannWhitneyUCounts(a: Numbers, b: Numbers, options: MannWhitneyOptions = {}): MannWhitneyU {
  const r = levelRanks("mannWhitneyUCounts", [a, b]);
  return mannWhitneyFrom(r.groups[0].n, r.groups[1].n, r.groups[0].rankSum, r.ties, options);
}

/** U, z and p from the sizes, the first sample's rank sum and the tie term (both forms of the test). */
function mannWhitneyFrom(
  n1: number,
  n2: number,
  rankSumA: number,
  ties: number,
  options: MannWhitneyOptions,
): MannWhitneyU {
  const N = n1 + n2;
  const U = rankSumA - (n1 * (n1 + 1)) / 2;
  const pairs = n1 * n2;
  const sigma = Math.sqrt((pairs / 12) * (N + 1 - ties / (N * (N - 1))));
  const deviation = U - pairs / 2;
  const shrink = (options.continuity ?? true) ? 0.5 : 0;
  // The correction moves |U − μ| towards 0 and never past it.
  const z = sigma > 0 ? (Math.sign(deviation) * Math.max(0, Math.abs(deviation) - shrink)) / sigma : NaN;
  return {
    U,
    z,
    p: twoSidedNormalPValue(z),
    rankBiserial: (2 * U) / pairs - 1,
    probabilityOfSuperiority: U / pairs,
    n1,
    n2,
  };
}
