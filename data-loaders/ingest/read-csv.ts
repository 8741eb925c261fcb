// Read a Kaggle CSV into DuckDB with an explicit schema. Records DuckDB cannot parse (wrong number
// of fields, a value of the wrong type, a bad date, broken quoting, bytes that are not UTF-8) are
// set aside with their line and reason instead of failing the whole read: one row per record,
// however many errors DuckDB reports for it (a stray quote can report one per field).
//
// Every row read gets `_line`, its CSV record number (header = line 1; a record whose quoted text
// spans several lines counts once), so a row removed later by a cleaning rule is found in the file.
import type { Session } from "../duckdb/session.js";
import type { CsvSchema } from "./schema.js";

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface CsvLoad {
  /** Data records in the file: parsed + unparsable. */
  rowsIn: number;
  parsed: number;
  /** Records set aside as unparsable (rule `unparsable_row`). */
  unparsable: number;
}

/**
 * The `read_csv(…)` call the ingest reads a file with: explicit schema, strict quoting, records it
 * cannot parse stored in `<name>_csv_errors` instead of failing the read. Exported so the ingest
 * benchmark's baseline (tests/bench/ingest-baseline.ts) reads the files exactly the same way.
 */
export function readCsvCall(path: string, schema: CsvSchema, name: string): string {
  const columns = `{${schema.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(", ")}}`;
  return `read_csv(${sqlString(path)},
      header = true, auto_detect = false, columns = ${columns},
      delim = ',', quote = '"', escape = '"', dateformat = '%Y-%m-%d',
      max_line_size = 20000000, strict_mode = true,
      store_rejects = true, rejects_scan = '${name}_csv_scan', rejects_table = '${name}_csv_errors')`;
}

/**
 * Creates `<name>_read` (rows as read), `<name>_unparsable` (line, column_name, detail, raw) and
 * the view `<name>_lines` (rows as read, with `_line` and `_row`, the rowid in `<name>_read`).
 */
export async function loadCsv(
  session: Session,
  path: string,
  schema: CsvSchema,
  name: string,
): Promise<CsvLoad> {
  // DuckDB keeps the file's order in the table (insertion order is preserved), so rowid is the
  // row's rank among the parsed records.
  await session.run(`CREATE TABLE ${name}_read AS SELECT * FROM ${readCsvCall(path, schema, name)}`);
  await session.run(`
    CREATE TABLE ${name}_unparsable AS
    SELECT line::INTEGER AS line,
           arg_min(column_name, column_idx) AS column_name,
           arg_min(error_message, column_idx)
             || CASE WHEN count(*) > 1 THEN ' (and ' || (count(*) - 1) || ' more error(s) in this record)' ELSE '' END
             AS detail,
           arg_min(csv_line, column_idx) AS raw
    FROM ${name}_csv_errors GROUP BY line`);
  const [{ parsed }] = await session.query<{ parsed: number }>(
    `SELECT count(*)::INTEGER AS parsed FROM ${name}_read`,
  );
  const [{ unparsable }] = await session.query<{ unparsable: number }>(
    `SELECT count(*)::INTEGER AS unparsable FROM ${name}_unparsable`,
  );
  await createLineView(session, name, unparsable);
  return { rowsIn: parsed + unparsable, parsed, unparsable };
}

/**
 * Parsed row k (0-based) is record k + 2, plus one for each unparsable record before it. With the
 * unparsable records sorted, the i-th (0-based) has `line − 2 − i` parsed rows before it: an ASOF
 * join on that count gives each row how many unparsable records precede it.
 */
async function createLineView(session: Session, name: string, unparsable: number): Promise<void> {
  if (unparsable === 0) {
    await session.run(
      `CREATE VIEW ${name}_lines AS SELECT *, rowid AS _row, (rowid + 2)::INTEGER AS _line FROM ${name}_read`,
    );
    return;
  }
  await session.run(`
    CREATE TABLE ${name}_shift AS
    SELECT p, max(n) AS n FROM (
      SELECT line - 2 - (row_number() OVER (ORDER BY line) - 1) AS p, row_number() OVER (ORDER BY line) AS n
      FROM ${name}_unparsable)
    GROUP BY p;
    CREATE VIEW ${name}_lines AS
    SELECT r.*, r.rowid AS _row, (r.rowid + 2 + coalesce(s.n, 0))::INTEGER AS _line
    FROM ${name}_read r ASOF LEFT JOIN ${name}_shift s ON r.rowid >= s.p;`);
}
