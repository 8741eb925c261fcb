// Post-build: the browser's view of each page data file. An analysis's `fullSpan` is the summary
// of its whole span, computed from the per-year aggregates by the same src/lib functions the page
// calls for whatever range the reader picks, so the page computes it again on load and never reads
// the loader's copy (tests/bundle.test.ts and every page's bundle check that: see
// checkReadsNoOmitted). It is a third to a half of a page's data (Seasonality 107 → 67 KB gzipped,
// Ratings 38 → 17). The loader, `npm run analysis` and the build's data cache keep the full result,
// checked against the full contract; only the built site's copy, _file/data/<page>.<hash>.json,
// loses these keys, under a new content hash (the pages' links are rewritten by bundle.ts).
import { existsSync, readdirSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contentHash } from "./fonts.js";

/** Keys of an analysis's result that the pages recompute and never read. */
export const BROWSER_OMITTED = ["fullSpan"] as const;

const DATA_DIR = join("_file", "data");
const DATA_FILE = /^(.+)\.[0-9a-f]{8}\.json$/;

/**
 * A page's data as the browser receives it: each analysis's result (a top-level key) without the
 * BROWSER_OMITTED keys; anything else, such as the dev preview's "$errors", as it is.
 */
export function browserView(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, result]) => {
      if (!result || typeof result !== "object" || Array.isArray(result)) return [key, result];
      const kept = Object.entries(result).filter(
        ([field]) => !(BROWSER_OMITTED as readonly string[]).includes(field),
      );
      return [key, Object.fromEntries(kept)];
    }),
  );
}

/**
 * Rewrites every page data file of a built release folder as its browser view, under its new
 * content hash, and removes the full one. Returns the renames as site paths (`_file/data/…`) for
 * the pages' links; a file with nothing to omit keeps its name.
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
    if (text.length === JSON.stringify(data).length) continue; // nothing omitted
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
