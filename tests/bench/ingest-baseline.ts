// Child of `npm run bench ingest`: the bare engine cost of the ingest, to compare it with. The same
// DuckDB (@duckdb/node-api, same threads and memory limit) reads each CSV with the ingest's own
// read_csv call and writes it straight to Parquet with the ingest's own options — no cleaning, no
// rejects, no checksums, no upload. Usage: tsx ingest-baseline.ts <recipes.csv> <interactions.csv> <out dir>.
// Prints JSON on stdout: { seconds, files: [{ file, seconds, bytes }] }.
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { openConnection } from "../../data-loaders/duckdb/session.js";
import { INGEST_MEMORY_LIMIT, PARQUET_OPTIONS } from "../../data-loaders/ingest/ingest.js";
import { readCsvCall, sqlString } from "../../data-loaders/ingest/read-csv.js";
import { INTERACTIONS_CSV, RECIPES_CSV } from "../../data-loaders/ingest/schema.js";

const [recipes, interactions, out] = process.argv.slice(2);
if (!recipes || !interactions || !out)
  throw new Error("Usage: ingest-baseline.ts <recipes.csv> <interactions.csv> <out dir>");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const started = performance.now();
const { instance, connection } = await openConnection({ memoryLimit: INGEST_MEMORY_LIMIT });
const files = [];
try {
  for (const [path, schema] of [
    [recipes, RECIPES_CSV],
    [interactions, INTERACTIONS_CSV],
  ] as const) {
    const t = performance.now();
    const target = join(out, `${schema.table}.parquet`);
    await connection.run(
      `COPY (SELECT * FROM ${readCsvCall(path, schema, schema.table)}) TO ${sqlString(target)} (${PARQUET_OPTIONS})`,
    );
    files.push({ file: schema.file, seconds: (performance.now() - t) / 1000, bytes: statSync(target).size });
  }
} finally {
  connection.closeSync();
  instance.closeSync();
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, files }));
