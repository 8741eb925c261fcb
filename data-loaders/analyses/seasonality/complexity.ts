// seasonality/complexity: the complexity score, steps and ingredients by season — per year and
// season their sufficient statistics (season means and one ANOVA per measure, Holm-adjusted across
// the three, for any range on the page), and per documented period the tie-corrected
// Kruskal–Wallis test of each measure over the raw values, Holm-adjusted across the three.
import { COMPLEXITY_MEASURES, complexityDataSchema } from "../../../src/lib/contracts/seasonality.js";
import { summarizeComplexity } from "../../../src/lib/seasonality/means.js";
import { periodsOf } from "../../../src/lib/periods.js";
import { finite, kruskal } from "../../../src/lib/seasonality/tests.js";
import { holm } from "../../../src/lib/stats/index.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { periodValues, sumsByYear, valuesByYearSeason } from "./_groups.js";

/** Column of each measure in the recipes table. */
export const COLUMNS = { score: "complexity_score", steps: "n_steps", ingredients: "n_ingredients" } as const;

export const complexity = defineAnalysis({
  description:
    "Complexity score, steps and ingredients by season: per-year sums, means and ANOVAs (Holm); Kruskal–Wallis per documented period (Holm)",
  schema: complexityDataSchema,
  async run({ session }) {
    const perYear = (await sumsByYear(session, COLUMNS)).map((r) => ({ year: r.year, measures: r.groups }));
    const values = Object.fromEntries(
      await Promise.all(
        COMPLEXITY_MEASURES.map(async (m) => [m, await valuesByYearSeason(session, COLUMNS[m])]),
      ),
    );
    const periods = periodsOf(perYear.map((r) => r.year)).flatMap((period) => {
      const groups = Object.fromEntries(COMPLEXITY_MEASURES.map((m) => [m, periodValues(values[m], period)]));
      if (!COMPLEXITY_MEASURES.every((m) => groups[m].every((g: number[]) => g.length > 0))) return [];
      const tests = Object.fromEntries(COMPLEXITY_MEASURES.map((m) => [m, kruskal(groups[m])])) as Record<
        (typeof COMPLEXITY_MEASURES)[number],
        ReturnType<typeof kruskal>
      >;
      const adjusted = holm(COMPLEXITY_MEASURES.map((m) => tests[m].p ?? NaN));
      return [
        {
          ...period,
          kruskal: tests,
          holm: {
            score: finite(adjusted[0]),
            steps: finite(adjusted[1]),
            ingredients: finite(adjusted[2]),
          },
        },
      ];
    });
    return { perYear, periods, fullSpan: summarizeComplexity(perYear, fullRange(perYear)) };
  },
});

export default complexity;
