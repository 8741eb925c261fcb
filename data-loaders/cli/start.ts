// npm start: the main job on embedded defaults — local S3, the default dataset (generated and
// ingested if absent, for `local` only unless --allow-generated), a build of the environment
// (local unless APP_ENV or --env says otherwise) — skipped when nothing changed since the last one
// (site/reuse.ts) — then the site served on http://127.0.0.1:3000 (PORT overrides) by the same
// server as `npm run serve`, until Ctrl-C. With --no-serve it stops after the build and prints
// the site's folder.
//
// Only what serving an unchanged build needs is imported up front: the generator, the ingest
// pipeline, the build and DuckDB are loaded with `await import()` when there is something to make.
// Loading them took longer than serving an unchanged build (docs/performance.md, "npm start").
import { defineCommand, runMain } from "citty";
import { allowGeneratedArg, hasDataset } from "../ingest/default-dataset.js";
import { logger } from "../logger.js";
import { runServer, untilStopped } from "../server/run.js";
import { currentDataset, recordBuild, reusableBuild, siteInputsDigest } from "../site/reuse.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: {
    name: "start",
    description: "Generate/ingest the default dataset if needed, build, and serve the site",
  },
  args: {
    ...envArg,
    ...allowGeneratedArg,
    // citty reads --no-serve as serve=false: a flag named "no-serve" would never be set.
    serve: {
      type: "boolean",
      default: true,
      description: "Serve after the build (--no-serve stops after it)",
    },
    rebuild: { type: "boolean", description: "Build even when nothing changed since the last build" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const { outDir } = await withStore(config, async ({ store }) => {
        if (!(await hasDataset(config, store))) {
          const { ensureDataset } = await import("../ingest/bootstrap.js");
          await ensureDataset(config, store, { allowGenerated: args["allow-generated"] });
        }
        const digest = siteInputsDigest(config.paths.root, config.env, await currentDataset(config, store));
        const reusable = args.rebuild ? undefined : reusableBuild(config, digest);
        if (reusable) {
          logger.info(
            `Nothing changed since the last build of "${config.env}": serving it (--rebuild builds anyway).`,
          );
          return { outDir: reusable };
        }
        const { buildSite } = await import("../site/build.js");
        const built = await buildSite(config, store);
        await recordBuild(config, digest);
        return built;
      });
      if (!args.serve) {
        process.stdout.write(`${outDir}\n`);
        return;
      }
      const server = await runServer(config, { site: outDir, port: config.port, host: config.host });
      logger.box(`Back to the Kitchen (${config.env}) is served on ${server.url}`);
      process.stdout.write(`${server.url}\n`);
      await untilStopped();
      await server.close();
    }),
});

await runMain(main);
