// Concentration figures read straight off a frequency table — `units` users (or recipes) made
// exactly `n` interactions each — without expanding it into one value per unit. At full scale a
// period has ~160 k users but only a few hundred distinct counts, so walking the table replaces
// several copies and sorts of the expanded values. Each function gives exactly what the
// src/lib/stats function gives on the expanded values: counts are whole numbers, so every partial
// sum is an exact integer and the final divisions are the same floating-point operations.
import { quantile } from "../stats/index.js";
import { LORENZ_STEPS } from "./keys.js";

/** `units` users (or recipes) made exactly `n` interactions each. */
export interface FrequencyRow {
  n: number;
  units: number;
}

/** The table checked (n ≥ 1, units ≥ 0, whole numbers), empty rows dropped, ascending by n. */
export function sortedFrequencies(rows: readonly FrequencyRow[]): FrequencyRow[] {
  for (const { n, units } of rows)
    if (!(n >= 1) || !Number.isInteger(n) || !(units >= 0) || !Number.isInteger(units))
      throw new RangeError(`community: bad frequency row n=${n}, units=${units}`);
  return rows.filter((r) => r.units > 0).sort((a, b) => a.n - b.n);
}

const unitsOf = (sorted: readonly FrequencyRow[]) => sorted.reduce((s, r) => s + r.units, 0);
const totalOf = (sorted: readonly FrequencyRow[]) => sorted.reduce((s, r) => s + r.n * r.units, 0);

/** The value at 0-based rank `index` of the expanded ascending values. */
function valueAt(sorted: readonly FrequencyRow[], index: number): number {
  let seen = 0;
  for (const r of sorted) {
    seen += r.units;
    if (index < seen) return r.n;
  }
  throw new RangeError(`community: rank ${index} is past the ${seen} units of the table`);
}

/**
 * Gini as src/lib/stats `gini` computes it, Σ_i (2i − N − 1)·x_(i) / (N·Σx): a run of u equal
 * values x at ranks a+1 … a+u adds x·u·(2a + u − N). NaN for no units or a zero total.
 */
export function giniOfFrequencies(sorted: readonly FrequencyRow[]): number {
  const units = unitsOf(sorted);
  let before = 0;
  let total = 0;
  let weighted = 0;
  for (const { n, units: u } of sorted) {
    total += n * u;
    weighted += n * u * (2 * before + u - units);
    before += u;
  }
  return units > 0 && total > 0 ? weighted / (units * total) : NaN;
}

/** Share of the total held by the `k` largest values, as src/lib/stats `topShare`. */
export function topShareOfFrequencies(sorted: readonly FrequencyRow[], k: number): number {
  if (!(k >= 0) || !Number.isInteger(k))
    throw new RangeError(`topShare: k must be a whole number ≥ 0 (got ${k})`);
  const total = totalOf(sorted);
  let left = k;
  let top = 0;
  for (let i = sorted.length - 1; i >= 0 && left > 0; i--) {
    const take = Math.min(left, sorted[i].units);
    top += take * sorted[i].n;
    left -= take;
  }
  return total > 0 ? top / total : NaN;
}

/** The p-quantile (linear method) of the expanded values, as src/lib/stats `quantile`. */
export function quantileOfFrequencies(sorted: readonly FrequencyRow[], p: number): number {
  const units = unitsOf(sorted);
  if (units === 0 || !(p >= 0 && p <= 1)) return quantile([], p); // NaN, or quantile's RangeError
  const h = (units - 1) * p;
  const lo = Math.floor(h);
  // The two neighbours interpolated by quantile's own code, so rounding is the same.
  return quantile([valueAt(sorted, lo), valueAt(sorted, Math.min(lo + 1, units - 1))], h - lo, {
    sorted: true,
  });
}

export const medianOfFrequencies = (sorted: readonly FrequencyRow[]): number =>
  quantileOfFrequencies(sorted, 0.5);

/**
 * The Lorenz curve of lorenzCurve (./concentration.ts) at shares i / steps of the units: the
 * cumulative sum up to rank ⌊position⌋ plus the fraction of the next unit.
 */
export function lorenzOfFrequencies(sorted: readonly FrequencyRow[], steps = LORENZ_STEPS): number[] {
  const units = unitsOf(sorted);
  const total = totalOf(sorted);
  if (units === 0 || total === 0) return [];
  const out: number[] = [];
  let row = 0; // first row whose ranks reach past `whole`
  let start = 0; // rank of that row's first unit
  let before = 0; // Σ of the values of the rows before it
  for (let i = 0; i <= steps; i++) {
    const position = (i / steps) * units;
    const whole = Math.min(Math.floor(position), units);
    while (row < sorted.length && start + sorted[row].units <= whole) {
      before += sorted[row].n * sorted[row].units;
      start += sorted[row].units;
      row++;
    }
    const cumulative = row < sorted.length ? before + (whole - start) * sorted[row].n : before;
    const part = whole < units ? (position - whole) * sorted[row].n : 0;
    out.push(Math.min(1, (cumulative + part) / total));
  }
  return out;
}
