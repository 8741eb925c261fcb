// Post-build: the browser's view of each page data file (src/lib/browser-data.ts: without the
// `fullSpan` summaries every page recomputes, item counts encoded). `fullSpan` is a third to a half
// of a page's data (Seasonality 107 → 67 KB gzipped, Ratings 38 → 17). The loader, `npm run
// analysis` and the build's data cache keep the full result, checked against the full contract;
// only the built site's copy, _file/data/<page>.<hash>.json, is the view, under a new content hash
// (the pages' links are rewritten by bundle.ts). A page's code that names an omitted key stops the
// build (omittedKeysRead), since the built site would not have it.
import { existsSync, readdirSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BROWSER_OMITTED, browserView } from "../../src/lib/browser-data.js";
import { contentHash } from "./fonts.js";

export { BROWSER_OMITTED, browserView };

const DATA_DIR = join("_file", "data");
const DATA_FILE = /^(.+)\.[0-9a-f]{8}\.json$/;

/**
 * Rewrites every page data file of a built release folder as its browser view, under its new
 * content hash, and removes the full one. Returns the renames as site paths (`_file/data/…`) for
 * the pages' links; a file whose view is itself keeps its name.
 */
export async function writeBrowserData(releaseDir: string): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  const dir = join(releaseDir, DATA_DIR);
  if (!existsSync(dir)) return renames;
  for (const file of readdirSync(dir).sort()) {
    const name = DATA_FILE.exec(file)?.[1];
    if (!name) continue;
    const data = JSON.parse(await readFile(join(dir, file), "utf8")) as unknown;
    if (!data || typeof data !== "object" || Array.isArray(data)) continue;
    const text = JSON.stringify(browserView(data as Record<string, unknown>));
    if (text === JSON.stringify(data)) continue; // nothing to change
    const renamed = `${name}.${contentHash(text)}.json`;
    await writeFile(join(dir, renamed), text);
    await rm(join(dir, file));
    renames.set(`_file/data/${file}`, `_file/data/${renamed}`);
  }
  return renames;
}

/**
 * The omitted keys a page's code names: a page that reads `fullSpan` would find it missing on the
 * built site (the dev preview, unbundled, still has it), so the build stops instead.
 */
export function omittedKeysRead(code: string): string[] {
  return BROWSER_OMITTED.filter((key) => new RegExp(`\\b${key}\\b`).test(code));
}
