// The scaffold behind `npm run new:page` and `npm run new:analysis`: everything an author would
// otherwise write by hand for a page with one SQL analysis (docs/authoring.md). Each
// function checks everything first — the name, the files it would create, the files it would
// change and their anchor lines — and writes nothing unless all is well; each file is written
// under a temporary name and renamed into place, so no file is ever half-written.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { camelKey, NAME_PATTERN } from "../analyses/names.js";
import { ConfigurationError } from "../errors.js";
import {
  addedQuery,
  CATALOGUE_ANCHOR,
  cardCell,
  catalogueCard,
  declaration,
  englishCatalogue,
  englishWords,
  FIRST_ANALYSIS,
  firstQuery,
  frenchCatalogue,
  frenchWords,
  indexLine,
  PAGE_ANCHOR,
  PAGES_MARKER,
  pageMarkdown,
  pageTest,
  sentenceCase,
} from "./templates.js";

export interface ScaffoldResult {
  /** Files written or changed, relative to the project root, in the order written. */
  files: string[];
  /** What the author still has to do (e.g. translate the French words). */
  notes: string[];
}

export interface PageOptions {
  /** The English title (default: the name in sentence case). */
  title?: string;
  /** The French title; without it the French words are placeholders to translate. */
  titleFr?: string;
}

/** Paths of the project's files the scaffold reads or writes, relative to its root. */
export const PATHS = {
  analyses: (page: string) => `data-loaders/analyses/${page}`,
  query: (page: string, name: string) => `data-loaders/analyses/${page}/${name}.sql`,
  page: (slug: string) => `src/[lang]/${slug}.md`,
  pagesDir: "src/[lang]",
  catalogue: (lang: "en" | "fr", page: string) => `src/lib/i18n/${lang}/${page}.ts`,
  catalogueIndex: (lang: "en" | "fr") => `src/lib/i18n/${lang}/index.ts`,
  pages: "src/lib/pages.ts",
  test: (page: string) => `tests/pages/${page}.test.ts`,
} as const;

// Catalogue namespaces that are not pages, and words a namespace (a JS identifier) cannot be.
const RESERVED = new Set(
  (
    "common shell break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw true try " +
    "typeof var void while with yield let static implements interface package private protected public await"
  ).split(" "),
);

const MAX_TITLE = 80;

function checkName(name: string, what: string, example: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new ConfigurationError(`"${name}" is not a valid ${what} name.`, {
      hint: `Use lower-case letters and digits in words joined by hyphens, starting with a letter, e.g. ${example}.`,
    });
  }
}

function checkTitle(title: string | undefined, option: string): string | undefined {
  if (title === undefined) return undefined;
  const t = title.trim();
  if (!t || /[\r\n]/.test(t) || t.length > MAX_TITLE) {
    throw new ConfigurationError(`${option} "${title}" is not a usable title.`, {
      hint: `Give one line of 1 to ${MAX_TITLE} characters, e.g. ${option} "Weekday habits".`,
    });
  }
  return t;
}

function read(root: string, path: string, why: string): string {
  const full = join(root, path);
  if (!existsSync(full)) {
    throw new ConfigurationError(`${path} does not exist (${why}).`, {
      hint: "Run the command from the project's root folder, in an intact checkout.",
    });
  }
  return readFileSync(full, "utf8");
}

/** The text with `insert` placed before the one line that is `anchor` (once trimmed). */
function insertAbove(text: string, anchor: string, insert: string, path: string, hint: string): string {
  const lines = text.split("\n");
  const at = lines.flatMap((line, i) => (line.trim() === anchor ? [i] : []));
  if (at.length !== 1) {
    throw new ConfigurationError(
      at.length === 0
        ? `${path} has no line \`${anchor}\`, where the scaffold adds its part.`
        : `${path} has ${at.length} lines \`${anchor}\`; the scaffold needs exactly one.`,
      { hint },
    );
  }
  const [i] = at;
  return [...lines.slice(0, i), ...insert.replace(/\n$/, "").split("\n"), ...lines.slice(i)].join("\n");
}

/** The catalogue index with the namespace's export line after its last export line. */
function addIndexLine(text: string, page: string, path: string): string {
  const lines = text.split("\n");
  let last = -1;
  lines.forEach((line, i) => {
    if (/^export \{ \w+ \} from "\.\/[\w-]+\.js";$/.test(line.trim())) last = i;
  });
  if (last < 0) {
    throw new ConfigurationError(
      `${path} has no \`export { x } from "./x.js";\` line to add the page's after.`,
      {
        hint: `Add \`${indexLine(page)}\` to it by hand.`,
      },
    );
  }
  return [...lines.slice(0, last + 1), indexLine(page), ...lines.slice(last + 1)].join("\n");
}

