// The precomputed periods of the figures that cannot be added up from per-year sums — rank tests,
// quartiles and box plots, per-user and per-recipe distributions — and the one rule every page uses
// to pick the period that stands for the reader's range.
//
// The periods come from the data's years, never a hard-coded list: the full span, then each
// calendar decade the span touches, clipped to it (1999–2018 gives 1999–2018, then 1999–1999,
// 2000–2009 and 2010–2018). A span within one decade has no decade of its own (it would repeat the
// full span). For a range, a page shows the period equal to it, else the narrowest period holding
// it, else the full span — and says which, when it is not the reader's range.
import type { YearRange } from "./contracts/trends.js";

export interface Period extends YearRange {
  kind: "full" | "decade";
}

/** The decades `years` touch (1990–1999, 2000–2009…), each clipped to the span; none within one decade. */
export function decadePeriods(years: readonly number[]): YearRange[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const periods: YearRange[] = [];
  for (let start = Math.floor(first / 10) * 10; start <= last; start += 10) {
    periods.push({ from: Math.max(start, first), to: Math.min(start + 9, last) });
  }
  return periods.length > 1 ? periods : [];
}

/** The full span of `years` first, then its decades; no period without years. */
export function periodsOf(years: readonly number[]): Period[] {
  if (years.length === 0) return [];
  const full: Period = { kind: "full", from: Math.min(...years), to: Math.max(...years) };
  return [full, ...decadePeriods(years).map((p): Period => ({ kind: "decade", ...p }))];
}

/**
 * The period that stands for `range`: the one equal to it, else the narrowest one holding it, else
 * the full span. Throws when the page data has no period at all (a loader bug, not a reader's).
 */
export function periodFor<P extends Period>(periods: readonly P[], range: YearRange): P {
  const holding = periods
    .filter((p) => p.from <= range.from && p.to >= range.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
  const chosen = holding[0] ?? periods.find((p) => p.kind === "full");
  if (!chosen) throw new Error("The page data has no full-span period to show for this range.");
  return chosen;
}

/** True when the period shown is exactly the reader's range. */
export const sameRange = (period: YearRange, range: YearRange): boolean =>
  period.from === range.from && period.to === range.to;
