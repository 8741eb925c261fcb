// npm run check:pages [-- --root <folder>]: missing translations, unused catalogue keys and pages
// missing from the navigation (data-loaders/authoring/check-pages.ts), grouped by file on stderr as
// `file: key — message`. Exit 1 when there is any finding; `npm test` runs the same check.
import { resolve } from "node:path";
import { defineCommand, runMain } from "citty";
import { checkPages, formatFindings } from "../authoring/check-pages.js";
import { PROJECT_ROOT } from "../config/config.js";
import { ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { runCommand } from "./run.js";

const main = defineCommand({
  meta: {
    name: "check:pages",
    description: "Check translations, unused catalogue keys and page declarations",
  },
  args: {
    root: { type: "string", description: "Project folder to check (default: this project)" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const root = resolve(args.root ?? PROJECT_ROOT);
      const findings = checkPages(root);
      if (findings.length === 0) {
        logger.success("All pages and catalogues check out");
        return;
      }
      process.stderr.write(`${formatFindings(findings)}\n\n`);
      const files = new Set(findings.map((f) => f.file)).size;
      const kinds = new Map<string, number>();
      for (const f of findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
      throw new ValidationError(
        `check:pages: ${plural(findings.length, "finding")} in ${plural(files, "file")} (${[...kinds]
          .map(([kind, n]) => `${kind} ${n}`)
          .join(", ")}).`,
        { hint: "Fix each one where it points (docs/authoring.md, section 5, explains every kind)." },
      );
    }),
});

await runMain(main);
