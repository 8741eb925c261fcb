// npm run dev [-- --env <env>] [--port <n>] [--host <addr>]: Framework's live preview for analysts,
// on the same data as `npm start` (the environment's snapshot, synced locally; a default dataset
// is generated if there is none, for `local` only unless --allow-generated). The preview follows
// every edit (docs/authoring.md, "The live preview"):
//   - an analysis (SQL or TypeScript) or anything it imports (contracts, src/lib/stats…): the pages
//     whose data depends on it are computed again and open pages redraw (dev/live-data.ts); a
//     failing query shows in the cells that use it, with its name and DuckDB's message;
//   - a page, component or catalogue used by a page: Framework's own hot reload;
//   - the shell (src/components/shell.ts, src/lib/pages.ts, catalogues, the config): the preview
//     restarts and open pages reload (dev/preview.ts).
import { watch } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defineCommand, runMain } from "citty";
import { AnalysisError, errorMessage } from "../errors.js";
import { allowGeneratedArg, ensureDataset } from "../ingest/bootstrap.js";
import { logger } from "../logger.js";
import { frameworkEnv, prepareDataCache } from "../site/build.js";
import { makeBuildInfo } from "../site/build-info.js";
import { createFrameworkRoot } from "../site/framework-root.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { REGISTRY } from "../analyses/registry.js";
import { TOLERANT_VARIABLE } from "../analyses/page-data.js";
import { privateLoader, startLiveData } from "../dev/live-data.js";
import { startPreview } from "../dev/preview.js";
import { parseWhole } from "./args.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

/** Files the config renders into every page's shell: a change needs a fresh preview process. */
// (The config file itself is re-read by Framework when it changes.)
const SHELL_FILES =
  /^src\/(components\/(shell|events)\.ts|lib\/(pages|format|provenance)\.ts|lib\/i18n\/.*\.ts)$/;

const main = defineCommand({
  meta: {
    name: "dev",
    description: "Live preview of the site (Framework preview) on this environment's data",
  },
  args: {
    ...envArg,
    ...allowGeneratedArg,
    port: { type: "string", description: "Port (default: PORT, then the environment's port)" },
    host: { type: "string", description: "Interface to listen on (default: 127.0.0.1)" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const port = parseWhole(args.port, "--port", 1, 65_535) ?? config.port;
      const host = args.host ?? "127.0.0.1";
      const root = config.paths.root;
      const snapshot = await withStore(config, async ({ store }) => {
        await ensureDataset(config, store, { allowGenerated: args["allow-generated"] });
        return syncEnvironmentSnapshot(config, store);
      });
      // A private Framework root (site/framework-root.ts): builds and tests running meanwhile never
      // clear or overwrite the data this preview serves. Removed when the preview stops.
      const framework = await createFrameworkRoot(root, `dev-${config.env}`, { follow: true });
      try {
        const loader = await privateLoader(root, framework.dir);
        const infoPath = join(framework.dir, "..", "build-info.json");
        await writeFile(infoPath, JSON.stringify(makeBuildInfo(root, config.env, snapshot)));
        const env = { ...frameworkEnv(config, snapshot, infoPath, framework), [TOLERANT_VARIABLE]: "1" };
        const live = startLiveData({ projectRoot: root, cacheDir: framework.cacheDir, loader, env });
        try {
          await prepareDataCache(config, snapshot, framework.cacheDir);
        } catch (error) {
          // A broken analysis must not stop the preview: compute tolerantly, errors show in the page.
          if (!(error instanceof AnalysisError)) throw error;
          logger.warn(`Page data: ${errorMessage(error)}`);
          await live.refresh(Object.keys(REGISTRY.pages), "start");
        }
        const preview = startPreview({ root, host, port, env });
        // One restart at a time; saves during a restart ask for one more after it.
        let restarting: Promise<void> | undefined;
        let again = false;
        const restart = (): void => {
          if (restarting) return void (again = true);
          restarting = preview
            .restart()
            .catch((e: unknown) => logger.error(e))
            .finally(() => {
              restarting = undefined;
              if (!again) return;
              again = false;
              restart();
            });
        };
        const shellWatcher = watch(join(root, "src"), { recursive: true }, (_event, name) => {
          if (name && SHELL_FILES.test(`src/${String(name)}`)) restart();
        });
        logger.success(`Preview on http://${host}:${port}/ — edits to analyses, pages and words show live`);
        const code = await preview.exited;
        live.close();
        shellWatcher.close();
        if (code !== 0) logger.error(`The preview exited with code ${code}.`);
      } finally {
        await framework.dispose();
      }
    }),
});

await runMain(main);
