// rejects.parquet: every source row the ingest set aside, one row each, with its reason — the
// unparsable records as DuckDB met them (raw = the CSV text) and the rows a cleaning rule removed
// (raw = the row's fields as a JSON object). Its row count is the sum of the report's removals.
import type { Session } from "../duckdb/session.js";
import { sqlString } from "./read-csv.js";

export interface RejectSource {
  table: "recipes" | "interactions";
  /** Name of the file the rows came from, as given to the ingest. */
  file: string;
}

/**
 * Reads `<table>_unparsable` and `<table>_rejects` of each source; writes the Parquet file at
 * `path` with the columns table, rule, source_file, source_line, column_name, detail, raw.
 */
export async function writeRejects(session: Session, path: string, sources: RejectSource[]): Promise<number> {
  const parts = sources.flatMap(({ table, file }) => [
    `SELECT '${table}' AS "table", 'unparsable_row' AS rule, ${sqlString(file)} AS source_file,
            line AS source_line, column_name, detail, raw FROM ${table}_unparsable`,
    `SELECT '${table}', rule, ${sqlString(file)}, line, column_name, detail, raw FROM ${table}_rejects`,
  ]);
  await session.run(`
    COPY (
      SELECT "table"::VARCHAR AS "table", rule::VARCHAR AS rule, source_file::VARCHAR AS source_file,
             source_line::INTEGER AS source_line, column_name::VARCHAR AS column_name,
             detail::VARCHAR AS detail, raw::VARCHAR AS raw
      FROM (${parts.join("\nUNION ALL\n")})
      ORDER BY "table" DESC, source_line
    ) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
  const [{ n }] = await session.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(path)})`,
  );
  return n;
}
