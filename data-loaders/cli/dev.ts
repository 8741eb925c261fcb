// npm run dev: Framework's live preview for analysts, on the same data as `npm start` (the
// environment's snapshot, synced locally; a default dataset is generated if there is none, for
// `local` only unless --allow-generated).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defineCommand, runMain } from "citty";
import { allowGeneratedArg, ensureDataset } from "../ingest/bootstrap.js";
import { frameworkEnv, prepareDataCache, runFramework } from "../site/build.js";
import { makeBuildInfo } from "../site/build-info.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: {
    name: "dev",
    description: "Live preview of the site (Framework preview) on this environment's data",
  },
  args: { ...envArg, ...allowGeneratedArg },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const snapshot = await withStore(config, async ({ store }) => {
        await ensureDataset(config, store, { allowGenerated: args["allow-generated"] });
        return syncEnvironmentSnapshot(config, store);
      });
      await prepareDataCache(config, snapshot);
      const infoPath = join(config.paths.buildCache, `info-${config.env}-dev.json`);
      await writeFile(infoPath, JSON.stringify(makeBuildInfo(config.paths.root, config.env, snapshot)));
      await runFramework(
        config.paths.root,
        ["preview", "--host", "127.0.0.1", "--port", String(config.port), "--no-open"],
        frameworkEnv(config, snapshot, infoPath),
      );
    }),
});

await runMain(main);
