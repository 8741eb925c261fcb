// npm run data:ingest -- --recipes <csv> --interactions <csv> [--dataset-id <id>] [--env <env>]
import { defineCommand, runMain } from "citty";
import { ConfigurationError } from "../errors.js";
import { ingestAndPublish } from "../ingest/pipeline.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: { name: "data:ingest", description: "Clean the Kaggle CSV files into a Parquet snapshot in S3" },
  args: {
    recipes: { type: "string", required: true, description: "Path to RAW_recipes.csv" },
    interactions: { type: "string", required: true, description: "Path to RAW_interactions.csv" },
    "dataset-id": { type: "string", description: "Id of the new snapshot (default: time + source digests)" },
    "max-reject-rate": {
      type: "string",
      description: "Share of unparsable rows tolerated per file (default 0.01)",
    },
    ...envArg,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const rate = args["max-reject-rate"] === undefined ? undefined : Number(args["max-reject-rate"]);
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
        throw new ConfigurationError(
          `--max-reject-rate=${args["max-reject-rate"]} is not a share between 0 and 1.`,
        );
      }
      const datasetId = args["dataset-id"];
      if (datasetId !== undefined && !/^[A-Za-z0-9._-]+$/.test(datasetId)) {
        throw new ConfigurationError(
          `--dataset-id="${datasetId}" may only hold letters, digits, dot, dash, underscore.`,
        );
      }
      await withStore(config, async ({ store }) => {
        const { manifest } = await ingestAndPublish(config, store, {
          recipes: args.recipes,
          interactions: args.interactions,
          datasetId,
          maxRejectRate: rate,
        });
        process.stdout.write(`${manifest.datasetId}\n`);
      });
    }),
});

await runMain(main);
