// One browser extract: a table of the snapshot as an Arrow IPC stream with exactly the columns of
// the Explore contract (src/lib/explore/tables.ts), in its order and with its DuckDB types, read
// from the snapshot's Parquet by DuckDB. The Explore page loads it into DuckDB-Wasm with
// insertArrowFromIPCStream: the npm package of DuckDB-Wasm has no Parquet reader that works
// offline, and Arrow streams need no extension at all.
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { makeData, RecordBatch, Schema, Field, Struct, Table, tableToIPC, type Data } from "apache-arrow";
import type { ExploreTable } from "../../src/lib/explore/tables.js";
import { DataLoadError } from "../errors.js";
import type { Snapshot } from "../snapshot/cache.js";
import { columnBuilder, selectExpression, type ColumnPlan } from "./columns.js";

/** Rows per record batch: DuckDB's row group size, so the browser's DuckDB takes them as they come. */
export const BATCH_ROWS = 122_880;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export interface Extract {
  table: string;
  rows: number;
  /** The Arrow IPC stream. */
  bytes: Uint8Array;
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

export async function writeExtract(snapshot: Snapshot, table: ExploreTable): Promise<Extract> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    const source = `read_parquet(${literal(parquetOf(snapshot, table.name))})`;
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
    const strings = table.columns.filter((c) => c.type === "VARCHAR");
    const counts = (
      await connection.runAndReadAll(
        `SELECT count(*) AS "rows"${strings.map((c, i) => `, count(DISTINCT ${quote(c.name)}) AS d${i}`).join("")} FROM ${source}`,
      )
    ).getRowObjectsJS()[0];
    const rows = Number(counts.rows);
    const plans: ColumnPlan[] = table.columns.map((c) => {
      const i = strings.indexOf(c);
      return i < 0 ? c : { ...c, distinct: Number(counts[`d${i}`]) };
    });
    const builders = plans.map((p, i) => columnBuilder(p, rows, i));
    const result = await connection.stream(
      `SELECT ${table.columns.map((c) => selectExpression(c.name, c.type)).join(", ")} FROM ${source}`,
    );
    let seen = 0;
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      if (seen + chunk.rowCount > rows) throw new DataLoadError(`${table.name} grew while it was read.`);
      for (let c = 0; c < builders.length; c++) {
        const builder = builders[c];
        for (const value of chunk.getColumnValues(c)) builder.push(value);
      }
      seen += chunk.rowCount;
    }
    if (seen !== rows) throw new DataLoadError(`${table.name}: read ${seen} rows of ${rows}.`);
    const columns = builders.map((b) => b.finish());
    return { table: table.name, rows, bytes: toStream(columns, table) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The columns as an Arrow IPC stream, in record batches of BATCH_ROWS rows. */
function toStream(columns: Data[], table: ExploreTable): Uint8Array {
  const schema = new Schema(table.columns.map((c, i) => new Field(c.name, columns[i].type, true)));
  const length = columns[0]?.length ?? 0;
  const batches: RecordBatch[] = [];
  for (let offset = 0; offset < length || batches.length === 0; offset += BATCH_ROWS) {
    const size = Math.min(BATCH_ROWS, length - offset);
    const children = columns.map((d) => d.slice(offset, size));
    batches.push(
      new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length: size, children, nullCount: 0 }),
      ),
    );
  }
  return tableToIPC(new Table(schema, batches), "stream");
}
