// Rating statistics from counts of each rating value 0–5. Ratings take six values, so these counts
// are sufficient statistics: the mean, the variance, the shares and the ranks of any union of
// groups (years of a range, a season's years) follow from adding them up. Rating 0 is a review
// without a rating: it counts as an interaction, never as a rating.
import type { RatingStats, StarCounts } from "../contracts/ratings.js";
import { moments, tQuantile, type GroupSums } from "../stats/index.js";
import { CONFIDENCE } from "./keys.js";

export const emptyCounts = (): StarCounts => [0, 0, 0, 0, 0, 0];

/** The element-wise sum of count vectors. */
export function addCounts(parts: readonly StarCounts[]): StarCounts {
  const total = emptyCounts();
  for (const c of parts) for (let k = 0; k < 6; k++) total[k] += c[k];
  return total;
}

/** n, Σx and Σx² of the ratings 1–5 (what welchT and oneWayAnova take). */
export function ratingSums(c: StarCounts): GroupSums {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let k = 1; k <= 5; k++) {
    n += c[k];
    sum += k * c[k];
    sumSquares += k * k * c[k];
  }
  return { n, sum, sumSquares };
}

/** Mean, standard deviation, t interval and shares of a group's counts (see the contract). */
export function ratingStats(c: StarCounts): RatingStats {
  const s = ratingSums(c);
  const interactions = s.n + c[0];
  const m = moments(s.n, s.sum, s.sumSquares);
  const mean = s.n > 0 ? m.mean : null;
  const sd = s.n > 1 && Number.isFinite(m.variance) ? Math.sqrt(m.variance) : null;
  const half = sd !== null ? (tQuantile((1 + CONFIDENCE) / 2, s.n - 1) * sd) / Math.sqrt(s.n) : null;
  return {
    interactions,
    n: s.n,
    unrated: c[0],
    unratedShare: interactions > 0 ? c[0] / interactions : null,
    mean,
    sd,
    ci: mean !== null && half !== null ? [mean - half, mean + half] : null,
    shareFive: s.n > 0 ? c[5] / s.n : null,
    shareLow: s.n > 0 ? (c[1] + c[2]) / s.n : null,
  };
}

/**
 * The ratings 1–5 behind the counts as one sorted array: what the rank tests on values take. The
 * pages use the tests on counts instead (kruskalWallisCounts, mannWhitneyUCounts), which give the
 * same numbers without building these arrays; tests compare the two.
 */
export function expandRatings(c: StarCounts): Float64Array {
  const s = ratingSums(c);
  const out = new Float64Array(s.n);
  let offset = 0;
  for (let k = 1; k <= 5; k++) {
    out.fill(k, offset, offset + c[k]);
    offset += c[k];
  }
  return out;
}
