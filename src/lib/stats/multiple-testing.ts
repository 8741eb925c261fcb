// Adjusted p-values for a family of tests, so that "significant" survives the number of tests made.
// - benjaminiHochberg: controls the false discovery rate (expected share of false discoveries among
//   the items called significant) — what a ranking of hundreds of ingredients needs.
// - holm: controls the family-wise error rate (chance of any false discovery), uniformly more
//   powerful than Bonferroni — for a handful of tests where one false claim matters.
// Both return adjusted p-values in the input order, compared with the unadjusted α. NaN p-values
// (an item that could not be tested) stay NaN and do not count in the family size m.
import type { Numbers } from "./checks.js";

function testedIndexes(p: Numbers): number[] {
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i])) continue;
    if (p[i] < 0 || p[i] > 1) throw new RangeError(`p-value ${i} is outside [0, 1] (${p[i]})`);
    idx.push(i);
  }
  return idx;
}

/** Benjamini–Hochberg (1995) step-up adjusted p-values: min over j ≥ i of m·p(j)/j, capped at 1. */
export function benjaminiHochberg(p: Numbers): number[] {
  const out = Array.from({ length: p.length }, () => NaN);
  const idx = testedIndexes(p).sort((a, b) => p[b] - p[a]); // largest p first
  const m = idx.length;
  let running = 1;
  idx.forEach((i, k) => {
    const rank = m - k; // rank of p[i] in ascending order, 1-based
    running = Math.min(running, (m * p[i]) / rank);
    out[i] = running;
  });
  return out;
}

/** Holm (1979) step-down adjusted p-values: max over j ≤ i of (m − j + 1)·p(j), capped at 1. */
export function holm(p: Numbers): number[] {
  const out = Array.from({ length: p.length }, () => NaN);
  const idx = testedIndexes(p).sort((a, b) => p[a] - p[b]); // smallest p first
  const m = idx.length;
  let running = 0;
  idx.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p[i]));
    out[i] = running;
  });
  return out;
}
