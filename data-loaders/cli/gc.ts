// npm run data:gc [-- --env <env>] [--dry-run] [--keep-days N] [--grace-minutes N] [--json]:
// remove incomplete uploads, datasets no pointer has named for N days, stale lock claims and
// dead local work folders (see snapshot/gc.ts). One line per item on stdout, tab-separated:
// action, kind, target, detail.
import { defineCommand, runMain } from "citty";
import { ConfigurationError } from "../errors.js";
import { logger } from "../logger.js";
import { collectGarbage, GC_DEFAULTS } from "../snapshot/gc.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

function nonNegative(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new ConfigurationError(`${flag}=${value} is not a number of zero or more.`, {
      hint: `e.g. ${flag} ${fallback}`,
    });
  }
  return n;
}

const main = defineCommand({
  meta: { name: "data:gc", description: "Remove incomplete, unreferenced and abandoned data" },
  args: {
    ...envArg,
    "dry-run": { type: "boolean", description: "List what would be removed; remove nothing" },
    "keep-days": {
      type: "string",
      description: `Keep datasets a pointer named within this many days (default ${GC_DEFAULTS.keepDays})`,
    },
    "grace-minutes": {
      type: "string",
      description: `Leave incomplete uploads and work folders younger than this (default ${GC_DEFAULTS.graceMinutes})`,
    },
    json: { type: "boolean", description: "Print the report as JSON" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const options = {
        keepDays: nonNegative(args["keep-days"], "--keep-days", GC_DEFAULTS.keepDays),
        graceMinutes: nonNegative(args["grace-minutes"], "--grace-minutes", GC_DEFAULTS.graceMinutes),
        dryRun: Boolean(args["dry-run"]),
        cacheDir: config.paths.cache,
        localS3Dir: config.s3.endpoint ? undefined : config.paths.localS3,
      };
      const report = await withStore(config, ({ store }) => collectGarbage(store, options));
      if (args.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const action = report.dryRun ? "would-remove" : "removed";
        for (const item of report.removed)
          process.stdout.write(`${action}\t${item.kind}\t${item.target}\t${item.detail}\n`);
      }
      for (const k of report.kept) logger.info(`kept ${k.datasetId}: ${k.reason}`);
      logger.success(
        `${report.removed.length} item(s) ${report.dryRun ? "would be removed (dry run)" : "removed"}, ${report.kept.length} dataset(s) kept`,
      );
    }),
});

await runMain(main);
