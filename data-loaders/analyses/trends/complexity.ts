// trends/complexity: per year, the mean and standard deviation of the complexity score, the number
// of steps and the number of ingredients, and their full-span WLS and headline trends.
import { complexityDataSchema, type ComplexityYear } from "../../../src/lib/contracts/trends.js";
import { summarizeComplexity } from "../../../src/lib/trends/complexity.js";
import { fullRange } from "../../../src/lib/trends/range.js";
import { defineAnalysis } from "../types.js";

// stddev_samp (ddof 1, as the original's band) is NULL for a year with a single recipe.
export const COMPLEXITY_SQL = /* sql */ `
  SELECT year::INTEGER AS year,
         count(*)::INTEGER AS n,
         avg(complexity_score)::DOUBLE AS score,
         stddev_samp(complexity_score)::DOUBLE AS "scoreSd",
         avg(n_steps)::DOUBLE AS steps,
         stddev_samp(n_steps)::DOUBLE AS "stepsSd",
         avg(n_ingredients)::DOUBLE AS ingredients,
         stddev_samp(n_ingredients)::DOUBLE AS "ingredientsSd"
  FROM recipes
  GROUP BY year
  ORDER BY year`;

export const complexity = defineAnalysis({
  description:
    "Complexity score, steps and ingredients per year (mean, sd) and their WLS and headline trends",
  schema: complexityDataSchema,
  async run({ session }) {
    const perYear = await session.query<ComplexityYear>(COMPLEXITY_SQL);
    return { perYear, fullSpan: summarizeComplexity(perYear, fullRange(perYear)) };
  },
});

export default complexity;
