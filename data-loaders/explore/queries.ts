// "Open in Explore": the SQL each analysis ran, exactly as it ran. While the build computes a page's
// data, each analysis gets a session that records every `query`/`run` call (the statement with its
// named `$parameters` replaced by SQL literals, so the notebook is plain SQL), then each recorded
// statement is checked against the browser tables (query-check.ts). The result is one small file
// per page data, `explore/queries/<page>.json` (src/lib/explore/analysis-queries.ts), written next
// to the page data in the build's data cache: page data files do not grow, and nothing is computed
// twice.
import { AnalysisError } from "../errors.js";
import type { Params, Session } from "../duckdb/session.js";
import type { Analysis } from "../analyses/types.js";
import type { AnalysisQueries, Blocker, PageQueries } from "../../src/lib/explore/analysis-queries.js";
import { NOT_RUNNABLE } from "../../src/lib/explore/not-runnable.js";
import type { QueryChecker } from "./query-check.js";

/** Where the queries file of a page lives, in a Framework data cache and in src/ (its loader). */
export const queriesFile = (page: string) => `explore/queries/${page}.json`;

/** A parameter as an SQL literal of the type DuckDB's node binding gives it (typeForValue). */
export function sqlLiteral(value: Params[string]): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (!Number.isFinite(value)) return `'${value > 0 ? "Infinity" : value < 0 ? "-Infinity" : "NaN"}'::DOUBLE`;
  if (Number.isInteger(value)) {
    // A bound integer is INTEGER when it fits, BIGINT otherwise; a bare literal types the same way
    // except beyond INTEGER, where the cast keeps it BIGINT.
    return Math.abs(value) <= 2_147_483_647 ? String(value) : `${value}::BIGINT`;
  }
  // A bound fraction is DOUBLE; a bare `0.5` would be DECIMAL and change the arithmetic.
  return `${value}::DOUBLE`;
}

/**
 * Replace each `$name` of `sql` by the literal of `params[name]`. Quoted strings, quoted
 * identifiers and comments are left alone; a `$name` with no value is an error (DuckDB would
 * refuse the statement too).
 */
export function inlineParams(sql: string, params: Params = {}): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      end = sql.indexOf(c, i + 1);
      // '' (or "") inside a quoted run is an escaped quote: keep scanning.
      while (end >= 0 && sql[end + 1] === c) end = sql.indexOf(c, end + 2);
      end = end < 0 ? sql.length : end + 1;
    } else if (c === "-" && next === "-") {
      end = sql.indexOf("\n", i);
      end = end < 0 ? sql.length : end;
    } else if (c === "/" && next === "*") {
      end = sql.indexOf("*/", i + 2);
      end = end < 0 ? sql.length : end + 2;
    } else if (c === "$" && /[A-Za-z_]/.test(next ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      if (!Object.hasOwn(params, name)) {
        throw new AnalysisError(`The query uses $${name} but no value was given for it.`, {
          hint: `Pass it in session.query(sql, { ${name}: … }).`,
        });
      }
      out += sqlLiteral(params[name]);
      i += 1 + name.length;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}

/** Strip the common indentation and the blank edges of a statement, and a trailing semicolon. */
export function tidySql(sql: string): string {
  const lines = sql.replace(/;\s*$/, "").split(/\r?\n/);
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut).trimEnd()).join("\n");
}

/** Records the statements run through the sessions it hands out, per analysis, in order. */
export interface QueryRecorder {
  /** A session that runs on the real one and records each statement under `analysis`. */
  sessionFor(analysis: string): Session;
  /** The statements of each analysis (params inlined, tidied), in the order they ran. */
  recorded(analysis: string): string[];
}

