// seasonality/volume: recipes per year and season (winter = Jan, Feb and Dec of the calendar year,
// as the ingest's `season` column), calendar days per year and season between the data's first and
// last submission dates, and the full-span counts, shares, deviations and chi-square tests
// (equal shares; calendar-day shares) from src/lib/seasonality/volume.ts.
import { SEASONS } from "../../../src/lib/calendar.js";
import { volumeDataSchema, type VolumeYear } from "../../../src/lib/contracts/seasonality.js";
import { summarizeVolume } from "../../../src/lib/seasonality/volume.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { SEASON_INDEX } from "./_groups.js";

const seasonOfMonth = (month: string) =>
  `(CASE WHEN ${month} IN (12, 1, 2) THEN 0 WHEN ${month} IN (3, 4, 5) THEN 1 WHEN ${month} IN (6, 7, 8) THEN 2 ELSE 3 END)`;

// Every year from the first to the last with data (a year without recipes counts 0); the days of a
// season count the dates of the span in it, so partial first and last years expect fewer recipes.
export const VOLUME_SQL = /* sql */ `
  WITH span AS (SELECT min(submitted)::DATE AS first, max(submitted)::DATE AS last FROM recipes),
  dates AS (SELECT unnest(generate_series(first, last, INTERVAL 1 DAY))::DATE AS d FROM span),
  days AS (SELECT year(d) AS year, ${seasonOfMonth("month(d)")} AS i, count(*) AS days FROM dates GROUP BY ALL),
  counts AS (SELECT year, ${SEASON_INDEX} AS i, count(*) AS n FROM recipes GROUP BY ALL),
  grid AS (
    SELECT y.year, s.i
    FROM (SELECT unnest(range(year(first), year(last) + 1)) AS year FROM span) y
    CROSS JOIN range(${SEASONS.length}) s(i))
  SELECT g.year::INTEGER AS year,
         list(coalesce(c.n, 0)::INTEGER ORDER BY g.i) AS n,
         list(coalesce(d.days, 0)::INTEGER ORDER BY g.i) AS days
  FROM grid g
  LEFT JOIN counts c USING (year, i)
  LEFT JOIN days d USING (year, i)
  GROUP BY g.year
  ORDER BY g.year`;

export const volume = defineAnalysis({
  description:
    "Recipes per season: per-year counts and calendar days, full-span shares, deviations and chi-square tests (equal and calendar shares)",
  schema: volumeDataSchema,
  async run({ session }) {
    const perYear = await session.query<VolumeYear>(VOLUME_SQL);
    return { perYear, fullSpan: summarizeVolume(perYear, fullRange(perYear)) };
  },
});

export default volume;
