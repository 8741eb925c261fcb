// Small decision helpers that turn a fit into the words the pages print ("ratings are trending
// down"), so every page applies the same significance rule.

export type TrendDirection = "up" | "down" | "flat";

/**
 * "up"/"down" when the slope is significantly different from 0 at `alpha` (p < alpha), else
 * "flat" — including when the slope or p is NaN (too little data to say anything).
 */
export function trendDirection(fit: { slope: number; p: number }, alpha = 0.05): TrendDirection {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`trendDirection: alpha must be in (0, 1) (got ${alpha})`);
  const { slope, p } = fit;
  if (Number.isNaN(slope) || !(p < alpha) || slope === 0) return "flat";
  return slope > 0 ? "up" : "down";
}
