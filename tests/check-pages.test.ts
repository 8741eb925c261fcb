// `npm run check:pages`: the real project has no finding (so `npm test` fails on a missing
// translation, an unused key or an undeclared page), and each kind of finding is caught, with its
// file and key, in a small project tree written to a temporary folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkPages,
  formatFindings,
  keyPattern,
  markdownCode,
} from "../data-loaders/authoring/check-pages.js";
import { PROJECT_ROOT } from "../data-loaders/config/config.js";
import { runCli } from "./helpers/run-cli.js";
import { tempDir } from "./helpers/s3.js";

type Tree = Record<string, string>;

const FENCE = "```";

/** A tiny project that checks out: two pages (a home page without data, "alpha" with one analysis). */
const CLEAN: Tree = {
  "src/lib/pages.ts": `
export interface PageDeclaration { id: string; slug?: string; icon: readonly string[]; data?: string | null }
const DECLARATIONS = [
  { id: "home", slug: "", icon: ["M3 3h18"], data: null },
  { id: "alpha", icon: ["M3 3v18"] },
  // new:page adds declarations above this line
] as const satisfies readonly PageDeclaration[];
export const PAGE_IDS = DECLARATIONS.map((d) => d.id);
export const pageTitleKey = (id: string) => \`\${id}.page.title\`;
export const pageSummaryKey = (id: string) => \`\${id}.page.summary\`;
`,
  "src/lib/i18n/en/index.ts": `export { home } from "./home.js";\nexport { alpha } from "./alpha.js";\n`,
  "src/lib/i18n/fr/index.ts": `export { home } from "./home.js";\nexport { alpha } from "./alpha.js";\n`,
  "src/lib/i18n/en/home.ts": `export const home = { page: { title: "Home", summary: "Start here." } };\n`,
  "src/lib/i18n/fr/home.ts": `export const home = { page: { title: "Accueil", summary: "Commencez ici." } };\n`,
  "src/lib/i18n/en/alpha.ts": `
export const alpha = {
  page: { title: "Alpha", summary: "Recipes by kind." },
  card: { title: "{n} recipes" },
  kinds: { sweet: { label: "Sweet" }, salty: { label: "Salty" } },
};
export type AlphaMessages = typeof alpha;
`,
  "src/lib/i18n/fr/alpha.ts": `
import type { AlphaMessages } from "../en/alpha.js";
export const alpha: AlphaMessages = {
  page: { title: "Alpha", summary: "Les recettes par sorte." },
  card: { title: "{n} recettes" },
  kinds: { sweet: { label: "Sucré" }, salty: { label: "Salé" } },
};
`,
  "src/[lang]/index.md": `${FENCE}js\nimport {PAGE_IDS, pageTitleKey} from "../lib/pages.js";\n${FENCE}\n\n# Nothing but links\n`,
  "src/[lang]/alpha.md": [
    `${FENCE}js`,
    `const t = translator(observable.params.lang);`,
    FENCE,
    ``,
    `# \${t("alpha.card.title", {n: 3})}`,
    ``,
    '${["sweet", "salty"].map((k) => t(`alpha.kinds.${k}.label`))}',
    ``,
  ].join("\n"),
  "data-loaders/analyses/alpha/count.sql":
    "-- How many recipes.\nSELECT count(*)::INTEGER AS n FROM recipes;\n",
};

