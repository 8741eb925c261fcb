// overview/interactionsPerYear: kept interactions per year (_per-year.ts).
import { perYearSchema } from "../../../src/lib/contracts/overview.js";
import { defineAnalysis } from "../types.js";
import { perYear } from "./_per-year.js";

export const interactionsPerYear = defineAnalysis({
  description: "Kept interactions (reviews and ratings) per year, every year of their span",
  schema: perYearSchema,
  run: ({ session }) => perYear(session, "interactions"),
});

export default interactionsPerYear;
