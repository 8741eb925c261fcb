// npm run events:report -- --env <env> [--since 7d|2026-11-01] [--json] [--dir <logs>]: what
// readers use — page views per page, year ranges, language switches, downloads, deep links —
// from <env>_user_interactions.log and its rotated files. The report goes to stdout.
import { resolve } from "node:path";
import { defineCommand, runMain } from "citty";
import { formatReport, parseSince, reportEvents } from "../events/report.js";
import { logger } from "../logger.js";
import { parseWhole } from "./args.js";
import { commandConfig, envArg, runCommand } from "./run.js";

const main = defineCommand({
  meta: { name: "events:report", description: "Summarise the reader-event log of an environment" },
  args: {
    ...envArg,
    since: {
      type: "string",
      description: "Only events from then on: a date (2026-11-01) or a span (24h, 7d)",
    },
    dir: { type: "string", description: "Folder of the logs (default: LOG_DIR)" },
    top: { type: "string", description: "Rows per table (default 20)" },
    json: { type: "boolean", description: "Print JSON" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const dir = resolve(args.dir ?? config.log.dir);
      const since = args.since ? parseSince(args.since) : undefined;
      const report = reportEvents(dir, config.env, { since });
      if (report.files === 0) logger.warn(`No reader-event log of "${config.env}" in ${dir}.`);
      process.stdout.write(
        args.json
          ? JSON.stringify(report, null, 2) + "\n"
          : formatReport(report, { top: parseWhole(args.top, "--top", 1, 10_000) }),
      );
    }),
});

await runMain(main);
