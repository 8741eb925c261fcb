// Members: their ids, how many reviews each writes (most write one, a few write thousands), and
// which members contributed recipes (a heavy-tailed few contributed most). Activity is exact:
// the per-member counts sum to the number of reviews, and every member writes at least one.
import { allocate, chance, exponential, shuffle, type Rng } from "./random.js";

/**
 * Member ids, distinct and unordered like Food.com's: most between 1,000 and ~2.5 million, and
 * 8 % in the 2,000,000,000+ range the site used for later accounts (all below 2^31).
 */
export function drawMemberIds(rng: Rng, count: number): Int32Array {
  const ids = new Int32Array(count);
  let low = 1000;
  let high = 2_000_000_000;
  for (let i = 0; i < count; i++) {
    if (chance(rng, 0.08)) ids[i] = high += 1 + Math.floor(exponential(rng, 9));
    else ids[i] = low += 1 + Math.floor(exponential(rng, 9));
  }
  return shuffle(rng, ids);
}

/**
 * Heavy-tailed activity: `total` events over `members`, each member at least one. A share
 * `single` of members gets no extra weight (so they mostly stay at one); the others get Pareto
 * weights (tail index `alpha`, capped at a share `cap` of all weight).
 */
export function drawActivity(
  rng: Rng,
  members: number,
  total: number,
  options: { single: number; alpha: number; cap: number },
): Int32Array {
  const weights = new Float64Array(members);
  let sum = 0;
  for (let i = 0; i < members; i++) {
    if (rng() < options.single) continue;
    weights[i] = Math.pow(1 - rng(), -1 / options.alpha);
    sum += weights[i];
  }
  // Cap the busiest members at a share of all weight (keeps the top reviewer in the thousands).
  if (sum > 0) {
    const limit = options.cap * sum;
    for (let i = 0; i < members; i++) if (weights[i] > limit) weights[i] = limit;
  } else weights.fill(1);
  const extra = total - members;
  const counts = allocate(rng, weights, extra);
  for (let i = 0; i < members; i++) counts[i] += 1;
  return counts;
}

/** Spread members over `total` event slots, member i taking counts[i] slots, in random order. */
export function slotsOf(rng: Rng, counts: Int32Array, total: number): Int32Array {
  const slots = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < counts.length; i++) for (let j = 0; j < counts[i]; j++) slots[k++] = i;
  return shuffle(rng, slots);
}
