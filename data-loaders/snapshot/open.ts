// The environment's snapshot, ready for DuckDB: resolve the dataset (DATASET_ID pin or pointer),
// then sync it into the local checksummed cache. The manifest must have the sha256 the pointer
// recorded: an edited manifest (and so its numbers) never reaches the site.
import type { AppConfig } from "../config/config.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { syncSnapshot, type SyncResult } from "./cache.js";
import { resolveDataset } from "./pointer.js";

export async function syncEnvironmentSnapshot(config: AppConfig, store: ObjectStore): Promise<SyncResult> {
  const { datasetId, manifestSha256, recordedBy } = await resolveDataset(store, config);
  const expected = manifestSha256 && recordedBy ? { sha256: manifestSha256, recordedBy } : undefined;
  return syncSnapshot(store, datasetId, config.paths.snapshots, expected);
}
