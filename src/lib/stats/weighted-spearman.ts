// Weighted Spearman correlation, as the original app's notebooks computed it between a month's
// volume and its mean rating: average ranks of each variable (ties share the mean of the ranks
// they span; the ranks themselves are unweighted), then the weighted Pearson correlation of the
// two rank vectors, i.e. numpy's np.cov(rx, ry, aweights=w) normalised by the two weighted
// standard deviations. Only the ratios of the weights matter (the ddof cancels in the ratio).
// Zero weights keep their row in the ranking but add nothing to the moments. Degenerate input
// (fewer than two weighted rows, a variable without spread) gives NaN; mismatched lengths and
// negative weights throw, like the other weighted statistics.
import { assertNonNegativeWeights, assertSameLength, type Numbers } from "./checks.js";

/** 1-based average ranks (scipy.stats.rankdata's "average" method). */
export function averageRanks(xs: Numbers): number[] {
  const order = Array.from(xs, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i === order.length || xs[order[i]] !== xs[order[start]]) {
      // Positions start … i − 1 hold equal values: ranks start + 1 … i, mean (start + 1 + i) / 2.
      const rank = (start + 1 + i) / 2;
      for (let j = start; j < i; j++) ranks[order[j]] = rank;
      start = i;
    }
  }
  return ranks;
}

/** Weighted Spearman correlation of x and y with weights w (see the module head). */
export function weightedSpearman(x: Numbers, y: Numbers, w: Numbers): number {
  assertSameLength("weightedSpearman", x, y);
  assertSameLength("weightedSpearman", x, w);
  assertNonNegativeWeights("weightedSpearman", w);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  let sw = 0;
  let mx = 0;
  let my = 0;
  let rows = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    rows++;
    sw += w[i];
    mx += w[i] * rx[i];
    my += w[i] * ry[i];
  }
  if (rows < 2) return NaN;
  mx /= sw;
  my /= sw;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    const dx = rx[i] - mx;
    const dy = ry[i] - my;
    sxx += w[i] * dx * dx;
    syy += w[i] * dy * dy;
    sxy += w[i] * dx * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
