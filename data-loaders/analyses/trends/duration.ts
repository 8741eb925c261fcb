// trends/duration: preparation time per year — recipes, mean, median and the quantiles behind the
// dispersion bands — and the full-span weighted least squares trends of the mean and the median.
import type { DurationData, DurationYear } from "../../../src/lib/contracts/trends.js";
import { summarizeDuration } from "../../../src/lib/trends/duration.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";

/** Quantile levels of the dispersion bands (Q5–Q95, Q10–Q90, Q25–Q75, Q33–Q66), in SQL order. */
const LEVELS = [0.05, 0.1, 0.25, 0.33, 0.66, 0.75, 0.9, 0.95] as const;

// quantile_cont interpolates linearly between order statistics (numpy's default, type 7).
export const DURATION_SQL = /* sql */ `
  SELECT year::INTEGER AS year,
         count(*)::INTEGER AS n,
         avg(minutes)::DOUBLE AS mean,
         quantile_cont(minutes, 0.5)::DOUBLE AS median,
         quantile_cont(minutes, [${LEVELS.join(", ")}])::DOUBLE[] AS q
  FROM recipes
  GROUP BY year
  ORDER BY year`;

interface Row {
  year: number;
  n: number;
  mean: number;
  median: number;
  q: number[];
}

const toYear = ({ q, ...row }: Row): DurationYear => {
  const [q05, q10, q25, q33, q66, q75, q90, q95] = q;
  return { ...row, q05, q10, q25, q33, q66, q75, q90, q95 };
};

export const duration = defineAnalysis<DurationData>({
  name: "trends/duration",
  description: "Preparation time per year (n, mean, median, quantiles) and WLS trends of mean and median",
  async run({ session }) {
    const perYear = (await session.query<Row>(DURATION_SQL)).map(toYear);
    return { perYear, fullSpan: summarizeDuration(perYear, fullRange(perYear)) };
  },
});
