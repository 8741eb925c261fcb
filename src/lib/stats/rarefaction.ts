// Exact rarefaction (Hurlbert 1971, incidence form): the expected number of distinct items in m
// recipes drawn at random without replacement from the N recipes of a group, where item i appears
// in N_i of them:
//   E[S_m] = Σ_i [1 − C(N − N_i, m) / C(N, m)]
// C(N − N_i, m) / C(N, m) is the chance that none of the m recipes holds item i. It replaces a
// Monte Carlo average of a few hash-ordered samples: no noise, and no dependence on the DuckDB
// version's hash order. The binomial ratio goes through log-gamma, so N in the hundreds of
// thousands costs the same as N = 10.
import { logChoose } from "./distributions.js";
import type { Numbers } from "./checks.js";

/**
 * Expected distinct items in a sample of m out of n units, given each item's incidence (number
 * of units holding it, each ≤ n). NaN when m > n or m < 0 (a sample that cannot be drawn);
 * throws on an incidence outside [0, n] (a caller bug: counts from another group).
 */
export function expectedRichness(incidences: Numbers, n: number, m: number): number {
  if (!(m >= 0 && m <= n) || !Number.isInteger(m) || !Number.isInteger(n)) return NaN;
  const logAll = logChoose(n, m);
  let expected = 0;
  for (let i = 0; i < incidences.length; i++) {
    const k = incidences[i];
    if (!(k >= 0 && k <= n)) {
      throw new RangeError(`expectedRichness: incidence ${i} (${k}) is outside [0, ${n}]`);
    }
    if (k === 0) continue;
    const absent = n - k < m ? 0 : Math.exp(logChoose(n - k, m) - logAll);
    expected += 1 - absent;
  }
  return expected;
}
