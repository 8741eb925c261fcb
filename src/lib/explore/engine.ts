// The Explore page's SQL engine: DuckDB-Wasm (eh build) in a Web Worker, over the snapshot's tables
// as the build wrote them (one DuckDB database file per table, src/explore/engine/, attached
// read-only). Everything comes from the site: the worker and the wasm under content-hashed names,
// extensions never installed nor loaded (the npm package has none and the page works offline; a
// statement that needs one, such as read_parquet, fails with DuckDB's message and leaves the
// engine usable).
//
// - A base table is loaded the first time a statement names it (engine-tables.ts), with progress:
//   its file is downloaded (or was, by a prefetch), attached, and seen as the view main.<table>.
// - Statements run one at a time through a pending query (`conn.send`), so a time limit or the
//   reader's AbortSignal can cancel it (`cancelSent`). DuckDB-Wasm checks for a cancel between
//   steps of work; a step that runs on (a huge join, say) would hold the worker, so when a cancel
//   has not taken after CANCEL_GRACE_MS the worker is terminated and a fresh one started:
//   `generation` counts those restarts, since tables the reader made are lost with the worker.
// - Results come back as plain JS values (engine-values.ts), the first `maxRows` rows and the count.
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { Table } from "apache-arrow";
import { takeEngineWorker } from "./engine-boot.js";
import { engineFiles } from "./engine-files.js";
import { forgetDownloads, takeDownload } from "./engine-downloads.js";
import { download, loaded, prefetchTables } from "./engine-prefetch.js";
import { tablesNamed } from "./engine-tables.js";
import { duckdbTypeName, plainValue } from "./engine-values.js";
import { EXPLORE_TABLES } from "./tables.js";

export interface ColumnInfo {
  name: string;
  /** DuckDB type name. */
  type: string;
}
export interface QueryResult {
  columns: ColumnInfo[];
  /** The first maxRows rows, plain JS values. */
  rows: Record<string, unknown>[];
  /** Total rows of the result. */
  rowCount: number;
  elapsedMs: number;
}
export interface LoadProgress {
  table: string;
  loadedBytes: number;
  totalBytes: number;
  done: boolean;
}
export interface QueryOptions {
  signal?: AbortSignal;
  /** Default 30000. */
  timeoutMs?: number;
  /** Default 1000. */
  maxRows?: number;
  onProgress?: (p: LoadProgress) => void;
}
export type ExploreErrorKind = "sql" | "timeout" | "cancelled" | "engine" | "load";

export class ExploreError extends Error {
  readonly kind: ExploreErrorKind;
  constructor(kind: ExploreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExploreError";
    this.kind = kind;
  }
}

export interface Engine {
  /** Run one SQL statement (SELECT/WITH/DDL); base tables it names are loaded first (on first use). */
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** The whole result of a SELECT as CSV (DuckDB's COPY … TO a virtual file). */
  csv(sql: string, options?: QueryOptions): Promise<Blob>;
  /** Tables and views known now (base tables from EXPLORE_TABLES + the reader's views/tables), for completion. */
  schema(): Promise<{ name: string; columns: ColumnInfo[] }[]>;
  /** Increments when the engine had to be restarted (a query that would not cancel): reader-made tables are gone. */
  readonly generation: number;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ROWS = 1_000;
/** How long a cancelled statement may take to stop before its worker is replaced. */
export const CANCEL_GRACE_MS = 2_000;

/** One DuckDB-Wasm in one worker; replaced as a whole when it will not stop. */
interface Instance {
  worker: Worker;
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  /** Base tables whose extract is attached in this instance. */
  attached: Set<string>;
}

/** A wasm trap or a dead worker, as opposed to an error DuckDB reports about the statement. */
const ENGINE_FAILURE = /^(RuntimeError|Aborted)|unreachable|memory access out of bounds|worker is not set/i;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The database an extract is attached as (its table is read through the view main.<table>). */
const extractDatabase = (table: string) => `extract_${table}`;

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A statement as the body of another (`COPY (…) TO`): without its trailing semicolons. */
const bare = (sql: string) => sql.trim().replace(/;+\s*$/, "");

async function startInstance(): Promise<Instance> {
  const [worker, wasmUrl] = await Promise.all([takeEngineWorker(), engineFiles.wasm()]);
  try {
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    await db.open({});
    const conn = await db.connect();
    // Nothing is ever fetched from elsewhere: no extension is installed or loaded on demand, and
    // the repository DuckDB would ask is a path of this site that has none.
    const repository = new URL("/_explore/no-extensions", location.href).href;
    for (const setting of [
      "SET autoinstall_known_extensions = false",
      "SET autoload_known_extensions = false",
      `SET custom_extension_repository = '${repository.replaceAll("'", "''")}'`,
    ])
      await conn.query(setting);
    return { worker, db, conn, attached: new Set() };
  } catch (error) {
    worker.terminate();
    throw new ExploreError("engine", `DuckDB could not start: ${message(error)}`, { cause: error });
  }
}

/** The Arrow result as columns, the first `maxRows` rows and the count. */
function collect(table: Table, maxRows: number, started: number): QueryResult {
  const fields = table.schema.fields;
  const columns = fields.map((f) => ({ name: f.name, type: duckdbTypeName(f.type) }));
  const rows: Record<string, unknown>[] = [];
  const vectors = fields.map((_, i) => table.getChildAt(i)!);
  const n = Math.min(maxRows, table.numRows);
  for (let r = 0; r < n; r++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, i) => (row[f.name] = plainValue(vectors[i].get(r), f.type)));
    rows.push(row);
  }
  return { columns, rows, rowCount: table.numRows, elapsedMs: performance.now() - started };
}

