// A private Framework root for each Framework process (one build, one preview). Framework keeps
// loader outputs and its npm/node bundles in `<root>/.observablehq/cache`; with one shared root,
// a build clears and refills the page data that a running `npm run dev` serves, and two builds
// of different environments overwrite each other's. So each process gets
// `.cache/framework/<purpose>-<pid>-<n>/src/`: a folder of symlinks to every entry of the real
// `src/` (but `.observablehq`) plus a cache of its own. Framework follows the symlinks (pages,
// components, loaders, and the preview's file watchers all see the real files), and the folder
// lives under the project so that Node resolution from the root still finds `node_modules`.
// Bundles of node modules (`_node`, `_npm`) are seeded from a shared copy and published back after
// a successful build, so a build does not re-bundle them. A root is removed when its process ends;
// one left by a killed process is removed by the next process that makes a root.
import { existsSync, rmSync, statSync, watch, type FSWatcher } from "node:fs";
import { cp, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join, relative, sep } from "node:path";
import { ConfigurationError, errorMessage } from "../errors.js";
import { logger } from "../logger.js";
import { ownerIsGone, withLock } from "./lock.js";

/** The variable observablehq.config.ts reads its `root` from (a path relative to the project). */
export const FRAMEWORK_ROOT_VARIABLE = "BTTK_FRAMEWORK_ROOT";

/** Framework's bundles of node modules and npm packages: the part of its cache worth sharing. */
export const BUNDLE_DIRS = ["_node", "_npm"] as const;

const SHARED = "_shared";
const OWNER_FILE = "owner";
/** A root without an owner file (its process died while making it) is removed after this. */
const UNOWNED_STALE_MS = 10 * 60_000;

export interface FrameworkRoot {
  /** The private Framework root (absolute path). */
  dir: string;
  /** Its Framework cache: loader outputs (page data) and the node/npm bundles. */
  cacheDir: string;
  /** What a Framework process needs in its environment to use this root (see frameworkEnv). */
  env: Record<string, string>;
  /** Copy this root's node/npm bundles to the shared copy (after a successful build). */
  publishBundles(): Promise<void>;
  /** Remove the root; safe to call twice. */
  dispose(): Promise<void>;
}

/** Where private roots live: under the project, so that `node_modules` resolves from them. */
export const frameworkRootsDir = (projectRoot: string) => join(projectRoot, ".cache", "framework");

/** Framework's cache folder of a Framework root. */
export const cacheDirOf = (frameworkRoot: string) => join(frameworkRoot, ".observablehq", "cache");

const sharedLock = (projectRoot: string) => join(frameworkRootsDir(projectRoot), `${SHARED}.lock`);

let made = 0;

export interface FrameworkRootOptions {
  /**
   * Keep the root in step with src/ while it lives (a preview): an entry added to or removed from
   * src/ or a parameterized folder (a page a scaffold writes) is linked or unlinked at once. Edits
   * to existing files need nothing: they are read through the links.
   */
  follow?: boolean;
}

/**
 * Make a private Framework root for one process. `purpose` names it (e.g. `build-prod`,
 * `dev-local`); the pid and a counter make it unique, so concurrent builds in one process (tests)
 * get one each. The root is also removed if the process exits or is stopped by SIGINT/SIGTERM.
 */
