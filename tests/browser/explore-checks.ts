// Browser checks of the Explore page, for tests/site.test.ts to call per language on the built site
// (served from 127.0.0.1, Chromium kept off the network):
// - a three-cell notebook whose last cell reads the first two — two cells imported from a .sql file,
//   the third added, typed in the editor and renamed, then "Run all" — gives, as the full-result
//   CSV download, exactly what @duckdb/node-api computes from the same statements on the snapshot;
// - the link the page gives reproduces the notebook in a new browser context (new storage), and
//   running only the last cell there runs the two it reads first, to the same row count;
// - a cell with a SQL error shows DuckDB's message on the cell, and a runaway query (a cross join
//   of interactions with itself) is cancelled; after each, the notebook still runs its cells;
// - nothing is requested outside the site, and the page logs no error.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { autoType, csvParse } from "d3";
import type { Browser, Page } from "playwright-core";
import { planCell } from "../../src/lib/explore/notebook.js";
import { translator, type Lang } from "../../src/lib/i18n/index.js";
import { visit } from "../helpers/browser.js";
import { assertClose, byTestId, type Row } from "./common.js";

/** The notebook: two cells from a file, a third that joins them. */
export const EXPLORE_CELLS = [
  { name: "yearly", sql: "SELECT year, count(*) AS recipes\nFROM recipes\nGROUP BY year" },
  {
    name: "rated",
    sql: "SELECT r.year, count(*) AS ratings, avg(i.rating) AS mean_rating\nFROM interactions AS i\nJOIN recipes AS r ON r.id = i.recipe_id\nWHERE i.rating > 0\nGROUP BY r.year",
  },
  {
    name: "per_recipe",
    sql: "SELECT y.year, y.recipes, x.ratings, x.mean_rating, x.ratings / y.recipes AS ratings_per_recipe\nFROM yearly AS y\nJOIN rated AS x USING (year)\nORDER BY y.year",
  },
] as const;

/** The statements the page runs for the notebook, in order: what node-api must run to compare. */
export const EXPLORE_STATEMENTS = EXPLORE_CELLS.map((c) => {
  const plan = planCell(c);
  assert.equal(plan.kind, "query");
  return plan.kind === "query" ? plan.create : "";
});
export const EXPLORE_RESULT_SQL = `SELECT * FROM "per_recipe"`;

const RUN_TIMEOUT = 180_000;

const cell = (page: Page, name: string) => page.locator(`section.explore-cell[data-cell-name="${name}"]`);
const status = (page: Page, name: string) => cell(page, name).locator(".explore-cell__status");

/** Wait until a cell's run ends; its status kind ("done" or "error") and text. */
async function settled(page: Page, name: string): Promise<{ kind: string; text: string }> {
  await page.waitForFunction(
    (n) => {
      const s = document.querySelector(
        `section.explore-cell[data-cell-name="${n}"] .explore-cell__status`,
      ) as HTMLElement | null;
      return s && (s.dataset.kind === "done" || s.dataset.kind === "error");
    },
    name,
    { timeout: RUN_TIMEOUT },
  );
  const s = status(page, name);
  return { kind: (await s.getAttribute("data-kind")) ?? "", text: (await s.innerText()).trim() };
}

