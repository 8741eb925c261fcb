// Nutrition weekday vs weekend for a range: each of the seven values compared as in measures.ts
// (relative difference of means, Welch's t, Cohen's d), the seven Welch p-values adjusted with
// Benjamini–Hochberg, and a value called significant only when its adjusted q is below ALPHA.
import type { YearRange } from "../contracts/trends.js";
import type { NutrientSummary, NutritionData, NutritionSummary } from "../contracts/weekend.js";
import { benjaminiHochberg } from "../stats/index.js";
import { ALPHA, NUTRIENTS, type Nutrient } from "./keys.js";
import { summarizeMeasure } from "./measures.js";

export function summarizeNutrition(perYear: NutritionData["perYear"], range: YearRange): NutritionSummary {
  const summaries = NUTRIENTS.map((k) => summarizeMeasure(perYear[k], range));
  const q = benjaminiHochberg(summaries.map((s) => s.welch?.p ?? NaN));
  const nutrients = Object.fromEntries(
    NUTRIENTS.map((k, i) => {
      const qi = Number.isNaN(q[i]) ? null : q[i];
      return [k, { ...summaries[i], q: qi, significant: qi !== null && qi < ALPHA }];
    }),
  ) as Record<Nutrient, NutrientSummary>;
  return {
    from: range.from,
    to: range.to,
    nutrients,
    significant: NUTRIENTS.filter((k) => nutrients[k].significant).length,
  };
}
