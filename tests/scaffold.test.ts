// The scaffold (`npm run new:page`, `npm run new:analysis`), always in a temporary copy of the
// project. First what it refuses — bad names, existing pages and analyses, a missing page, a page
// without the anchor line — and that a refusal writes nothing; what it writes, and the choice of
// chart and takeaway of the generic card. Then end to end, as an author would: the commands in
// the copy, the copy's own build on a small generated dataset in a real S3 server, the page served
// and loaded in Chromium in both languages with no error and the takeaway carrying the figure
// DuckDB computes independently from the same snapshot; then a second analysis, a second build,
// a second card.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATHS, scaffoldAnalysis, scaffoldPage } from "../data-loaders/authoring/scaffold.js";
import { CATALOGUE_ANCHOR, PAGE_ANCHOR, PAGES_MARKER } from "../data-loaders/authoring/templates.js";
import { loadConfig } from "../data-loaders/config/config.js";
import { openSession } from "../data-loaders/duckdb/session.js";
import { ConfigurationError } from "../data-loaders/errors.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { runServer } from "../data-loaders/server/run.js";
import type { RunningServer } from "../data-loaders/server/serve.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { rowsShape, summarizeRows, type Row } from "../src/components/charts/rows.js";
import { formatNumber } from "../src/lib/format.js";
import { launchBrowser, settle, visit } from "./helpers/browser.js";
import { copyProject } from "./helpers/project-copy.js";
import { finished, type CliResult } from "./helpers/run-cli.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import { generatedCsvs } from "./helpers/site.js";

/**
 * Every file of the copy's folders the scaffold writes to, with a digest of its content: equal
 * before and after means nothing was written (not even a temporary file).
 */
function state(root: string): Map<string, string> {
  const files = ["data-loaders", "src", "tests"].flatMap((top) =>
    readdirSync(join(root, top), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name))),
  );
  return new Map(
    files.map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(root, f)))
        .digest("hex"),
    ]),
  );
}

const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");

/** What a scaffold call throws (ConfigurationError expected), and that nothing changed meanwhile. */
async function refusal(root: string, f: () => Promise<unknown>): Promise<ConfigurationError> {
  const before = state(root);
  let thrown: unknown;
  try {
    await f();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigurationError);
  expect(state(root)).toEqual(before);
  return thrown as ConfigurationError;
}

