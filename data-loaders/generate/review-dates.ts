// When reviews are written. A recipe's reviews fall on or after its submission day (and inside
// 2000-01-25 … 2018-12-20), distributed like a site-wide activity curve restricted to that
// window. The activity curve is calibrated so that, summed over all recipes, the reviews per day
// match the target shape of timeline.ts (peak in 2008–2009): a fixed point computed from
// expected counts, so it needs no randomness and no second pass over the data.
import { INTERACTIONS_FROM, INTERACTIONS_TO } from "./calendar.js";
import type { Rng } from "./random.js";
import { reviewTargetByDay } from "./timeline.js";

const DAYS = INTERACTIONS_TO - INTERACTIONS_FROM + 1;

/** Share of the target activity on or after `day` (exposure: how long a recipe can collect reviews). */
export function createExposure(): (day: number) => number {
  const target = reviewTargetByDay();
  const tail = new Float64Array(DAYS + 1);
  for (let d = DAYS - 1; d >= 0; d--) tail[d] = tail[d + 1] + target[d];
  const total = tail[0];
  return (day) => tail[Math.max(0, Math.min(DAYS, day - INTERACTIONS_FROM))] / total;
}

export interface ReviewCalendar {
  /** A review day on or after `from` (a recipe's submission day). */
  sample(rng: Rng, from: number): number;
}

/**
 * Calibrate the activity curve for recipes submitted on `days` with `counts` reviews each.
 * Expected reviews on day d = A[d] · Σ_{d0 ≤ d} C[d0] / tail_A(d0), where C[d0] sums the counts
 * of recipes whose window opens on d0; iterate A ← A · target / expected.
 */
export function calibrateReviewCalendar(days: Int32Array, counts: Int32Array): ReviewCalendar {
  const target = reviewTargetByDay();
  const opening = new Float64Array(DAYS);
  let total = 0;
  for (let i = 0; i < days.length; i++) {
    opening[Math.max(0, days[i] - INTERACTIONS_FROM)] += counts[i];
    total += counts[i];
  }
  let targetSum = 0;
  for (const t of target) targetSum += t;
  for (let d = 0; d < DAYS; d++) target[d] *= total / targetSum;

  const activity = Float64Array.from(target);
  const tail = new Float64Array(DAYS + 1);
  for (let iteration = 0; iteration < 60; iteration++) {
    for (let d = DAYS - 1; d >= 0; d--) tail[d] = tail[d + 1] + activity[d];
    let open = 0;
    for (let d = 0; d < DAYS; d++) {
      open += opening[d] / tail[d];
      const expected = activity[d] * open;
      // Days before any recipe can be reviewed keep their weight (they get no reviews anyway).
      if (expected > 0) activity[d] *= Math.pow(target[d] / expected, 0.7);
    }
  }

  const cumulative = new Float64Array(DAYS);
  let running = 0;
  for (let d = 0; d < DAYS; d++) cumulative[d] = running += activity[d];
  return {
    sample(rng, from) {
      const start = Math.max(0, Math.min(DAYS - 1, from - INTERACTIONS_FROM));
      const lo = start === 0 ? 0 : cumulative[start - 1];
      const u = lo + rng() * (running - lo);
      let a = start;
      let b = DAYS - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (cumulative[mid] > u) b = mid;
        else a = mid + 1;
      }
      return INTERACTIONS_FROM + a;
    },
  };
}
