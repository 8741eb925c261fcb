// npm run serve -- --env <env> [--port <n>] [--host <addr>] [--from dist|s3] [--dir <folder>]:
// the production server of an environment's site, without building anything. --from dist (the
// default) serves dist/<env> as `npm run build` left it; --from s3 serves the environment's live
// snapshot, synced from the sites bucket and re-synced when a deploy or rollback moves the pointer.
// Prints the URL on stdout; stops cleanly on Ctrl-C or SIGTERM.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineCommand, runMain } from "citty";
import { connectSites } from "../deploy/connect.js";
import { followLiveSite } from "../deploy/live.js";
import { ConfigurationError } from "../errors.js";
import { logger } from "../logger.js";
import { createFileCache, type FileCache } from "../server/file-cache.js";
import { runServer, untilStopped } from "../server/run.js";
import { parseWhole } from "./args.js";
import { commandConfig, envArg, runCommand } from "./run.js";

/** Compress a served folder ahead of readers, and say when it is done (the bench waits for it). */
async function warm(files: FileCache, dir: string): Promise<void> {
  const started = performance.now();
  const { files: count, bytes, brotli } = await files.warm(dir);
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  logger.info(
    `Precompressed ${count} files (${mb(bytes)} MB, ${mb(brotli)} MB as brotli) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const main = defineCommand({
  meta: {
    name: "serve",
    description: "Serve an environment's built site (dist/<env>, or its live snapshot in S3)",
  },
  args: {
    ...envArg,
    port: {
      type: "string",
      description: "Port (default: PORT, then 3000 local, 3001 preprod, 3002 prod; 0 picks one)",
    },
    host: { type: "string", description: "Interface to listen on (default: HOST, then 127.0.0.1)" },
    from: {
      type: "string",
      description: "dist (default): dist/<env>; s3: the live snapshot of the sites bucket",
    },
    dir: { type: "string", description: "With --from dist: serve this folder instead of dist/<env>" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const port = parseWhole(args.port, "--port", 0, 65_535) ?? config.port;
      const host = args.host ?? config.host;
      const from = args.from ?? "dist";
      if (from !== "dist" && from !== "s3") {
        throw new ConfigurationError(`--from=${from} is not a source.`, {
          hint: "Use --from dist or --from s3.",
        });
      }
      const files = createFileCache();
      let stopSync = () => {};
      let closeStore = async () => {};
      let site: Parameters<typeof runServer>[1]["site"];
      let first: string | undefined;
      if (from === "dist") {
        const dir = resolve(args.dir ?? join(config.paths.dist, config.env));
        if (!existsSync(join(dir, "snapshot.json"))) {
          throw new ConfigurationError(`${dir} holds no built site (no snapshot.json).`, {
            hint: `Build it first: \`npm run build -- --env ${config.env}\` (or serve the live snapshot with --from s3).`,
          });
        }
        site = dir;
        first = dir;
      } else {
        const connection = await connectSites(config, { checkAccess: false });
        closeStore = connection.close;
        const live = await followLiveSite(connection.store, config.env, join(config.paths.cache, "sites"), {
          pollMs: config.sites.pollMs,
          onSwitch: (dir, previous) => {
            if (previous) files.drop(previous);
            void warm(files, dir);
          },
        });
        stopSync = live.stop;
        site = live.state;
      }
      const server = await runServer(config, { site, port, host, files });
      if (first) void warm(files, first);
      logger.box(`Back to the Kitchen (${config.env}) is served on ${server.url}`);
      process.stdout.write(`${server.url}\n`);
      await untilStopped();
      stopSync();
      await server.close();
      await closeStore();
    }),
});

await runMain(main);
