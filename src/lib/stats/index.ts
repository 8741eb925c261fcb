// Public entry point of the statistics package shared by the Node data loaders and the browser
// pages. Pure TypeScript (no Node APIs). Conventions, detailed in each module head:
// - ddof defaults to 1 (sample variance/std), summarize uses ddof = 1;
// - quantile methods use numpy names, default "linear" (R type 7), "nearest" rounds half to even;
// - weighted variance takes "frequency" (default) or "analytic" weights; regression weights are
//   inverse-variance (statsmodels WLS), zero weights drop rows, negative weights throw;
// - NaN in, NaN out; too little data gives NaN, never an exception. The hypothesis tests
//   (hypothesis-*.ts) are stricter: NaN, negative counts or empty groups throw a RangeError;
//   degenerate data (all ties, no spread) still gives NaN.
export type { Numbers } from "./checks.js";
export { coefficientOfVariation, finiteValues, mean, std, sum, variance } from "./descriptive.js";
export type { DdofOptions } from "./descriptive.js";
export { weightedMean, weightedStd, weightedVariance } from "./weighted.js";
export type { WeightKind, WeightedVarianceOptions } from "./weighted.js";
export { median, quantile, quantiles } from "./quantile.js";
export type { QuantileMethod, QuantileOptions } from "./quantile.js";
export { summarize } from "./summary.js";
export type { Summary } from "./summary.js";
export {
  chiSquareCdf,
  chiSquareSurvival,
  fCdf,
  fSurvival,
  normalQuantile,
  tCdf,
  tQuantile,
  twoSidedNormalPValue,
  twoSidedTPValue,
} from "./distributions.js";
export { pearson } from "./correlation.js";
export { ols, wls } from "./regression.js";
export type { LinearFit, RegressionOptions } from "./regression.js";
export { fillibenMedians, normalQQ } from "./qq.js";
export type { NormalQQ, QQPoint } from "./qq.js";
export { trendDirection } from "./takeaways.js";
export type { TrendDirection } from "./takeaways.js";
export { benjaminiHochberg, holm } from "./multiple-testing.js";
export { expectedRichness } from "./rarefaction.js";
export { logChoose, logGamma } from "./distributions.js";
export { neweyWestLag, randomEffectsTrend } from "./trend-fit.js";
export type { RandomEffectsTrend, TrendFitOptions } from "./trend-fit.js";
export { gini, topShare } from "./concentration.js";
export { chiSquareGoodnessOfFit, chiSquareIndependence } from "./hypothesis-contingency.js";
export type {
  ChiSquareGoodnessOfFit,
  ChiSquareIndependence,
  ChiSquareIndependenceOptions,
} from "./hypothesis-contingency.js";
export { combineGroups, moments, oneWayAnova, welchT } from "./hypothesis-means.js";
export type { GroupMoments, GroupSums, GroupSummary, OneWayAnova, WelchT } from "./hypothesis-means.js";
export { kruskalWallis, kruskalWallisCounts, mannWhitneyU, mannWhitneyUCounts } from "./hypothesis-ranks.js";
export type { KruskalWallis, MannWhitneyOptions, MannWhitneyU } from "./hypothesis-ranks.js";
export { averageRanks, weightedSpearman } from "./weighted-spearman.js";
export { clusterMean } from "./cluster-mean.js";
export type { ClusterMean, ClusterSums } from "./cluster-mean.js";
