// How interactions are spread over users (or recipes), from a frequency table — how many units made
// exactly n interactions — which DuckDB returns in a few hundred rows instead of one row per user.
// Every figure is read off the table itself (./frequency.ts), never off ~160 k expanded counts: the
// same values src/lib/stats gives on the expanded counts, without copying and sorting them.
import type { Concentration, CountBin } from "../contracts/community.js";
import {
  giniOfFrequencies,
  lorenzOfFrequencies,
  medianOfFrequencies,
  sortedFrequencies,
  topShareOfFrequencies,
  type FrequencyRow,
} from "./frequency.js";
import { LORENZ_STEPS, TOP_FRACTIONS } from "./keys.js";

export type { FrequencyRow } from "./frequency.js";

/** The counts, one per unit, in ascending order. */
export function expandFrequencies(rows: readonly FrequencyRow[]): number[] {
  const out: number[] = [];
  for (const { n, units } of [...rows].sort((a, b) => a.n - b.n)) {
    if (!(n >= 1) || !Number.isInteger(n) || !(units >= 0) || !Number.isInteger(units))
      throw new RangeError(`community: bad frequency row n=${n}, units=${units}`);
    for (let i = 0; i < units; i++) out.push(n);
  }
  return out;
}

/** Bins [2^k, 2^(k+1) − 1] from 1 to the largest count, empty ones included (a log-scale axis). */
export function logBins(rows: readonly FrequencyRow[]): CountBin[] {
  const max = rows.reduce((m, r) => (r.units > 0 ? Math.max(m, r.n) : m), 0);
  const bins: CountBin[] = [];
  for (let from = 1; from <= max; from *= 2) bins.push({ from, to: from * 2 - 1, units: 0, total: 0 });
  for (const { n, units } of rows) {
    if (units === 0) continue;
    const bin = bins[Math.floor(Math.log2(n))];
    bin.units += units;
    bin.total += n * units;
  }
  return bins;
}

/**
 * The Lorenz curve at shares i / steps of the units (least active first): the share of all
 * interactions they hold, interpolated linearly inside a unit (the curve is exact at each unit).
 */
export function lorenzCurve(sorted: readonly number[], steps = LORENZ_STEPS): number[] {
  const total = sorted.reduce((s, x) => s + x, 0);
  const n = sorted.length;
  if (n === 0 || total === 0) return [];
  const cumulative = [0];
  for (const x of sorted) cumulative.push(cumulative[cumulative.length - 1] + x);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const position = (i / steps) * n;
    const whole = Math.min(Math.floor(position), n);
    const part = whole < n ? (position - whole) * sorted[whole] : 0;
    return Math.min(1, (cumulative[whole] + part) / total);
  });
}

/** Every concentration figure of one period from its frequency table. */
export function concentration(rows: readonly FrequencyRow[]): Concentration {
  const sorted = sortedFrequencies(rows);
  const units = sorted.reduce((s, r) => s + r.units, 0);
  const total = sorted.reduce((s, r) => s + r.n * r.units, 0);
  const once = sorted.reduce((s, r) => (r.n === 1 ? s + r.units : s), 0);
  const share = (fraction: number) =>
    units > 0 ? topShareOfFrequencies(sorted, Math.ceil(fraction * units)) : 0;
  const [top1, top10] = TOP_FRACTIONS;
  return {
    units,
    total,
    once,
    onceShare: units > 0 ? once / units : 0,
    mean: units > 0 ? total / units : 0,
    median: units > 0 ? medianOfFrequencies(sorted) : 0,
    max: units > 0 ? sorted[sorted.length - 1].n : 0,
    top1Share: share(top1),
    top10Share: share(top10),
    gini: units > 0 ? giniOfFrequencies(sorted) : 0,
    bins: logBins(sorted),
    lorenz: lorenzOfFrequencies(sorted, LORENZ_STEPS),
  };
}
