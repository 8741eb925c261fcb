// Build the site of one environment: sync its snapshot, give Framework a data cache that belongs
// to this environment and dataset (restored by fingerprint, or computed in this process — one
// DuckDB session for every page instead of one tsx + DuckDB start-up per loader), run
// `observable build` into a new release folder, write snapshot.json, then switch dist/<env> (a
// symlink) to the new release. A failed build leaves the previous site in place.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readlink, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { BUILD_INFO_VARIABLE, type BuildInfo } from "../../src/lib/contracts/build.js";
import { PAGE_FILES } from "../analyses/registry.js";
import { computePageData, SNAPSHOT_DIR_VARIABLE } from "../analyses/page-data.js";
import type { AppConfig } from "../config/config.js";
import { MangetamainError } from "../errors.js";
import { logger } from "../logger.js";
import type { Snapshot } from "../snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { makeBuildInfo } from "./build-info.js";
import { buildFingerprint, codeDigest } from "./fingerprint.js";
import {
  clearDataCache,
  pruneStashes,
  restoreDataCache,
  stashDataCache,
  writeCachedFile,
} from "./framework-cache.js";
import { withLock } from "./lock.js";

export class BuildError extends MangetamainError {}

export interface SiteSnapshot extends BuildInfo {
  fingerprint: string;
  manifest: { createdAt: string; schemaVersion: number };
}

export interface BuildResult {
  outDir: string;
  releaseDir: string;
  info: SiteSnapshot;
  /** True when page data came from the stash of an identical earlier build. */
  reusedData: boolean;
  seconds: number;
}

const KEEP_RELEASES = 3;

/** Environment variables a Framework process (build or preview) needs to find its data. */
export function frameworkEnv(config: AppConfig, snapshot: Snapshot, infoPath: string, output?: string) {
  return {
    ...process.env,
    APP_ENV: config.env,
    [SNAPSHOT_DIR_VARIABLE]: snapshot.dir,
    [BUILD_INFO_VARIABLE]: infoPath,
    ...(output ? { BTTK_OUTPUT: output } : {}),
  };
}

export function runFramework(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const bin = join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  return new Promise((done, fail) => {
    // Framework prints progress on stdout; ours is reserved for data, so it goes to stderr.
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.pipe(process.stderr);
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0
        ? done()
        : fail(
            new BuildError(`observable ${args[0]} exited with code ${code}.`, {
              hint: "See its output above.",
            }),
          ),
    );
  });
}

/** Prepare Framework's data cache for this fingerprint; returns whether a stash was reused. */
export async function prepareDataCache(
  config: AppConfig,
  snapshot: Snapshot,
): Promise<{ fingerprint: string; reused: boolean }> {
  const root = config.paths.root;
  const fingerprint = buildFingerprint({
    env: config.env,
    datasetId: snapshot.datasetId,
    manifestSha256: snapshot.manifestSha256,
    codeDigest: codeDigest(root),
  });
  await clearDataCache(root);
  const stash = join(config.paths.buildCache, fingerprint);
  if (await restoreDataCache(root, stash)) {
    logger.info(`Page data reused from build cache ${fingerprint}`);
    return { fingerprint, reused: true };
  }
  for (const [target, page] of Object.entries(PAGE_FILES)) {
    const started = performance.now();
    const data = JSON.stringify(await computePageData(page, snapshot));
    await writeCachedFile(root, target, data);
    logger.info(
      `Computed ${target} (${(data.length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { fingerprint, reused: false };
}

function checkOutput(releaseDir: string): void {
  const fileDir = join(releaseDir, "_file", "data");
  const built = existsSync(fileDir) ? readdirSync(fileDir) : [];
  for (const target of Object.keys(PAGE_FILES)) {
    const base = target.replace(/^data\//, "").replace(/\.json$/, "");
    if (!built.some((f) => f.startsWith(`${base}.`) && f.endsWith(".json"))) {
      throw new BuildError(`The build has no ${target}: a page that uses it did not get its data.`, {
        hint: "Check the build output above for a loader or page error.",
      });
    }
  }
}

async function switchRelease(config: AppConfig, releaseDir: string): Promise<string> {
  const outDir = join(config.paths.dist, config.env);
  const link = `${outDir}.${process.pid}.link`;
  await rm(link, { force: true });
  await symlink(relative(config.paths.dist, releaseDir), link);
  // A real folder from an older layout is moved aside; a symlink is replaced atomically by rename.
  const current = await readlink(outDir).catch(() => undefined);
  if (current === undefined && existsSync(outDir)) await rm(outDir, { recursive: true, force: true });
  await rename(link, outDir);
  const releases = join(config.paths.dist, ".releases");
  const mine = readdirSync(releases)
    .filter((d) => d.startsWith(`${config.env}-`))
    .sort()
    .reverse();
  for (const old of mine.slice(KEEP_RELEASES))
    await rm(join(releases, old), { recursive: true, force: true });
  return outDir;
}

export async function buildSite(config: AppConfig, store: ObjectStore): Promise<BuildResult> {
  const started = performance.now();
  const root = config.paths.root;
  await mkdir(config.paths.buildCache, { recursive: true });
  const snapshot = await syncEnvironmentSnapshot(config, store);
  logger.info(`Building "${config.env}" from dataset ${snapshot.datasetId}`);
  return withLock(join(config.paths.buildCache, "build.lock"), async () => {
    const { fingerprint, reused } = await prepareDataCache(config, snapshot);
    const buildInfo = makeBuildInfo(root, config.env, snapshot);
    const infoPath = join(config.paths.buildCache, `info-${config.env}-${process.pid}.json`);
    await writeFile(infoPath, JSON.stringify(buildInfo));
    const stamp = buildInfo.builtAt.replace(/[-:.]/g, "").replace("T", "-").slice(0, 18);
    const releaseDir = join(config.paths.dist, ".releases", `${config.env}-${stamp}-${process.pid}`);
    await mkdir(join(config.paths.dist, ".releases"), { recursive: true });
    try {
      await runFramework(root, ["build"], frameworkEnv(config, snapshot, infoPath, releaseDir));
      checkOutput(releaseDir);
      const info: SiteSnapshot = {
        ...buildInfo,
        fingerprint,
        manifest: { createdAt: snapshot.manifest.createdAt, schemaVersion: snapshot.manifest.schemaVersion },
      };
      await writeFile(join(releaseDir, "snapshot.json"), JSON.stringify(info, null, 2) + "\n");
      const outDir = await switchRelease(config, releaseDir);
      await stashDataCache(root, join(config.paths.buildCache, fingerprint));
      await pruneStashes(config.paths.buildCache, 8);
      const seconds = (performance.now() - started) / 1000;
      logger.success(
        `Built ${relative(root, outDir)} in ${seconds.toFixed(1)} s (dataset ${snapshot.datasetId})`,
      );
      return { outDir, releaseDir, info, reusedData: reused, seconds };
    } catch (error) {
      await rm(releaseDir, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(infoPath, { force: true });
    }
  });
}