/** A file to write, and whether it is the scaffold's own TypeScript, to be formatted like the project's. */
type Writes = [path: string, text: string, format?: "format"][];

/**
 * The project's formatting (prettier and its config) applied to a file the scaffold makes, so a
 * new page passes `npm run lint` as written. Files it only adds a line to (src/lib/pages.ts, the
 * catalogue indexes) are left as their authors formatted them. Without prettier (an install
 * without dev dependencies) the text is written as is.
 */
async function formatted(root: string, path: string, text: string): Promise<string> {
  let prettier: typeof import("prettier");
  try {
    prettier = await import("prettier");
  } catch {
    return text;
  }
  const filepath = join(root, path);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...options, filepath });
}

/** Format, then write every file under a temporary name and rename it into place. */
async function writeAll(root: string, writes: Writes): Promise<string[]> {
  // Formatting first: a formatter error leaves every file untouched.
  const texts = await Promise.all(
    writes.map(([path, text, format]) => (format ? formatted(root, path, text) : text)),
  );
  writes.forEach(([path], i) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    const temporary = `${full}.${process.pid}.tmp`;
    writeFileSync(temporary, texts[i]);
    renameSync(temporary, full);
  });
  return writes.map(([path]) => path);
}

function refuseExisting(root: string, paths: string[], what: string, hint: string): void {
  const existing = paths.filter((p) => existsSync(join(root, p)));
  if (existing.length > 0) {
    throw new ConfigurationError(
      `${what}: ${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}.`,
      {
        hint,
      },
    );
  }
}

/**
 * `npm run new:page -- <name>`: a page with one SQL analysis (recipes per year), its card, its
 * words in English and French, its declaration in src/lib/pages.ts and its test.
 */
export async function scaffoldPage(
  root: string,
  name: string,
  options: PageOptions = {},
): Promise<ScaffoldResult> {
  checkName(name, "page", "weekday-habits");
  const ns = camelKey(name);
  if (RESERVED.has(name) || RESERVED.has(ns)) {
    throw new ConfigurationError(
      `"${name}" cannot name a page: it is a reserved word or catalogue namespace.`,
      {
        hint: "Choose another name, e.g. weekday-habits.",
      },
    );
  }
  const title = checkTitle(options.title, "--title") ?? sentenceCase(name);
  const titleFr = checkTitle(options.titleFr, "--title-fr");

  const pages = read(root, PATHS.pages, "the page declarations");
  if (new RegExp(`\\bid:\\s*"${name}"`).test(pages)) {
    throw new ConfigurationError(`The page "${name}" is already declared in ${PATHS.pages}.`, {
      hint: `Choose another name, or add analyses to it: npm run new:analysis -- ${name}/<name>.`,
    });
  }
  const created = [
    PATHS.analyses(name),
    PATHS.page(name),
    PATHS.catalogue("en", name),
    PATHS.catalogue("fr", name),
    PATHS.test(name),
  ];
  refuseExisting(
    root,
    created,
    `Cannot create the page "${name}"`,
    `Choose another name, or remove those files first (npm run new:analysis -- ${name}/<name> adds to an existing page).`,
  );
  const newPages = insertAbove(
    pages,
    PAGES_MARKER,
    declaration(name),
    PATHS.pages,
    `Put the line \`  ${PAGES_MARKER}\` back as the last line of DECLARATIONS.`,
  );
  const indexes = (["en", "fr"] as const).map((lang) => {
    const path = PATHS.catalogueIndex(lang);
    const text = read(root, path, "the catalogue index");
    if (new RegExp(`export \\{ ${ns} \\}`).test(text)) {
      throw new ConfigurationError(`${path} already exports a catalogue namespace "${ns}".`, {
        hint: "Choose another page name.",
      });
    }
    return [path, addIndexLine(text, name, path)] as Writes[number];
  });

  const query = firstQuery(name);
  const files = await writeAll(root, [
    [PATHS.query(name, FIRST_ANALYSIS), query.sql],
    [PATHS.catalogue("en", name), englishCatalogue(name, englishWords(title), query.en), "format"],
    [PATHS.catalogue("fr", name), frenchCatalogue(name, frenchWords(title, titleFr), query.fr), "format"],
    ...indexes,
    [PATHS.page(name), pageMarkdown(name)],
    [PATHS.pages, newPages],
    [PATHS.test(name), pageTest(name), "format"],
  ]);
  const notes = titleFr
    ? []
    : [
        `Translate the French words in ${PATHS.catalogue("fr", name)}: the title is the English one and the summary and lede are placeholders (or run again with --title-fr "…").`,
      ];
  return { files, notes };
}

