// Pearson correlation, used by the QQ fit and handy for "how closely do A and B move" takeaways.
import { assertSameLength, type Numbers } from "./checks.js";
import { mean } from "./descriptive.js";

/** Pearson's r; NaN for n < 2 or when either variable is constant. Lengths must match. */
export function pearson(x: Numbers, y: Numbers): number {
  assertSameLength("pearson", x, y);
  const n = x.length;
  if (n < 2) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  // Clamp: rounding can push |r| a hair above 1 for perfectly collinear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