describe("the scaffold's checks and files", () => {
  let root: string;
  beforeAll(() => {
    root = copyProject("bttk-scaffold-unit-");
  });

  it("refuses names that are not lower-case words joined by hyphens, naming the rule", async () => {
    for (const name of ["Bad_Name", "../x", "x/y", "-x", "9lives", "two--dashes", ""]) {
      const error = await refusal(root, () => scaffoldPage(root, name));
      expect(error.message).toContain(`"${name}" is not a valid page name`);
      expect(error.hint).toMatch(/lower-case/);
    }
    expect((await refusal(root, () => scaffoldPage(root, "class"))).message).toMatch(/reserved/);
    expect((await refusal(root, () => scaffoldAnalysis(root, "trends/Bad_Name"))).message).toContain(
      '"Bad_Name" is not a valid analysis name',
    );
    expect((await refusal(root, () => scaffoldAnalysis(root, "../x"))).message).toContain(
      '".." is not a valid page name',
    );
    expect((await refusal(root, () => scaffoldAnalysis(root, "trends/x/y"))).message).toContain(
      "<page>/<name>",
    );
  });

  it("refuses an existing page, saying where it is declared", async () => {
    const error = await refusal(root, () => scaffoldPage(root, "trends"));
    expect(error.message).toBe(`The page "trends" is already declared in ${PATHS.pages}.\n→ ${error.hint}`);
    expect(error.hint).toContain("npm run new:analysis -- trends/<name>");
  });

  it("refuses a page whose files already exist, listing them", async () => {
    // Files left by an earlier attempt, without a declaration.
    mkdirSync(join(root, "data-loaders/analyses/leftover"));
    writeFileSync(join(root, "data-loaders/analyses/leftover/x.sql"), "SELECT 1 AS x\n");
    mkdirSync(join(root, "tests/pages"), { recursive: true });
    writeFileSync(join(root, "tests/pages/leftover.test.ts"), "");
    try {
      const error = await refusal(root, () => scaffoldPage(root, "leftover"));
      expect(error.message).toBe(
        `Cannot create the page "leftover": data-loaders/analyses/leftover, tests/pages/leftover.test.ts already exist.\n→ ${error.hint}`,
      );
    } finally {
      rmSync(join(root, "data-loaders/analyses/leftover"), { recursive: true });
      rmSync(join(root, "tests/pages/leftover.test.ts"));
    }
  });

  it("refuses an analysis of a page that does not exist, or one that exists", async () => {
    const missing = await refusal(root, () => scaffoldAnalysis(root, "nowhere/prep-time"));
    expect(missing.message).toContain('There is no page "nowhere"');
    expect(missing.hint).toContain("npm run new:page -- nowhere");
    const existing = await refusal(root, () => scaffoldAnalysis(root, "trends/duration"));
    expect(existing.message).toContain("data-loaders/analyses/trends/duration.ts already exists");
  });

  it("refuses to add a card to a page without the anchor line, saying what to add by hand", async () => {
    const error = await refusal(root, () => scaffoldAnalysis(root, "trends/prep-time"));
    expect(error.message).toContain("src/[lang]/trends.md has no line");
    expect(error.message).toContain(PAGE_ANCHOR);
    expect(error.hint).toContain(CATALOGUE_ANCHOR);
  });

  it("refuses a page when src/lib/pages.ts lost its marker line, and writes nothing", async () => {
    const pages = join(root, PATHS.pages);
    const original = readFileSync(pages, "utf8");
    writeFileSync(pages, original.replace(PAGES_MARKER, "// someone removed the marker"));
    try {
      const error = await refusal(root, () => scaffoldPage(root, "pantry"));
      expect(error.message).toContain(`${PATHS.pages} has no line`);
      expect(error.hint).toContain(PAGES_MARKER);
    } finally {
      writeFileSync(pages, original);
    }
  });

  it("writes a page: its query, words in both languages, declaration, page and test", async () => {
    const { files, notes } = await scaffoldPage(root, "weekday-habits", { title: "Weekday habits" });
    expect(files).toEqual([
      "data-loaders/analyses/weekday-habits/recipes-per-year.sql",
      "src/lib/i18n/en/weekday-habits.ts",
      "src/lib/i18n/fr/weekday-habits.ts",
      "src/lib/i18n/en/index.ts",
      "src/lib/i18n/fr/index.ts",
      "src/[lang]/weekday-habits.md",
      "src/lib/pages.ts",
      "tests/pages/weekday-habits.test.ts",
    ]);
    // Without --title-fr the French words are placeholders, and the author is told.
    expect(notes.join(" ")).toMatch(/Translate the French words in src\/lib\/i18n\/fr\/weekday-habits\.ts/);
    expect(read(root, "src/lib/i18n/fr/weekday-habits.ts")).toContain("À traduire");
    expect(read(root, "src/lib/i18n/fr/weekday-habits.ts")).toContain(
      "export const weekdayHabits: WeekdayHabitsMessages = {",
    );
    const sql = read(root, "data-loaders/analyses/weekday-habits/recipes-per-year.sql");
    expect(sql).toMatch(/^-- Kept recipes per year/);
    expect(sql).toContain("FROM recipes");
    // The declaration lands right above the marker; the namespace is exported once per language.
    const pages = read(root, PATHS.pages).split("\n");
    const marker = pages.findIndex((l) => l.trim() === PAGES_MARKER);
    expect(pages[marker - 1]).toMatch(/^ {2}\{ id: "weekday-habits", icon: \[/);
    for (const lang of ["en", "fr"] as const) {
      const index = read(root, PATHS.catalogueIndex(lang));
      expect(index.match(/export \{ weekdayHabits \} from "\.\/weekday-habits\.js";/g)).toHaveLength(1);
    }
    const page = read(root, "src/[lang]/weekday-habits.md");
    expect(page).toContain('FileAttachment("../data/weekday-habits.json")');
    expect(page).toContain("rows: data.recipesPerYear");
    expect(page).toContain(PAGE_ANCHOR);
    // A second run refuses, and a second analysis goes above the anchors.
    expect((await refusal(root, () => scaffoldPage(root, "weekday-habits"))).message).toContain(
      "already declared",
    );
    expect(
      (await refusal(root, () => scaffoldAnalysis(root, "weekday-habits/recipes-per-year"))).message,
    ).toContain("recipes-per-year.sql already exists");
  });

  it("adds an analysis: its query, its card above the page's anchor, its words above the catalogues'", async () => {
    const { files } = await scaffoldAnalysis(root, "weekday-habits/prep-time");
    expect(files).toEqual([
      "data-loaders/analyses/weekday-habits/prep-time.sql",
      "src/lib/i18n/en/weekday-habits.ts",
      "src/lib/i18n/fr/weekday-habits.ts",
      "src/[lang]/weekday-habits.md",
    ]);
    const page = read(root, "src/[lang]/weekday-habits.md");
    expect(page.indexOf("rows: data.recipesPerYear")).toBeLessThan(page.indexOf("rows: data.prepTime"));
    expect(page.indexOf("rows: data.prepTime")).toBeLessThan(page.indexOf(PAGE_ANCHOR));
    for (const lang of ["en", "fr"] as const) {
      const text = read(root, `src/lib/i18n/${lang}/weekday-habits.ts`);
      expect(text.indexOf("prepTime: {")).toBeGreaterThan(text.indexOf("recipesPerYear: {"));
      expect(text.indexOf("prepTime: {")).toBeLessThan(text.indexOf(CATALOGUE_ANCHOR));
    }
    // The TypeScript the scaffold makes is formatted as `npm run lint` wants it.
    for (const file of [
      "src/lib/i18n/en/weekday-habits.ts",
      "src/lib/i18n/fr/weekday-habits.ts",
      "tests/pages/weekday-habits.test.ts",
    ]) {
      const filepath = join(root, file);
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      expect(await prettier.check(read(root, file), { ...options, filepath }), file).toBe(true);
    }
    expect((await refusal(root, () => scaffoldAnalysis(root, "weekday-habits/prep-time"))).message).toContain(
      "prep-time.sql already exists",
    );
  });
});

describe("the generic card's chart and takeaway", () => {
  const years: Row[] = Array.from({ length: 15 }, (_, i) => ({
    year: 2000 + i,
    recipes: i === 4 ? 90 : 10 + i,
  }));

  it("draws a line for many years, bars for a few numbers or for categories", async () => {
    expect(rowsShape(years)).toMatchObject({ x: "year", y: "recipes", xKind: "number", mark: "line" });
    expect(rowsShape(years.slice(0, 5)).mark).toBe("bars");
    const seasons: Row[] = [
      { season: "winter", label: "cold", n: 3 },
      { season: "summer", label: "hot", n: 5 },
    ];
    expect(rowsShape(seasons)).toMatchObject({ x: "season", y: "n", xKind: "category", mark: "bars" });
    const days: Row[] = years.map((r, i) => ({
      day: `2001-01-${String(i + 1).padStart(2, "0")}`,
      n: r.recipes,
    }));
    expect(rowsShape(days)).toMatchObject({ xKind: "date", mark: "line" });
  });

  it("names the highest and lowest rows, formatted for the language, years left ungrouped", async () => {
    const rows: Row[] = [
      { year: 2001, minutes: 1234.5 },
      { year: 2002, minutes: 10.25 },
      { year: 2003, minutes: 1234.5 },
    ];
    expect(summarizeRows(rows, "en")).toEqual({
      column: "minutes",
      x: "2001",
      value: "1,234.5",
      lowX: "2002",
      lowValue: "10.25",
      rows: "3",
    });
    expect(summarizeRows(rows, "fr").value).toBe(formatNumber(1234.5, "fr"));
    expect(summarizeRows(rows, "fr").lowValue).toBe("10,25");
  });

  it("says which columns it found when none is numeric, and refuses empty rows", async () => {
    expect(() => summarizeRows([{ a: "x", b: "y" }], "en")).toThrow(
      /no numeric column after "a" \(columns: a, b\)/,
    );
    expect(() => rowsShape([])).toThrow(/no rows/);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: the commands, the build and the browser, in a copy of the project.

// A name of two words: its catalogue namespace is pantryNotes, its data file pantry-notes.json.
const PAGE = "pantry-notes";
const ARTIFACTS = join(import.meta.dirname, "artifacts");
let copy: string;
let s3: TestS3;
let vars: Record<string, string>;
let browser: Browser;
let server: RunningServer | undefined;
/** The busiest year and its count, and the year of the highest median time, computed apart from the site. */
let busiest: { year: number; n: number };
let slowest: { year: number; minutes: number };
/** The scaffolded page's own test, run in the copy alongside the second build. */
let pageTest: Promise<CliResult> | undefined;

// The guide's worked example, followed literally: its commands, and its edited query.
const GUIDE = readFileSync(join(import.meta.dirname, "..", "docs", "authoring.md"), "utf8");
const NEW_PAGE = [PAGE, "--title", "Pantry notes", "--title-fr", "Notes du garde-manger"];
const NEW_ANALYSIS = [`${PAGE}/prep-time`];
const EDITED_QUERY = /```sql\n([\s\S]*?)```/.exec(GUIDE)?.[1] ?? "";

/** Run a command of the copy (data-loaders/cli/<name>.ts) in its own process. */
function runInCopy(script: string, args: string[], timeoutMs = 120_000) {
  const child = spawn(process.execPath, ["--import", "tsx", join(copy, script), ...args], {
    cwd: copy,
    env: { ...process.env, NO_COLOR: "1", ...vars },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return finished(child, timeoutMs);
}

async function buildCopy(): Promise<string> {
  const result = await runInCopy("data-loaders/cli/build.ts", ["--env", "local"], 240_000);
  expect(result.code, result.stderr.slice(-3000)).toBe(0);
  return result.stdout.trim();
}

async function serve(site: string): Promise<string> {
  await server?.close();
  server = await runServer(loadConfig({ env: "local", vars }), { site, port: 0, host: "127.0.0.1" });
  return server.url.replace(/\/$/, "");
}

/** Load a page; fail on any error cell, console error or request leaving 127.0.0.1. */
async function load(url: string) {
  const v = await visit(browser, url);
  await settle(v.page);
  const errorCells = await v.page.locator(".observablehq--error").allTextContents();
  expect(errorCells, url).toEqual([]);
  expect(v.errors, url).toEqual([]);
  expect(v.outside, url).toEqual([]);
  return v.page;
}

const takeaway = (page: import("playwright-core").Page, id: string) =>
  page.locator(`#${id} .analysis-card__takeaway`).textContent();

describe("end to end in a copy of the project", () => {
  beforeAll(async () => {
    copy = copyProject("bttk-scaffold-e2e-");
    s3 = await startTestS3("scaffold-bucket");
    const work = tempDir("bttk-scaffold-work-");
    vars = {
      ...s3.vars,
      CACHE_DIR: join(work, "cache"),
      DIST_DIR: join(work, "dist"),
      LOG_DIR: join(work, "logs"),
    };
    const config = loadConfig({ env: "local", vars });
    await ingestAndPublish(config, s3.store, await generatedCsvs(0.02, 13));
    // The expected figures, straight from the snapshot the build will read.
    const snapshot = await syncEnvironmentSnapshot(config, s3.store);
    const session = await openSession(snapshot);
    try {
      [busiest] = await session.query<{ year: number; n: number }>(
        "SELECT year, count(*)::INTEGER AS n FROM recipes GROUP BY year ORDER BY n DESC, year LIMIT 1",
      );
      [slowest] = await session.query<{ year: number; minutes: number }>(
        "SELECT year, median(minutes)::DOUBLE AS minutes FROM recipes GROUP BY year ORDER BY minutes DESC, year LIMIT 1",
      );
    } finally {
      session.close();
    }
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await s3?.stop();
  });

  it("new:page writes the page, which builds and renders in both languages with its figure", async () => {
    expect(GUIDE).toContain(
      `npm run new:page -- ${PAGE} --title "Pantry notes" --title-fr "Notes du garde-manger"`,
    );
    const made = await runInCopy("data-loaders/cli/new-page.ts", NEW_PAGE);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`data-loaders/analyses/${PAGE}/recipes-per-year.sql`);
    expect(made.stdout).toContain("npm run dev");
    const base = await serve(await buildCopy());

    const en = await load(`${base}/en/${PAGE}`);
    expect(await en.locator("h1").first().textContent()).toBe("Pantry notes");
    expect(await takeaway(en, "recipes-per-year")).toBe(
      `The busiest year is ${busiest.year}, with ${formatNumber(busiest.n, "en")} recipes.`,
    );
    expect(await en.locator("#recipes-per-year svg").count()).toBeGreaterThan(0);
    // The navigation lists the new page.
    expect(await en.locator(`.bttk-nav__list a[href$="${PAGE}"]`).count()).toBe(1);

    const fr = await load(`${base}/fr/${PAGE}`);
    expect(await fr.locator("h1").first().textContent()).toBe("Notes du garde-manger");
    expect(await takeaway(fr, "recipes-per-year")).toBe(
      `L'année la plus fournie est ${busiest.year}, avec ${formatNumber(busiest.n, "fr")} recettes.`,
    );
  }, 300_000);

  it("new:analysis adds a second card; its query edited, it renders after the next build", async () => {
    expect(GUIDE).toContain(`npm run new:analysis -- ${NEW_ANALYSIS[0]}`);
    const added = await runInCopy("data-loaders/cli/new-analysis.ts", NEW_ANALYSIS);
    expect(added.code, added.stderr).toBe(0);
    // The guide's edit: the median instead of the starter's mean.
    expect(EDITED_QUERY).toMatch(/median\(minutes\)/);
    writeFileSync(join(copy, "data-loaders", "analyses", PAGE, "prep-time.sql"), EDITED_QUERY);
    // The page's own test runs meanwhile (the last test awaits it): the build mostly waits on
    // Framework, the test on DuckDB.
    pageTest = finished(
      spawn(
        process.execPath,
        [join(copy, "node_modules", "vitest", "vitest.mjs"), "run", `tests/pages/${PAGE}.test.ts`],
        {
          cwd: copy,
          env: { ...process.env, NO_COLOR: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      ),
      240_000,
    );
    const base = await serve(await buildCopy());
    for (const lang of ["en", "fr"] as const) {
      const page = await load(`${base}/${lang}/${PAGE}`);
      expect(await page.locator(".analysis-card").count()).toBe(2);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `scaffold-${PAGE}-${lang}.png`), fullPage: true });
      const value = formatNumber(slowest.minutes, lang);
      expect(await takeaway(page, "prep-time")).toBe(
        lang === "en"
          ? `The highest minutes is ${value}, in ${slowest.year}.`
          : `La valeur de minutes la plus haute est ${value}, pour ${slowest.year}.`,
      );
    }
  }, 300_000);

  it("the page's own test passes in the copy, its second analysis included", async () => {
    expect(pageTest, "new:analysis did not run").toBeDefined();
    const result = await (pageTest as Promise<CliResult>);
    expect(result.code, result.stdout.slice(-3000)).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+4 passed/);
  }, 150_000);
});