export { prefetchTables };

export async function openEngine(): Promise<Engine> {
  let instance: Instance | undefined = await startInstance();
  let starting: Promise<Instance> | undefined;
  let generation = 0;
  let closed = false;
  // Statements run one after another on the one connection.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function current(): Promise<Instance> {
    if (closed) throw new ExploreError("engine", "The Explore engine was closed.");
    if (instance) return instance;
    starting ??= startInstance().finally(() => (starting = undefined));
    instance = await starting;
    return instance;
  }

  /** Replace a worker that will not stop (or died): reader-made tables go with it. */
  function restart(dead: Instance): void {
    if (instance !== dead) return;
    dead.worker.terminate();
    instance = undefined;
    loaded.clear();
    generation++;
  }

  /**
   * Make the base tables `sql` names queryable: each is downloaded (or taken from a download under
   * way), handed to DuckDB as a file and attached read-only as the database `extract_<table>`, and
   * `main.<table>` becomes a view of it. No rows are copied: DuckDB reads the file where it lies.
   * What is loaded is known here (`loaded`, `attached`), not asked of DuckDB: the first query of
   * its catalog costs a third of a second, on the way to every first result.
   */
  async function loadTables(inst: Instance, sql: string, options: QueryOptions): Promise<void> {
    const missing = tablesNamed(sql).filter((t) => !loaded.has(t));
    if (missing.length === 0) return;
    // Downloads run in parallel (and may have started before DuckDB was ready); attaching is quick.
    for (const table of missing) if (!inst.attached.has(table)) download(table);
    for (const table of missing) {
      const database = quoteName(extractDatabase(table));
      try {
        if (!inst.attached.has(table)) {
          // The download reports from 0 of the extract's size (tables.json); a download under way
          // replays how far it is.
          const report = (loadedBytes: number, totalBytes: number, done: boolean) =>
            options.onProgress?.({ table, loadedBytes, totalBytes, done });
          const bytes = await takeDownload(
            table,
            (p) => report(p.loadedBytes, p.totalBytes, false),
            options.signal,
          );
          // The buffer is handed over to the worker (transferred): its length is read first.
          const size = bytes.length;
          const file = `extract-${table}.duckdb`;
          await inst.db.registerFileBuffer(file, bytes);
          try {
            await inst.conn.query(`ATTACH '${file}' AS ${database} (READ_ONLY)`);
          } catch (error) {
            await inst.db.dropFile(file).catch(() => undefined);
            throw error;
          }
          inst.attached.add(table);
          report(size, size, true);
        }
        await inst.conn.query(
          `CREATE OR REPLACE VIEW main.${quoteName(table)} AS SELECT * FROM ${database}.main.${quoteName(table)}`,
        );
        if (instance === inst) loaded.add(table);
      } catch (error) {
        if (options.signal?.aborted)
          throw new ExploreError("cancelled", "Cancelled while loading the tables.");
        throw new ExploreError("load", `The table ${table} could not be loaded: ${message(error)}`, {
          cause: error,
        });
      }
    }
  }

  /**
   * Run `run` (`sql`, or a statement around it) once prepare has loaded what `sql` names. A base
   * table's view the reader has dropped since (DuckDB: "Table with name recipes does not exist") is
   * made again, once, and the statement re-run.
   */
  async function executeOnBases(
    inst: Instance,
    sql: string,
    run: string,
    options: QueryOptions,
  ): Promise<Table> {
    try {
      return await execute(inst, run, options);
    } catch (error) {
      const gone = /Table with name "?([A-Za-z_][\w$]*)"? does not exist/.exec(message(error))?.[1];
      if (!(error instanceof ExploreError && error.kind === "sql" && gone && loaded.has(gone))) throw error;
      loaded.delete(gone);
      await loadTables(inst, sql, options);
      return execute(inst, run, options);
    }
  }

  /**
   * Run `sql` as a pending query, with the time limit and the reader's signal: a cancel that does
   * not take within CANCEL_GRACE_MS replaces the worker. Returns the materialised Arrow table.
   */
  function execute(inst: Instance, sql: string, options: QueryOptions): Promise<Table> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<Table>((resolve, reject) => {
      let settled = false;
      let stopped: "timeout" | "cancelled" | undefined;
      let grace: ReturnType<typeof setTimeout> | undefined;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(grace);
        options.signal?.removeEventListener("abort", onAbort);
        f();
      };
      const stopError = () =>
        stopped === "timeout"
          ? new ExploreError("timeout", `The query ran longer than ${timeoutMs / 1000} s and was stopped.`)
          : new ExploreError("cancelled", "The query was cancelled.");
      const stop = (why: "timeout" | "cancelled") => {
        if (settled || stopped) return;
        stopped = why;
        inst.conn.cancelSent().catch(() => undefined);
        grace = setTimeout(() => {
          restart(inst);
          finish(() => reject(stopError()));
        }, CANCEL_GRACE_MS);
      };
      const onAbort = () => stop("cancelled");
      const timer = setTimeout(() => stop("timeout"), timeoutMs);
      if (options.signal?.aborted) return stop("cancelled");
      options.signal?.addEventListener("abort", onAbort);
      (async () => {
        const reader = await inst.conn.send(sql);
        if (!reader) throw new Error("worker is not set");
        const batches = [];
        for await (const batch of reader) {
          if (stopped) break;
          batches.push(batch);
        }
        return batches;
      })().then(
        (batches) => {
          if (stopped) return finish(() => reject(stopError()));
          finish(() => resolve(new Table(batches)));
        },
        (error) => {
          if (stopped) return finish(() => reject(stopError()));
          const text = message(error);
          if (ENGINE_FAILURE.test(text)) {
            restart(inst);
            return finish(() =>
              reject(new ExploreError("engine", `DuckDB stopped working: ${text}`, { cause: error })),
            );
          }
          finish(() => reject(new ExploreError("sql", text, { cause: error })));
        },
      );
    });
  }

  async function prepare(sql: string, options: QueryOptions): Promise<Instance> {
    if (options.signal?.aborted) throw new ExploreError("cancelled", "The query was cancelled.");
    const inst = await current();
    await loadTables(inst, sql, options);
    return inst;
  }

  let exports = 0;

  const engine: Engine = {
    query(sql, options = {}) {
      return serial(async () => {
        const inst = await prepare(sql, options);
        const started = performance.now();
        const table = await executeOnBases(inst, sql, sql, options);
        return collect(table, options.maxRows ?? DEFAULT_MAX_ROWS, started);
      });
    },

    csv(sql, options = {}) {
      return serial(async () => {
        const inst = await prepare(sql, options);
        const file = `explore-export-${++exports}.csv`;
        await inst.db.registerEmptyFileBuffer(file);
        try {
          await executeOnBases(inst, sql, `COPY (${bare(sql)}) TO '${file}' (FORMAT csv, HEADER)`, options);
          const bytes = await inst.db.copyFileToBuffer(file);
          return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "text/csv;charset=utf-8" });
        } finally {
          if (instance === inst) await inst.db.dropFile(file).catch(() => undefined);
        }
      });
    },

    schema() {
      return serial(async () => {
        const inst = await current();
        const table = await inst.conn.query(
          "SELECT table_name, column_name, data_type FROM information_schema.columns " +
            "WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position",
        );
        const found = new Map<string, ColumnInfo[]>();
        for (const row of table.toArray() as {
          table_name: string;
          column_name: string;
          data_type: string;
        }[]) {
          const columns = found.get(row.table_name) ?? [];
          columns.push({ name: row.column_name, type: row.data_type });
          found.set(row.table_name, columns);
        }
        // Base tables are known before they are loaded: from the contract.
        const base = EXPLORE_TABLES.map((t) => ({
          name: t.name,
          columns: found.get(t.name) ?? [...t.columns],
        }));
        const own = [...found].filter(([name]) => !base.some((b) => b.name === name));
        return [...base, ...own.map(([name, columns]) => ({ name, columns }))];
      });
    },

    get generation() {
      return generation;
    },

    async close() {
      closed = true;
      loaded.clear();
      forgetDownloads();
      const inst = instance;
      instance = undefined;
      if (inst) {
        await inst.conn.close().catch(() => undefined);
        await inst.db.terminate().catch(() => undefined);
        inst.worker.terminate();
      }
    },
  };
  return engine;
}