function project(tree: Tree, changes: Record<string, string | null> = {}): string {
  const root = tempDir("check-pages-");
  for (const [path, text] of Object.entries({ ...tree, ...changes })) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The findings as `kind file key`, easy to compare whole. */
const found = (root: string) =>
  checkPages(root).map((f) => [f.kind, f.file, f.key].filter(Boolean).join(" "));

const replace = (path: string, from: string, to: string): Record<string, string> => {
  const text = CLEAN[path];
  if (!text.includes(from)) throw new Error(`fixture: "${from}" is not in ${path}`);
  return { [path]: text.replace(from, to) };
};

describe("check:pages on this project", () => {
  it("finds no missing translation, unused key or undeclared page", () => {
    expect(formatFindings(checkPages(PROJECT_ROOT))).toBe("");
  });
});

describe("check:pages on a fixture project", () => {
  it("finds nothing in a tree where every key is translated, used and every page declared", () => {
    expect(found(project(CLEAN))).toEqual([]);
  });

  describe("translations", () => {
    it("reports a key one language lacks, in that language's namespace file", () => {
      const root = project(
        CLEAN,
        replace("src/lib/i18n/fr/alpha.ts", `card: { title: "{n} recettes" },`, ""),
      );
      expect(found(root)).toEqual(["missing-translation src/lib/i18n/fr/alpha.ts alpha.card.title"]);
    });

    it("reports an empty message", () => {
      const root = project(CLEAN, replace("src/lib/i18n/fr/alpha.ts", `label: "Salé"`, `label: "  "`));
      expect(found(root)).toEqual(["empty-message src/lib/i18n/fr/alpha.ts alpha.kinds.salty.label"]);
    });

    it("reports placeholders that differ from English, with both sets", () => {
      const root = project(
        CLEAN,
        replace("src/lib/i18n/fr/alpha.ts", `"{n} recettes"`, `"{count} recettes"`),
      );
      const findings = checkPages(root);
      expect(findings).toEqual([
        {
          kind: "placeholders",
          file: "src/lib/i18n/fr/alpha.ts",
          key: "alpha.card.title",
          message: "has placeholders {count} where en has {n}",
        },
      ]);
    });

    it("reports a namespace file its language's index does not export", () => {
      const root = project(CLEAN, { "src/lib/i18n/fr/index.ts": `export { home } from "./home.js";\n` });
      expect(found(root)).toEqual(["unexported-namespace src/lib/i18n/fr/index.ts alpha"]);
    });

    it("reports a message that is not a literal string", () => {
      const root = project(
        CLEAN,
        replace("src/lib/i18n/en/alpha.ts", `label: "Salty"`, `label: "Sal" + "ty"`),
      );
      expect(found(root)).toEqual(["unreadable src/lib/i18n/en/alpha.ts alpha.kinds.salty.label"]);
    });
  });

  describe("unused keys", () => {
    it("reports a key no source uses, in every language that holds it", () => {
      const root = project(CLEAN, {
        ...replace("src/lib/i18n/en/alpha.ts", `card: {`, `card: { footnote: "Counted once.",`),
        ...replace("src/lib/i18n/fr/alpha.ts", `card: {`, `card: { footnote: "Comptées une fois.",`),
      });
      expect(found(root)).toEqual([
        "unused-key src/lib/i18n/en/alpha.ts alpha.card.footnote",
        "unused-key src/lib/i18n/fr/alpha.ts alpha.card.footnote",
      ]);
    });

    it("counts a key named by a template literal, its hole standing for path segments", () => {
      // alpha.kinds.sweet.label and .salty.label are named only by `alpha.kinds.${k}.label`.
      const root = project(CLEAN, {
        "src/[lang]/alpha.md": CLEAN["src/[lang]/alpha.md"].replace(
          "alpha.kinds.${k}.label",
          "alpha.kinds.sweet.label",
        ),
      });
      expect(found(root)).toEqual([
        "unused-key src/lib/i18n/en/alpha.ts alpha.kinds.salty.label",
        "unused-key src/lib/i18n/fr/alpha.ts alpha.kinds.salty.label",
      ]);
    });

    it("counts a key built with + from a string and a variable", () => {
      const root = project(CLEAN, {
        "src/[lang]/alpha.md": CLEAN["src/[lang]/alpha.md"].replace(
          "t(`alpha.kinds.${k}.label`)",
          't("alpha.kinds." + k + ".label")',
        ),
      });
      expect(found(root)).toEqual([]);
    });

    it("counts a key whose namespace is a hole only for namespaces a source spells out", () => {
      // pages.ts names `${id}.page.title`: "alpha" is spelled out there, "alpha.sub" nowhere.
      const sub = {
        ...replace("src/lib/i18n/en/alpha.ts", `card: {`, `sub: { page: { title: "Sub" } },\n  card: {`),
        ...replace("src/lib/i18n/fr/alpha.ts", `card: {`, `sub: { page: { title: "Sous" } },\n  card: {`),
      };
      expect(found(project(CLEAN, sub))).toEqual([
        "unused-key src/lib/i18n/en/alpha.ts alpha.sub.page.title",
        "unused-key src/lib/i18n/fr/alpha.ts alpha.sub.page.title",
      ]);
      const spelled = { ...sub, "src/components/sub.ts": `export const SUB_PAGE = "alpha.sub";\n` };
      expect(found(project(CLEAN, spelled))).toEqual([]);
    });

    it("keeps a message marked `check-pages: keep` on its line, the line above, or on its object", () => {
      const en = replace(
        "src/lib/i18n/en/alpha.ts",
        `card: {`,
        `card: {\n    // check-pages: keep — read by a test only\n    footnote: "Counted once.",\n    aside: "Aside", // check-pages: keep — same\n`,
      );
      const fr = (mark: string) =>
        replace(
          "src/lib/i18n/fr/alpha.ts",
          `card: {`,
          `${mark}\n  card: { footnote: "Comptées une fois.", aside: "En passant",`,
        );
      expect(found(project(CLEAN, { ...en, ...fr("// check-pages: keep — both read by a test") }))).toEqual(
        [],
      );
      expect(found(project(CLEAN, { ...en, ...fr("// Words of the card") }))).toEqual([
        "unused-key src/lib/i18n/fr/alpha.ts alpha.card.aside",
        "unused-key src/lib/i18n/fr/alpha.ts alpha.card.footnote",
      ]);
    });
  });

  describe("pages", () => {
    it("reports a page file that no declaration names", () => {
      const root = project(CLEAN, { "src/[lang]/gamma.md": "# Gamma\n" });
      expect(found(root)).toEqual(["undeclared-page src/[lang]/gamma.md"]);
    });

    it("reports a declared page without its source file", () => {
      const root = project(CLEAN, { "src/[lang]/alpha.md": null });
      expect(found(root).filter((f) => !f.startsWith("unused-key"))).toEqual([
        "missing-page-source src/lib/pages.ts alpha",
      ]);
    });

    it("reports a declared page without its title and summary, in each language's file", () => {
      const root = project(CLEAN, {
        ...replace(
          "src/lib/pages.ts",
          `{ id: "alpha", icon: ["M3 3v18"] },`,
          `{ id: "alpha", icon: [] },\n  { id: "beta", slug: "alpha", icon: [], data: "alpha" },`,
        ),
      });
      expect(found(root)).toEqual([
        "missing-page-words src/lib/i18n/en/beta.ts beta.page.summary",
        "missing-page-words src/lib/i18n/en/beta.ts beta.page.title",
        "missing-page-words src/lib/i18n/fr/beta.ts beta.page.summary",
        "missing-page-words src/lib/i18n/fr/beta.ts beta.page.title",
      ]);
    });

    it("reports an analyses folder no page reads, and a page whose data has no folder", () => {
      const root = project(CLEAN, {
        "data-loaders/analyses/orphan/total.sql": "SELECT 1 AS one;\n",
        "data-loaders/analyses/_shared/helper.ts": "export const x = 1;\n",
        ...replace("src/lib/pages.ts", `data: null`, `data: "missing"`),
      });
      expect(found(root)).toEqual([
        "unread-analyses data-loaders/analyses/orphan/",
        "missing-analyses src/lib/pages.ts home",
      ]);
    });

    it("reports a pages module without its DECLARATIONS list", () => {
      const root = project(CLEAN, { "src/lib/pages.ts": "export const PAGES = [];\n" });
      expect(found(root).filter((f) => f.startsWith("unreadable"))).toEqual(["unreadable src/lib/pages.ts"]);
    });
  });
});

describe("reading sources", () => {
  it("takes a Markdown page's code from its js fences and from the ${…} of its prose", () => {
    const page =
      "```js\nconst a = 1;\n```\n\n# ${t(\"x.title\", {n: `${a}`})}\n\n```sql\nSELECT '${c}'\n```\nText {not code}. ${b}\n";
    expect(markdownCode(page)).toEqual(["const a = 1;\n", 't("x.title", {n: `${a}`})', "b"]);
  });

  it("turns a template into a key pattern, and refuses one that could match any key", () => {
    const inner = keyPattern(["trends.nutrients.", null, ".label"]);
    expect(inner?.leadingHole).toBe(false);
    expect(inner?.rest.test("trends.nutrients.sugar.label")).toBe(true);
    expect(inner?.rest.test("trends.nutrients.a.b.label")).toBe(true);
    expect(inner?.rest.test("trends.nutrients..label")).toBe(false);
    expect(inner?.rest.test("trends.other.sugar.label")).toBe(false);
    expect(keyPattern(["", null, ".page.title"])?.leadingHole).toBe(true);
    expect(keyPattern(["", null, ".", null, ""])).toBeUndefined();
    expect(keyPattern(["", null, "px"])).toBeUndefined();
    expect(keyPattern(["plain.key"])).toBeUndefined();
  });

  it("prints one line per finding, `file: key — message`, a blank line between files", () => {
    const text = formatFindings([
      { kind: "unused-key", file: "a.ts", key: "a.x", message: "is unused" },
      { kind: "unused-key", file: "a.ts", key: "a.y", message: "is unused" },
      { kind: "undeclared-page", file: "b.md", message: "is not declared" },
    ]);
    expect(text).toBe("a.ts: a.x — is unused\na.ts: a.y — is unused\n\nb.md: is not declared");
  });
});

describe("npm run check:pages", () => {
  it("exits 1 naming the file and key of each finding", async () => {
    const root = project(CLEAN, replace("src/lib/i18n/fr/alpha.ts", `card: { title: "{n} recettes" },`, ""));
    const result = await runCli("check-pages", ["--root", root], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("src/lib/i18n/fr/alpha.ts: alpha.card.title — has no fr message");
    expect(result.stderr).toContain("1 finding in 1 file");
    expect(result.stdout).toBe("");
  });

  it("exits 0 and says so when everything checks out", async () => {
    const result = await runCli("check-pages", ["--root", project(CLEAN)], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("All pages and catalogues check out");
  });

  it("reports a root that is not a project as an unreadable pages module", async () => {
    const root = tempDir("check-pages-empty-");
    const result = await runCli("check-pages", ["--root", root], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("src/lib/pages.ts: is missing");
  });
});
