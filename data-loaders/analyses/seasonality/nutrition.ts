// seasonality/nutrition: calories and the six % daily values by season — per year and season the
// sufficient statistics of each value's non-null entries, and the full-span season means, z-scores
// across seasons and ANOVAs, Benjamini–Hochberg-adjusted across the seven (src/lib/seasonality/means.ts).
import { nutritionDataSchema, type Nutrient } from "../../../src/lib/contracts/seasonality.js";
import { summarizeNutrition } from "../../../src/lib/seasonality/means.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { sumsByYear } from "./_groups.js";

/** Column of each nutrient in the recipes table. */
export const COLUMNS: Record<Nutrient, string> = {
  calories: "calories",
  totalFat: "total_fat_pct",
  sugar: "sugar_pct",
  sodium: "sodium_pct",
  protein: "protein_pct",
  saturatedFat: "sat_fat_pct",
  carbohydrates: "carb_pct",
};

export const nutrition = defineAnalysis({
  description:
    "Calories and the six %DV values by season: per-year sums, season means, z-scores and ANOVAs (BH across the seven)",
  schema: nutritionDataSchema,
  async run({ session }) {
    const perYear = (await sumsByYear(session, COLUMNS)).map((r) => ({ year: r.year, nutrients: r.groups }));
    return { perYear, fullSpan: summarizeNutrition(perYear, fullRange(perYear)) };
  },
});

export default nutrition;
