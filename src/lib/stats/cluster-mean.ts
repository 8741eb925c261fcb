// A mean with a cluster-robust standard error, from sufficient statistics the database computes in
// one pass. Ratings are not independent draws: one user rates many recipes and tends to rate them
// alike, so the textbook s/√n understates the uncertainty of the mean rating. The cluster-robust
// (sandwich, "CR1") variance of the mean of y over clusters g (here: users) is
//   V = G/(G − 1) · Σ_g (S_g − n_g·ȳ)² / N²,
// with S_g the sum and n_g the count of cluster g — what statsmodels' OLS of y on a constant with
// cov_type="cluster" reports (its (N − 1)/(N − K) factor is 1 for K = 1). Expanding the square,
// Σ_g (S_g − n_g·ȳ)² = Σ S_g² − 2ȳ·Σ S_g·n_g + ȳ²·Σ n_g², so SQL only returns four sums over the
// clusters. The interval uses Student t with G − 1 degrees of freedom (the usual choice when the
// clusters, not the values, are the independent units). The design effect (V / naive variance)
// says how many times more uncertain the mean is than independence would claim.
// Degenerate input (N = 0, G < 2) gives NaN fields; negative counts throw.
import { assertUnitOpen } from "./checks.js";
import { tQuantile } from "./distributions.js";

export interface ClusterSums {
  /** Values N. */
  n: number;
  /** Σ y. */
  sum: number;
  /** Σ y² (for the naive standard error). */
  sumSquares: number;
  /** Clusters G. */
  clusters: number;
  /** Σ_g S_g² — the squares of each cluster's sum. */
  clusterSumSquares: number;
  /** Σ_g S_g·n_g. */
  clusterSumCount: number;
  /** Σ_g n_g². */
  clusterCountSquares: number;
}

export interface ClusterMean {
  n: number;
  clusters: number;
  mean: number;
  /** s/√N with s the sample standard deviation: the standard error if every value were independent. */
  naiveSE: number;
  /** The cluster-robust (CR1) standard error. */
  clusterSE: number;
  /** Interval at `level` with the cluster-robust SE and t with G − 1 df. */
  ci: [number, number];
  level: number;
  /** (clusterSE / naiveSE)². */
  designEffect: number;
}

export function clusterMean(s: ClusterSums, { level = 0.95 }: { level?: number } = {}): ClusterMean {
  assertUnitOpen("clusterMean", "level", level);
  for (const key of ["n", "clusters", "clusterCountSquares"] as const) {
    if (s[key] < 0) throw new RangeError(`clusterMean: ${key} is negative (${s[key]})`);
  }
  const { n, clusters: g } = s;
  const mean = n > 0 ? s.sum / n : NaN;
  const ss = s.sumSquares - n * mean * mean;
  const naiveSE = n > 1 ? Math.sqrt(Math.max(ss, 0) / (n - 1) / n) : NaN;
  const meat = s.clusterSumSquares - 2 * mean * s.clusterSumCount + mean * mean * s.clusterCountSquares;
  const clusterSE = g > 1 ? Math.sqrt(((g / (g - 1)) * Math.max(meat, 0)) / (n * n)) : NaN;
  const half = g > 1 ? tQuantile((1 + level) / 2, g - 1) * clusterSE : NaN;
  return {
    n,
    clusters: g,
    mean,
    naiveSE,
    clusterSE,
    ci: [mean - half, mean + half],
    level,
    designEffect: (clusterSE / naiveSE) ** 2,
  };
}
