// npm run analysis -- <name> [--env <env>]: print one analysis's JSON on stdout — exactly what the
// page's data file carries under that name, checked against the analysis's schema (a broken
// contract prints nothing and exits 1). `npm run analysis -- --list` names them all.
import { defineCommand, runMain } from "citty";
import { openSession } from "../duckdb/session.js";
import { ConfigurationError } from "../errors.js";
import { ANALYSES, findAnalysis, runAnalysis } from "../analyses/registry.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: { name: "analysis", description: "Print the JSON of one analysis (see docs/analyses.md)" },
  args: {
    name: { type: "positional", required: false, description: "Analysis name, e.g. trends/duration" },
    list: { type: "boolean", description: "List the analyses" },
    pretty: { type: "boolean", description: "Indent the JSON" },
    ...envArg,
  },
  run: ({ args }) =>
    runCommand(async () => {
      if (args.list) {
        for (const a of ANALYSES) process.stdout.write(`${a.name.padEnd(32)} ${a.description}\n`);
        return;
      }
      if (!args.name) {
        throw new ConfigurationError(
          "Name the analysis to print, e.g. `npm run analysis -- trends/duration`.",
          {
            hint: "`npm run analysis -- --list` lists them.",
          },
        );
      }
      const analysis = findAnalysis(args.name);
      const config = commandConfig(args.env);
      const snapshot = await withStore(config, ({ store }) => syncEnvironmentSnapshot(config, store));
      const session = await openSession(snapshot);
      try {
        const result = await runAnalysis(analysis, { session, snapshot });
        process.stdout.write(JSON.stringify(result, null, args.pretty ? 2 : undefined) + "\n");
      } finally {
        session.close();
      }
    }),
});

await runMain(main);
