// Argument checks of the hypothesis tests. Unlike the descriptive statistics (NaN in, NaN out),
// a test refuses NaN and infinite values: silently dropping or propagating them would change the
// sample size behind a p-value without anyone noticing. What throws is a caller error (a NaN, a
// negative count, an empty group, shares that do not sum to 1); data that is merely degenerate
// (all values tied, zero variance, too few observations) gives NaN statistics instead.
import type { Numbers } from "./checks.js";

/** Throws a RangeError naming the test, the argument and the position of the first non-finite value. */
export function assertFiniteValues(what: string, name: string, xs: Numbers): void {
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) {
      throw new RangeError(
        `${what}: ${name}[${i}] is not a finite number (${xs[i]}); drop missing values first`,
      );
    }
  }
}

/** Counts must be finite and >= 0 (not necessarily integers: weighted counts are accepted). */
export function assertCounts(what: string, name: string, xs: Numbers): void {
  assertFiniteValues(what, name, xs);
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < 0) throw new RangeError(`${what}: ${name}[${i}] is a negative count (${xs[i]})`);
  }
}

/** A test compares at least `min` groups or categories. */
export function assertAtLeast(what: string, name: string, length: number, min: number): void {
  if (length < min) {
    throw new RangeError(`${what}: ${name} needs at least ${min} entries (got ${length})`);
  }
}

/** A sample with no observation is a caller error (an empty season, a filter that kept nothing). */
export function assertNonEmpty(what: string, name: string, xs: Numbers): void {
  if (xs.length === 0)
    throw new RangeError(`${what}: ${name} is empty; every group needs at least one value`);
}