export async function createFrameworkRoot(
  projectRoot: string,
  purpose: string,
  { follow = false }: FrameworkRootOptions = {},
): Promise<FrameworkRoot> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(purpose)) {
    throw new ConfigurationError(`"${purpose}" cannot name a Framework root.`, {
      hint: "Use lower-case letters, digits and dashes, e.g. build-local.",
    });
  }
  const base = frameworkRootsDir(projectRoot);
  await mkdir(base, { recursive: true });
  await removeStaleRoots(projectRoot);
  const home = join(base, `${purpose}-${process.pid}-${made++}`);
  await mkdir(home);
  await writeFile(join(home, OWNER_FILE), `${process.pid} ${hostname()}`);
  const release = removeOnExit(home);
  try {
    const dir = join(home, "src");
    const src = join(projectRoot, "src");
    const mirrored = await mirrorSources(src, dir);
    const cacheDir = cacheDirOf(dir);
    await mkdir(cacheDir, { recursive: true });
    await seedBundles(projectRoot, cacheDir);
    await pinClientPackages(cacheDir);
    const unfollow = follow ? followSources(src, dir, mirrored) : () => {};
    logger.debug(`Framework root ${relative(projectRoot, dir)} ready`);
    return {
      dir,
      cacheDir,
      env: { [FRAMEWORK_ROOT_VARIABLE]: relative(projectRoot, dir) },
      publishBundles: () => publishBundles(projectRoot, cacheDir),
      dispose: async () => {
        unfollow();
        release();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    release();
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

/** A page or folder name with a parameter (`[lang]`): Framework routes it by globbing. */
const isParameterized = (name: string) => /\[([a-z_]\w*)\]/i.test(name);

/**
 * Mirror `src` into `dir`: a relative symlink for every entry but Framework's own `.observablehq`,
 * except parameterized folders, which are real folders mirrored the same way. Framework finds
 * those with glob, which sees a symlink to a folder as a file (`/index` then matched `[lang]`).
 * Returns the real source folders mirrored as folders (the ones a new entry must be linked in).
 */
async function mirrorSources(src: string, dir: string): Promise<string[]> {
  await mkdir(dir);
  const mirrored = [src];
  for (const entry of await readdir(src, { withFileTypes: true })) {
    if (entry.name === ".observablehq") continue;
    const from = join(src, entry.name);
    const to = join(dir, entry.name);
    if (entry.isDirectory() && isParameterized(entry.name)) mirrored.push(...(await mirrorSources(from, to)));
    else await symlink(relative(dir, from), to);
  }
  return mirrored;
}

/** Watch the mirrored source folders; link or unlink an entry when it appears or goes. */
function followSources(src: string, dir: string, mirrored: string[]): () => void {
  const watchers: FSWatcher[] = [];
  const follow = (folder: string) => {
    const target = join(dir, relative(src, folder));
    const watcher = watch(folder, (_, name) => {
      if (!name || name === ".observablehq" || name.includes(sep)) return;
      syncEntry(join(folder, name), join(target, name)).catch((error: unknown) =>
        logger.warn(`Could not follow ${join(folder, name)} in the preview: ${errorMessage(error)}`),
      );
    });
    watcher.on("error", () => watcher.close());
    watchers.push(watcher);
  };
  const syncEntry = async (from: string, to: string) => {
    const present = await lstat(to).then(
      () => true,
      () => false,
    );
    if (!existsSync(from)) {
      if (present) await rm(to, { recursive: true, force: true });
    } else if (!present) {
      if (statSync(from).isDirectory() && isParameterized(basename(from)))
        for (const folder of await mirrorSources(from, to)) follow(folder);
      else await symlink(relative(dirname(to), from), to);
    }
  };
  for (const folder of mirrored) follow(folder);
  return () => {
    for (const watcher of watchers) watcher.close();
  };
}

/** Exit codes of a process stopped by a signal, as shells report them. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Until the returned function is called, remove `home` when the process exits; SIGINT and SIGTERM
 * exit the process (as they would without a handler), which runs the removal.
 */
function removeOnExit(home: string): () => void {
  const remove = () => rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  const stop = (signal: keyof typeof SIGNAL_EXIT) => process.exit(SIGNAL_EXIT[signal]);
  process.once("exit", remove);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return () => {
    process.off("exit", remove);
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
}

/** Remove the roots of processes that no longer run (a killed build or preview). */
export async function removeStaleRoots(projectRoot: string): Promise<string[]> {
  const base = frameworkRootsDir(projectRoot);
  if (!existsSync(base)) return [];
  const removed: string[] = [];
  for (const entry of await readdir(base)) {
    if (entry.startsWith(SHARED)) continue;
    const home = join(base, entry);
    const owner = await readFile(join(home, OWNER_FILE), "utf8").catch(() => undefined);
    const stale =
      owner === undefined
        ? Date.now() - (await stat(home).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > UNOWNED_STALE_MS
        : ownerIsGone(owner);
    if (!stale) continue;
    await rm(home, { recursive: true, force: true });
    removed.push(entry);
  }
  if (removed.length > 0) logger.info(`Removed Framework roots of stopped processes: ${removed.join(", ")}`);
  return removed;
}

/**
 * Framework's client names the npm packages of its standard library (lodash, arquero, d3, echarts,
 * react-dom for JSX…) in lazy imports; to write each import, a build asks the npm registry for the
 * latest version unless its cache already names one (an `_npm/<name>@<version>` folder). Our pages
 * import their libraries from node_modules and never load these, so naming the versions here keeps
 * every build off the network (a build must work offline) without changing what a reader downloads.
 * The versions are those the registry answered when this list was made.
 */
export const CLIENT_PACKAGES = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0",
] as const;

async function pinClientPackages(cacheDir: string): Promise<void> {
  for (const spec of CLIENT_PACKAGES) await mkdir(join(cacheDir, "_npm", spec), { recursive: true });
}

/** Copy the shared node/npm bundles, if any, into a fresh cache. */
async function seedBundles(projectRoot: string, cacheDir: string): Promise<void> {
  const shared = join(frameworkRootsDir(projectRoot), SHARED);
  if (!existsSync(shared)) return;
  await withLock(sharedLock(projectRoot), async () => {
    for (const name of BUNDLE_DIRS) {
      const from = join(shared, name);
      if (existsSync(from)) await cp(from, join(cacheDir, name), { recursive: true });
    }
  });
}

/** Every file under a folder, relative paths (none when it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * Publish a cache's bundles to the shared copy when it has some the copy lacks. The new copy (the
 * old one, then this cache's bundles over it) is written aside and renamed into place, under a
 * lock, so a root being seeded never reads half of it.
 */
async function publishBundles(projectRoot: string, cacheDir: string): Promise<void> {
  const base = frameworkRootsDir(projectRoot);
  const shared = join(base, SHARED);
  await withLock(sharedLock(projectRoot), async () => {
    // Whoever holds the lock knows that any other `_shared.*` folder is a crashed publisher's.
    for (const entry of await readdir(base))
      if (entry.startsWith(`${SHARED}.`) && entry !== `${SHARED}.lock`)
        await rm(join(base, entry), { recursive: true, force: true });
    let missing = false;
    for (const name of BUNDLE_DIRS) {
      const have = new Set(await filesUnder(join(shared, name)));
      if ((await filesUnder(join(cacheDir, name))).some((f) => !have.has(f))) missing = true;
    }
    if (!missing) return;
    const tmp = join(base, `${SHARED}.${process.pid}.part`);
    await mkdir(tmp);
    for (const name of BUNDLE_DIRS) {
      if (existsSync(join(shared, name))) await cp(join(shared, name), join(tmp, name), { recursive: true });
      if (existsSync(join(cacheDir, name)))
        await cp(join(cacheDir, name), join(tmp, name), { recursive: true, force: true });
    }
    // rename cannot replace a non-empty folder: the old copy is renamed aside first, so the
    // shared copy is missing only between two renames (and a crash there only costs a re-bundling).
    const old = join(base, `${SHARED}.${process.pid}.old`);
    if (existsSync(shared)) await rename(shared, old);
    await rename(tmp, shared);
    await rm(old, { recursive: true, force: true });
    logger.debug(`Published Framework bundles to ${relative(projectRoot, shared)}`);
  });
}
