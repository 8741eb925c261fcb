// ratings/distribution: counts of ratings 0–5 per year, the full-span distribution, and the mean
// rating with a cluster-by-user interval (CR1 sandwich, src/lib/stats/cluster-mean.ts) for the full
// span and each decade: one user's ratings are not independent, so the interval is computed over
// users. The per-user sums stay in DuckDB; only five sums per period leave it.
import {
  distributionDataSchema,
  type ClusterPeriod,
  type YearCounts,
} from "../../../src/lib/contracts/ratings.js";
import { summarizeDistribution } from "../../../src/lib/ratings/distribution.js";
import { CONFIDENCE } from "../../../src/lib/ratings/keys.js";
import { periodsOf } from "../../../src/lib/periods.js";
import { clusterMean } from "../../../src/lib/stats/cluster-mean.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { STAR_COUNTS } from "./_counts.js";

export const YEARS_SQL = /* sql */ `
  SELECT year::INTEGER AS year, ${STAR_COUNTS} AS counts
  FROM interactions
  GROUP BY year
  ORDER BY year`;

// Per user (and per user and decade in the same pass), n_g, S_g, Σy²; then the sums the cluster
// formula needs. A NULL decade is the full span.
export const CLUSTER_SQL = /* sql */ `
  WITH per_user AS (
    SELECT (year // 10 * 10)::INTEGER AS decade, count(*)::DOUBLE AS n, sum(rating)::DOUBLE AS s,
           sum(rating * rating)::DOUBLE AS ss
    FROM interactions
    WHERE rating BETWEEN 1 AND 5
    GROUP BY GROUPING SETS ((user_id), (user_id, year // 10 * 10))
  )
  SELECT decade, count(*)::INTEGER AS clusters, sum(n)::DOUBLE AS n, sum(s)::DOUBLE AS sum,
         sum(ss)::DOUBLE AS sumSquares, sum(s * s)::DOUBLE AS clusterSumSquares,
         sum(s * n)::DOUBLE AS clusterSumCount, sum(n * n)::DOUBLE AS clusterCountSquares
  FROM per_user
  GROUP BY decade`;

interface ClusterRow {
  decade: number | null;
  clusters: number;
  n: number;
  sum: number;
  sumSquares: number;
  clusterSumSquares: number;
  clusterSumCount: number;
  clusterCountSquares: number;
}

export default defineAnalysis({
  description:
    "Ratings 0–5 per year; full-span distribution, shares and mean with t interval; mean with a cluster-by-user (CR1) interval for the full span and each decade",
  schema: distributionDataSchema,
  async run({ session }) {
    const perYear = await session.query<YearCounts>(YEARS_SQL);
    const rows = await session.query<ClusterRow>(CLUSTER_SQL);
    const span = fullRange(perYear);
    const periods = periodsOf(perYear.map((r) => r.year)).map((p) => ({
      ...p,
      row: rows.find((r) =>
        p.kind === "full" ? r.decade === null : r.decade === Math.floor(p.from / 10) * 10,
      ),
    }));
    const cluster: ClusterPeriod[] = [];
    for (const { row, ...period } of periods) {
      if (!row) continue; // a period without any rating 1–5
      const c = clusterMean({ ...row, n: row.n }, { level: CONFIDENCE });
      if (![c.mean, c.naiveSE, c.clusterSE, ...c.ci, c.designEffect].every(Number.isFinite)) continue;
      cluster.push({
        ...period,
        n: c.n,
        users: c.clusters,
        mean: c.mean,
        naiveSE: c.naiveSE,
        clusterSE: c.clusterSE,
        ci: c.ci,
        designEffect: c.designEffect,
      });
    }
    return { perYear, cluster, fullSpan: summarizeDistribution(perYear, span) };
  },
});
