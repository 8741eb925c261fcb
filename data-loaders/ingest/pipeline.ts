// Ingest then publish, with the working folder handled: build the snapshot in a temporary folder,
// publish it, then keep it as the local cache copy of the new dataset (no download needed later).
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import type { AppConfig } from "../config/config.js";
import { logger } from "../logger.js";
import type { DatasetPointer } from "../snapshot/pointer.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { ingest, type IngestOptions } from "./ingest.js";
import { publishSnapshot } from "./publish.js";

export async function ingestAndPublish(
  config: AppConfig,
  store: ObjectStore,
  options: Omit<IngestOptions, "outDir">,
): Promise<{ manifest: Manifest; pointer: DatasetPointer }> {
  const work = join(config.paths.cache, "ingest", `${process.pid}-${Date.now()}`);
  try {
    const started = performance.now();
    const { manifest, dir } = await ingest({ ...options, outDir: work });
    logger.success(
      `Snapshot ${manifest.datasetId} built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const pointer = await publishSnapshot(store, dir, manifest, config.env);
    logger.success(
      `Published s3://${store.bucket}/datasets/${manifest.datasetId}/ and made it current for "${config.env}"`,
    );
    const cached = join(config.paths.snapshots, manifest.datasetId);
    if (!existsSync(cached)) {
      await mkdir(config.paths.snapshots, { recursive: true });
      await rename(work, cached).catch(() => undefined);
    }
    return { manifest, pointer };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
