// npm run healthcheck -- --url <url> [--env <env>] [--snapshot <id>] [--retries 10] [--interval 10]
// [--timeout 10]: is the site at <url> healthy? /healthz answers 200 for the right environment
// (and snapshot, when given) and the home page names the site; retried. Exit 0 when healthy,
// 1 with the last problem otherwise (posted to DISCORD_WEBHOOK_URL when set).
import { defineCommand, runMain } from "citty";
import { waitHealthy } from "../deploy/healthcheck.js";
import { parseEnvironment } from "../config/environment.js";
import { ConfigurationError, MangetamainError } from "../errors.js";
import { logger } from "../logger.js";
import { notify } from "../notify/webhook.js";
import { parseSeconds, parseWhole } from "./args.js";
import { checkArgs } from "./healthcheck-args.js";
import { commandConfig, runCommand } from "./run.js";

class UnhealthyError extends MangetamainError {}

const main = defineCommand({
  meta: { name: "healthcheck", description: "Check that a served site is healthy, with retries" },
  args: {
    url: { type: "string", description: "The site's URL, e.g. https://preprod.example.org/", required: true },
    env: { type: "string", description: "The environment it must serve (checked when given)" },
    snapshot: { type: "string", description: "The snapshot id it must serve (checked when given)" },
    ...checkArgs,
  },
  run: ({ args }) =>
    runCommand(async () => {
      const expected = args.env ? parseEnvironment(args.env, "--env") : undefined;
      const config = commandConfig(args.env);
      let url: URL;
      try {
        url = new URL(args.url);
      } catch {
        throw new ConfigurationError(`--url=${args.url} is not a URL.`, {
          hint: "Give the site's address, e.g. http://127.0.0.1:8500/.",
        });
      }
      const retries = parseWhole(args.retries, "--retries", 1, 1_000) ?? 10;
      const health = await waitHealthy(
        url.href,
        {
          env: expected,
          snapshot: args.snapshot,
          timeoutMs: (parseSeconds(args.timeout, "--timeout") ?? 10) * 1000,
        },
        {
          retries,
          intervalMs: (parseSeconds(args.interval, "--interval") ?? 10) * 1000,
          onFailure: (n, problem) => logger.warn(`Check ${n}/${retries}: ${problem}`),
        },
      );
      if (health.ok) {
        logger.success(
          `${url.href} is healthy: ${health.health.env}, snapshot ${health.health.snapshot}, dataset ${health.health.datasetId}`,
        );
        process.stdout.write(`${JSON.stringify(health.health)}\n`);
        return;
      }
      await notify(
        config.webhookUrl,
        `🚨 Health check failed for ${url.href}${expected ? ` (${expected})` : ""}: ${health.problem}.`,
      );
      throw new UnhealthyError(
        `${url.href} is unhealthy after ${health.attempts} check(s): ${health.problem}.`,
        {
          hint: "Look at the server's logs (logs/<env>_errors.log) and `docker compose ps`; roll back with `npm run rollback -- --env <env>` if a deploy caused it.",
        },
      );
    }),
});

await runMain(main);
