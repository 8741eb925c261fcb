// The Bayesian average that ranks recipes: a recipe's ratings shrunk toward the period's mean
// rating as if it had PRIOR_WEIGHT more ratings at that mean. A recipe with three 5★ ratings no
// longer outranks one with four hundred ratings averaging 4.9.
import { PRIOR_WEIGHT } from "./keys.js";

/** (weight · priorMean + Σ ratings) / (weight + n). */
export function bayesianAverage(sum: number, n: number, priorMean: number, weight = PRIOR_WEIGHT): number {
  if (!(weight > 0))
    throw new RangeError(`bayesianAverage: the prior weight must be positive (got ${weight})`);
  if (!(n >= 0)) throw new RangeError(`bayesianAverage: n must be ≥ 0 (got ${n})`);
  return (weight * priorMean + sum) / (weight + n);
}
