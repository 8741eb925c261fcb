// Framework reuses any cached loader output however old (src/.observablehq/cache/<file>), whatever
// the environment or dataset. So each build starts from a data cache that belongs to it: the data
// part of the cache (everything but Framework's own `_node`/`_npm` bundles) is cleared, then
// restored from the stash of the build fingerprint, or computed fresh and stashed after the build.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { withLock } from "./lock.js";

export const frameworkCacheDir = (root: string) => join(root, "src", ".observablehq", "cache");

/**
 * Run f while holding the lock on the checkout's Framework cache: anything that clears or fills
 * it (a build, a preview's data preparation) takes it, so builds with different CACHE_DIRs (tests,
 * another environment's shell) wait for each other. The lock file is `_build.lock` in the cache,
 * which clearDataCache leaves alone.
 */
export async function withCacheLock<T>(root: string, f: () => Promise<T>): Promise<T> {
  await mkdir(frameworkCacheDir(root), { recursive: true });
  return withLock(join(frameworkCacheDir(root), "_build.lock"), f);
}

const isDataEntry = (name: string) => !name.startsWith("_");

export async function clearDataCache(root: string): Promise<void> {
  const dir = frameworkCacheDir(root);
  if (!existsSync(dir)) return;
  for (const entry of await readdir(dir))
    if (isDataEntry(entry)) await rm(join(dir, entry), { recursive: true, force: true });
}

/** Copy a stash into Framework's cache; files get a fresh mtime so Framework sees them as fresh. */
export async function restoreDataCache(root: string, stash: string): Promise<boolean> {
  if (!existsSync(join(stash, ".complete"))) return false;
  const dir = frameworkCacheDir(root);
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(stash)) {
    if (entry === ".complete") continue;
    await cp(join(stash, entry), join(dir, entry), { recursive: true });
  }
  return true;
}

export async function stashDataCache(root: string, stash: string): Promise<void> {
  if (existsSync(join(stash, ".complete"))) return;
  const dir = frameworkCacheDir(root);
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
export async function writeCachedFile(root: string, target: string, data: string): Promise<void> {
  const path = join(frameworkCacheDir(root), target);
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
