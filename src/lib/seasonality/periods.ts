// The documented periods of the rank tests and box plots. Ranks and quartiles of continuous values
// cannot be pooled from per-year sums, so the analyses precompute them for a fixed list of
// periods derived from the data's years (never hard-coded): the full span, then each calendar
// decade the data touches, clipped to the span (1999–2018 gives 1999–2018, 1999–1999, 2000–2009
// and 2010–2018). A decade equal to the full span is not repeated. The page shows the period that
// matches the reader's range, or the smallest one containing it, or the full span — and says so.
import type { Period, YearRange } from "../contracts/seasonality.js";

export function periodsOf(years: readonly number[]): Period[] {
  if (years.length === 0) throw new Error("seasonality: no years in the data, so no periods.");
  const from = Math.min(...years);
  const to = Math.max(...years);
  const periods: Period[] = [{ kind: "span", from, to }];
  for (let decade = Math.floor(from / 10) * 10; decade <= to; decade += 10) {
    const p = { kind: "decade" as const, from: Math.max(from, decade), to: Math.min(to, decade + 9) };
    if (p.from !== from || p.to !== to) periods.push(p);
  }
  return periods;
}

/** The period whose rank test and boxes stand for a range, and whether it is exactly that range. */
export function pickPeriod<P extends Period>(
  periods: readonly P[],
  range: YearRange,
): { period: P; exact: boolean } {
  const exact = periods.find((p) => p.from === range.from && p.to === range.to);
  if (exact) return { period: exact, exact: true };
  const containing = periods
    .filter((p) => p.from <= range.from && p.to >= range.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
  const span = periods.find((p) => p.kind === "span") ?? periods[0];
  return { period: containing[0] ?? span, exact: false };
}
