// Make a published dataset current for an environment (`npm run data:promote`): after
// `data:ingest --no-promote`, to promote preprod's data to prod, or to roll back to `previous`.
// Only a dataset proven whole is promoted: its manifest parses and names it, and every file it
// lists is in S3 with its size and its sha256 (each object is downloaded and hashed).
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import type { Environment } from "../config/environment.js";
import { ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { checkDatasetId } from "../storage/dataset-id.js";
import { datasetKey, datasetPrefix, manifestKey } from "../storage/layout.js";
import { datasetLock, withLock } from "../storage/lock.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { parseManifest, sha256Hex } from "./manifest.js";
import { switchPointer, type DatasetPointer } from "./pointer.js";

export interface VerifiedDataset {
  manifest: Manifest;
  manifestSha256: string;
}

/** Throws a ValidationError naming the first missing, short or damaged object. */
export async function verifyDataset(store: ObjectStore, datasetId: string): Promise<VerifiedDataset> {
  const id = checkDatasetId(datasetId, "--dataset-id");
  const prefix = `s3://${store.bucket}/${datasetPrefix(id)}`;
  const objects = new Map((await store.list(datasetPrefix(id))).map((o) => [o.key, o]));
  if (!objects.has(manifestKey(id))) {
    throw new ValidationError(
      objects.size === 0
        ? `Dataset ${id} does not exist: ${prefix} is empty.`
        : `Dataset ${id} is incomplete: ${prefix} has ${objects.size} object(s) but no manifest.json (an upload that did not finish).`,
      { hint: "Check the id with `npm run data:inspect -- --list`; publish it again if needed." },
    );
  }
  const manifestBytes = await store.getBytes(manifestKey(id));
  const manifest = parseManifest(manifestBytes.toString("utf8"), `${prefix}manifest.json`);
  if (manifest.datasetId !== id) {
    throw new ValidationError(
      `${prefix}manifest.json describes dataset "${manifest.datasetId}", not "${id}".`,
      {
        hint: "The manifest was copied from another dataset: publish the data again.",
      },
    );
  }
  for (const file of manifest.files) {
    const key = datasetKey(id, file.file);
    const object = objects.get(key);
    const refuse = (what: string) =>
      new ValidationError(`Dataset ${id} cannot be promoted: s3://${store.bucket}/${key} ${what}.`, {
        hint: "The snapshot is damaged or incomplete: publish the data again and promote the new dataset.",
      });
    if (!object) throw refuse("is missing");
    if (object.size !== file.bytes) throw refuse(`has ${object.size} bytes, the manifest says ${file.bytes}`);
    const { sha256 } = await store.digest(key);
    if (sha256 !== file.sha256)
      throw refuse(`has sha256 ${sha256.slice(0, 12)}…, the manifest says ${file.sha256.slice(0, 12)}…`);
    logger.debug(`Verified ${file.file} (${file.bytes} bytes)`);
  }
  return { manifest, manifestSha256: sha256Hex(manifestBytes) };
}

/**
 * Verify the dataset, then switch the environment's pointer to it. The dataset's lock is held
 * throughout, so gc cannot remove it between the check and the switch.
 */
export async function promoteDataset(
  store: ObjectStore,
  env: Environment,
  datasetId: string,
): Promise<DatasetPointer> {
  const id = checkDatasetId(datasetId, "--dataset-id");
  return withLock(
    store,
    datasetLock(id),
    {
      what: `dataset ${id}`,
      attempts: 5,
      hint: "It is being published or removed by another command: wait for it to finish, then promote again.",
    },
    async () => {
      const { manifestSha256 } = await verifyDataset(store, id);
      return switchPointer(store, env, { datasetId: id, manifestSha256 });
    },
  );
}
