// npm run data:ingest -- --recipes <csv> --interactions <csv> [--env <env>] [--dataset-id <id>]
//   [--source-label <text>] [--min-date YYYY-MM-DD] [--max-date YYYY-MM-DD]
//   [--max-removed-rate 0.30] [--no-promote]
// Prints the new dataset id on stdout; messages go to stderr. Exits 1, with the pointer left
// where it was, when no row is kept or when the rules remove more than --max-removed-rate of a
// file (the snapshot is then published, not current: the message says how to inspect/promote it).
import { defineCommand, runMain } from "citty";
import { ConfigurationError } from "../errors.js";
import { dateWindow } from "../ingest/date-window.js";
import { ingestAndPublish } from "../ingest/pipeline.js";
import { sourceLabel } from "../ingest/provenance.js";
import { DEFAULT_MAX_REMOVED_RATE } from "../ingest/removal-check.js";
import { checkDatasetId, printable } from "../storage/dataset-id.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

/** A share between 0 and 1 given on the command line. */
function parseRate(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  const rate = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(rate >= 0 && rate <= 1)) {
    throw new ConfigurationError(`${option}=${printable(raw)} is not a share between 0 and 1.`, {
      hint: `For example ${option} 0.3 (30 % of a file's rows).`,
    });
  }
  return rate;
}

const main = defineCommand({
  meta: { name: "data:ingest", description: "Clean the Kaggle CSV files into a Parquet snapshot in S3" },
  args: {
    recipes: { type: "string", required: true, description: "Path to RAW_recipes.csv" },
    interactions: { type: "string", required: true, description: "Path to RAW_interactions.csv" },
    "dataset-id": { type: "string", description: "Id of the new snapshot (default: time + source digests)" },
    "source-label": {
      type: "string",
      description:
        'Where the files come from, shown on the site (e.g. "Kaggle Food.com Recipes and Interactions")',
    },
    "min-date": { type: "string", description: "First plausible date, YYYY-MM-DD (default 1999-01-01)" },
    "max-date": { type: "string", description: "Last plausible date, YYYY-MM-DD (default: today, UTC)" },
    "max-removed-rate": {
      type: "string",
      description: `Share of a file's rows the rules may remove before the snapshot is not made current (default ${DEFAULT_MAX_REMOVED_RATE})`,
    },
    promote: {
      type: "boolean",
      default: true,
      description: "Make the snapshot current for the environment (--no-promote: publish only)",
    },
    ...envArg,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const maxRemovedRate = parseRate(args["max-removed-rate"], "--max-removed-rate");
      const datasetId =
        args["dataset-id"] === undefined ? undefined : checkDatasetId(args["dataset-id"], "--dataset-id");
      const window = dateWindow({ from: args["min-date"], to: args["max-date"] });
      const label = sourceLabel(args["source-label"]);
      await withStore(config, async ({ store }) => {
        const { manifest } = await ingestAndPublish(config, store, {
          recipes: args.recipes,
          interactions: args.interactions,
          datasetId,
          dateWindow: window,
          sourceLabel: label,
          maxRemovedRate,
          promote: args.promote,
        });
        process.stdout.write(`${manifest.datasetId}\n`);
      });
    }),
});

await runMain(main);
