// Which extract to download for a base table, and the page's prefetch: the tables a notebook names
// start downloading as the page opens, while DuckDB-Wasm starts. Light on purpose (no DuckDB, no
// Arrow): the Explore page calls prefetchTables before the engine's own module has arrived.
import { startDownload } from "./engine-downloads.js";
import { engineFiles, extractUrls } from "./engine-files.js";
import { fetchBytes, tablesNamed } from "./engine-tables.js";
import type { ExploreTablesInfo } from "./tables-info.js";

/** tables.json (each extract's size), fetched once per page; a failure is forgotten. */
let tablesInfo: Promise<ExploreTablesInfo> | undefined;
function tablesInfoOnce(): Promise<ExploreTablesInfo> {
  tablesInfo ??= engineFiles.tables().catch((error) => {
    tablesInfo = undefined;
    throw error;
  });
  return tablesInfo;
}

/** Base tables loaded in the live engine (engine.ts keeps it): a prefetch skips them. */
export const loaded = new Set<string>();

/** Start downloading a base table's extract, unless a download of it is under way. */
export function download(table: string): void {
  startDownload(table, async (onProgress) => {
    const info = await tablesInfoOnce();
    const expected = info.tables.find((t) => t.name === table)?.bytes ?? 0;
    onProgress({ loadedBytes: 0, totalBytes: expected });
    return fetchBytes(await extractUrls[table](), expected, onProgress);
  });
}

/**
 * Download the base tables these statements name, now, while DuckDB-Wasm starts: the page calls it
 * with its notebook's cells as it opens, so the first run does not wait for a download after the
 * engine's start. Only a hint: tables already in the engine are skipped, and a table it missed is
 * downloaded when a statement needs it.
 */
export function prefetchTables(statements: readonly string[]): void {
  for (const table of new Set(statements.flatMap((sql) => tablesNamed(sql))))
    if (!loaded.has(table)) download(table);
}
