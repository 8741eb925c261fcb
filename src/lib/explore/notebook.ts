// The Explore page's notebook as plain data: cells {id, name, sql} and the pure operations on them
// (add, remove, move, rename, edit), what a cell runs (its SQL materialised as a table named after
// the cell, so later cells can read it), which cells a cell reads, the order "run all" follows,
// and the `.sql` file a notebook exports to and imports from. No DOM, no engine: the page and the
// tests share it. Every operation returns a new notebook; a bad name or file is a NotebookError
// with a code the page translates (explore.errors.<code>) and an English message for logs/tests.
import { EXPLORE_TABLE_NAMES } from "./tables.js";

export interface Cell {
  /** Stable within a page session; not part of a shared link or an export. */
  id: string;
  /** A SQL identifier: the cell's result is the table of that name. */
  name: string;
  sql: string;
}

export interface Notebook {
  cells: Cell[];
}

export type NotebookErrorCode =
  | "nameEmpty"
  | "nameSyntax"
  | "nameTooLong"
  | "nameReserved"
  | "nameTable"
  | "nameTaken"
  | "sqlEmpty"
  | "sqlMany"
  | "sqlUnclosed"
  | "importEmpty"
  | "importName"
  | "tooManyCells";

export class NotebookError extends Error {
  readonly code: NotebookErrorCode;
  /** The values the page's message needs ({name}, {line}, {max}…). */
  readonly params: Record<string, string | number>;
  constructor(code: NotebookErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = "NotebookError";
    this.code = code;
    this.params = params;
  }
}

