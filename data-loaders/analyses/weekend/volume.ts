// weekend/volume: recipes submitted on each weekday (ISO 1 = Monday … 7 = Sunday) per year, and the
// full-span counts, shares, deviations from the 7-day mean, recipes per day of each group and the
// chi-square goodness of fit against equal shares (src/lib/weekend/volume.ts).
import { volumeDataSchema, type VolumeYear } from "../../../src/lib/contracts/weekend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { summarizeVolume } from "../../../src/lib/weekend/volume.js";
import { WEEKDAYS } from "../../../src/lib/weekend/keys.js";
import { defineAnalysis } from "../types.js";

// Every weekday is a column, so a year with no recipe on some day still lists it (0).
export const VOLUME_SQL = /* sql */ `
  SELECT year::INTEGER AS year,
         [${WEEKDAYS.map((d) => `count(*) FILTER (WHERE weekday = ${d})::INTEGER`).join(", ")}] AS counts
  FROM recipes
  GROUP BY year
  ORDER BY year`;

export default defineAnalysis({
  description:
    "Recipes per weekday and year; full-span counts, shares, deviation from the 7-day mean, per-day averages and chi-square against equal shares",
  schema: volumeDataSchema,
  async run({ session }) {
    const perYear = await session.query<VolumeYear>(VOLUME_SQL);
    return { perYear, fullSpan: summarizeVolume(perYear, fullRange(perYear)) };
  },
});
