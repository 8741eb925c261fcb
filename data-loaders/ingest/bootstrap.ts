// The embedded default: when an environment has no dataset yet, generate Food.com-shaped data,
// ingest it and publish it — what `npm start` needs on a fresh machine.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "../config/config.js";
import { generateDataset } from "../generate/index.js";
import { logger } from "../logger.js";
import { readPointer } from "../snapshot/pointer.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { ingestAndPublish } from "./pipeline.js";

export const DEFAULT_DATASET = { scale: 1, seed: 42 } as const;

export async function ensureDataset(
  config: AppConfig,
  store: ObjectStore,
  options: { scale?: number; seed?: number } = {},
): Promise<void> {
  if (config.datasetId || (await readPointer(store, config.env))) return;
  const scale = options.scale ?? DEFAULT_DATASET.scale;
  const seed = options.seed ?? DEFAULT_DATASET.seed;
  logger.info(
    `No dataset for "${config.env}" yet: generating one (scale ${scale}, seed ${seed}) and ingesting it.`,
  );
  const outDir = join(config.paths.generated, `seed-${seed}-scale-${scale}`);
  const recipes = join(outDir, "RAW_recipes.csv");
  const interactions = join(outDir, "RAW_interactions.csv");
  if (!existsSync(recipes) || !existsSync(interactions)) await generateDataset({ scale, seed, outDir });
  await ingestAndPublish(config, store, { recipes, interactions });
}
