// Recipe volume by season for a year range: counts, shares, deviation from the mean per season,
// recipes per calendar day, and two chi-square goodness-of-fit tests — against equal shares, and
// against the shares of calendar days (winter has 90 or 91 days, spring and summer 92: equal
// shares would call a 2 % gap "seasonal" that the calendar alone explains). Days count only
// dates between the data's first and last submission, so a partial first year does not skew the
// calendar test. Same function in the loader (full span) and the page (any range).
import { SEASONS } from "../calendar.js";
import type { VolumeSummary, VolumeYear, YearRange } from "../contracts/seasonality.js";
import { filterYears } from "../trends/range.js";
import { goodnessOfFit } from "./tests.js";

const add = (a: number[], b: readonly number[]) => a.map((x, i) => x + b[i]);

export function summarizeVolume(perYear: readonly VolumeYear[], range: YearRange): VolumeSummary {
  const rows = filterYears(perYear, range);
  if (rows.length === 0) throw new Error(`seasonality: no year between ${range.from} and ${range.to}.`);
  const n = rows.reduce((acc, r) => add(acc, r.n), [0, 0, 0, 0]);
  const days = rows.reduce((acc, r) => add(acc, r.days), [0, 0, 0, 0]);
  const total = n.reduce((a, b) => a + b, 0);
  const totalDays = days.reduce((a, b) => a + b, 0);
  const mean = total / SEASONS.length;
  // Earliest season in season order on a tie: only a strictly larger (smaller) count wins.
  let max = 0;
  let min = 0;
  n.forEach((x, i) => {
    if (x > n[max]) max = i;
    if (x < n[min]) min = i;
  });
  return {
    ...range,
    total,
    mean,
    seasons: SEASONS.map((season, i) => ({
      season,
      n: n[i],
      share: total > 0 ? n[i] / total : 0,
      deviation: mean > 0 ? (n[i] - mean) / mean : 0,
      days: days[i],
      calendarShare: totalDays > 0 ? days[i] / totalDays : 0,
      perDay: days[i] > 0 ? n[i] / days[i] : null,
    })),
    max: SEASONS[max],
    min: SEASONS[min],
    equalShares: goodnessOfFit(n),
    // A range without some season's days (a one-month data set) has no calendar expectation.
    calendar: days.every((d) => d > 0)
      ? goodnessOfFit(
          n,
          days.map((d) => d / totalDays),
        )
      : null,
  };
}
