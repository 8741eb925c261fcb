// trends/duration: preparation time per year — recipes, mean, standard deviation, median and its
// standard error, the quantiles behind the dispersion bands — the recipes per minute value (so any
// group of years has exact pooled quantiles), and the full-span WLS and headline trends.
import {
  durationDataSchema,
  type DurationYear,
  type MinutesHistogram,
} from "../../../src/lib/contracts/trends.js";
import { summarizeDuration } from "../../../src/lib/trends/duration.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { medianSeFromSorted, sortedValues } from "./_median-se.js";

/** Quantile levels of the dispersion bands (Q5–Q95, Q10–Q90, Q25–Q75, Q33–Q66), in SQL order. */
const LEVELS = [0.05, 0.1, 0.25, 0.33, 0.66, 0.75, 0.9, 0.95] as const;

// quantile_cont interpolates linearly between order statistics (numpy's default, type 7);
// stddev_samp (n − 1) is NULL for a year of one recipe; the sorted minutes give the median's
// standard error (median-se.ts).
export const DURATION_SQL = /* sql */ `
  WITH years AS (
    SELECT year,
           count(*) AS n,
           avg(minutes) AS mean,
           stddev_samp(minutes) AS sd,
           quantile_cont(minutes, 0.5) AS median,
           quantile_cont(minutes, [${LEVELS.join(", ")}]) AS q,
           ${sortedValues("minutes")} AS xs
    FROM recipes
    GROUP BY year)
  SELECT year::INTEGER AS year,
         n::INTEGER AS n,
         mean::DOUBLE AS mean,
         sd::DOUBLE AS sd,
         median::DOUBLE AS median,
         ${medianSeFromSorted("xs")} AS "medianSE",
         q::DOUBLE[] AS q
  FROM years
  ORDER BY year`;

/** Recipes per (year, minute value): the histogram behind exact pooled quantiles. */
export const MINUTES_HISTOGRAM_SQL = /* sql */ `
  SELECT year::INTEGER AS year, minutes::DOUBLE AS minutes, count(*)::INTEGER AS n
  FROM recipes
  GROUP BY year, minutes
  ORDER BY year, minutes`;

interface Row {
  year: number;
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  medianSE: number | null;
  q: number[];
}

const toYear = ({ q, ...row }: Row): DurationYear => {
  const [q05, q10, q25, q33, q66, q75, q90, q95] = q;
  return { ...row, q05, q10, q25, q33, q66, q75, q90, q95 };
};

/** The (year, minutes, n) rows as columns aligned on the years of `perYear` and the sorted minute values. */
export function toHistogram(
  perYear: readonly { year: number }[],
  rows: readonly { year: number; minutes: number; n: number }[],
): MinutesHistogram {
  const minutes = [...new Set(rows.map((r) => r.minutes))].sort((a, b) => a - b);
  const column = new Map(minutes.map((m, v) => [m, v]));
  const line = new Map(perYear.map((r, j) => [r.year, j]));
  const counts = perYear.map(() => minutes.map(() => 0));
  for (const r of rows) counts[line.get(r.year)!][column.get(r.minutes)!] = r.n;
  return { minutes, counts };
}

export const duration = defineAnalysis({
  description:
    "Preparation time per year (n, mean, sd, median and its SE, quantiles), minutes histogram, WLS and headline trends",
  schema: durationDataSchema,
  async run({ session }) {
    const perYear = (await session.query<Row>(DURATION_SQL)).map(toYear);
    const histogram = toHistogram(
      perYear,
      await session.query<{ year: number; minutes: number; n: number }>(MINUTES_HISTOGRAM_SQL),
    );
    return { perYear, histogram, fullSpan: summarizeDuration(perYear, histogram, fullRange(perYear)) };
  },
});

export default duration;
