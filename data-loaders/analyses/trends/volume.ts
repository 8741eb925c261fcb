// trends/volume: recipes submitted per year, every year of the span (a year without recipes
// counts 0), and the full-span KPIs, distribution, concentration and headline trend of the counts.
import { volumeDataSchema, type YearCount } from "../../../src/lib/contracts/trends.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { summarizeVolume } from "../../../src/lib/trends/volume.js";
import { defineAnalysis } from "../types.js";

export const VOLUME_SQL = /* sql */ `
  WITH span AS (SELECT min(year) AS first, max(year) AS last FROM recipes),
  years AS (SELECT unnest(range(first, last + 1)) AS year FROM span),
  counts AS (SELECT year, count(*) AS n FROM recipes GROUP BY year)
  SELECT y.year::INTEGER AS year, coalesce(c.n, 0)::INTEGER AS n
  FROM years y LEFT JOIN counts c USING (year)
  ORDER BY year`;

export const volume = defineAnalysis({
  description:
    "Recipes per year; KPIs, distribution, concentration (busiest years, Gini) and headline trend of the counts",
  schema: volumeDataSchema,
  async run({ session }) {
    const perYear = await session.query<YearCount>(VOLUME_SQL);
    return { perYear, fullSpan: summarizeVolume(perYear, fullRange(perYear)) };
  },
});

export default volume;
