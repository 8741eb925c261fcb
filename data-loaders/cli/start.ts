// npm start: the main job on embedded defaults — local S3, the default dataset (generated and
// ingested if absent), a build of the environment (local unless APP_ENV says otherwise), then
// the site served on http://127.0.0.1:3000 (PORT overrides) until Ctrl-C.
import { defineCommand, runMain } from "citty";
import { ensureDataset } from "../ingest/bootstrap.js";
import { logger } from "../logger.js";
import { serveSite } from "../server/serve.js";
import { buildSite } from "../site/build.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: {
    name: "start",
    description: "Generate/ingest the default dataset if needed, build, and serve the site",
  },
  args: {
    ...envArg,
    "no-serve": { type: "boolean", description: "Stop after the build" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const { outDir } = await withStore(config, async ({ store }) => {
        await ensureDataset(config, store);
        return buildSite(config, store);
      });
      if (args["no-serve"]) return;
      const server = await serveSite(outDir, config.port);
      logger.box(`Back to the Kitchen (${config.env}) is served on ${server.url}`);
      process.stdout.write(`${server.url}\n`);
      await new Promise<void>((stop) => {
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await server.close();
    }),
});

await runMain(main);
