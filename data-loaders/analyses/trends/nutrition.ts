// trends/nutrition: per year and nutrient (calories and the six % daily value columns), the
// number of recipes with a value, the mean and its standard deviation, the median and its standard
// error; and the full-span WLS and headline trends of each nutrient's mean and median.
import {
  NUTRIENTS,
  nutritionDataSchema,
  type Nutrient,
  type NutritionYear,
} from "../../../src/lib/contracts/trends.js";
import { summarizeNutrition } from "../../../src/lib/trends/nutrition.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";
import { medianSeFromSorted, sortedValues } from "./_median-se.js";

/** Column of each nutrient in the recipes table. */
const COLUMNS: Record<Nutrient, string> = {
  calories: "calories",
  totalFat: "total_fat_pct",
  sugar: "sugar_pct",
  sodium: "sodium_pct",
  protein: "protein_pct",
  saturatedFat: "sat_fat_pct",
  carbohydrates: "carb_pct",
};

/** The per-nutrient fields of a year, as the SQL names its columns "<field>_<nutrient>". */
type Field = "count" | "mean" | "sd" | "median" | "medianSE";

// count, avg, stddev_samp, quantile_cont and the sorted list all skip NULL values (negative
// calories are NULL after cleaning): each nutrient uses its own values. Output columns are
// "<field>_<nutrient>" with the contract's nutrient names.
export const NUTRITION_SQL = /* sql */ `
  WITH years AS (
    SELECT year, count(*) AS n,
           ${NUTRIENTS.map((k) => {
             const c = COLUMNS[k];
             return `count(${c}) AS "count_${k}", avg(${c}) AS "mean_${k}", stddev_samp(${c}) AS "sd_${k}",
           quantile_cont(${c}, 0.5) AS "median_${k}", ${sortedValues(c)} AS "xs_${k}"`;
           }).join(",\n           ")}
    FROM recipes
    GROUP BY year)
  SELECT year::INTEGER AS year, n::INTEGER AS n,
         ${NUTRIENTS.map(
           (k) => `"count_${k}"::INTEGER AS "count_${k}", "mean_${k}"::DOUBLE AS "mean_${k}",
         "sd_${k}"::DOUBLE AS "sd_${k}", "median_${k}"::DOUBLE AS "median_${k}",
         ${medianSeFromSorted(`"xs_${k}"`)} AS "medianSE_${k}"`,
         ).join(",\n         ")}
  FROM years
  ORDER BY year`;

type Row = { year: number; n: number } & Record<`${Field}_${Nutrient}`, number | null>;

/** One field of every nutrient, as the contract's per-nutrient object. */
const pick = <F extends Field>(row: Row, field: F) =>
  Object.fromEntries(NUTRIENTS.map((k) => [k, row[`${field}_${k}`]])) as Record<
    Nutrient,
    F extends "count" ? number : number | null
  >;

export const toYear = (row: Row): NutritionYear => ({
  year: row.year,
  n: row.n,
  count: pick(row, "count"),
  mean: pick(row, "mean"),
  sd: pick(row, "sd"),
  median: pick(row, "median"),
  medianSE: pick(row, "medianSE"),
});

export const nutrition = defineAnalysis({
  description:
    "Calories and the six %DV values per year (values, mean, sd, median and its SE) and their WLS and headline trends",
  schema: nutritionDataSchema,
  async run({ session }) {
    const perYear = (await session.query<Row>(NUTRITION_SQL)).map(toYear);
    return { perYear, fullSpan: summarizeNutrition(perYear, fullRange(perYear)) };
  },
});

export default nutrition;
