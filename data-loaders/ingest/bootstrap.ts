// The embedded default for `npm start` and `npm run dev`: when the `local` environment has no
// dataset yet, generate Food.com-shaped data, ingest it and publish it, so a fresh machine has a
// site to show. Generated data must never pass for real data: preprod and prod get it only when
// asked for explicitly (`--allow-generated`), and every page then says so (the provenance notice).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "../config/config.js";
import { ConfigurationError } from "../errors.js";
import { generateDataset } from "../generate/index.js";
import { SIDECAR_FILE } from "../generate/sidecar.js";
import { logger } from "../logger.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { DEFAULT_DATASET, hasDataset, ingestCommand } from "./default-dataset.js";
import { ingestAndPublish } from "./pipeline.js";

// Re-exported for the commands and tests that load the whole bootstrap anyway (dev, the tests).
export { allowGeneratedArg, DEFAULT_DATASET, ingestCommand } from "./default-dataset.js";

export interface EnsureOptions {
  scale?: number;
  seed?: number;
  /** Generate for preprod or prod too (the site then carries the generated-data notice). */
  allowGenerated?: boolean;
}

export async function ensureDataset(
  config: AppConfig,
  store: ObjectStore,
  options: EnsureOptions = {},
): Promise<void> {
  if (await hasDataset(config, store)) return;
  if (config.env !== "local" && !options.allowGenerated) {
    throw new ConfigurationError(
      `Environment "${config.env}" has no dataset, and generated data is only made for "local".`,
      {
        hint: `Ingest the real files first: \`${ingestCommand(config.env)}\`. To show generated data in "${config.env}" anyway (every page then says it is generated), add --allow-generated.`,
      },
    );
  }
  if (config.env !== "local") {
    logger.warn(
      `--allow-generated: "${config.env}" gets generated data; every page of its site will say so.`,
    );
  }
  const scale = options.scale ?? DEFAULT_DATASET.scale;
  const seed = options.seed ?? DEFAULT_DATASET.seed;
  logger.info(
    `No dataset for "${config.env}" yet: generating one (scale ${scale}, seed ${seed}) and ingesting it.`,
  );
  const outDir = join(config.paths.generated, `seed-${seed}-scale-${scale}`);
  const recipes = join(outDir, "RAW_recipes.csv");
  const interactions = join(outDir, "RAW_interactions.csv");
  // Files kept from an earlier run without the generator's record would be ingested as someone's
  // own files, and the site would lose its generated-data notice: generate them again.
  const complete = [recipes, interactions, join(outDir, SIDECAR_FILE)].every((f) => existsSync(f));
  if (!complete) await generateDataset({ scale, seed, outDir });
  await ingestAndPublish(config, store, { recipes, interactions });
}
