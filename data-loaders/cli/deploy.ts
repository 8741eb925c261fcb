// npm run deploy -- --env <preprod|prod> [--dir <folder>] [--url <site url>] [--retries 10]
// [--interval 10] [--keep <n>]: upload dist/<env> as an immutable snapshot to the sites bucket,
// verify every object, switch the live pointer, keep the newest snapshots, then health-check the
// served site (--url or SITE_URL) and roll back automatically if it fails. Prints the snapshot id
// on stdout. Exit 1 when anything fails (the live site is then the one before, or unchanged).
import { join, resolve } from "node:path";
import { defineCommand, runMain } from "citty";
import { connectSites } from "../deploy/connect.js";
import { DeployError, deploySite } from "../deploy/deploy.js";
import { errorMessage } from "../errors.js";
import { logger } from "../logger.js";
import { notify } from "../notify/webhook.js";
import { parseSeconds, parseWhole } from "./args.js";
import { checkArgs } from "./healthcheck-args.js";
import { commandConfig, envArg, runCommand } from "./run.js";

const main = defineCommand({
  meta: {
    name: "deploy",
    description: "Deploy dist/<env> as the environment's live site, with health check and rollback",
  },
  args: {
    ...envArg,
    dir: { type: "string", description: "The built site to deploy (default: dist/<env>)" },
    url: {
      type: "string",
      description: "The served site to health-check after the switch (default: SITE_URL)",
    },
    keep: { type: "string", description: "Complete snapshots to keep (default: SITES_KEEP, then 5)" },
    ...checkArgs,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const dir = resolve(args.dir ?? join(config.paths.dist, config.env));
      const keep = parseWhole(args.keep, "--keep", 1, 1_000) ?? config.sites.keep;
      const check = {
        retries: parseWhole(args.retries, "--retries", 1, 1_000) ?? 10,
        intervalMs: (parseSeconds(args.interval, "--interval") ?? 10) * 1000,
        timeoutMs: (parseSeconds(args.timeout, "--timeout") ?? 10) * 1000,
      };
      try {
        const connection = await connectSites(config);
        try {
          const result = await deploySite(connection.store, {
            env: config.env,
            dir,
            keep,
            url: args.url ?? config.sites.url,
            check,
            webhookUrl: config.webhookUrl,
            onProgress: (done, total) => {
              if (done === total || done % 100 === 0) logger.info(`Uploaded ${done}/${total} files`);
            },
          });
          process.stdout.write(`${result.snapshotId}\n`);
        } finally {
          await connection.close();
        }
      } catch (error) {
        // A deploy that failed its health check has said so already, with the rollback's outcome.
        if (!(error instanceof DeployError)) {
          const reason = errorMessage(error).split("\n")[0];
          await notify(
            config.webhookUrl,
            `❌ ${config.env}: deploy failed before going live, nothing changed — ${reason}`,
          );
        }
        throw error;
      }
    }),
});

await runMain(main);
