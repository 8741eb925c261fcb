// Rater leniency of one period, from sums DuckDB computes over per-user aggregates: how users'
// mean ratings are spread, and how far the users who rate (almost) everything 5 pull the period's
// mean rating — the mean with and without their ratings.
import type { LeniencyPeriod, MeanBin } from "../contracts/community.js";
import { LENIENT_MEAN, MEAN_BIN_WIDTH, MIN_USER_RATINGS } from "./keys.js";

/** The sums of one period (ratings 1–5 only). */
export interface LeniencySums {
  kind: "full" | "decade";
  from: number;
  to: number;
  ratings: number;
  ratingSum: number;
  raters: number;
  /** Users with at least MIN_USER_RATINGS ratings: their count, ratings, Σ and Σ² of their means. */
  eligibleUsers: number;
  eligibleRatings: number;
  meanSum: number;
  meanSumSquares: number;
  medianOfMeans: number | null;
  allFive: number;
  /** Eligible users whose mean ≥ LENIENT_MEAN: count, ratings and Σ ratings. */
  lenientUsers: number;
  lenientRatings: number;
  lenientSum: number;
  /** Eligible users per bin of MEAN_BIN_WIDTH from 1 (bin index → users). */
  binCounts: readonly { bin: number; users: number }[];
}

/** Bin index of a mean rating: [1, 1.25) → 0 … [4.75, 5] → 15 (5 itself in the last bin). */
export function meanBinIndex(mean: number, width = MEAN_BIN_WIDTH): number {
  const last = Math.round(4 / width) - 1;
  return Math.min(last, Math.max(0, Math.floor((mean - 1) / width)));
}

export function meanBins(counts: LeniencySums["binCounts"], width = MEAN_BIN_WIDTH): MeanBin[] {
  const n = Math.round(4 / width);
  return Array.from({ length: n }, (_, i) => ({
    from: 1 + i * width,
    to: 1 + (i + 1) * width,
    users: counts.filter((c) => c.bin === i).reduce((s, c) => s + c.users, 0),
  }));
}

export function summarizeLeniency(s: LeniencySums): LeniencyPeriod {
  const e = s.eligibleUsers;
  const variance = e > 1 ? (s.meanSumSquares - (s.meanSum * s.meanSum) / e) / (e - 1) : null;
  const restRatings = s.ratings - s.lenientRatings;
  const mean = s.ratings > 0 ? s.ratingSum / s.ratings : null;
  const meanWithout = restRatings > 0 ? (s.ratingSum - s.lenientSum) / restRatings : null;
  return {
    kind: s.kind,
    from: s.from,
    to: s.to,
    minRatings: MIN_USER_RATINGS,
    lenientMean: LENIENT_MEAN,
    ratings: s.ratings,
    raters: s.raters,
    mean,
    eligible: {
      users: e,
      ratings: s.eligibleRatings,
      shareOfRatings: s.ratings > 0 ? s.eligibleRatings / s.ratings : 0,
      meanOfMeans: e > 0 ? s.meanSum / e : null,
      sdOfMeans: variance === null ? null : Math.sqrt(Math.max(0, variance)),
      medianOfMeans: s.medianOfMeans,
      allFive: s.allFive,
    },
    lenient: {
      users: s.lenientUsers,
      shareOfEligible: e > 0 ? s.lenientUsers / e : 0,
      ratings: s.lenientRatings,
      shareOfRatings: s.ratings > 0 ? s.lenientRatings / s.ratings : 0,
      meanWithout,
      pull: mean !== null && meanWithout !== null ? mean - meanWithout : null,
    },
    bins: meanBins(s.binCounts),
  };
}
