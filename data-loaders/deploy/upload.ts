// Upload a built site as a snapshot: every file under <env>/snapshots/<id>/ with its content type,
// then the site manifest, last. Until the manifest is there the snapshot is incomplete and nothing
// reads it; nothing live changes here (the pointer switch is separate). Files already uploaded
// with the right size (a deploy of the same build that was interrupted) are not sent again: the
// verification that follows reads every object back and checks its sha256 anyway.
import { join } from "node:path";
import type { Environment } from "../config/environment.js";
import { logger } from "../logger.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { siteFileKey, siteManifestKey, snapshotPrefix } from "./layout.js";
import { forEachLimit } from "./pool.js";
import type { SiteManifest } from "./site-manifest.js";

export interface UploadResult {
  uploaded: number;
  reused: number;
  bytes: number;
}

export async function uploadSnapshot(
  store: ObjectStore,
  env: Environment,
  dir: string,
  manifest: SiteManifest,
  {
    concurrency = 8,
    force = false,
    onProgress,
  }: {
    concurrency?: number;
    /** Send every file, even those already there with the right size. */
    force?: boolean;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<UploadResult> {
  const id = manifest.snapshotId;
  const present = force
    ? new Map<string, number>()
    : new Map((await store.list(snapshotPrefix(env, id))).map((o) => [o.key, o.size]));
  let uploaded = 0;
  let reused = 0;
  let bytes = 0;
  await forEachLimit(manifest.files, concurrency, async (file) => {
    const key = siteFileKey(env, id, file.path);
    if (present.get(key) === file.bytes) reused++;
    else {
      await store.putFile(key, join(dir, file.path), file.contentType);
      uploaded++;
      bytes += file.bytes;
    }
    onProgress?.(uploaded + reused, manifest.files.length);
  });
  await store.put(siteManifestKey(env, id), JSON.stringify(manifest, null, 2) + "\n", "application/json");
  logger.debug(`Snapshot ${id}: ${uploaded} file(s) uploaded (${bytes} bytes), ${reused} already there`);
  return { uploaded, reused, bytes };
}
