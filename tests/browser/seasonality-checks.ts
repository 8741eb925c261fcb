// Browser checks of the Seasonality page, for the shared browser harness (tests/site.test.ts) to
// call for each language: the six cards render without an error cell; the volume KPIs and the
// equal-shares chi-square agree with the counts the card offers as CSV (X² recomputed here by hand);
// changing the year range changes the total, the chi-square and the ANOVA, to values that again
// agree with the card's data; the rank-test note names the period it covers; and the structural-tag
// toggle puts those tags back into the tested family.
//
// The page must be built from a dataset of at least three years.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClose, byTestId, cardCsv, numberAttribute, pickYears, squash } from "./common.js";
import { SEASONS } from "../../src/lib/calendar.js";
import { translator, type Lang } from "../../src/lib/i18n/index.js";

/** Card anchors of the six analyses, in page order. */
export const SEASONALITY_CARDS = [
  "recipe-volume-by-season",
  "preparation-time-by-season",
  "complexity-by-season",
  "nutrition-by-season",
  "ingredients-by-season",
  "tags-by-season",
] as const;

/** The KPI total and equal-shares X² agree with the card's per-season counts; returns them. */
async function checkVolume(page: Page) {
  const rows = await cardCsv(page, "recipe-volume-by-season");
  assert.deepEqual(
    rows.map((r) => r.season),
    [...SEASONS],
    "seasons are not in calendar order",
  );
  const n = rows.map((r) => Number(r.n));
  const total = n.reduce((a, b) => a + b, 0);
  assert.equal(await numberAttribute(byTestId(page, "seasonality-kpi-total"), "data-value"), total);
  const mean = total / 4;
  const x2 = n.reduce((a, k) => a + (k - mean) ** 2 / mean, 0);
  const statistic = await numberAttribute(byTestId(page, "seasonality-tests-volume-equal"), "data-statistic");
  assertClose(statistic, x2, "equal-shares chi-square");
  const anova = await numberAttribute(byTestId(page, "seasonality-tests-duration-anova"), "data-statistic");
  return { total, statistic, anova };
}

export async function checkSeasonalityPage(
  page: Page,
  lang: Lang,
  { url }: { url?: string } = {},
): Promise<void> {
  if (url) await page.goto(url, { waitUntil: "networkidle" });
  await byTestId(page, "seasonality-takeaway-tags").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(".observablehq--error").count(), 0, "the page shows an error cell");
  for (const card of SEASONALITY_CARDS)
    assert.equal(await page.locator(`#${card}`).count(), 1, `missing card #${card}`);
  for (const key of ["volume", "duration", "complexity", "nutrition", "ingredients", "tags"]) {
    const text = squash(await byTestId(page, `seasonality-takeaway-${key}`).textContent());
    assert.ok(text.length > 20 && !text.includes("{"), `takeaway ${key}: "${text}"`);
  }
  const t = translator(lang);
  assert.ok(
    squash(await page.locator("h1").first().textContent()).startsWith(
      t("seasonality.title", { from: "", to: "" }).slice(0, 6),
    ),
  );

  const years = (await byTestId(page, "seasonality-range-from").locator("option").allTextContents()).map(
    Number,
  );
  assert.ok(years.length >= 3, `the range offers ${years.length} years; the checks need three`);
  const full = { from: years[0], to: years[years.length - 1] };
  const before = await checkVolume(page);
  const exactNote = squash(await byTestId(page, "seasonality-period-duration").textContent());
  assert.ok(exactNote.includes(`${full.from}–${full.to}`), `period note: ${exactNote}`);

  // The structural-tag toggle: the note disappears and the tested family grows.
  const takeaway = byTestId(page, "seasonality-takeaway-tags");
  const excluded = await numberAttribute(takeaway, "data-excluded");
  if (excluded > 0) {
    const tested = await numberAttribute(takeaway, "data-tested");
    await byTestId(page, "seasonality-tags-structural").locator("input").check();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="seasonality-tags-structural-note"]'),
    );
    assert.equal(await numberAttribute(byTestId(page, "seasonality-takeaway-tags"), "data-excluded"), 0);
    assert.ok((await numberAttribute(byTestId(page, "seasonality-takeaway-tags"), "data-tested")) >= tested);
    await byTestId(page, "seasonality-tags-structural").locator("input").uncheck();
  }

  // A narrower range: the KPI and the test statistics change, and still agree with the card's data.
  const narrow = { from: years[1], to: years[years.length - 2] };
  await pickYears(page, "seasonality", narrow.from, narrow.to);
  const after = await checkVolume(page);
  assert.ok(
    after.total < before.total,
    `the total did not shrink with the range (${after.total} vs ${before.total})`,
  );
  assert.notEqual(after.statistic, before.statistic, "the chi-square did not change with the range");
  assert.notEqual(after.anova, before.anova, "the ANOVA did not change with the range");
  const note = squash(await byTestId(page, "seasonality-period-duration").textContent());
  assert.ok(/\d{4}–\d{4}/.test(note), `period note: ${note}`);
  assert.equal(
    await page.locator(".observablehq--error").count(),
    0,
    "an error cell after changing the range",
  );

  await pickYears(page, "seasonality", full.from, full.to);
  assert.equal(await numberAttribute(byTestId(page, "seasonality-kpi-total"), "data-value"), before.total);
}
