// npm run new:page -- <name> [--title "…"] [--title-fr "…"]: write a working page with one SQL
// analysis, its card, its words in English and French, its declaration and its test
// (data-loaders/authoring/scaffold.ts, docs/authoring.md). Prints the files written and
// the next steps on stdout; a bad name or an existing file exits 1 and writes nothing.
import { defineCommand, runMain } from "citty";
import { scaffoldPage } from "../authoring/scaffold.js";
import { PROJECT_ROOT } from "../config/config.js";
import { ConfigurationError } from "../errors.js";
import { logger } from "../logger.js";
import { runCommand } from "./run.js";

const main = defineCommand({
  meta: { name: "new:page", description: "Write a new analysis page with one SQL analysis and its card" },
  args: {
    name: {
      type: "positional",
      required: false,
      description: "Page name: lower-case words joined by hyphens",
    },
    title: { type: "string", description: "English title (default: the name in sentence case)" },
    "title-fr": { type: "string", description: "French title (default: the English one, to translate)" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      if (!args.name) {
        throw new ConfigurationError("Name the page to create, e.g. `npm run new:page -- weekday-habits`.", {
          hint: 'Add --title "Weekday habits" --title-fr "Habitudes de la semaine" for its titles.',
        });
      }
      const { files, notes } = await scaffoldPage(PROJECT_ROOT, args.name, {
        title: args.title,
        titleFr: args["title-fr"],
      });
      for (const note of notes) logger.warn(note);
      process.stdout.write(
        [
          `Page "${args.name}" written:`,
          ...files.map((f) => `  ${f}`),
          "",
          "Next:",
          `  npm run dev                      preview it at /en/${args.name} and /fr/${args.name}`,
          `  edit data-loaders/analyses/${args.name}/*.sql    the page follows each save`,
          `  npm run new:analysis -- ${args.name}/<name>   add an analysis and its card`,
          `  npx vitest run tests/pages/${args.name}.test.ts`,
          "  npm run check:pages",
          "",
        ].join("\n"),
      );
    }),
});

await runMain(main);
