// Publish a local snapshot folder to S3: every data file first, manifest.json last, then the
// environment's pointer. Until the pointer moves, readers keep the previous, complete snapshot;
// a failure before that removes what was uploaded of the new one.
import { join } from "node:path";
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import type { Environment } from "../config/environment.js";
import { ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { writePointer, type DatasetPointer } from "../snapshot/pointer.js";
import { sha256Hex } from "../snapshot/manifest.js";
import { readFile } from "node:fs/promises";
import { datasetKey, datasetPrefix, manifestKey } from "../storage/layout.js";
import type { ObjectStore } from "../storage/s3-store.js";

const contentType = (file: string) =>
  file.endsWith(".parquet")
    ? "application/vnd.apache.parquet"
    : file.endsWith(".csv")
      ? "text/csv"
      : "application/json";

export async function publishSnapshot(
  store: ObjectStore,
  dir: string,
  manifest: Manifest,
  env: Environment,
): Promise<DatasetPointer> {
  const id = manifest.datasetId;
  if (await store.exists(manifestKey(id))) {
    throw new ValidationError(`Dataset ${id} already exists in s3://${store.bucket}/${datasetPrefix(id)}.`, {
      hint: "Snapshots are immutable: choose another --dataset-id (or omit it to get a fresh one).",
    });
  }
  try {
    for (const file of manifest.files) {
      logger.debug(`Uploading ${file.file} (${file.bytes} bytes)`);
      await store.putFile(datasetKey(id, file.file), join(dir, file.file), contentType(file.file));
    }
    const manifestText = await readFile(join(dir, "manifest.json"));
    await store.put(manifestKey(id), manifestText, "application/json");
    return await writePointer(store, env, { datasetId: id, manifestSha256: sha256Hex(manifestText) });
  } catch (error) {
    // Best effort: do not leave a half snapshot behind. The pointer was not moved.
    const leftovers = await store.list(datasetPrefix(id)).catch(() => []);
    await store.remove(leftovers.map((o) => o.key)).catch(() => undefined);
    throw error;
  }
}
