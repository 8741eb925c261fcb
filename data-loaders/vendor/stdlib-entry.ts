// Entry of the one-file bundle of the @stdlib distribution functions the statistics module uses
// (src/lib/stats/vendor/stdlib.js, written by `npm install` through the postinstall script).
// Why a bundle: in the browser every npm package is its own module file, and these three pull
// ~140 @stdlib packages — 140 requests on every analysis page. Bundled, they are one.
export { default as tCdf } from "@stdlib/stats-base-dists-t-cdf";
export { default as tQuantile } from "@stdlib/stats-base-dists-t-quantile";
export { default as normalQuantile } from "@stdlib/stats-base-dists-normal-quantile";
export { default as gammaln } from "@stdlib/math-base-special-gammaln";
// Upper tails of the chi-square, F and normal distributions for the hypothesis tests
// (src/lib/stats/distributions.ts): the regularised incomplete gamma and beta functions with
// their `upper` flag, and erfc, so a survival probability is computed directly instead of 1 − cdf.
export { default as gammainc } from "@stdlib/math-base-special-gammainc";
export { default as betainc } from "@stdlib/math-base-special-betainc";
export { default as erfc } from "@stdlib/math-base-special-erfc";
