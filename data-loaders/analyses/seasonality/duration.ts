// seasonality/duration: preparation time by season — per year and season the sufficient statistics
// of minutes (the page pools them into season means and an ANOVA for any range), and for each
// documented period (full span, each decade: src/lib/periods.ts) the box-plot summary
// of each season and the tie-corrected Kruskal–Wallis test over the raw minutes.
import { SEASONS } from "../../../src/lib/calendar.js";
import { durationDataSchema } from "../../../src/lib/contracts/seasonality.js";
import { boxSummary } from "../../../src/lib/seasonality/box.js";
import { summarizeDuration } from "../../../src/lib/seasonality/means.js";
import { periodsOf } from "../../../src/lib/periods.js";
import { kruskal } from "../../../src/lib/seasonality/tests.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { periodValues, sumsByYear, valuesByYearSeason } from "./_groups.js";

export const duration = defineAnalysis({
  description:
    "Preparation time by season: per-year sums, season means and ANOVA; box summaries and Kruskal–Wallis per documented period",
  schema: durationDataSchema,
  async run({ session }) {
    const perYear = (await sumsByYear(session, { minutes: "minutes" })).map((r) => ({
      year: r.year,
      seasons: r.groups.minutes,
    }));
    const values = await valuesByYearSeason(session, "minutes");
    const periods = periodsOf(perYear.map((r) => r.year))
      .map((period) => ({ period, groups: periodValues(values, period) }))
      // A period with a season without recipes has no box for it: it is not offered.
      .filter(({ groups }) => groups.every((g) => g.length > 0))
      .map(({ period, groups }) => ({
        ...period,
        boxes: SEASONS.map((s, i) => boxSummary(s, groups[i])),
        kruskal: kruskal(groups),
      }));
    return { perYear, periods, fullSpan: summarizeDuration(perYear, fullRange(perYear)) };
  },
});

export default duration;
