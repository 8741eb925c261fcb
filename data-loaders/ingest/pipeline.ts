// Ingest then publish, with the working folder handled: build the snapshot in a temporary folder,
// publish it, make it current unless told not to or unless its rules removed too much, then keep
// it as the local cache copy of the new dataset (no download needed later). The working folder
// goes on failure and on SIGINT/SIGTERM too (the process then exits non-zero).
import { existsSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Manifest } from "../../src/lib/contracts/manifest.js";
import type { AppConfig } from "../config/config.js";
import { logger } from "../logger.js";
import type { DatasetPointer } from "../snapshot/pointer.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { ingest, type IngestOptions } from "./ingest.js";
import { publishSnapshot } from "./publish.js";
import { DEFAULT_MAX_REMOVED_RATE, excessive, tooManyRemoved } from "./removal-check.js";
import { stageClock } from "./stages.js";

export interface PipelineOptions extends Omit<IngestOptions, "outDir"> {
  /** false publishes the snapshot without making it current (`--no-promote`). Default true. */
  promote?: boolean;
  /** Share of a file's rows the rules may remove before the snapshot is held back (default 0.30). */
  maxRemovedRate?: number;
}

export interface PipelineResult {
  manifest: Manifest;
  /** The environment's new pointer; undefined when the snapshot was not made current. */
  pointer: DatasetPointer | undefined;
}

/** Exit codes of a process stopped by a signal, as shells report them. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Until the returned function is called, SIGINT and SIGTERM remove `dir` and exit non-zero. */
export function removeOnSignal(dir: string): () => void {
  const handler = (signal: keyof typeof SIGNAL_EXIT) => {
    logger.warn(`${signal}: ingest stopped, removing its working folder ${dir}`);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    process.exit(SIGNAL_EXIT[signal]);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

export async function ingestAndPublish(
  config: AppConfig,
  store: ObjectStore,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const { promote: wanted = true, maxRemovedRate = DEFAULT_MAX_REMOVED_RATE, ...ingestOptions } = options;
  const work = join(config.paths.cache, "ingest", `${process.pid}-${Date.now()}`);
  const release = removeOnSignal(work);
  try {
    const started = performance.now();
    const clock = stageClock();
    const { manifest, dir } = await ingest({ ...ingestOptions, outDir: work, clock });
    logger.success(
      `Snapshot ${manifest.datasetId} built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const files = { recipes: basename(options.recipes), interactions: basename(options.interactions) };
    const excess = excessive(manifest.report, files, maxRemovedRate);
    const pointer = await clock.time("upload", () =>
      publishSnapshot(store, dir, manifest, config.env, { promote: wanted && excess.length === 0 }),
    );
    logger.info(`Ingest steps: ${clock.summary()}`);
    const where = `s3://${store.bucket}/datasets/${manifest.datasetId}/`;
    if (pointer) logger.success(`Published ${where} and made it current for "${config.env}"`);
    else logger.success(`Published ${where}; "${config.env}" still reads its previous dataset`);
    const cached = join(config.paths.snapshots, manifest.datasetId);
    if (!existsSync(cached)) {
      await mkdir(config.paths.snapshots, { recursive: true });
      await rename(work, cached).catch(() => undefined);
    }
    if (excess.length > 0) throw tooManyRemoved(excess, manifest.datasetId, config.env, maxRemovedRate);
    if (!pointer) {
      logger.info(
        `Make it current with \`npm run data:promote -- --dataset-id ${manifest.datasetId} --env ${config.env}\``,
      );
    }
    return { manifest, pointer };
  } finally {
    release();
    await rm(work, { recursive: true, force: true });
  }
}
