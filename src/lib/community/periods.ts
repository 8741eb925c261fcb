// Periods of the Community figures that cannot be added up by year (per-user and per-recipe
// distributions, concentration, leniency, best-rated recipes): the full span of the data and each
// of its decades, derived from the data's years. The page shows the smallest precomputed period
// that covers the reader's range (the full span when none narrower does) and says which one.
import type { YearRange } from "../contracts/trends.js";
import { decadePeriods } from "../weekend/box.js";

export interface Period extends YearRange {
  kind: "full" | "decade";
}

/** The full span of `years` first, then each decade it touches (none when it lies in one decade). */
export function periodsOf(years: readonly number[]): Period[] {
  if (years.length === 0) return [];
  const full: Period = { kind: "full", from: Math.min(...years), to: Math.max(...years) };
  return [full, ...decadePeriods(years).map((p): Period => ({ kind: "decade", ...p }))];
}

/** The narrowest period containing `range`; the full span when no period does. */
export function periodFor<P extends Period>(periods: readonly P[], range: YearRange): P {
  const covering = periods
    .filter((p) => p.from <= range.from && p.to >= range.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
  const full = periods.find((p) => p.kind === "full");
  const chosen = covering[0] ?? full;
  if (!chosen) throw new Error("community: the page data has no period.");
  return chosen;
}

/** True when the period is exactly the reader's range. */
export const sameRange = (period: YearRange, range: YearRange): boolean =>
  period.from === range.from && period.to === range.to;
