// Entries of the Explore loaders under src/explore/engine/: each prints one file on stdout (logs go
// to stderr), so Framework content-hashes it and serves it from the site, in builds and in the dev
// preview alike. A failure prints nothing and exits 1, with what went wrong on stderr.
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { pipeline } from "node:stream/promises";
import type { ExploreTablesInfo } from "../../src/lib/explore/tables-info.js";
import { loaderSnapshot } from "../analyses/page-data.js";
import { loadConfig } from "../config/config.js";
import { DataLoadError, errorMessage } from "../errors.js";
import { logger } from "../logger.js";
import { extractFile, findTable, tableInfos } from "./store.js";

/** `--table=recipes` (how Framework passes a route parameter) → "recipes". */
export function tableArgument(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === "--table" || a.startsWith("--table="));
  const table = i < 0 ? undefined : argv[i].startsWith("--table=") ? argv[i].slice(8) : argv[i + 1];
  if (!table) {
    throw new DataLoadError("The Explore extract loader needs --table=<table>.", {
      hint: "Framework passes it for src/explore/engine/<table>.duckdb.",
    });
  }
  return table;
}

async function run(what: string, f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch (error) {
    logger.error(`Cannot write ${what}: ${errorMessage(error)}`);
    process.exitCode = 1;
  }
}

const cacheDir = () => loadConfig().paths.cache;

/** One table's extract (a DuckDB database file). */
export function printExtract(argv: readonly string[]): Promise<void> {
  return run("an Explore extract", async () => {
    const table = findTable(tableArgument(argv));
    const file = await extractFile(await loaderSnapshot(), table, cacheDir());
    await pipeline(createReadStream(file), process.stdout);
  });
}

/** tables.json: the dataset and, per table, its rows and the size of its extract (for progress). */
export function printTablesInfo(): Promise<void> {
  return run("the Explore tables.json", async () => {
    const snapshot = await loaderSnapshot();
    const info: ExploreTablesInfo = {
      datasetId: snapshot.datasetId,
      tables: await tableInfos(snapshot, cacheDir()),
    };
    process.stdout.write(JSON.stringify(info));
  });
}

/** A file of the DuckDB-Wasm package, as the site serves it (the eh build's wasm or worker). */
export function printDuckDBAsset(file: "duckdb-eh.wasm" | "duckdb-browser-eh.worker.js"): Promise<void> {
  return run(file, async () => {
    const path = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${file}`);
    await pipeline(createReadStream(path), process.stdout);
  });
}
