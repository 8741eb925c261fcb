// weekend/complexity: complexity score, steps and ingredients weekday vs weekend — for each, the
// per-year sums, box summaries and Mann–Whitney U per period (as weekend/duration), and the
// full-span comparison with the three Welch tests Holm-adjusted (src/lib/weekend/complexity.ts).
import { complexityDataSchema, type MeasureData } from "../../../src/lib/contracts/weekend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { summarizeComplexity } from "../../../src/lib/weekend/complexity.js";
import { COMPLEXITY_MEASURES, type ComplexityMeasure } from "../../../src/lib/weekend/keys.js";
import { defineAnalysis } from "../types.js";
import { measureYears, rankPeriods } from "./_measures.js";

/** Column of each measure in `recipes`. */
export const COMPLEXITY_COLUMNS: Record<ComplexityMeasure, string> = {
  score: "complexity_score",
  steps: "n_steps",
  ingredients: "n_ingredients",
};

export default defineAnalysis({
  description:
    "Complexity score, steps and ingredients weekday vs weekend: per-year sums, Welch t (Holm across the three), box summaries and Mann–Whitney U per period",
  schema: complexityDataSchema,
  async run({ session }) {
    const perYear = await measureYears(session, COMPLEXITY_COLUMNS);
    const measures = {} as Record<ComplexityMeasure, MeasureData>;
    for (const m of COMPLEXITY_MEASURES) {
      measures[m] = { perYear: perYear[m], periods: await rankPeriods(session, COMPLEXITY_COLUMNS[m]) };
    }
    return { measures, fullSpan: summarizeComplexity({ measures }, fullRange(perYear.score)) };
  },
});
