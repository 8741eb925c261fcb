// weekend/duration: preparation time (minutes) weekday vs weekend — per-year n, Σ and Σ² of each
// group (for Welch's t over any range), box summaries and Mann–Whitney U for the full span and
// each decade, and the full-span comparison (src/lib/weekend/measures.ts).
import { durationDataSchema } from "../../../src/lib/contracts/weekend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { summarizeMeasure } from "../../../src/lib/weekend/measures.js";
import { defineAnalysis } from "../types.js";
import { measureYears, rankPeriods } from "./_measures.js";

export default defineAnalysis({
  description:
    "Preparation time weekday vs weekend: per-year sums, Welch t and Cohen's d; box summaries and Mann–Whitney U for the full span and each decade",
  schema: durationDataSchema,
  async run({ session }) {
    const { minutes: perYear } = await measureYears(session, { minutes: "minutes" });
    const periods = await rankPeriods(session, "minutes");
    return { perYear, periods, fullSpan: summarizeMeasure(perYear, fullRange(perYear)) };
  },
});
