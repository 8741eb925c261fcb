// npm run data:promote -- --dataset-id <id> [--env <env>]: make a published dataset current for an
// environment, after checking that it is complete and every file matches its sha256. Prints the
// new pointer (JSON) on stdout.
import { defineCommand, runMain } from "citty";
import { promoteDataset } from "../snapshot/promote.js";
import { checkDatasetId } from "../storage/dataset-id.js";
import { logger } from "../logger.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: { name: "data:promote", description: "Make a published dataset current for an environment" },
  args: {
    "dataset-id": {
      type: "string",
      required: true,
      description: "Id of the dataset (see data:inspect --list)",
    },
    ...envArg,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const id = checkDatasetId(args["dataset-id"], "--dataset-id");
      await withStore(config, async ({ store }) => {
        const pointer = await promoteDataset(store, config.env, id);
        logger.success(
          `Dataset ${id} is current for "${config.env}" (previous: ${pointer.previous ?? "none"})`,
        );
        process.stdout.write(`${JSON.stringify(pointer, null, 2)}\n`);
      });
    }),
});

await runMain(main);
