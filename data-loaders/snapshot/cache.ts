// The local snapshot cache: a copy of datasets/<id>/ under .cache/snapshots/<id>/. The manifest is
// checked against the digest its pointer recorded (when there is one), every file against the
// manifest's sha256. Corrupt or partial files are downloaded again. Two processes may sync at
// once: each downloads to its own temporary file and renames it into place atomically.
import { createReadStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createHash, randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import { StorageError } from "../errors.js";
import { logger } from "../logger.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { datasetKey, manifestKey } from "../storage/layout.js";
import { parseManifest, sha256Hex } from "./manifest.js";

export interface Snapshot {
  datasetId: string;
  dir: string;
  manifest: Manifest;
  /** sha256 of manifest.json: a digest of the whole snapshot, since it lists every file's sha256. */
  manifestSha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.part`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export interface SyncResult extends Snapshot {
  downloaded: string[];
  reused: string[];
}

/** The digest a pointer recorded for the manifest when the dataset was made current. */
export interface ExpectedManifest {
  sha256: string;
  /** The pointer that recorded it, for the message. */
  recordedBy: string;
}

export async function syncSnapshot(
  store: ObjectStore,
  datasetId: string,
  cacheRoot: string,
  expected?: ExpectedManifest,
): Promise<SyncResult> {
  const where = `s3://${store.bucket}/${manifestKey(datasetId)}`;
  const manifestBytes = await store.getBytes(manifestKey(datasetId));
  const manifestSha256 = sha256Hex(manifestBytes);
  if (expected && manifestSha256 !== expected.sha256) {
    throw new StorageError(
      `Manifest ${where} has sha256 ${manifestSha256.slice(0, 12)}…, but ${expected.recordedBy} recorded ${expected.sha256.slice(0, 12)}… when the dataset was made current.`,
      {
        hint: `The manifest was changed after publishing, so none of its numbers are used. Publish the data again (\`npm run data:ingest\`), or make a verified dataset current (\`npm run data:promote -- --dataset-id <id>\`).`,
      },
    );
  }
  const manifestText = manifestBytes.toString("utf8");
  const manifest = parseManifest(manifestText, where);
  if (manifest.datasetId !== datasetId) {
    throw new StorageError(
      `Manifest ${where} describes dataset "${manifest.datasetId}", not "${datasetId}".`,
      {
        hint: "The manifest was copied from another dataset: publish the data again.",
      },
    );
  }
  const dir = join(cacheRoot, datasetId);
  await mkdir(dir, { recursive: true });
  const downloaded: string[] = [];
  const reused: string[] = [];
  for (const file of manifest.files) {
    const path = join(dir, file.file);
    if (existsSync(path) && (await sha256File(path)) === file.sha256) {
      reused.push(file.file);
      continue;
    }
    if (existsSync(path)) logger.warn(`Cached ${path} does not match its sha256: downloading it again.`);
    await store.download(datasetKey(datasetId, file.file), path);
    const actual = await sha256File(path);
    if (actual !== file.sha256) {
      await rm(path, { force: true });
      throw new StorageError(
        `s3://${store.bucket}/${datasetKey(datasetId, file.file)} has sha256 ${actual.slice(0, 12)}…, the manifest says ${file.sha256.slice(0, 12)}….`,
        { hint: "The object in S3 is damaged or was replaced: ingest the dataset again." },
      );
    }
    downloaded.push(file.file);
  }
  // The manifest goes last: a cache folder with a manifest is complete.
  await writeAtomic(join(dir, "manifest.json"), manifestBytes);
  logger.debug(`Snapshot ${datasetId}: ${downloaded.length} file(s) downloaded, ${reused.length} reused`);
  return { datasetId, dir, manifest, manifestSha256, downloaded, reused };
}

/** Open an already-synced snapshot folder (loaders run by Framework get its path from the build). */
export async function readLocalSnapshot(dir: string): Promise<Snapshot> {
  const path = join(dir, "manifest.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new StorageError(`No snapshot manifest at ${path}.`, {
      hint: "Run the loaders through `npm run build` or `npm run dev`, which sync the snapshot first.",
      cause,
    });
  }
  const manifest = parseManifest(text, path);
  return { datasetId: manifest.datasetId, dir, manifest, manifestSha256: sha256Hex(text) };
}
