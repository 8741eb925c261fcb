// How interactions are spread over users (or recipes), from a frequency table — how many units made
// exactly n interactions — which DuckDB returns in a few hundred rows instead of one row per user.
// Gini, top shares and the median come from src/lib/stats on the expanded counts; the log-scale bins
// and the Lorenz curve are read off the sorted counts.
import type { Concentration, CountBin } from "../contracts/community.js";
import { gini, median, topShare } from "../stats/index.js";
import { LORENZ_STEPS, TOP_FRACTIONS } from "./keys.js";

/** `units` users (or recipes) made exactly `n` interactions each. */
export interface FrequencyRow {
  n: number;
  units: number;
}

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
  const sorted = expandFrequencies(rows);
  const units = sorted.length;
  const total = sorted.reduce((s, x) => s + x, 0);
  const once = sorted.filter((x) => x === 1).length;
  const share = (fraction: number) => (units > 0 ? topShare(sorted, Math.ceil(fraction * units)) : 0);
  const [top1, top10] = TOP_FRACTIONS;
  return {
    units,
    total,
    once,
    onceShare: units > 0 ? once / units : 0,
    mean: units > 0 ? total / units : 0,
    median: units > 0 ? median(sorted) : 0,
    max: units > 0 ? sorted[units - 1] : 0,
    top1Share: share(top1),
    top10Share: share(top10),
    gini: units > 0 ? gini(sorted) : 0,
    bins: logBins(rows),
    lorenz: lorenzCurve(sorted),
  };
}
