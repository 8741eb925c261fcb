// Publish a local snapshot folder to S3: every data file first, manifest.json last, then (unless
// told not to) the environment's pointer. Until the pointer moves, readers keep the previous,
// complete snapshot; a failure before the manifest removes what was uploaded of the new one.
//
// The dataset id is locked for the whole upload (storage/lock.ts), so two ingests can never write
// the same id: the second one is refused, because the lock is taken or the dataset exists.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import type { Environment } from "../config/environment.js";
import { StorageError, ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { sha256Hex } from "../snapshot/manifest.js";
import { switchPointer, type DatasetPointer } from "../snapshot/pointer.js";
import { checkDatasetId } from "../storage/dataset-id.js";
import { datasetKey, datasetPrefix, MANIFEST_FILE, manifestKey } from "../storage/layout.js";
import { datasetLock, withLock } from "../storage/lock.js";
import type { ObjectStore } from "../storage/s3-store.js";

const contentType = (file: string) =>
  file.endsWith(".parquet")
    ? "application/vnd.apache.parquet"
    : file.endsWith(".csv")
      ? "text/csv"
      : "application/json";

export interface PublishOptions {
  /** Make the dataset current for `env` once complete; false leaves it for `npm run data:promote`. */
  promote: boolean;
}

export async function publishSnapshot(
  store: ObjectStore,
  dir: string,
  manifest: Manifest,
  env: Environment,
  { promote }: PublishOptions,
): Promise<DatasetPointer | undefined> {
  const id = checkDatasetId(manifest.datasetId, "dataset id");
  const manifestText = await readFile(join(dir, MANIFEST_FILE));
  const manifestSha256 = sha256Hex(manifestText);
  return withLock(
    store,
    datasetLock(id),
    {
      what: `dataset ${id}`,
      attempts: 3,
      hint: "Another ingest is publishing this id right now: choose another --dataset-id, or omit it to get a fresh one.",
    },
    async (lock) => {
      const existing = await store.list(datasetPrefix(id));
      if (existing.some((o) => o.key === manifestKey(id))) {
        throw new ValidationError(
          `Dataset ${id} already exists in s3://${store.bucket}/${datasetPrefix(id)}.`,
          {
            hint: "Snapshots are immutable: choose another --dataset-id (or omit it to get a fresh one).",
          },
        );
      }
      if (existing.length > 0) {
        throw new ValidationError(
          `s3://${store.bucket}/${datasetPrefix(id)} holds ${existing.length} object(s) of an interrupted upload of dataset ${id}.`,
          {
            hint: "Choose another --dataset-id, or remove them with `npm run data:gc` (incomplete uploads go once past their grace period).",
          },
        );
      }
      try {
        for (const file of manifest.files) {
          logger.debug(`Uploading ${file.file} (${file.bytes} bytes)`);
          await store.putFile(datasetKey(id, file.file), join(dir, file.file), contentType(file.file));
        }
        // The manifest makes the dataset complete: only while the lock is surely ours.
        await lock.check();
        await store.put(manifestKey(id), manifestText, "application/json");
      } catch (error) {
        // Best effort: do not leave a half snapshot behind. The prefix was empty and is ours.
        const leftovers = await store.list(datasetPrefix(id)).catch(() => []);
        await store.remove(leftovers.map((o) => o.key)).catch(() => undefined);
        throw error;
      }
      if (!promote) return undefined;
      try {
        return await switchPointer(store, env, { datasetId: id, manifestSha256 });
      } catch (error) {
        // The dataset is complete and intact; only making it current failed.
        throw new StorageError(
          `Dataset ${id} is published in s3://${store.bucket}/${datasetPrefix(id)} but could not be made current for "${env}": ${(error as Error).message.split("\n")[0]}`,
          {
            hint: `Make it current with \`npm run data:promote -- --env ${env} --dataset-id ${id}\`.`,
            cause: error,
          },
        );
      }
    },
  );
}
