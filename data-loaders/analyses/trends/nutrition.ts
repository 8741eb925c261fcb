// trends/nutrition: per year, the mean and median of the seven nutrition values (calories and
// six % daily value columns), and the full-span weighted least squares trend of each.
import {
  NUTRIENTS,
  type Nutrient,
  type NutritionData,
  type NutritionYear,
} from "../../../src/lib/contracts/trends.js";
import { summarizeNutrition } from "../../../src/lib/trends/nutrition.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";

// avg and quantile_cont skip NULLs (negative calories are NULL after cleaning). Output columns are
// "<statistic>_<nutrient>" with the contract's nutrient names.
export const NUTRITION_SQL = /* sql */ `
  SELECT year::INTEGER AS year,
         count(*)::INTEGER AS n,
         avg(calories)::DOUBLE                    AS mean_calories,
         avg(total_fat_pct)::DOUBLE               AS mean_totalFat,
         avg(sugar_pct)::DOUBLE                   AS mean_sugar,
         avg(sodium_pct)::DOUBLE                  AS mean_sodium,
         avg(protein_pct)::DOUBLE                 AS mean_protein,
         avg(sat_fat_pct)::DOUBLE                 AS mean_saturatedFat,
         avg(carb_pct)::DOUBLE                    AS mean_carbohydrates,
         quantile_cont(calories, 0.5)::DOUBLE      AS median_calories,
         quantile_cont(total_fat_pct, 0.5)::DOUBLE AS median_totalFat,
         quantile_cont(sugar_pct, 0.5)::DOUBLE     AS median_sugar,
         quantile_cont(sodium_pct, 0.5)::DOUBLE    AS median_sodium,
         quantile_cont(protein_pct, 0.5)::DOUBLE   AS median_protein,
         quantile_cont(sat_fat_pct, 0.5)::DOUBLE   AS median_saturatedFat,
         quantile_cont(carb_pct, 0.5)::DOUBLE      AS median_carbohydrates
  FROM recipes
  GROUP BY year
  ORDER BY year`;

type Row = { year: number; n: number } & Record<`${"mean" | "median"}_${Nutrient}`, number>;

const pick = (row: Row, statistic: "mean" | "median") =>
  Object.fromEntries(NUTRIENTS.map((k) => [k, row[`${statistic}_${k}`]])) as Record<Nutrient, number>;

export const nutrition = defineAnalysis<NutritionData>({
  name: "trends/nutrition",
  description: "Calories and the six %DV nutrition values per year (mean, median) and their WLS trends",
  async run({ session }) {
    const rows = await session.query<Row>(NUTRITION_SQL);
    const perYear: NutritionYear[] = rows.map((r) => ({
      year: r.year,
      n: r.n,
      mean: pick(r, "mean"),
      median: pick(r, "median"),
    }));
    return { perYear, fullSpan: summarizeNutrition(perYear, fullRange(perYear)) };
  },
});