/** The page source(s) that read `data/<page>.json`. */
function pagesReading(root: string, page: string): string[] {
  const dir = join(root, PATHS.pagesDir);
  if (!existsSync(dir)) return [];
  const attachment = `FileAttachment("../data/${page}.json")`;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `${PATHS.pagesDir}/${f}`)
    .filter((p) => readFileSync(join(root, p), "utf8").includes(attachment));
}

/**
 * `npm run new:analysis -- <page>/<name>`: a starter SQL analysis in the page's folder, its card
 * in the page (above the page's anchor line) and its words in both catalogues (above theirs).
 */
export async function scaffoldAnalysis(root: string, target: string): Promise<ScaffoldResult> {
  const parts = target.split("/");
  if (parts.length !== 2) {
    throw new ConfigurationError(`"${target}" does not name an analysis as <page>/<name>.`, {
      hint: "E.g. npm run new:analysis -- weekday-habits/minutes-per-year.",
    });
  }
  const [page, name] = parts;
  checkName(page, "page", "weekday-habits");
  checkName(name, "analysis", "minutes-per-year");
  if (!existsSync(join(root, PATHS.analyses(page)))) {
    throw new ConfigurationError(`There is no page "${page}": ${PATHS.analyses(page)}/ does not exist.`, {
      hint: `Create the page first: npm run new:page -- ${page}.`,
    });
  }
  const key = camelKey(name);
  refuseExisting(
    root,
    [PATHS.query(page, name), `${PATHS.analyses(page)}/${name}.ts`],
    `Cannot add the analysis "${page}/${name}"`,
    "Choose another name, or edit the existing analysis.",
  );

  const sources = pagesReading(root, page);
  if (sources.length === 0) {
    throw new ConfigurationError(
      `No page in ${PATHS.pagesDir}/ reads data/${page}.json, so the card has nowhere to go.`,
      {
        hint: `Create the page with npm run new:page, or add the analysis's file ${PATHS.query(page, name)} and its card by hand.`,
      },
    );
  }
  const withAnchor = sources.filter((p) => readFileSync(join(root, p), "utf8").includes(PAGE_ANCHOR));
  if (withAnchor.length !== 1) {
    throw new ConfigurationError(
      withAnchor.length === 0
        ? `${sources.join(", ")} has no line \`${PAGE_ANCHOR}\`, above which new:analysis adds the card.`
        : `${withAnchor.join(", ")} all have the line \`${PAGE_ANCHOR}\`; new:analysis needs exactly one page.`,
      {
        hint:
          `Add that line where the card should go, in a page that imports rowsCard (src/components/rows-card.js) and defines ` +
          `\`lang\` and \`t\` (see docs/authoring.md), and \`${CATALOGUE_ANCHOR}\` in the \`cards\` object of ` +
          `src/lib/i18n/{en,fr}/${page}.ts; or write the card and its words by hand.`,
      },
    );
  }
  const [source] = withAnchor;
  const markdown = readFileSync(join(root, source), "utf8");
  if (!markdown.includes("rowsCard")) {
    throw new ConfigurationError(`${source} does not import rowsCard, which draws the new card.`, {
      hint: 'Add `import {rowsCard} from "../components/rows-card.js";` to its setup cell.',
    });
  }
  if (markdown.includes(`id: "${name}"`)) {
    throw new ConfigurationError(`${source} already has a card with the id "${name}".`, {
      hint: "Choose another analysis name.",
    });
  }
  const newMarkdown = insertAbove(
    markdown,
    PAGE_ANCHOR,
    `${cardCell(page, name)}\n`,
    source,
    `Put the line \`${PAGE_ANCHOR}\` back where the next card should go.`,
  );
  const query = addedQuery(page, name);
  const catalogues = (["en", "fr"] as const).map((lang) => {
    const path = PATHS.catalogue(lang, page);
    const text = read(root, path, "the page's words");
    const cards = text.slice(Math.max(0, text.indexOf("cards: {")));
    if (new RegExp(`^\\s*${key}: \\{`, "m").test(cards)) {
      throw new ConfigurationError(`${path} already has words for the card "${key}".`, {
        hint: "Choose another analysis name, or remove those words first.",
      });
    }
    const hint = `Add the line \`    ${CATALOGUE_ANCHOR}\` as the last line inside the \`cards\` object of ${path}.`;
    const changed = insertAbove(text, CATALOGUE_ANCHOR, catalogueCard(key, query[lang]), path, hint);
    return [path, changed, "format"] as Writes[number];
  });

  const files = await writeAll(root, [
    [PATHS.query(page, name), query.sql],
    ...catalogues,
    [source, newMarkdown],
  ]);
  return {
    files,
    notes: [
      `Replace the starter query in ${PATHS.query(page, name)} with yours, and the card's words in ${PATHS.catalogue("en", page)} and ${PATHS.catalogue("fr", page)} (the French question is a placeholder).`,
    ],
  };
}
