// Distribution of ratings 0–5 over the reader's year range (item 3): counts, shares, the mean with
// its t interval, and each year's statistics for the shares over time. The cluster-by-user
// interval cannot be added up over years (a user rates in several years), so the analysis
// precomputes it for the full span and each decade; `periodFor` (src/lib/periods.ts) picks the one
// to show.
import type { DistributionSummary, YearCounts } from "../contracts/ratings.js";
import type { YearRange } from "../contracts/trends.js";
import { addCounts, ratingStats } from "./counts.js";

export function summarizeDistribution(perYear: readonly YearCounts[], range: YearRange): DistributionSummary {
  const rows = perYear.filter((r) => r.year >= range.from && r.year <= range.to);
  const counts = addCounts(rows.map((r) => r.counts));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    from: range.from,
    to: range.to,
    counts,
    shares: counts.map((c) => (total > 0 ? c / total : 0)),
    stats: ratingStats(counts),
    years: rows.map((r) => ({ year: r.year, ...ratingStats(r.counts) })),
  };
}
