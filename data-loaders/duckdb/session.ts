// A DuckDB session over a snapshot: in memory, one view per Parquet table of the manifest, and
// parameterised queries returning plain rows. BIGINT becomes number and DATE an ISO string here,
// once, so analysis code and pages only ever see JSON-friendly values.
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { AnalysisError } from "../errors.js";
import type { Snapshot } from "../snapshot/cache.js";

export type Row = Record<string, unknown>;
export type Params = Record<string, string | number | boolean | null>;

export interface Session {
  /** Run SQL with named `$parameters`; rows as plain objects. */
  query<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Run statements that return nothing (DDL, COPY). */
  run(sql: string, params?: Params): Promise<void>;
  tables: string[];
  close(): void;
}

export function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function openConnection(options: { threads?: number; memoryLimit?: string } = {}) {
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(options.threads ?? 2),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
  });
  return { instance, connection: await instance.connect() };
}

export function wrapConnection(
  connection: DuckDBConnection,
  onClose: () => void,
  tables: string[] = [],
): Session {
  const context = (sql: string) => sql.trim().split("\n")[0].slice(0, 120);
  return {
    tables,
    async query<T>(sql: string, params?: Params) {
      try {
        const reader = await connection.runAndReadAll(sql, params as Record<string, DuckDBValue>);
        return plain(reader.getRowObjectsJS()) as T[];
      } catch (cause) {
        throw new AnalysisError(`DuckDB query failed: ${(cause as Error).message}\n  in: ${context(sql)}…`, {
          cause,
        });
      }
    },
    async run(sql: string, params?: Params) {
      try {
        await connection.run(sql, params as Record<string, DuckDBValue>);
      } catch (cause) {
        throw new AnalysisError(
          `DuckDB statement failed: ${(cause as Error).message}\n  in: ${context(sql)}…`,
          {
            cause,
          },
        );
      }
    },
    close: onClose,
  };
}

/** Open a session with one view per Parquet table of the snapshot (`recipes`, `interactions`…). */
export async function openSession(snapshot: Snapshot): Promise<Session> {
  const { instance, connection } = await openConnection();
  const tables = snapshot.manifest.files.filter((f) => f.file.endsWith(".parquet")).map((f) => f.name);
  const session = wrapConnection(
    connection,
    () => {
      connection.closeSync();
      instance.closeSync();
    },
    tables,
  );
  for (const file of snapshot.manifest.files.filter((f) => f.file.endsWith(".parquet"))) {
    const path = join(snapshot.dir, file.file);
    await session.run(
      `CREATE VIEW ${quoteIdent(file.name)} AS SELECT * FROM read_parquet(${quoteLiteral(path)})`,
    );
  }
  return session;
}
