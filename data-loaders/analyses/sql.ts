// SQL files as analyses. `data-loaders/analyses/<page>/<name>.sql` is an analysis on its own: its
// result is the query's rows, as JSON objects of numbers, strings, booleans and nulls (BIGINT as
// number, DATE as an ISO string: see duckdb/session.ts). Its leading `--` comment lines are its
// description. A TypeScript analysis reads its query the same way with `readQuery(import.meta.url)`,
// which loads the `.sql` file next to the module, so every analysis's SQL is one file to open.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AnalysisError } from "../errors.js";
import type { AnalysisDefinition } from "./types.js";

/** One row of a SQL analysis: a flat object of JSON scalars (no NaN or Infinity). */
export const sqlRowSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));
export const sqlRowsSchema = z.array(sqlRowSchema);
export type SqlRow = z.infer<typeof sqlRowSchema>;

/** The query of a file, with a clear error when it is missing or empty. */
export function readSqlFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new AnalysisError(`Cannot read the query ${path}: ${(cause as Error).message}.`, { cause });
  }
  if (!stripComments(text).trim()) {
    throw new AnalysisError(`The query ${path} is empty.`, { hint: "Write one SELECT in it." });
  }
  return text;
}

/** `readQuery(import.meta.url)` → the text of `<module>.sql`; `readQuery(import.meta.url, "x")` → `x.sql` beside it. */
export function readQuery(moduleUrl: string, name?: string): string {
  const modulePath = fileURLToPath(moduleUrl);
  const base = name ?? basename(modulePath).replace(/\.[cm]?[jt]s$/, "");
  return readSqlFile(modulePath.replace(/[^/\\]+$/, `${base}.sql`));
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");

/** The leading `--` comment lines of a query, joined: its description. */
export function sqlDescription(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split(/\r?\n/)) {
    const match = /^\s*--\s?(.*)$/.exec(line);
    if (!match) break;
    lines.push(match[1].trim());
  }
  return lines.join(" ").trim();
}

/** The analysis a `.sql` file defines: its rows. */
export function sqlAnalysis(path: string): AnalysisDefinition<typeof sqlRowsSchema> {
  const sql = readSqlFile(path);
  return {
    description: sqlDescription(sql) || `Rows of ${basename(path)}`,
    schema: sqlRowsSchema,
    run: ({ session }) => session.query<SqlRow>(sql),
  };
}