/** Replace the SQL of a cell through its editor (CodeMirror once loaded), as a reader pastes it. */
async function typeSql(page: Page, name: string, sql: string): Promise<void> {
  const editor = cell(page, name).locator(".cm-content");
  await editor.waitFor({ timeout: 60_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(sql);
}

async function editorText(page: Page, name: string): Promise<string> {
  await cell(page, name).locator(".cm-content").waitFor({ timeout: 60_000 });
  return cell(page, name)
    .locator(".cm-content")
    .evaluate((el) => Array.from(el.querySelectorAll(".cm-line"), (l) => l.textContent).join("\n"));
}

async function cellNames(page: Page): Promise<string[]> {
  return page
    .locator("section.explore-cell input.explore-cell__name")
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

async function csvOf(page: Page, name: string): Promise<Row[]> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: RUN_TIMEOUT }),
    cell(page, name).locator('button[data-action="csv"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), `${name}.csv`);
  const path = await download.path();
  assert.ok(path, "the CSV button downloaded nothing");
  return [...csvParse(await readFile(path, "utf8"), autoType)] as unknown as Row[];
}

function assertSameRows(actual: Row[], expected: Row[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: row count`);
  assert.ok(expected.length > 0, `${what}: the snapshot gave no row`);
  expected.forEach((e, i) => {
    const a = actual[i];
    assert.deepEqual(Object.keys(a), Object.keys(e), `${what}: columns`);
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === "number" && !Number.isInteger(v))
        assertClose(Number(a[k]), v, `${what} row ${i} ${k}`, 1e-12);
      else assert.equal(a[k], v, `${what} row ${i} ${k}`);
    }
  });
}

export interface ExploreCheckOptions {
  browser: Browser;
  /** The site's base URL (ends with /). */
  siteUrl: string;
  lang: Lang;
  /** The rows of EXPLORE_RESULT_SQL after EXPLORE_STATEMENTS, by @duckdb/node-api on the snapshot. */
  expected: Row[];
}

export async function checkExplorePage({
  browser,
  siteUrl,
  lang,
  expected,
}: ExploreCheckOptions): Promise<void> {
  const t = translator(lang);
  const url = new URL(`${lang}/explore`, siteUrl).href;
  const first = await visit(browser, url);
  const page = first.page;
  try {
    // A new browser: the empty state explains the page, DuckDB starts in the background.
    await byTestId(page, "explore-empty").waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="explore-engine"]') as HTMLElement | null)?.dataset.kind ===
        "done",
      null,
      { timeout: RUN_TIMEOUT },
    );

    // Two cells from a .sql file, through the page's import.
    const file = EXPLORE_CELLS.slice(0, 2)
      .map((c) => `-- cell: ${c.name}\nCREATE OR REPLACE TABLE "${c.name}" AS\n${c.sql};`)
      .join("\n\n");
    await page
      .locator('input[data-action="import-file"]')
      .setInputFiles({ name: "two.sql", mimeType: "application/sql", buffer: Buffer.from(file) });
    await cell(page, "rated").waitFor();
    // The third: added, typed, renamed.
    await page.locator('button[data-action="add-cell"]').click();
    const added = page.locator("section.explore-cell").nth(2);
    const defaultName = await added.getAttribute("data-cell-name");
    assert.ok(defaultName, "the added cell has no name");
    await typeSql(page, defaultName, EXPLORE_CELLS[2].sql);
    const nameInput = added.locator("input.explore-cell__name");
    // A base table's name is refused, with the reason on the cell.
    await nameInput.fill("recipes");
    await nameInput.press("Enter");
    assert.equal(
      (await added.locator(".explore-cell__name-error").innerText()).trim(),
      t("explore.errors.nameTable", { name: "recipes" }),
    );
    await nameInput.fill("per_recipe");
    await nameInput.press("Enter");
    assert.deepEqual(
      await cellNames(page),
      EXPLORE_CELLS.map((c) => c.name),
    );

    await page.locator('button[data-action="run-all"]').click();
    for (const c of EXPLORE_CELLS) {
      const s = await settled(page, c.name);
      assert.equal(s.kind, "done", `cell ${c.name}: ${s.text}`);
    }
    const last = await settled(page, "per_recipe");
    assert.ok(
      last.text.replace(/[\s\u202f\u00a0]/g, "").startsWith(String(expected.length)),
      `status "${last.text}" ≠ ${expected.length} rows`,
    );
    // The table shows the rows; the chart is drawn from them.
    assert.equal(await cell(page, "per_recipe").locator("tbody tr").count(), Math.min(50, expected.length));
    // The chart comes with Plot, loaded once a first result shows.
    await cell(page, "per_recipe")
      .locator(".explore-chart svg [aria-label] *")
      .first()
      .waitFor({ state: "attached", timeout: 30_000 });
    assertSameRows(await csvOf(page, "per_recipe"), expected, "per_recipe CSV");

    // An error cell: DuckDB's message on the cell, then the notebook still runs.
    await page.locator('button[data-action="add-cell"]').click();
    const errorName = (await page.locator("section.explore-cell").nth(3).getAttribute("data-cell-name"))!;
    await typeSql(page, errorName, "SELECT no_such_column FROM recipes");
    await cell(page, errorName).locator('button[data-action="run"]').click();
    const failed = await settled(page, errorName);
    assert.equal(failed.kind, "error");
    assert.match(failed.text, /no_such_column/);
    assert.ok(failed.text.startsWith(t("explore.status.sql", { message: "" }).trim()), failed.text);

    // A runaway query, cancelled: the cell says so, and the notebook still runs (re-running what
    // the last cell reads if DuckDB had to be restarted).
    await typeSql(
      page,
      errorName,
      // A hash condition: DuckDB can neither prove it empty from column statistics nor join on it.
      "SELECT count(*) AS n FROM interactions AS a CROSS JOIN interactions AS b WHERE hash(a.user_id, b.recipe_id) = 0",
    );
    await cell(page, errorName).locator('button[data-action="run"]').click();
    await cell(page, errorName)
      .locator('button[data-action="run"][data-running="true"]')
      .waitFor({ timeout: RUN_TIMEOUT });
    await page.waitForTimeout(1500);
    await cell(page, errorName).locator('button[data-action="run"]').click(); // now "Cancel"
    const cancelled = await settled(page, errorName);
    assert.deepEqual(cancelled, { kind: "error", text: t("explore.status.cancelled") });
    await cell(page, "per_recipe").locator('button[data-action="run"]').click();
    const again = await settled(page, "per_recipe");
    assert.equal(again.kind, "done", again.text);
    assertSameRows(await csvOf(page, "per_recipe"), expected, "per_recipe CSV after a cancel");

    // The link reproduces the notebook in a new context (no storage shared).
    await page.locator('button[data-action="share"]').click();
    const link = await byTestId(page, "explore-link").inputValue();
    assert.match(link, /\/explore#nb=1\.[A-Za-z0-9_-]+$/);
    const second = await visit(browser, link);
    try {
      await cell(second.page, "per_recipe").waitFor();
      assert.deepEqual(await cellNames(second.page), [...EXPLORE_CELLS.map((c) => c.name), errorName]);
      for (const c of EXPLORE_CELLS) assert.equal(await editorText(second.page, c.name), c.sql);
      // Only the last cell is run: the two it reads run first.
      await cell(second.page, "per_recipe").locator('button[data-action="run"]').click();
      const shared = await settled(second.page, "per_recipe");
      assert.equal(shared.kind, "done", shared.text);
      for (const c of EXPLORE_CELLS.slice(0, 2))
        assert.equal((await settled(second.page, c.name)).kind, "done");
      assertSameRows(await csvOf(second.page, "per_recipe"), expected, "per_recipe CSV from the link");
      assert.deepEqual(second.outside, []);
      assert.deepEqual(second.errors, []);
    } finally {
      await second.page.context().close();
    }

    assert.deepEqual(first.outside, [], "requests left the site");
    assert.deepEqual(first.errors, [], "the page logged errors");
  } finally {
    await page.context().close();
  }
}
