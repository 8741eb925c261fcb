// Build the site of one environment: sync its snapshot, give Framework a private root whose data
// cache belongs to this build (framework-root.ts; page data restored by fingerprint, or computed
// in this process — one DuckDB session for every page instead of one tsx + DuckDB start-up per
// loader), run `observable build` into a new release folder, bundle each page's modules into one
// file (bundle.ts), write snapshot.json, then switch
// dist/<env> (a symlink) to the new release. Every page data file and the BuildInfo are checked
// against their contracts (src/lib/contracts) as they are written: a broken contract fails the
// build with the analysis and the path, and a failed build leaves the previous site in place.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, readlink, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { z } from "zod";
import { BUILD_INFO_VARIABLE, buildInfoSchema } from "../../src/lib/contracts/build.js";
import { checkPage, findViolation, formatPath } from "../analyses/contract.js";
import { REGISTRY, type PageContract, type Registry } from "../analyses/registry.js";
import { computePageDataAndQueries, SNAPSHOT_DIR_VARIABLE } from "../analyses/page-data.js";
import { checkNotRunnable, queriesFile } from "../explore/queries.js";
import type { PageQueries } from "../../src/lib/explore/analysis-queries.js";
import type { AppConfig } from "../config/config.js";
import { errorMessage, MangetamainError, ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import type { Snapshot } from "../snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { precompressSite } from "../server/precompress.js";
import { makeBuildInfo } from "./build-info.js";
import { bundleSite } from "./bundle.js";
import { buildFingerprint, codeDigest } from "./fingerprint.js";
import {
  clearDataCache,
  pruneStashes,
  restoreDataCache,
  stashDataCache,
  withStashLock,
  writeCachedFile,
} from "./framework-cache.js";
import { createFrameworkRoot, type FrameworkRoot } from "./framework-root.js";
import { withLock } from "./lock.js";

export class BuildError extends MangetamainError {}

/** dist/<env>/snapshot.json: the BuildInfo, the data cache fingerprint and the manifest's identity. */
export const siteSnapshotSchema = buildInfoSchema.extend({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  manifest: z.object({ createdAt: z.iso.datetime(), schemaVersion: z.number().int().positive() }),
});

export type SiteSnapshot = z.infer<typeof siteSnapshotSchema>;

export interface BuildOptions {
  /** The analyses and page contracts to build with (tests hand in a broken one). */
  registry?: Registry;
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

/** Throws ValidationError when what the build writes about itself breaks its contract. */
export function checkBuildInfo(schema: z.ZodType, value: unknown, file: string): void {
  const violation = findViolation(schema, value);
  if (!violation) return;
  const at = violation.path.length > 0 ? formatPath(violation.path) : "the top level";
  throw new ValidationError(
    `The build's ${file} broke its contract (src/lib/contracts/build.ts) at ${at}: ${violation.message}.`,
    { hint: "makeBuildInfo (data-loaders/site/build-info.ts) and the BuildInfo schema must agree." },
  );
}

/** Check a page data file as the page will read it: the JSON text, parsed, against the page schema. */
export function checkPageFile(page: string, contract: PageContract, text: string): void {
  checkPage(page, contract.schema, JSON.parse(text), contract.file);
}

/** Check the page files restored from a stash; false (with a warning) when one is missing or broken. */
async function restoredDataHolds(cacheDir: string, registry: Registry): Promise<boolean> {
  for (const [page, contract] of Object.entries(registry.pages)) {
    try {
      checkPageFile(page, contract, await readFile(join(cacheDir, contract.file), "utf8"));
      JSON.parse(await readFile(join(cacheDir, queriesFile(page)), "utf8"));
    } catch (error) {
      logger.warn(`Stashed ${contract.file} cannot be reused (${errorMessage(error)}): computing it again.`);
      return false;
    }
  }
  return true;
}

/** Environment variables a Framework process (build or preview) needs to find its root and data. */
export function frameworkEnv(
  config: AppConfig,
  snapshot: Snapshot,
  infoPath: string,
  framework: Pick<FrameworkRoot, "env">,
  output?: string,
) {
  return {
    ...process.env,
    ...framework.env,
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
    // A build or preview stopped by a signal exits (framework-root.ts); Framework must not outlive it.
    const stop = () => child.kill();
    process.once("exit", stop);
    child.on("error", fail);
    child.on("exit", (code) => {
      process.off("exit", stop);
      return code === 0
        ? done()
        : fail(
            new BuildError(`observable ${args[0]} exited with code ${code}.`, {
              hint: "See its output above.",
            }),
          );
    });
  });
}

/**
 * Prepare the data cache of a private Framework root (`cacheDir`, see framework-root.ts) for this
 * fingerprint; returns whether a stash was reused. Each page file is checked against its contract
 * before it is written; a stash (computed and checked by the same code, since the code is in the
 * fingerprint) is checked again in case it was damaged. Stashes are used only with the project's
 * own registry: an injected one is not in the fingerprint.
 */
export async function prepareDataCache(
  config: AppConfig,
  snapshot: Snapshot,
  cacheDir: string,
  { registry = REGISTRY }: BuildOptions = {},
): Promise<{ fingerprint: string; reused: boolean }> {
  const root = config.paths.root;
  const fingerprint = buildFingerprint({
    env: config.env,
    datasetId: snapshot.datasetId,
    manifestSha256: snapshot.manifestSha256,
    codeDigest: codeDigest(root),
  });
  await clearDataCache(cacheDir);
  const stash = join(config.paths.buildCache, fingerprint);
  const restored =
    registry === REGISTRY &&
    (await withStashLock(config.paths.buildCache, async () => {
      if (!(await restoreDataCache(cacheDir, stash))) return false;
      if (await restoredDataHolds(cacheDir, registry)) return true;
      await rm(stash, { recursive: true, force: true });
      await clearDataCache(cacheDir);
      return false;
    }));
  if (restored) {
    logger.info(`Page data reused from build cache ${fingerprint}`);
    return { fingerprint, reused: true };
  }
  const recorded: PageQueries[] = [];
  for (const [page, contract] of Object.entries(registry.pages)) {
    const started = performance.now();
    const computed = await computePageDataAndQueries(page, snapshot, registry);
    const data = JSON.stringify(computed.data);
    checkPageFile(page, contract, data);
    await writeCachedFile(cacheDir, contract.file, data);
    // "Open in Explore": the SQL the page's analyses ran, beside the data (Framework's cache of
    // src/explore/queries/[page].json.ts), so the page data does not grow and nothing runs twice.
    await writeCachedFile(cacheDir, queriesFile(page), JSON.stringify(computed.queries));
    recorded.push(computed.queries);
    logger.info(
      `Computed ${contract.file} (${(data.length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (registry === REGISTRY) checkNotRunnable(recorded);
  return { fingerprint, reused: false };
}

function checkOutput(releaseDir: string, registry: Registry): void {
  const fileDir = join(releaseDir, "_file", "data");
  const built = existsSync(fileDir) ? readdirSync(fileDir) : [];
  for (const target of Object.values(registry.pages).map((p) => p.file)) {
    const base = target.replace(/^data\//, "").replace(/\.json$/, "");
    if (!built.some((f) => f.startsWith(`${base}.`) && f.endsWith(".json"))) {
      throw new BuildError(`The build has no ${target}: a page that uses it did not get its data.`, {
        hint: "Check the build output above for a loader or page error.",
      });
    }
  }
}

/**
 * Point dist/<env> at a new release and prune the environment's old ones, holding the
 * environment's release lock: two builds of one environment switch one after the other.
 */
function switchRelease(config: AppConfig, releaseDir: string): Promise<string> {
  const lock = join(config.paths.dist, ".releases", `${config.env}.lock`);
  return withLock(lock, () => switchReleaseLocked(config, releaseDir));
}

async function switchReleaseLocked(config: AppConfig, releaseDir: string): Promise<string> {
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

export async function buildSite(
  config: AppConfig,
  store: ObjectStore,
  { registry = REGISTRY }: BuildOptions = {},
): Promise<BuildResult> {
  const started = performance.now();
  const root = config.paths.root;
  await mkdir(config.paths.buildCache, { recursive: true });
  const snapshot = await syncEnvironmentSnapshot(config, store);
  logger.info(`Building "${config.env}" from dataset ${snapshot.datasetId}`);
  const current = join(config.paths.dist, config.env);
  // A private Framework root: no other build or preview reads or clears this build's cache.
  const framework = await createFrameworkRoot(root, `build-${config.env}`);
  try {
    const { fingerprint, reused } = await prepareDataCache(config, snapshot, framework.cacheDir, {
      registry,
    });
    const buildInfo = makeBuildInfo(root, config.env, snapshot);
    checkBuildInfo(buildInfoSchema, buildInfo, "BuildInfo");
    const infoPath = join(framework.dir, "..", "build-info.json");
    await writeFile(infoPath, JSON.stringify(buildInfo));
    const stamp = buildInfo.builtAt.replace(/[-:.]/g, "").replace("T", "-").slice(0, 18);
    const releaseDir = join(config.paths.dist, ".releases", `${config.env}-${stamp}-${process.pid}`);
    await mkdir(join(config.paths.dist, ".releases"), { recursive: true });
    try {
      await runFramework(root, ["build"], frameworkEnv(config, snapshot, infoPath, framework, releaseDir));
      const bundled = await bundleSite(releaseDir, root);
      logger.info(`Bundled the modules of ${bundled.length} pages (data-loaders/site/bundle.ts)`);
      // Large files (DuckDB-Wasm, the Explore extracts) get their .br/.gz forms now, once, not
      // at every server start; cached by content for all builds of this checkout.
      const packed = await precompressSite(releaseDir, join(root, ".cache", "precompressed"));
      logger.info(`Precompressed ${packed.files} large files (data-loaders/server/precompress.ts)`);
      checkOutput(releaseDir, registry);
      const info: SiteSnapshot = {
        ...buildInfo,
        fingerprint,
        manifest: { createdAt: snapshot.manifest.createdAt, schemaVersion: snapshot.manifest.schemaVersion },
      };
      checkBuildInfo(siteSnapshotSchema, info, "snapshot.json");
      await writeFile(join(releaseDir, "snapshot.json"), JSON.stringify(info, null, 2) + "\n");
      const outDir = await switchRelease(config, releaseDir);
      await withStashLock(config.paths.buildCache, async () => {
        if (registry === REGISTRY)
          await stashDataCache(framework.cacheDir, join(config.paths.buildCache, fingerprint));
        await pruneStashes(config.paths.buildCache, 8);
      });
      await framework.publishBundles();
      const seconds = (performance.now() - started) / 1000;
      logger.success(
        `Built ${relative(root, outDir)} in ${seconds.toFixed(1)} s (dataset ${snapshot.datasetId})`,
      );
      return { outDir, releaseDir, info, reusedData: reused, seconds };
    } catch (error) {
      await rm(releaseDir, { recursive: true, force: true });
      throw error;
    }
  } catch (error) {
    const kept = existsSync(current) ? "still serves its previous release" : "was not created";
    logger.warn(`The build of "${config.env}" failed: ${relative(root, current)} ${kept}.`);
    throw error;
  } finally {
    await framework.dispose();
  }
}
