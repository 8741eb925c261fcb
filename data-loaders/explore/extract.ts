// One browser extract: a table of the snapshot as a DuckDB database file holding that one table,
// with exactly the columns of the Explore contract (src/lib/explore/tables.ts), in its order and
// with its DuckDB types, read from the snapshot's Parquet by DuckDB. The Explore page attaches it
// read-only in DuckDB-Wasm (registerFileBuffer + ATTACH): no extension is needed (the npm package
// of DuckDB-Wasm has no Parquet reader that works offline), and, unlike an Arrow stream that has to
// be inserted row group by row group (0.7–1 s for `recipes` on a 2-core machine), an attached file
// is queried where it lies — in DuckDB's own compressed storage, a third of the Arrow stream's size.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ExploreTable } from "../../src/lib/explore/tables.js";
import { DataLoadError } from "../errors.js";
import type { Snapshot } from "../snapshot/cache.js";

/**
 * The storage format the extracts are written in. DuckDB writes the newest format it knows unless
 * told otherwise; the browser's DuckDB-Wasm (1.32.0 = DuckDB 1.4.3) is older than the build's
 * DuckDB, and refuses a file from a newer format. v1.0.0 is read by every DuckDB since 1.0.
 */
export const EXTRACT_STORAGE_VERSION = "v1.0.0";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export interface Extract {
  table: string;
  rows: number;
}

/** The Parquet file of a table in the snapshot, or a clear error naming what is there. */
function parquetOf(snapshot: Snapshot, table: string): string {
  const file = snapshot.manifest.files.find((f) => f.name === table && f.file.endsWith(".parquet"));
  if (!file) {
    const known = snapshot.manifest.files.map((f) => f.name).join(", ");
    throw new DataLoadError(
      `Dataset ${snapshot.datasetId} has no table "${table}" for the Explore extracts (it has: ${known}).`,
      { hint: "Remove the table from src/lib/explore/tables.ts, or ingest a dataset that has it." },
    );
  }
  return join(snapshot.dir, file.file);
}

/**
 * Write the extract of `table` to `file` (which must not exist): a database with one table of that
 * name, checkpointed and closed, so the file is complete on its own (no write-ahead log beside it).
 */
export async function writeExtract(snapshot: Snapshot, table: ExploreTable, file: string): Promise<Extract> {
  const source = `read_parquet(${literal(parquetOf(snapshot, table.name))})`;
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
    const actual = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
    for (const column of table.columns) {
      const found = actual.get(column.name);
      if (found !== column.type) {
        throw new DataLoadError(
          `The Explore contract wants ${table.name}.${column.name} as ${column.type}, but dataset ` +
            `${snapshot.datasetId} has ${found === undefined ? "no such column" : found}.`,
          { hint: "Make src/lib/explore/tables.ts match the snapshot's Parquet (npm run data:inspect)." },
        );
      }
    }
    await connection.run(
      `ATTACH ${literal(file)} AS extract (STORAGE_VERSION ${literal(EXTRACT_STORAGE_VERSION)})`,
    );
    await connection.run(
      `CREATE TABLE extract.${quote(table.name)} AS SELECT ` +
        `${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${source}`,
    );
    const [{ rows }] = (
      await connection.runAndReadAll(`SELECT count(*)::INTEGER AS "rows" FROM extract.${quote(table.name)}`)
    ).getRowObjectsJS();
    await connection.run("CHECKPOINT extract");
    await connection.run("DETACH extract");
    return { table: table.name, rows: Number(rows) };
  } catch (error) {
    await rm(file, { force: true });
    await rm(`${file}.wal`, { force: true });
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