/** A notebook bigger than this is refused (the URL and localStorage would not hold it anyway). */
export const MAX_CELLS = 50;
/** DuckDB truncates nothing, but names longer than this are unreadable in a completion list. */
export const MAX_NAME_LENGTH = 63;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Words a reader could not write unquoted as a table name in DuckDB (its reserved keywords): a cell
// named `select` would be created (we quote it) but no later cell could name it without quotes.
const RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
  default deferrable desc describe distinct do else end except false fetch for foreign from grant group having
  in initially intersect into lateral leading limit not null offset on only or order pivot pivot_longer
  pivot_wider placing primary qualify references returning select show summarize symmetric table then to
  trailing true union unique unpivot using variadic when where window with`.split(/\s+/),
);

const BASE_TABLES = new Set(EXPLORE_TABLE_NAMES.map((n) => n.toLowerCase()));

let idCounter = 0;
/** A new cell id: unique within the page (a counter and a random part, so ids never collide). */
export function newCellId(): string {
  idCounter += 1;
  return `c${idCounter.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export function emptyNotebook(): Notebook {
  return { cells: [] };
}

/**
 * Why `name` cannot name a cell of `notebook` (the cell `exceptId` excluded: renaming a cell to its
 * own name is fine), or undefined when it can. DuckDB compares identifiers without case, so do we.
 */
export function nameProblem(name: string, notebook: Notebook, exceptId?: string): NotebookError | undefined {
  if (name.trim() === "") return new NotebookError("nameEmpty", "A cell needs a name.");
  if (!IDENTIFIER.test(name))
    return new NotebookError(
      "nameSyntax",
      `"${name}" is not a SQL name: use letters, digits and _, starting with a letter or _.`,
      { name },
    );
  if (name.length > MAX_NAME_LENGTH)
    return new NotebookError("nameTooLong", `"${name}" is longer than ${MAX_NAME_LENGTH} characters.`, {
      name,
      max: MAX_NAME_LENGTH,
    });
  const lower = name.toLowerCase();
  if (RESERVED.has(lower))
    return new NotebookError("nameReserved", `"${name}" is a SQL keyword: choose another name.`, { name });
  if (BASE_TABLES.has(lower))
    return new NotebookError(
      "nameTable",
      `"${name}" is one of the dataset's tables: a cell of that name would hide it. Choose another name.`,
      { name },
    );
  if (notebook.cells.some((c) => c.id !== exceptId && c.name.toLowerCase() === lower))
    return new NotebookError("nameTaken", `Another cell is already named "${name}".`, { name });
  return undefined;
}

/** The first free name of the form `<stem><n>` (cell1, cell2…). */
export function freeName(notebook: Notebook, stem = "cell"): string {
  const taken = new Set(notebook.cells.map((c) => c.name.toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}`.toLowerCase())) return `${stem}${n}`;
}

/** The notebook with a new cell after `afterId` (default: at the end). */
export function addCell(
  notebook: Notebook,
  { name, sql = "", afterId }: { name?: string; sql?: string; afterId?: string } = {},
): { notebook: Notebook; cell: Cell } {
  if (notebook.cells.length >= MAX_CELLS)
    throw new NotebookError("tooManyCells", `A notebook holds at most ${MAX_CELLS} cells.`, {
      max: MAX_CELLS,
    });
  const cellName = name ?? freeName(notebook);
  const problem = nameProblem(cellName, notebook);
  if (problem) throw problem;
  const cell: Cell = { id: newCellId(), name: cellName, sql };
  const at = afterId ? notebook.cells.findIndex((c) => c.id === afterId) + 1 : 0;
  const cells = [...notebook.cells];
  cells.splice(at > 0 ? at : cells.length, 0, cell);
  return { notebook: { cells }, cell };
}

export function removeCell(notebook: Notebook, id: string): Notebook {
  return { cells: notebook.cells.filter((c) => c.id !== id) };
}

/** Move a cell up (delta −1) or down (+1); at either end it stays. */
export function moveCell(notebook: Notebook, id: string, delta: number): Notebook {
  const from = notebook.cells.findIndex((c) => c.id === id);
  if (from < 0) return notebook;
  const to = Math.max(0, Math.min(notebook.cells.length - 1, from + delta));
  if (to === from) return notebook;
  const cells = [...notebook.cells];
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell);
  return { cells };
}

/** Rename a cell; a name that cannot be used throws its NotebookError. */
export function renameCell(notebook: Notebook, id: string, name: string): Notebook {
  const problem = nameProblem(name, notebook, id);
  if (problem) throw problem;
  return { cells: notebook.cells.map((c) => (c.id === id ? { ...c, name } : c)) };
}

export function setCellSql(notebook: Notebook, id: string, sql: string): Notebook {
  return { cells: notebook.cells.map((c) => (c.id === id ? { ...c, sql } : c)) };
}

// ---------------------------------------------------------------------------------------------
// SQL text: a small lexer that knows strings, quoted identifiers and comments, enough to find
// statement ends, the names a cell mentions and the keyword it starts with.

export type TokenKind = "word" | "quoted" | "string" | "symbol" | "semicolon";
export interface Token {
  kind: TokenKind;
  /** Words as written; quoted identifiers without their quotes (doubled quotes undone). */
  text: string;
  start: number;
  end: number;
}

/** The significant tokens of `sql` (comments and spaces skipped). Unclosed quotes or comments throw. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  const unclosed = (what: string) =>
    new NotebookError("sqlUnclosed", `The SQL has an unclosed ${what}.`, { what });
  while (i < n) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? n : nl + 1;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      if (close < 0) throw unclosed("comment");
      i = close + 2;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= n) throw unclosed(ch === "'" ? "string" : "quoted name");
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j++];
      }
      tokens.push({ kind: ch === "'" ? "string" : "quoted", text, start: i, end: j + 1 });
      i = j + 1;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j])) j++;
      tokens.push({ kind: "word", text: sql.slice(i, j), start: i, end: j });
      i = j;
    } else if (ch === ";") {
      tokens.push({ kind: "semicolon", text: ";", start: i, end: i + 1 });
      i++;
    } else {
      tokens.push({ kind: "symbol", text: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/**
 * The one statement of a cell: its text with the trailing `;` (and anything after it but comments)
 * and the trailing comments removed, leading comments kept. An empty cell, or two statements,
 * throw.
 */
export function cellStatement(sql: string): string {
  const tokens = tokenize(sql);
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].kind === "semicolon") last--;
  if (last < 0) throw new NotebookError("sqlEmpty", "The cell has no SQL to run.");
  const inner = tokens.slice(0, last + 1).findIndex((t) => t.kind === "semicolon");
  if (inner >= 0)
    throw new NotebookError(
      "sqlMany",
      "A cell runs one statement: split it into cells (each cell's result is a table later cells can use).",
    );
  return sql.slice(0, tokens[last].end).trim();
}

// Statements that return rows and so can be materialised as the cell's table.
const QUERY_START = new Set([
  "select",
  "with",
  "from",
  "values",
  "table",
  "pivot",
  "unpivot",
  "summarize",
  "describe",
  "show",
]);

export type CellPlan =
  /** A query: create the cell's table from it, then show the table. */
  | { kind: "query"; create: string; show: string; statement: string }
  /** Any other statement (SET, CREATE VIEW…): run as written, nothing to show. */
  | { kind: "statement"; statement: string };

/** Double-quoted identifier. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What running a cell means. Throws the cell's NotebookError (empty, two statements, unclosed quote). */
export function planCell(cell: Pick<Cell, "name" | "sql">): CellPlan {
  const statement = cellStatement(cell.sql);
  const first = tokenize(statement)[0];
  const isQuery = first.kind === "symbol" ? first.text === "(" : QUERY_START.has(first.text.toLowerCase());
  if (!isQuery) return { kind: "statement", statement };
  // The statement on its own lines: a leading comment cannot swallow the AS, nor a trailing one the end.
  return {
    kind: "query",
    statement,
    create: `CREATE OR REPLACE TABLE ${quoteName(cell.name)} AS\n${statement}\n`,
    show: `SELECT * FROM ${quoteName(cell.name)}`,
  };
}

/** The names a SQL text mentions as identifiers (not in strings or comments), lower-cased. */
export function mentionedNames(sql: string): Set<string> {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch {
    return new Set();
  }
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    // `x.name` is a column of x, not a table.
    if (i > 0 && tokens[i - 1].kind === "symbol" && tokens[i - 1].text === ".") return;
    if (t.kind === "word" || t.kind === "quoted") out.add(t.text.toLowerCase());
  });
  return out;
}

/** The other cells a cell reads: those whose names its SQL mentions, in notebook order. */
export function dependencies(notebook: Notebook, id: string): Cell[] {
  const cell = notebook.cells.find((c) => c.id === id);
  if (!cell) return [];
  const names = mentionedNames(cell.sql);
  return notebook.cells.filter((c) => c.id !== id && names.has(c.name.toLowerCase()));
}

/**
 * The order to run cells in: each after the cells it reads, otherwise in notebook order. With
 * `targets`, only those cells and what they read (transitively) — what a cell needs re-run after
 * the engine restarted. A cycle (a reads b reads a) cannot be satisfied: its edge is ignored and
 * DuckDB's own message says which table is missing.
 */
export function runOrder(notebook: Notebook, targets?: readonly string[]): Cell[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: Cell[] = [];
  const visit = (cell: Cell) => {
    if (done.has(cell.id) || visiting.has(cell.id)) return;
    visiting.add(cell.id);
    for (const dep of dependencies(notebook, cell.id)) visit(dep);
    visiting.delete(cell.id);
    done.add(cell.id);
    order.push(cell);
  };
  const roots = targets ? notebook.cells.filter((c) => targets.includes(c.id)) : notebook.cells;
  for (const cell of roots) visit(cell);
  return order;
}

// ---------------------------------------------------------------------------------------------
// The .sql file: each cell as `-- cell: <name>` and the statement that materialises it, so the
// file runs as is in the DuckDB CLI over the same tables.

const HEADER = "-- Back to the Kitchen · Explore notebook. Each cell: `-- cell: <name>`, then its statement.";
const CELL_MARK = /^--\s*cell:\s*(.*?)\s*$/;

export function exportSql(notebook: Notebook): string {
  const parts = [HEADER];
  for (const cell of notebook.cells) {
    let text: string;
    try {
      const plan = planCell(cell);
      // The statement ends at its last token (trailing comments dropped), so `;` cannot be commented out.
      text = `${plan.kind === "query" ? `CREATE OR REPLACE TABLE ${quoteName(cell.name)} AS\n` : ""}${plan.statement};`;
    } catch {
      text = cell.sql.trim(); // an empty or broken cell is kept as written, to fix after import
    }
    parts.push(`-- cell: ${cell.name}\n${text}`.trimEnd());
  }
  return `${parts.join("\n\n")}\n`;
}

const CREATE_PREFIX =
  /^\s*CREATE\s+OR\s+REPLACE\s+TABLE\s+("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\n?/i;

/** A statement's text from the file: without the `;` that ends it (and an emptied line before). */
function unterminated(text: string): string {
  return text.trim().replace(/\s*;$/, "");
}

/**
 * A notebook from a `.sql` file written by exportSql (or by hand in its form). A file without any
 * `-- cell:` line becomes one cell. Names are checked as when renaming; a bad one names its line.
 */
export function importSql(text: string): Notebook {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const chunks: { name: string | undefined; line: number; body: string[] }[] = [];
  let current: (typeof chunks)[number] | undefined;
  lines.forEach((line, i) => {
    const mark = CELL_MARK.exec(line);
    if (mark) chunks.push((current = { name: mark[1], line: i + 1, body: [] }));
    else if (current) current.body.push(line);
    else if (line.trim() !== "" && line !== HEADER)
      chunks.push((current = { name: undefined, line: i + 1, body: [line] }));
  });
  let notebook = emptyNotebook();
  for (const chunk of chunks) {
    let sql = chunk.body.join("\n").trim();
    const create = CREATE_PREFIX.exec(sql);
    if (create) sql = sql.slice(create[0].length);
    sql = unterminated(sql);
    if (chunk.name === undefined && sql === "") continue;
    const name = chunk.name ?? freeName(notebook);
    const problem = nameProblem(name, notebook);
    if (problem)
      throw new NotebookError("importName", `Line ${chunk.line}: ${problem.message}`, {
        line: chunk.line,
        problem: problem.message,
        name,
      });
    notebook = addCell(notebook, { name, sql }).notebook;
  }
  if (notebook.cells.length === 0) throw new NotebookError("importEmpty", "The file holds no cell.");
  return notebook;
}
