// npm run new:analysis -- <page>/<name>: add a starter SQL analysis to a page, its card on the
// page and its words in both catalogues (data-loaders/authoring/scaffold.ts,
// docs/authoring.md). Prints the files written and the next steps on stdout; a bad name,
// a missing page or an existing analysis exits 1 and writes nothing.
import { defineCommand, runMain } from "citty";
import { scaffoldAnalysis } from "../authoring/scaffold.js";
import { PROJECT_ROOT } from "../config/config.js";
import { ConfigurationError } from "../errors.js";
import { logger } from "../logger.js";
import { runCommand } from "./run.js";

const main = defineCommand({
  meta: { name: "new:analysis", description: "Add a SQL analysis and its card to an existing page" },
  args: {
    name: {
      type: "positional",
      required: false,
      description: "<page>/<name>, e.g. weekday-habits/minutes-per-year",
    },
  },
  run: ({ args }) =>
    runCommand(async () => {
      if (!args.name) {
        throw new ConfigurationError(
          "Name the analysis to add as <page>/<name>, e.g. `npm run new:analysis -- weekday-habits/minutes-per-year`.",
        );
      }
      const { files, notes } = await scaffoldAnalysis(PROJECT_ROOT, args.name);
      for (const note of notes) logger.warn(note);
      const [page, name] = args.name.split("/");
      process.stdout.write(
        [
          `Analysis "${args.name}" written:`,
          ...files.map((f) => `  ${f}`),
          "",
          "Next:",
          `  edit data-loaders/analyses/${page}/${name}.sql   your query (npm run dev follows each save)`,
          `  npm run analysis -- ${args.name}   print its rows`,
          "  npm run check:pages",
          "",
        ].join("\n"),
      );
    }),
});

await runMain(main);
