// The text of every file `npm run new:page` and `npm run new:analysis` write (scaffold.ts decides
// where and checks first). Pure functions of the names and words, so a test can read what an author
// gets. Words go into TypeScript as JSON string literals, so no title can break the catalogue.
import { camelKey } from "../analyses/names.js";

/** The line above which new:page adds a declaration in src/lib/pages.ts. */
export const PAGES_MARKER = "// new:page adds declarations above this line";
/** The line above which new:analysis adds a card, in a scaffolded page and in its catalogues. */
export const PAGE_ANCHOR = "<!-- new:analysis adds cards above this line -->";
export const CATALOGUE_ANCHOR = "// new:analysis adds cards above this line";

/** The icon a scaffolded page gets in the navigation (a Lucide-style chart), until the author picks one. */
export const DEFAULT_ICON = ["M3 3v18h18", "M7 16v-5", "M12 16V8", "M17 16v-9"] as const;

/** The first analysis of a new page. */
export const FIRST_ANALYSIS = "recipes-per-year";

/** `weekday-habits` → `Weekday habits`: a readable default title. */
export const sentenceCase = (name: string) => {
  const words = name.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `weekday-habits` → `WeekdayHabits` (the catalogue's type name). */
export const pascalCase = (name: string) => {
  const camel = camelKey(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
};

const str = (s: string) => JSON.stringify(s);

export interface CardWords {
  title: string;
  question: string;
  method: string;
  /** Filled from the rows (src/components/charts/rows.ts RowsSummary): {x}, {value}, {column}, {lowX}, {lowValue}, {rows}. */
  takeaway: string;
}

export interface StarterQuery {
  sql: string;
  en: CardWords;
  fr: CardWords;
}

/** The starter query of a new page: kept recipes per year of submission, with its words. */
export function firstQuery(page: string): StarterQuery {
  const file = `data-loaders/analyses/${page}/${FIRST_ANALYSIS}.sql`;
  return {
    sql: [
      "-- Kept recipes per year of submission: how the site's volume grew and faded.",
      '-- Tables and columns: docs/data.md ("Parquet tables"). The rows are the page data; the card draws',
      "-- the first column against the first numeric column after it.",
      "SELECT year, count(*)::INTEGER AS recipes",
      "FROM recipes",
      "GROUP BY year",
      "ORDER BY year",
      "",
    ].join("\n"),
    en: {
      title: "Recipes per year",
      question: "How many recipes were posted each year?",
      method: `Kept recipes (after the cleaning rules of docs/data.md) counted by year of submission: the query ${file}.`,
      takeaway: "The busiest year is {x}, with {value} recipes.",
    },
    fr: {
      title: "Recettes par année",
      question: "Combien de recettes ont été publiées chaque année ?",
      method: `Recettes conservées (après les règles de nettoyage de docs/data.md) comptées par année de publication : la requête ${file}.`,
      takeaway: "L'année la plus fournie est {x}, avec {value} recettes.",
    },
  };
}

/** The starter query of an added analysis: a second, different view to edit (time per year). */
export function addedQuery(page: string, name: string): StarterQuery {
  const file = `data-loaders/analyses/${page}/${name}.sql`;
  const title = sentenceCase(name);
  return {
    sql: [
      `-- ${title}: a starter query written by \`npm run new:analysis\`; replace it with yours.`,
      "-- Average preparation time of the kept recipes, per year of submission (docs/data.md lists the",
      "-- tables). The card draws the first column against the first numeric column after it.",
      "SELECT year, round(avg(minutes), 1)::DOUBLE AS minutes",
      "FROM recipes",
      "GROUP BY year",
      "ORDER BY year",
      "",
    ].join("\n"),
    en: {
      title,
      question: `What does "${title}" show?`,
      method: `Computed by the query ${file} over the snapshot's tables (docs/data.md).`,
      takeaway: "The highest {column} is {value}, in {x}.",
    },
    fr: {
      title,
      question: `À traduire : la question à laquelle répond « ${title} ».`,
      method: `Calculé par la requête ${file} sur les tables de l'instantané (docs/data.md).`,
      takeaway: "La valeur de {column} la plus haute est {value}, pour {x}.",
    },
  };
}

export interface PageWords {
  title: string;
  summary: string;
  lede: string;
}

export function englishWords(title: string): PageWords {
  return {
    title,
    summary: `${title}: recipes per year, a first analysis to build on.`,
    lede: "Each card below is one analysis of the snapshot: its question, the answer in one sentence, a chart and the rows behind it.",
  };
}

/** French words: real ones with a French title; otherwise the English title and placeholders that say so. */
export function frenchWords(title: string, titleFr: string | undefined): PageWords {
  if (titleFr) {
    return {
      title: titleFr,
      summary: `${titleFr} : les recettes par année, une première analyse à compléter.`,
      lede: "Chaque carte ci-dessous est une analyse de l'instantané : sa question, la réponse en une phrase, un graphique et les lignes qui le fondent.",
    };
  }
  return {
    title,
    summary: `À traduire : le résumé en français de la page « ${title} ».`,
    lede: `À traduire : l'introduction en français de la page « ${title} ».`,
  };
}

const cardEntry = (key: string, words: CardWords, indent = "    ") =>
  [
    `${indent}${key}: {`,
    `${indent}  title: ${str(words.title)},`,
    `${indent}  question: ${str(words.question)},`,
    `${indent}  method: ${str(words.method)},`,
    `${indent}  takeaway: ${str(words.takeaway)},`,
    `${indent}},`,
  ].join("\n");

/** A card's words for insertion above the catalogue's anchor (ends with a newline). */
export const catalogueCard = (key: string, words: CardWords) => `${cardEntry(key, words)}\n`;

export function englishCatalogue(page: string, words: PageWords, card: CardWords): string {
  const ns = camelKey(page);
  return `// ${words.title} page (src/[lang]/${page}.md), written by \`npm run new:page\`. Each card's words are
// under cards.<analysis key>; its takeaway is filled from the rows ({x}, {value}, {column}, {lowX},
// {lowValue}, {rows}: src/components/charts/rows.ts).
export const ${ns} = {
  page: {
    title: ${str(words.title)},
    summary: ${str(words.summary)},
  },
  title: ${str(words.title)},
  lede: ${str(words.lede)},
  cards: {
${cardEntry(camelKey(FIRST_ANALYSIS), card)}
    ${CATALOGUE_ANCHOR}
  },
};

export type ${pascalCase(page)}Messages = typeof ${ns};
`;
}

export function frenchCatalogue(page: string, words: PageWords, card: CardWords): string {
  const ns = camelKey(page);
  const type = `${pascalCase(page)}Messages`;
  return `// Page ${words.title} (src/[lang]/${page}.md), écrite par \`npm run new:page\`.
import type { ${type} } from "../en/${page}.js";

export const ${ns}: ${type} = {
  page: {
    title: ${str(words.title)},
    summary: ${str(words.summary)},
  },
  title: ${str(words.title)},
  lede: ${str(words.lede)},
  cards: {
${cardEntry(camelKey(FIRST_ANALYSIS), card)}
    ${CATALOGUE_ANCHOR}
  },
};
`;
}

/** The line a language's catalogue index gets. */
export const indexLine = (page: string) => `export { ${camelKey(page)} } from "./${page}.js";`;

/** The declaration src/lib/pages.ts gets above its marker. */
export const declaration = (page: string) =>
  `  { id: ${str(page)}, icon: [${DEFAULT_ICON.map(str).join(", ")}] },`;

/** One card cell of a page: the analysis `name`'s rows, drawn by rowsCard (ends with a newline). */
export function cardCell(page: string, name: string): string {
  const ns = camelKey(page);
  const key = camelKey(name);
  const words = `${ns}.cards.${key}`;
  return `\`\`\`js
display(
  rowsCard({
    id: ${str(name)},
    analysis: ${str(`${page}/${key}`)},
    rows: data.${key},
    lang,
    resize,
    title: t(${str(`${words}.title`)}),
    question: t(${str(`${words}.question`)}),
    method: t(${str(`${words}.method`)}),
    takeaway: (summary) => t(${str(`${words}.takeaway`)}, summary)
  })
);
\`\`\`
`;
}

export function pageMarkdown(page: string): string {
  const ns = camelKey(page);
  return `\`\`\`js
// Fetch the page's data first, in a cell of its own: the request starts as soon as the page
// runs, while the modules of the cells below are still loading.
const json = FileAttachment("../data/${page}.json").json();
\`\`\`

\`\`\`js
// The page data; in the dev preview, an analysis that failed shows its error in the cells that use it.
import {pageData} from "../components/page-data.js";
const data = pageData(json);
\`\`\`

\`\`\`js
// Written by \`npm run new:page\`. Each card shows one analysis of data-loaders/analyses/${page}/
// (data.<key>: the rows of <key>.sql); its words are under ${ns}.cards.<key> in
// src/lib/i18n/{en,fr}/${page}.ts. \`npm run new:analysis -- ${page}/<name>\` adds one.
import {translator} from "../lib/i18n/index.js";
import {rowsCard} from "../components/rows-card.js";

const lang = observable.params.lang;
const t = translator(lang);
document.title = \`\${t("${ns}.page.title")} | \${t("shell.site.title")}\`;
\`\`\`

<p class="page-eyebrow">\${t("${ns}.page.title")}</p>

# \${t("${ns}.title")}

<p class="lede">\${t("${ns}.lede")}</p>

<div class="grid grid-cols-2">

${cardCell(page, FIRST_ANALYSIS)}
${PAGE_ANCHOR}

</div>
`;
}

/** The test of a new page's analyses, on a small generated dataset. */
export function pageTest(page: string): string {
  const key = camelKey(FIRST_ANALYSIS);
  return `// The ${page} page's analyses (data-loaders/analyses/${page}/) on a small generated dataset, through
// the real ingest and a real DuckDB: every analysis gives rows its card can draw (a first column,
// then a numeric one), and the first one counts each kept recipe once. Written by
// \`npm run new:page\`: when you change a query, change its checks here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisKey, computePage, pageAnalyses } from "../../data-loaders/analyses/registry.js";
import { openSession, type Session } from "../../data-loaders/duckdb/session.js";
import { ingest } from "../../data-loaders/ingest/ingest.js";
import { readLocalSnapshot } from "../../data-loaders/snapshot/cache.js";
import { tempDir } from "../helpers/s3.js";
import { generatedCsvs } from "../helpers/site.js";

type Row = Record<string, number | string | boolean | null>;

const PAGE = ${str(page)};
const KEYS = pageAnalyses(PAGE).map(analysisKey);
let session: Session;
let data: Record<string, Row[]>;

beforeAll(async () => {
  const { dir } = await ingest({ ...(await generatedCsvs(0.01, 42)), outDir: tempDir(\`bttk-\${PAGE}-\`) });
  const snapshot = await readLocalSnapshot(dir);
  session = await openSession(snapshot);
  data = (await computePage(PAGE, { session, snapshot })) as Record<string, Row[]>;
}, 120_000);
afterAll(() => session?.close());

describe(\`the \${PAGE} page's analyses\`, () => {
  it("are found in data-loaders/analyses/${page}/ and all computed", () => {
    expect(KEYS).toContain(${str(key)});
    expect(Object.keys(data).sort()).toEqual([...KEYS].sort());
  });

  it.each(KEYS)("%s gives rows with the same columns, a numeric one after the first", (key) => {
    const rows = data[key];
    expect(rows.length).toBeGreaterThan(0);
    const columns = Object.keys(rows[0]);
    for (const row of rows) expect(Object.keys(row)).toEqual(columns);
    expect(columns.slice(1).some((c) => rows.every((r) => typeof r[c] === "number" || r[c] === null))).toBe(true);
  });

  it("${key} counts every kept recipe once, one row per year in order", async () => {
    const rows = data.${key};
    expect(Object.keys(rows[0])).toEqual(["year", "recipes"]);
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM recipes");
    expect(rows.reduce((sum, r) => sum + Number(r.recipes), 0)).toBe(n);
    const years = rows.map((r) => Number(r.year));
    expect(years).toEqual([...new Set(years)].sort((a, b) => a - b));
  });
});
`;
}
