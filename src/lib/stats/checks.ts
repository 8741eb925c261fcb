// Argument checks shared by the stats modules. Only programming errors throw (mismatched
// lengths, negative weights, out-of-range options); small or degenerate data yields NaN instead.

/** Anything indexable with numbers: plain arrays, Float64Array, Arrow/DuckDB column copies. */
export type Numbers = ArrayLike<number>;

/** Throws a RangeError when paired arrays differ in length (a caller bug, never a data condition). */
export function assertSameLength(what: string, a: Numbers, b: Numbers): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: arrays differ in length (${a.length} vs ${b.length})`);
  }
}

/** Throws on a negative weight; NaN weights are let through so they propagate like NaN data. */
export function assertNonNegativeWeights(what: string, ws: Numbers): void {
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] < 0) throw new RangeError(`${what}: weight ${i} is negative (${ws[i]})`);
  }
}

/** ddof must be a finite number >= 0; too few observations for it gives NaN, not an error. */
export function assertDdof(what: string, ddof: number): void {
  if (!Number.isFinite(ddof) || ddof < 0) throw new RangeError(`${what}: ddof must be >= 0 (got ${ddof})`);
}

/** Confidence levels and significance thresholds live strictly between 0 and 1. */
export function assertUnitOpen(what: string, name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${what}: ${name} must be in (0, 1) (got ${value})`);
}
