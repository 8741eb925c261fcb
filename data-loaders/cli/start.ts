// npm start: the main job on embedded defaults — local S3, the default dataset (generated and
// ingested if absent, for `local` only unless --allow-generated), a build of the environment
// (local unless APP_ENV or --env says otherwise) — skipped when nothing changed since the last one
// (site/reuse.ts) — then the site served on http://127.0.0.1:3000 (PORT overrides) by the same
// server as `npm run serve`, until Ctrl-C. With --no-serve it stops after the build and prints
// the site's folder.
//
// When no file changed since the last build, that build is served first and its dataset checked
// after: reading the dataset pointer needs the S3 client and, on `local`, the embedded S3 server,
// whose loading alone took most of the 2 s budget (docs/performance.md, "npm start"). A dataset
// that moved is rebuilt while the last build is served; the server follows dist/<env>.
// Only what serving needs is imported up front: the generator, the ingest pipeline, the build and
// DuckDB are loaded with `await import()` when there is something to make.
import { defineCommand, runMain } from "citty";
import { allowGeneratedArg, hasDataset } from "../ingest/default-dataset.js";
import { closeLogger, logger } from "../logger.js";
import { runServer, untilStopped } from "../server/run.js";
import type { AppConfig } from "../config/config.js";
import {
  currentDataset,
  lastBuildIfFilesUnchanged,
  recordBuild,
  reusableBuild,
  siteInputsDigest,
  type DatasetIdentity,
} from "../site/reuse.js";
import type { ObjectStore } from "../storage/s3-store.js";
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
      // Serving: when no file changed since the last build, serve it at once and check the dataset
      // (which needs S3) after; a dataset that moved is rebuilt while the last build is served.
      const last = args.serve && !args.rebuild ? lastBuildIfFilesUnchanged(config) : undefined;
      if (last) {
        logger.info(
          `Nothing changed since the last build of "${config.env}": serving it, then checking its dataset is still current (--rebuild builds anyway).`,
        );
        const server = await serve(config, last.outDir);
        let checking = true;
        const checked = checkDataset(config, last.dataset, args["allow-generated"]).finally(
          () => (checking = false),
        );
        await untilStopped();
        await server.close();
        if (checking) {
          // Ctrl-C does not wait for a build: a release only switches in when it is complete.
          logger.info(
            `Stopped during the check or the new build: dist/${config.env} still holds the last build.`,
          );
          await closeLogger();
          process.exit(0);
        }
        await checked;
        return;
      }
      const { outDir } = await withStore(config, ({ store }) =>
        buildIfChanged(config, store, { rebuild: args.rebuild, allowGenerated: args["allow-generated"] }),
      );
      if (!args.serve) {
        process.stdout.write(`${outDir}\n`);
        return;
      }
      const server = await serve(config, outDir);
      await untilStopped();
      await server.close();
    }),
});

/** The environment's site, built unless the last build is of the same files and dataset. */
async function buildIfChanged(
  config: AppConfig,
  store: ObjectStore,
  { rebuild = false, allowGenerated = false }: { rebuild?: boolean; allowGenerated?: boolean },
): Promise<{ outDir: string }> {
  if (!(await hasDataset(config, store))) {
    const { ensureDataset } = await import("../ingest/bootstrap.js");
    await ensureDataset(config, store, { allowGenerated });
  }
  const dataset = await currentDataset(config, store);
  const digest = siteInputsDigest(config.paths.root, config.env, dataset);
  const reusable = rebuild ? undefined : reusableBuild(config, digest);
  if (reusable) {
    logger.info(
      `Nothing changed since the last build of "${config.env}": serving it (--rebuild builds anyway).`,
    );
    return { outDir: reusable };
  }
  const { buildSite } = await import("../site/build.js");
  const built = await buildSite(config, store);
  await recordBuild(config, digest, dataset);
  return built;
}

/**
 * After serving the last build at once: the dataset it was built from must still be the
 * environment's. If it moved (a new ingest), build again — the server follows dist/<env> when the
 * new release switches in. A failure here is logged and the last build stays served.
 */
async function checkDataset(
  config: AppConfig,
  built: DatasetIdentity,
  allowGenerated = false,
): Promise<void> {
  try {
    await withStore(config, async ({ store }) => {
      if ((await hasDataset(config, store)) && sameDataset(await currentDataset(config, store), built))
        return;
      logger.info(
        `The dataset of "${config.env}" changed since the last build: building again while it is served.`,
      );
      await buildIfChanged(config, store, { allowGenerated });
      logger.success(`Serving the new build of "${config.env}".`);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(`Could not check the dataset of "${config.env}" (${message}); the last build stays served.`);
  }
}

const sameDataset = (a: DatasetIdentity, b: DatasetIdentity) =>
  a.datasetId === b.datasetId && a.manifestSha256 === b.manifestSha256;

async function serve(config: AppConfig, outDir: string) {
  const server = await runServer(config, { site: outDir, port: config.port, host: config.host });
  logger.box(`Back to the Kitchen (${config.env}) is served on ${server.url}`);
  process.stdout.write(`${server.url}\n`);
  return server;
}

await runMain(main);
