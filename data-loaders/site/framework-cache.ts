// Framework reuses any cached loader output however old (<root>/.observablehq/cache/<file>),
// whatever the environment or dataset. So each build starts from a data cache that belongs to it:
// its Framework root is private (framework-root.ts), and its page data is restored from the stash
// of the build fingerprint, or computed fresh and stashed after the build. These functions take
// the cache folder of that private root; only the stash folder is shared between processes.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { withLock } from "./lock.js";

/**
 * Run f while holding the lock on the stash folder (the build cache): restoring, checking,
 * writing and pruning stashes take it, so a build never reads a stash another one is replacing
 * or pruning. Each holds it for a few file copies, not for the build.
 */
export async function withStashLock<T>(buildCache: string, f: () => Promise<T>): Promise<T> {
  await mkdir(buildCache, { recursive: true });
  return withLock(join(buildCache, "_stash.lock"), f);
}

const isDataEntry = (name: string) => !name.startsWith("_");

/** Remove the page data of a Framework cache, keeping Framework's `_node`/`_npm` bundles. */
export async function clearDataCache(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const entry of await readdir(dir))
    if (isDataEntry(entry)) await rm(join(dir, entry), { recursive: true, force: true });
}

/** Copy a stash into a Framework cache; files get a fresh mtime so Framework sees them as fresh. */
export async function restoreDataCache(dir: string, stash: string): Promise<boolean> {
  if (!existsSync(join(stash, ".complete"))) return false;
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(stash)) {
    if (entry === ".complete") continue;
    await cp(join(stash, entry), join(dir, entry), { recursive: true });
  }
  return true;
}

/** Copy the page data of a Framework cache to a stash (written aside, then renamed into place). */
export async function stashDataCache(dir: string, stash: string): Promise<void> {
  if (existsSync(join(stash, ".complete"))) return;
  const tmp = `${stash}.${process.pid}.part`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const entry of await readdir(dir)) {
    if (isDataEntry(entry)) await cp(join(dir, entry), join(tmp, entry), { recursive: true });
  }
  await writeFile(join(tmp, ".complete"), new Date().toISOString());
  await rm(stash, { recursive: true, force: true });
  await rename(tmp, stash);
}

/** Write one page data file where Framework looks for its loader's cached output. */
export async function writeCachedFile(dir: string, target: string, data: string): Promise<void> {
  const path = join(dir, target);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  const now = new Date();
  await utimes(path, now, now);
}

/** Keep the newest `keep` stashes of the build cache folder. */
export async function pruneStashes(buildCache: string, keep: number): Promise<void> {
  if (!existsSync(buildCache)) return;
  const entries = await Promise.all(
    (await readdir(buildCache))
      .filter((e) => /^[0-9a-f]{16}$/.test(e))
      .map(async (e) => ({ e, t: (await stat(join(buildCache, e))).mtimeMs })),
  );
  for (const { e } of entries.sort((a, b) => b.t - a.t).slice(keep))
    await rm(join(buildCache, e), { recursive: true, force: true });
}
