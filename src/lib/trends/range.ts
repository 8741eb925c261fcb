// The page-wide year range: its default (the data's first and last year), an order-proof
// constructor for two selects, and filters of per-year rows and of column-aligned year arrays.
import type { YearRange } from "../contracts/trends.js";

/** The range from the first to the last year of rows sorted or not; throws on no rows. */
export function fullRange(rows: readonly { year: number }[]): YearRange {
  if (rows.length === 0) throw new Error("trends: no years in the data, so no year range.");
  let from = Infinity;
  let to = -Infinity;
  for (const { year } of rows) {
    if (year < from) from = year;
    if (year > to) to = year;
  }
  return { from, to };
}

/** A range from two picked years in either order (two selects can cross). */
export const yearRange = (a: number, b: number): YearRange => ({ from: Math.min(a, b), to: Math.max(a, b) });

export const inRange = (year: number, range: YearRange): boolean => year >= range.from && year <= range.to;

/** Rows whose year falls in the range, in their order. */
export const filterYears = <T extends { year: number }>(rows: readonly T[], range: YearRange): T[] =>
  rows.filter((r) => inRange(r.year, range));

/** Indices of `years` (a column) that fall in the range: to slice the arrays aligned on it. */
export const yearIndices = (years: readonly number[], range: YearRange): number[] =>
  years.flatMap((year, i) => (inRange(year, range) ? [i] : []));
