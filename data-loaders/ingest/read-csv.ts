// Read a Kaggle CSV into a DuckDB table with an explicit schema. Rows DuckDB cannot parse (wrong
// number of fields, a value of the wrong type, a bad date, broken quoting) are kept aside in a
// rejects table with their line number and reason instead of failing the whole read.
import type { Session } from "../duckdb/session.js";
import type { CsvSchema } from "./schema.js";

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface CsvLoad {
  /** Data rows in the file: parsed + rejected. */
  rowsIn: number;
  parsed: number;
  rejected: number;
}

export interface Reject {
  file: string;
  line: number;
  column: string | null;
  error: string;
  reason: string;
}

/** Creates `<table>` (with a `_line` column, the row's order in the file) and `<table>_rejects`. */
export async function loadCsv(
  session: Session,
  path: string,
  schema: CsvSchema,
  table: string,
): Promise<CsvLoad> {
  const columns = `{${schema.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(", ")}}`;
  await session.run(`
    CREATE TABLE ${table} AS
    SELECT *, row_number() OVER () AS _line
    FROM read_csv(${sqlString(path)},
      header = true, auto_detect = false, columns = ${columns},
      delim = ',', quote = '"', escape = '"', dateformat = '%Y-%m-%d',
      max_line_size = 20000000, strict_mode = true,
      store_rejects = true, rejects_scan = '${table}_scan', rejects_table = '${table}_rejects')`);
  const [{ parsed }] = await session.query<{ parsed: number }>(
    `SELECT count(*)::INTEGER AS parsed FROM ${table}`,
  );
  const [{ rejected }] = await session.query<{ rejected: number }>(
    `SELECT count(DISTINCT line)::INTEGER AS rejected FROM ${table}_rejects`,
  );
  return { rowsIn: parsed + rejected, parsed, rejected };
}

export async function listRejects(
  session: Session,
  table: string,
  file: string,
  limit?: number,
): Promise<Reject[]> {
  return session.query<Reject>(
    `SELECT $file AS file, line::INTEGER AS line, column_name AS "column", error_type::VARCHAR AS error,
            error_message AS reason
     FROM ${table}_rejects ORDER BY line ${limit ? `LIMIT ${Math.floor(limit)}` : ""}`,
    { file },
  );
}
