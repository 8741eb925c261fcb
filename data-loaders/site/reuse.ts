// Whether `npm start` may serve the last build as it is: nothing it was built from has changed —
// the environment, the dataset (id and manifest digest), the git commit it shows, and every file
// the build reads (pages, components, styles, assets, the shared lib, the loaders, the Framework
// config and the lockfile). The start records a digest of all that next to dist/ after each build
// it makes; a later start with the same digest and the same release in place skips the build,
// which takes the first byte from a dozen seconds down to the time it takes to check.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AppConfig } from "../config/config.js";
import { resolveDataset } from "../snapshot/pointer.js";
import { manifestKey } from "../storage/layout.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { gitCommit } from "./build-info.js";
import { hashFiles } from "./fingerprint.js";

/** What the build reads, relative to the project root. Framework's own cache is its output, not an input. */
const INPUTS = ["src", "data-loaders", "observablehq.config.ts", "package.json", "package-lock.json"];
const SKIPPED = new Set([join("src", ".observablehq"), "node_modules"]);

/** A digest of everything a build of `env` from this dataset would be made of. */
export function siteInputsDigest(
  root: string,
  env: string,
  dataset: { datasetId: string; manifestSha256: string },
): string {
  const hash = createHash("sha256").update(
    JSON.stringify([env, dataset.datasetId, dataset.manifestSha256, gitCommit(root)]),
  );
  hashFiles(hash, root, INPUTS, { skip: SKIPPED });
  return hash.digest("hex");
}

/** A dataset as a build depends on it: its id and its manifest's digest. */
export interface DatasetIdentity {
  datasetId: string;
  manifestSha256: string;
}

/** The dataset the environment would be built from, with its manifest's digest. */
export async function currentDataset(config: AppConfig, store: ObjectStore): Promise<DatasetIdentity> {
  const resolved = await resolveDataset(store, config);
  const manifestSha256 =
    resolved.manifestSha256 ??
    createHash("sha256")
      .update(await store.getBytes(manifestKey(resolved.datasetId)))
      .digest("hex");
  return { datasetId: resolved.datasetId, manifestSha256 };
}

const recordPath = (config: AppConfig) => join(config.paths.dist, ".inputs", `${config.env}.json`);

interface BuildRecord {
  digest: string;
  /** The release folder dist/<env> pointed at when the digest was recorded. */
  release: string;
  /** The dataset the build was made from (absent in records written before it was kept). */
  dataset?: DatasetIdentity;
}

function readRecord(config: AppConfig): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(config), "utf8")) as BuildRecord;
  } catch {
    return undefined;
  }
}

/** dist/<env> when it is the build of exactly these inputs, else undefined. */
export function reusableBuild(config: AppConfig, digest: string): string | undefined {
  const outDir = join(config.paths.dist, config.env);
  const record = readRecord(config);
  if (!record || record.digest !== digest || !existsSync(join(outDir, "snapshot.json"))) return undefined;
  try {
    return realpathSync(outDir) === record.release ? outDir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The last build of the environment when none of its files changed since, checked without S3:
 * the digest is taken with the dataset the build recorded. Whether that dataset is still the
 * environment's is for the caller to check (it needs S3) — `npm start` serves first, checks after.
 */
export function lastBuildIfFilesUnchanged(
  config: AppConfig,
): { outDir: string; dataset: DatasetIdentity } | undefined {
  const dataset = readRecord(config)?.dataset;
  if (!dataset) return undefined;
  const outDir = reusableBuild(config, siteInputsDigest(config.paths.root, config.env, dataset));
  return outDir ? { outDir, dataset } : undefined;
}

/** Remember that dist/<env> now is the build of these inputs. */
export async function recordBuild(
  config: AppConfig,
  digest: string,
  dataset?: DatasetIdentity,
): Promise<void> {
  const path = recordPath(config);
  await mkdir(join(config.paths.dist, ".inputs"), { recursive: true });
  const record: BuildRecord = { digest, release: realpathSync(join(config.paths.dist, config.env)), dataset };
  await writeFile(`${path}.${process.pid}`, JSON.stringify(record));
  await rename(`${path}.${process.pid}`, path);
}
