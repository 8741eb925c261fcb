// The environment's snapshot, ready for DuckDB: resolve the dataset (DATASET_ID pin or pointer),
// then sync it into the local checksummed cache.
import type { AppConfig } from "../config/config.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { syncSnapshot, type SyncResult } from "./cache.js";
import { resolveDatasetId } from "./pointer.js";

export async function syncEnvironmentSnapshot(config: AppConfig, store: ObjectStore): Promise<SyncResult> {
  const datasetId = await resolveDatasetId(store, config);
  return syncSnapshot(store, datasetId, config.paths.snapshots);
}