export function createRecorder(session: Session): QueryRecorder {
  const byAnalysis = new Map<string, string[]>();
  const note = (analysis: string, sql: string, params?: Params) => {
    const list = byAnalysis.get(analysis) ?? [];
    list.push(tidySql(inlineParams(sql, params)));
    byAnalysis.set(analysis, list);
  };
  return {
    sessionFor(analysis) {
      byAnalysis.set(analysis, byAnalysis.get(analysis) ?? []);
      return {
        tables: session.tables,
        async query<T>(sql: string, params?: Params) {
          note(analysis, sql, params);
          return session.query<T>(sql, params);
        },
        async run(sql: string, params?: Params) {
          note(analysis, sql, params);
          return session.run(sql, params);
        },
        // The page's session is closed by whoever opened it, not by one analysis.
        close() {},
      };
    },
    recorded: (analysis) => byAnalysis.get(analysis) ?? [],
  };
}

/** The queries file of a page: every analysis's statements, each checked against the browser tables. */
export async function pageQueries(
  page: string,
  analyses: readonly Pick<Analysis, "name">[],
  recorder: QueryRecorder,
  checker: QueryChecker,
): Promise<PageQueries> {
  const result: PageQueries = { page, analyses: {} };
  for (const { name } of analyses) {
    const queries = [];
    for (const sql of recorder.recorded(name)) queries.push({ sql, ...(await checker.check(sql)) });
    const blocked = queries.find((q) => !q.runnable);
    const entry: AnalysisQueries = { analysis: name, queries, runnable: queries.length > 0 && !blocked };
    if (queries.length === 0) entry.blocker = { kind: "none" };
    else if (blocked) entry.blocker = mergeBlockers(queries.map((q) => q.blocker));
    result.analyses[name.slice(name.indexOf("/") + 1)] = entry;
  }
  return result;
}

/** One blocker for an analysis: the first kind found, with the details of every query of that kind. */
function mergeBlockers(blockers: (AnalysisQueries["blocker"] | undefined)[]): AnalysisQueries["blocker"] {
  const found = blockers.filter((b) => b !== undefined);
  const first = found[0];
  if (!first || first.kind === "none" || first.kind === "error") return first;
  const details = new Set<string>();
  for (const b of found)
    if (b.kind === first.kind && "detail" in b) for (const d of b.detail.split(", ")) details.add(d);
  return { kind: first.kind, detail: [...details].join(", ") };
}

/** Every analysis that cannot be opened in Explore, with why, from the queries files of all pages. */
export function notRunnable(pages: readonly PageQueries[]): Record<string, Blocker> {
  const map: Record<string, Blocker> = {};
  for (const page of pages)
    for (const entry of Object.values(page.analyses)) if (entry.blocker) map[entry.analysis] = entry.blocker;
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The cards read which analyses cannot be opened from src/lib/explore/not-runnable.ts (so a page
 * needs no extra request to know). The build compares it with what it just recorded and stops when
 * they differ, printing the list to put there.
 */
export function checkNotRunnable(
  pages: readonly PageQueries[],
  committed: Readonly<Record<string, Blocker>> = NOT_RUNNABLE,
): void {
  const found = notRunnable(pages);
  const sorted = Object.fromEntries(Object.entries(committed).sort(([a], [b]) => a.localeCompare(b)));
  if (JSON.stringify(found) === JSON.stringify(sorted)) return;
  const changed = [...new Set([...Object.keys(found), ...Object.keys(committed)])]
    .filter((name) => JSON.stringify(found[name]) !== JSON.stringify(committed[name]))
    .map((name) => `${name}: ${found[name] ? describeBlocker(found[name]) : "runnable now"}`);
  throw new AnalysisError(
    `Which analyses can be opened in Explore changed (${changed.join("; ")}), and src/lib/explore/not-runnable.ts does not say so.`,
    {
      hint: `Set NOT_RUNNABLE in src/lib/explore/not-runnable.ts to ${JSON.stringify(found, null, 2)} — or keep the analysis's SQL within the browser tables (src/lib/explore/tables.ts; docs/explore.md).`,
    },
  );
}

export function describeBlocker(blocker: Blocker): string {
  switch (blocker.kind) {
    case "columns":
      return `needs ${blocker.detail}, not in the browser tables`;
    case "functions":
      return `uses ${blocker.detail}, which the browser's DuckDB lacks`;
    case "none":
      return "runs no SQL";
    case "error":
      return blocker.detail;
  }
}
