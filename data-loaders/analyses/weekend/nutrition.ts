// weekend/nutrition: the seven nutrition values weekday vs weekend — per-year sums of each group
// and the full-span relative differences, Welch tests, Cohen's d and BH-adjusted q-values
// (src/lib/weekend/nutrition.ts).
import { nutritionDataSchema } from "../../../src/lib/contracts/weekend.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import type { Nutrient } from "../../../src/lib/weekend/keys.js";
import { summarizeNutrition } from "../../../src/lib/weekend/nutrition.js";
import { defineAnalysis } from "../types.js";
import { measureYears } from "./_measures.js";

/** Column of each nutrition value in `recipes` (calories in kcal, the others in % of daily value). */
export const NUTRIENT_COLUMNS: Record<Nutrient, string> = {
  calories: "calories",
  totalFat: "total_fat_pct",
  sugar: "sugar_pct",
  sodium: "sodium_pct",
  protein: "protein_pct",
  saturatedFat: "sat_fat_pct",
  carbohydrates: "carb_pct",
};

export default defineAnalysis({
  description:
    "Seven nutrition values weekday vs weekend: per-year sums, relative differences, Welch t with Cohen's d, BH across the seven",
  schema: nutritionDataSchema,
  async run({ session }) {
    const perYear = await measureYears(session, NUTRIENT_COLUMNS);
    return { perYear, fullSpan: summarizeNutrition(perYear, fullRange(perYear.calories)) };
  },
});
