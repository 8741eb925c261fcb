// Can a recorded analysis query run in the reader's browser? The browser tables have fewer columns
// than the snapshot's Parquet (src/lib/explore/tables.ts) and the browser's DuckDB has no Parquet or
// JSON extension and no network. So each statement is first scanned for what the browser lacks,
// then bound (prepared, never run) in a DuckDB holding empty tables with exactly the browser
// columns and types. A statement that does not bind because it names a left-out column is bound
// again with the columns it names added (inside a rolled-back transaction), to list every column
// it needs — `recipes.tags, recipes.steps` — not just the first DuckDB complains about.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { EXPLORE_TABLES, type ExploreTable } from "../../src/lib/explore/tables.js";
import type { Blocker } from "../../src/lib/explore/analysis-queries.js";
import type { Session } from "../duckdb/session.js";

export interface QueryCheck {
  runnable: boolean;
  blocker?: Blocker;
}

export interface QueryChecker {
  check(sql: string): Promise<QueryCheck>;
  close(): void;
}

/** A table as the snapshot has it (all its columns), to know what a left-out column is. */
export type FullTable = ExploreTable;

/** Functions of DuckDB's parquet and json extensions, and the readers of remote or local files. */
const UNSUPPORTED_CALL =
  /\b(read_parquet|parquet_scan|parquet_metadata|parquet_file_metadata|parquet_kv_metadata|parquet_schema|read_json\w*|read_ndjson\w*|json_\w+|to_json|from_json\w*|json|read_blob|read_text|glob)\s*\(/gi;
/** Casts to the JSON type, loading extensions, and files read from a URL (httpfs). */
const UNSUPPORTED_WORD = /(::\s*json\b|\b(?:install|load)\s+\w+|'(?:https?|s3|gcs|r2|hf):\/\/)/gi;

/** Quoted strings, quoted identifiers and comments blanked out, so only code is scanned. */
const codeOnly = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/"(?:[^"]|"")*"/g, '""');

/** What in `sql` the browser's DuckDB cannot do, e.g. ["read_parquet"]; empty when nothing. */
export function unsupportedFeatures(sql: string): string[] {
  const code = codeOnly(sql);
  const found = new Set<string>();
  for (const m of code.replace(/'(?:[^']|'')*'/g, "''").matchAll(UNSUPPORTED_CALL))
    found.add(m[1].toLowerCase());
  for (const m of code.matchAll(UNSUPPORTED_WORD)) {
    const word = m[1].toLowerCase().replace(/\s+/g, " ");
    found.add(word.startsWith("'") ? `${word.slice(1)}… (a remote file)` : word.replace(/^::\s*/, "::"));
  }
  return [...found];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const createTable = (table: ExploreTable) =>
  `CREATE TABLE ${quoteIdent(table.name)} (${table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ")})`;

/** The tables and columns of a session (views over the snapshot's Parquet), for the checker. */
export async function sessionTables(session: Session): Promise<FullTable[]> {
  const rows = await session.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, FullTable>();
  for (const r of rows) {
    const table = tables.get(r.table_name) ?? { name: r.table_name, columns: [] };
    (table.columns as { name: string; type: string }[]).push({ name: r.column_name, type: r.data_type });
    tables.set(r.table_name, table);
  }
  return [...tables.values()];
}

/** The column (or table) a binder error says is missing, if that is what it says. */
function missingName(message: string): { column: string } | { table: string } | undefined {
  const column =
    /Referenced column "([^"]+)" not found/.exec(message) ??
    /does not have a column named "([^"]+)"/.exec(message) ??
    /column "([^"]+)" (?:does not exist|not found)/i.exec(message);
  if (column) return { column: column[1] };
  const table = /Table with name "?([^"\s]+?)"? does not exist/.exec(message);
  return table ? { table: table[1] } : undefined;
}

const firstLine = (message: string) => message.split("\n")[0].trim();

/**
 * A checker over the browser tables (`browser`, default EXPLORE_TABLES), knowing the full tables of
 * the snapshot (`full`) so that a left-out column is named with its table.
 */
export async function openQueryChecker(
  full: readonly FullTable[],
  browser: readonly ExploreTable[] = EXPLORE_TABLES,
): Promise<QueryChecker> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  for (const table of browser) await connection.run(createTable(table));
  const known = new Map(browser.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));

  /** Bind `sql`; the binder's message when it does not bind. */
  const bind = async (c: DuckDBConnection, sql: string) => {
    try {
      await c.prepare(sql);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  /** Names of the left-out columns/tables the statement needs, or the error that is something else. */
  async function needs(sql: string, first: string): Promise<{ needed: string[] } | { error: string }> {
    const added: { label: string; undo?: string; redo: string }[] = [];
    await connection.run("BEGIN TRANSACTION");
    try {
      let message: string | undefined = first;
      for (let round = 0; message && round < 32; round++) {
        const missing = missingName(message);
        if (!missing) return { error: firstLine(message) };
        const before = added.length;
        if ("table" in missing) {
          const table = full.find((t) => t.name === missing.table);
          if (table && !known.has(table.name)) {
            const redo = createTable(table);
            await connection.run(redo);
            added.push({ label: table.name, redo });
          }
        } else {
          // Every browser table that lacks the column while the snapshot's table has it.
          for (const table of full) {
            const columns = known.get(table.name);
            const column = table.columns.find((c) => c.name === missing.column);
            if (!columns || !column || columns.has(column.name)) continue;
            if (added.some((a) => a.label === `${table.name}.${column.name}`)) continue;
            const redo = `ALTER TABLE ${quoteIdent(table.name)} ADD COLUMN ${quoteIdent(column.name)} ${column.type}`;
            await connection.run(redo);
            added.push({ label: `${table.name}.${column.name}`, redo });
          }
        }
        if (added.length === before) return { error: firstLine(message) };
        message = await bind(connection, sql);
      }
      if (message) return { error: firstLine(message) };
    } finally {
      await connection.run("ROLLBACK");
    }
    // Keep only what the statement really needs: one added column at a time, left out again.
    if (added.length === 1) return { needed: [added[0].label] };
    const needed: string[] = [];
    for (const candidate of added) {
      await connection.run("BEGIN TRANSACTION");
      try {
        for (const other of added) if (other !== candidate) await connection.run(other.redo);
        if ((await bind(connection, sql)) !== undefined) needed.push(candidate.label);
      } finally {
        await connection.run("ROLLBACK");
      }
    }
    return { needed: needed.length ? needed : added.map((a) => a.label) };
  }

  return {
    async check(sql) {
      const unsupported = unsupportedFeatures(sql);
      if (unsupported.length)
        return { runnable: false, blocker: { kind: "functions", detail: unsupported.join(", ") } };
      const message = await bind(connection, sql);
      if (message === undefined) return { runnable: true };
      const found = await needs(sql, message);
      return "error" in found
        ? { runnable: false, blocker: { kind: "error", detail: found.error } }
        : { runnable: false, blocker: { kind: "columns", detail: found.needed.join(", ") } };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
