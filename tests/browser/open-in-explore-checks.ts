// Browser checks of "open in Explore", called by the shared browser test harness for each language:
// on the Trends page, the volume card links to the Explore page with its analysis in the hash, and
// the page has fetched no queries file; clicking it opens a notebook whose cell (named after the
// analysis) holds the card's SQL, and running that cell in the browser's DuckDB gives the rows the
// card draws (its CSV download). On the Data page, the card whose query needs a column the browser
// tables leave out says so instead of linking.
//
// Needs the Explore page (its engine and extracts) built into the site. The browser context must
// accept downloads (Playwright's default): the CSV buttons are how the check reads both sides.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { autoType, csvParse } from "d3";
import type { Download, Page } from "playwright-core";
import { cardCsv, squash, type Row } from "./common.js";
import { translator, type Lang } from "../../src/lib/i18n/index.js";
import { blockerText } from "../../src/lib/explore/explore-link.js";
import { NOT_RUNNABLE } from "../../src/lib/explore/not-runnable.js";

/** The card and analysis the check opens, and the cell name the notebook must give it. */
const CARD = "recipe-volume";
const ANALYSIS = "trends/volume";
const CELL = "trends_volume";

/** Resources the page has requested so far whose path names a queries file. */
const queryFileRequests = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((name) => name.includes("/explore/queries/")),
  );

/** Click a button that downloads a CSV and parse it (as the card checks read theirs). */
async function downloadCsv(page: Page, button: ReturnType<Page["locator"]>, what: string): Promise<Row[]> {
  const [download] = (await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    button.click(),
  ])) as [Download, void];
  const path = await download.path();
  assert.ok(path, `${what} downloaded nothing`);
  return [...csvParse(await readFile(path, "utf8"), autoType)] as unknown as Row[];
}

/** `page` shows `<lang>/trends`. Leaves it on the Explore page. */
export async function checkOpenInExplore(page: Page, lang: Lang): Promise<void> {
  const t = translator(lang);
  const link = page.locator(`#${CARD} a.analysis-card__explore`);
  await page.locator(`#${CARD}`).waitFor({ timeout: 60_000 });
  await link.waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
    const footer = await page.locator(`#${CARD} footer`).innerHTML();
    throw new Error(`${error.message}\nThe card's footer: ${footer}`);
  });
  assert.equal(squash(await link.textContent()), `${t("common.card.explore")} →`);
  const href = await link.getAttribute("href");
  assert.equal(href, `./explore#analysis=${ANALYSIS}`);
  assert.deepEqual(
    await queryFileRequests(page),
    [],
    "the Trends page fetched a queries file before any click",
  );

  const card = await cardCsv(page, CARD);
  assert.ok(card.length >= 3, `#${CARD} offers ${card.length} rows as CSV`);

  await link.click();
  await page.waitForURL(new RegExp(`/${lang}/explore`));
  const cell = page.locator(`[data-cell-name="${CELL}"]`);
  await cell.waitFor({ timeout: 60_000 });
  assert.equal(await page.locator("[data-cell-name]").count(), 1, "trends/volume runs one query: one cell");
  const sql = await cell
    .locator("textarea, .cm-content")
    .first()
    .evaluate((n) => (n instanceof HTMLTextAreaElement ? n.value : (n.textContent ?? "")));
  assert.match(sql, /count\(\*\) AS n FROM recipes GROUP BY year/, "the cell holds the card's SQL");
  const fetched = await queryFileRequests(page);
  assert.equal(fetched.length, 1, `queries files fetched: ${fetched.join(", ")}`);
  assert.match(fetched[0], /\/explore\/queries\/trends\.[^/]*json$/);

  // Run it in the browser's DuckDB (loads the engine and the recipes extract on first use).
  await cell.locator('[data-action="run"]').click();
  const csvButton = cell.locator('[data-action="csv"]');
  await csvButton.waitFor({ timeout: 120_000 });
  const rows = await downloadCsv(page, csvButton, `the ${CELL} cell's CSV`);
  assert.deepEqual(Object.keys(rows[0] ?? {}), ["year", "n"], "the cell's columns");
  const byYear = new Map(rows.map((r) => [r.year, r.n]));
  // The card draws the years of the page's range; the cell has every year of the span.
  for (const r of card) assert.equal(byYear.get(r.year), r.n, `recipes in ${r.year}: Explore vs the card`);
  const years = rows.map((r) => Number(r.year));
  assert.deepEqual(
    years,
    years.map((_, i) => years[0] + i),
    "one row per year of the span, in order",
  );
}

/** `page` shows `<lang>/data`: the cleaning-rules card (overview/rejectSamples) says why it has no link. */
export async function checkNotExplorable(page: Page, lang: Lang): Promise<void> {
  const blocker = NOT_RUNNABLE["overview/rejectSamples"];
  assert.ok(blocker, "overview/rejectSamples is expected not to run on the browser tables");
  const note = page.locator("#cleaning-rules .analysis-card__explore-note");
  await note.waitFor({ timeout: 30_000 });
  assert.equal(squash(await note.textContent()), squash(blockerText(blocker, translator(lang))));
  assert.equal(await page.locator("#cleaning-rules a.analysis-card__explore").count(), 0);
}
