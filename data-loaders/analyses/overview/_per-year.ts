// Rows per calendar year, every year from the first to the last observed one (recipes-per-year.ts,
// interactions-per-year.ts). A year without rows inside that span counts 0 (a band axis would
// otherwise drop it silently); no year outside it is ever added, so the series spans exactly the
// kept rows (dates outside the ingest's window were set aside, see docs/data.md).
import type { Session } from "../../duckdb/session.js";

/** The same convention as trends/volume: the span of the table's years, gaps filled with 0. */
export const perYearSql = (table: "recipes" | "interactions") => /* sql */ `
  WITH counts AS (SELECT year, count(*) AS n FROM ${table} GROUP BY year),
  years AS (SELECT unnest(range(min(year), max(year) + 1)) AS year FROM counts)
  SELECT y.year::INTEGER AS year, coalesce(c.n, 0)::INTEGER AS n
  FROM years y LEFT JOIN counts c USING (year)
  ORDER BY year`;

export const perYear = (session: Session, table: "recipes" | "interactions") =>
  session.query<{ year: number; n: number }>(perYearSql(table));
