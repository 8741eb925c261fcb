// overview/recipesPerYear and overview/interactionsPerYear: rows per calendar year, every year
// from the first to the last observed one. A year without rows inside that span counts 0 (a band
// axis would otherwise drop it silently); no year outside it is ever added, so the series spans
// exactly the kept rows (dates outside the ingest's window were set aside, see docs/data.md).
import { perYearSchema } from "../../../src/lib/contracts/overview.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis } from "../types.js";

/** The same convention as trends/volume: the span of the table's years, gaps filled with 0. */
export const perYearSql = (table: "recipes" | "interactions") => /* sql */ `
  WITH counts AS (SELECT year, count(*) AS n FROM ${table} GROUP BY year),
  years AS (SELECT unnest(range(min(year), max(year) + 1)) AS year FROM counts)
  SELECT y.year::INTEGER AS year, coalesce(c.n, 0)::INTEGER AS n
  FROM years y LEFT JOIN counts c USING (year)
  ORDER BY year`;

const perYear = (session: Session, table: "recipes" | "interactions") =>
  session.query<{ year: number; n: number }>(perYearSql(table));

export const recipesPerYear = defineAnalysis({
  name: "overview/recipesPerYear",
  description: "Kept recipes per year of submission, every year of their span (0 for a year without any)",
  schema: perYearSchema,
  run: ({ session }) => perYear(session, "recipes"),
});

export const interactionsPerYear = defineAnalysis({
  name: "overview/interactionsPerYear",
  description: "Kept interactions (reviews and ratings) per year, every year of their span",
  schema: perYearSchema,
  run: ({ session }) => perYear(session, "interactions"),
});
