// overview/recipesPerYear: kept recipes per year of submission (_per-year.ts).
import { perYearSchema } from "../../../src/lib/contracts/overview.js";
import { defineAnalysis } from "../types.js";
import { perYear } from "./_per-year.js";

export const recipesPerYear = defineAnalysis({
  description: "Kept recipes per year of submission, every year of their span (0 for a year without any)",
  schema: perYearSchema,
  run: ({ session }) => perYear(session, "recipes"),
});

export default recipesPerYear;
