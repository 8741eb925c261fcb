// Recipe volume by weekday for a year range: counts per weekday (summed over the range's years),
// shares, deviation from the 7-day mean, recipes per day of each group, and the chi-square
// goodness of fit against equal shares. Shared by the analysis (full span) and the page (any range).
import type { VolumeSummary, VolumeYear } from "../contracts/weekend.js";
import type { YearRange } from "../contracts/trends.js";
import { chiSquareGoodnessOfFit } from "../stats/index.js";
import { filterYears } from "../trends/range.js";
import { DAYS_PER_TYPE, isWeekendDay, WEEKDAYS } from "./keys.js";

/** Recipes per weekday (Monday first) over the range's years. */
export function weekdayCounts(perYear: readonly VolumeYear[], range: YearRange): number[] {
  const totals = WEEKDAYS.map(() => 0);
  for (const row of filterYears(perYear, range)) row.counts.forEach((n, i) => (totals[i] += n));
  return totals;
}

export function summarizeVolume(perYear: readonly VolumeYear[], range: YearRange): VolumeSummary {
  const counts = weekdayCounts(perYear, range);
  const total = counts.reduce((a, b) => a + b, 0);
  const mean = total / WEEKDAYS.length;
  const weekdays = WEEKDAYS.map((weekday, i) => ({
    weekday,
    weekend: isWeekendDay(weekday),
    n: counts[i],
    share: total > 0 ? counts[i] / total : 0,
    deviation: total > 0 ? (counts[i] - mean) / mean : 0,
  }));
  const sumOf = (weekend: boolean) =>
    weekdays.filter((d) => d.weekend === weekend).reduce((a, d) => a + d.n, 0);
  const perDay = {
    weekday: sumOf(false) / DAYS_PER_TYPE.weekday,
    weekend: sumOf(true) / DAYS_PER_TYPE.weekend,
  };
  // Ties go to the earlier day of the week: the first maximum and the first minimum.
  const busiest = total > 0 ? weekdays.reduce((a, d) => (d.n > a.n ? d : a)).weekday : null;
  const quietest = total > 0 ? weekdays.reduce((a, d) => (d.n < a.n ? d : a)).weekday : null;
  const fit = total > 0 ? chiSquareGoodnessOfFit(counts) : null;
  return {
    from: range.from,
    to: range.to,
    total,
    weekdays,
    perDay,
    weekendVsWeekday: perDay.weekday > 0 ? (perDay.weekend - perDay.weekday) / perDay.weekday : null,
    busiest,
    quietest,
    chiSquare: fit ? { statistic: fit.statistic, df: fit.df, p: fit.p, cohensW: fit.cohensW } : null,
  };
}
