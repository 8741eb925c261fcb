// The extracts of a snapshot, written once and kept on disk: the loaders of every table and of
// tables.json (which needs every extract's size) read the same files, and a dev preview or a
// rebuild of the same dataset does not write them again. Keyed by the snapshot's manifest digest,
// the contract's tables and the writer's own code (extract.ts), so a change to either writes new
// extracts.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { EXPLORE_TABLES, type ExploreTable } from "../../src/lib/explore/tables.js";
import { DataLoadError } from "../errors.js";
import { logger } from "../logger.js";
import type { Snapshot } from "../snapshot/cache.js";
import { writeExtract } from "./extract.js";

/** The code that decides an extract's bytes. */
const WRITER_FILES = ["extract.ts"];

let writerDigest: string | undefined;
function writer(): string {
  if (writerDigest) return writerDigest;
  const hash = createHash("sha256");
  for (const file of WRITER_FILES) hash.update(file).update(readFileSync(new URL(file, import.meta.url)));
  return (writerDigest = hash.digest("hex"));
}

export function extractKey(snapshot: Snapshot, tables: readonly ExploreTable[] = EXPLORE_TABLES): string {
  return createHash("sha256")
    .update(JSON.stringify({ writer: writer(), manifest: snapshot.manifestSha256, tables }))
    .digest("hex")
    .slice(0, 16);
}

export function findTable(name: string): ExploreTable {
  const table = EXPLORE_TABLES.find((t) => t.name === name);
  if (!table) {
    throw new DataLoadError(`"${name}" is not a table of the Explore page.`, {
      hint: `The tables are ${EXPLORE_TABLES.map((t) => t.name).join(", ")} (src/lib/explore/tables.ts).`,
    });
  }
  return table;
}

/** The extract's file under `cacheDir`, written first if it is not there yet (aside, then renamed). */
export async function extractFile(
  snapshot: Snapshot,
  table: ExploreTable,
  cacheDir: string,
): Promise<string> {
  const dir = join(cacheDir, "explore", `${snapshot.datasetId}-${extractKey(snapshot)}`);
  const file = join(dir, `${table.name}.duckdb`);
  if (existsSync(file)) return file;
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  // Written aside under a name of this process, then renamed: a reader never sees half a file, and
  // two builds writing the same extract at once each rename a whole one.
  // A process killed halfway leaves <file>.<pid>.part (and DuckDB's .part.wal): data:gc clears them.
  const part = `${file}.${process.pid}.part`;
  await rm(part, { force: true });
  const extract = await writeExtract(snapshot, table, part);
  await rename(part, file);
  logger.info(
    `Explore extract ${table.name}: ${extract.rows} rows, ${((await stat(file)).size / 2 ** 20).toFixed(1)} MB ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return file;
}

export interface TableInfo {
  name: string;
  rows: number;
  /** Size of the extract (a DuckDB database file) before any compression on the wire. */
  bytes: number;
}

export async function tableInfos(snapshot: Snapshot, cacheDir: string): Promise<TableInfo[]> {
  const infos: TableInfo[] = [];
  for (const table of EXPLORE_TABLES) {
    const file = await extractFile(snapshot, table, cacheDir);
    const rows = snapshot.manifest.files.find((f) => f.name === table.name)?.rows ?? 0;
    infos.push({ name: table.name, rows, bytes: (await stat(file)).size });
  }
  return infos;
}

export const readExtract = (file: string) => readFile(file);
