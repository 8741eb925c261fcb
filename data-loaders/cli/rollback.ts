// npm run rollback -- --env <env> [--to <snapshot id>] [--url <site url>]: make the previous
// snapshot (or the named one) live again, after verifying it whole. With --url (or SITE_URL) the
// served site is then health-checked for it. Prints the id now live on stdout.
import { defineCommand, runMain } from "citty";
import { connectSites } from "../deploy/connect.js";
import { waitHealthy } from "../deploy/healthcheck.js";
import { rollbackSite } from "../deploy/rollback.js";
import { MangetamainError } from "../errors.js";
import { logger } from "../logger.js";
import { notify } from "../notify/webhook.js";
import { parseSeconds, parseWhole } from "./args.js";
import { checkArgs } from "./healthcheck-args.js";
import { commandConfig, envArg, runCommand } from "./run.js";

class RollbackCheckError extends MangetamainError {}

const main = defineCommand({
  meta: { name: "rollback", description: "Make the previous (or a named) site snapshot live again" },
  args: {
    ...envArg,
    to: {
      type: "string",
      description: "The snapshot id to make live (default: the one before the live one)",
    },
    url: { type: "string", description: "The served site to health-check afterwards (default: SITE_URL)" },
    ...checkArgs,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const connection = await connectSites(config);
      let result;
      try {
        result = await rollbackSite(connection.store, config.env, {
          to: args.to,
          webhookUrl: config.webhookUrl,
        });
      } finally {
        await connection.close();
      }
      process.stdout.write(`${result.to}\n`);
      const url = args.url ?? config.sites.url;
      if (!url) return;
      const health = await waitHealthy(
        url,
        {
          env: config.env,
          snapshot: result.to,
          timeoutMs: (parseSeconds(args.timeout, "--timeout") ?? 10) * 1000,
        },
        {
          retries: parseWhole(args.retries, "--retries", 1, 1_000) ?? 10,
          intervalMs: (parseSeconds(args.interval, "--interval") ?? 10) * 1000,
          onFailure: (n, problem) => logger.warn(`Health check ${n} of ${url}: ${problem}`),
        },
      );
      if (health.ok) {
        logger.success(`${url} is healthy and serves snapshot ${result.to}`);
        return;
      }
      await notify(
        config.webhookUrl,
        `❌ ${config.env}: after the rollback to ${result.to}, ${url} is unhealthy (${health.problem}).`,
      );
      throw new RollbackCheckError(
        `Rolled back to ${result.to}, but ${url} is unhealthy: ${health.problem}.`,
        {
          hint: "Check the server (its logs, `docker compose ps`) — the pointer is right, the server is not following it.",
        },
      );
    }),
});

await runMain(main);
