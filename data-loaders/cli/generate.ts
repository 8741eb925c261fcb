// npm run data:generate -- [--scale <0..1>] [--seed <n>] [--out <dir>]: write Food.com-shaped
// RAW_recipes.csv and RAW_interactions.csv (docs/generator.md), and generated.json beside them
// (generator version, scale, seed, digests: how the ingest knows the data is synthetic). Progress
// and messages go to stderr; stdout stays empty. Bad options exit 1 naming the option and its range.
import { join, resolve } from "node:path";
import { defineCommand, runMain } from "citty";
import { loadConfig } from "../config/config.js";
import { MangetamainError } from "../errors.js";
import { generateDataset } from "../generate/index.js";
import { parseScale, parseSeed } from "../generate/options.js";
import { logger } from "../logger.js";

const main = defineCommand({
  meta: {
    name: "data:generate",
    description: "Write Food.com-shaped RAW_recipes.csv and RAW_interactions.csv",
  },
  args: {
    scale: { type: "string", description: "Share of the real size, 0 < scale ≤ 1 (default 1)" },
    seed: { type: "string", description: "Random seed, a whole number ≥ 0 (default 42)" },
    out: {
      type: "string",
      description: "Output folder (default .cache/generated/seed-<seed>-scale-<scale>)",
    },
  },
  async run({ args }) {
    try {
      const scale = parseScale(args.scale);
      const seed = parseSeed(args.seed);
      const outDir = args.out
        ? resolve(args.out)
        : join(loadConfig().paths.generated, `seed-${seed}-scale-${scale}`);
      logger.info(`Generating Food.com-shaped data (scale ${scale}, seed ${seed}) into ${outDir}`);
      const started = performance.now();
      let reported = 0;
      const result = await generateDataset({
        scale,
        seed,
        outDir,
        onProgress(done, total) {
          const tenth = Math.floor((10 * done) / total);
          if (tenth > reported && tenth < 10)
            logger.info(`${tenth * 10} % (${done.toLocaleString("en-US")} rows)`);
          reported = Math.max(reported, tenth);
        },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const dirty = Object.entries(result.dirty)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ");
      logger.success(
        `${result.recipes.toLocaleString("en-US")} recipes, ${result.interactions.toLocaleString("en-US")} interactions, ` +
          `${result.users.toLocaleString("en-US")} users in ${seconds} s → ${result.recipesPath}, ${result.interactionsPath}`,
      );
      logger.info(`Dirty rows planted: ${dirty}`);
      logger.info(`Generator ${result.sidecar.generator.version}; provenance in ${result.sidecarPath}`);
    } catch (error) {
      // Expected errors print their message only; anything else is a bug and keeps its stack.
      logger.error(error instanceof MangetamainError ? error.message : error);
      process.exitCode = 1;
    }
  },
});

await runMain(main);
