// Entry for the thin loaders in src/data/: compute one page's data, checked against the page's
// contract (registry.ts), and print it on stdout; a broken contract prints nothing and exits 1.
// Under `npm run build` / `npm run dev` the snapshot is already synced and its folder is given in
// BTTK_SNAPSHOT_DIR; run alone (e.g. `npx observable build`), the loader syncs it itself.
import { loadConfig } from "../config/config.js";
import { openSession } from "../duckdb/session.js";
import { errorMessage } from "../errors.js";
import { configureLogger, logger } from "../logger.js";
import { readLocalSnapshot, type Snapshot } from "../snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { connectStore } from "../storage/connect.js";
import { computePage, REGISTRY, type Registry } from "./registry.js";

export const SNAPSHOT_DIR_VARIABLE = "BTTK_SNAPSHOT_DIR";

export async function loaderSnapshot(): Promise<Snapshot> {
  const dir = process.env[SNAPSHOT_DIR_VARIABLE];
  if (dir) return readLocalSnapshot(dir);
  const config = loadConfig();
  configureLogger(config, { files: false });
  const connection = await connectStore(config);
  try {
    return await syncEnvironmentSnapshot(config, connection.store);
  } finally {
    await connection.close();
  }
}

export async function computePageData(
  page: string,
  snapshot: Snapshot,
  registry: Registry = REGISTRY,
): Promise<Record<string, unknown>> {
  const session = await openSession(snapshot);
  try {
    return await computePage(page, { session, snapshot }, registry);
  } finally {
    session.close();
  }
}

/** What a loader file calls: prints the page's JSON on stdout; errors go to stderr, exit code 1. */
export async function printPageData(page: string): Promise<void> {
  try {
    const data = await computePageData(page, await loaderSnapshot());
    process.stdout.write(JSON.stringify(data));
  } catch (error) {
    logger.error(`Cannot compute the data of page "${page}": ${errorMessage(error)}`);
    process.exitCode = 1;
  }
}
