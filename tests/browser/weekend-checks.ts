// Browser checks of the Weekday / Weekend page, for the shared browser test harness to call per
// language: every card renders without an error cell; the KPIs and test statistics agree with the
// data the cards offer as CSV, recomputed here by hand (per-day averages, the equal-shares
// chi-square, Welch's t from the per-year sums, Benjamini–Hochberg of the items); changing the
// year range changes a KPI and the test statistics, and the rank tests then say they cover another
// period (src/lib/periods.ts's rule) — or the range itself when it is one of the data's decades; the structural-tags toggle
// puts those tags back into the tag test.
//
// The page must be built from a dataset of at least six years. The browser context must accept
// downloads (Playwright's default): the CSV buttons are how the check reads the cards' data.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClose, bh, byTestId, cardCsv, numberAttribute, pickYears, squash } from "./common.js";
import type { YearRange } from "../../src/lib/contracts/trends.js";
import type { Lang } from "../../src/lib/i18n/index.js";
import { periodFor, periodsOf } from "../../src/lib/periods.js";

/** Card anchors of the six analyses, in page order. */
export const WEEKEND_CARDS = [
  "weekday-volume",
  "weekday-preparation-time",
  "weekday-complexity",
  "weekday-nutrition",
  "weekday-ingredients",
  "weekday-tags",
] as const;

interface Figures {
  weekdayPerDay: number;
  chiSquare: number;
  welchT: number;
}

/** The volume and preparation-time figures of the page, each checked against its card's CSV. */
async function checkAgreement(page: Page, range: YearRange): Promise<Figures> {
  const volume = await cardCsv(page, "weekday-volume");
  assert.deepEqual(
    volume.map((r) => r.weekday),
    [1, 2, 3, 4, 5, 6, 7],
    "weekdays in ISO order, Monday first",
  );
  const total = volume.reduce((a, r) => a + Number(r.n), 0);
  const weekdays = volume.filter((r) => !r.weekend).reduce((a, r) => a + Number(r.n), 0);
  const weekdayPerDay = await numberAttribute(byTestId(page, "weekend-kpi-weekday-per-day"), "data-value");
  assertClose(weekdayPerDay, weekdays / 5, "recipes per weekday");
  const expected = total / 7;
  const chi = volume.reduce((a, r) => a + (Number(r.n) - expected) ** 2 / expected, 0);
  const chiRow = byTestId(page, "weekend-tests-volume-chi-square");
  const chiSquare = await numberAttribute(chiRow, "data-statistic");
  assertClose(chiSquare, chi, "chi-square against equal shares");
  assert.equal(await numberAttribute(chiRow, "data-df"), 6);
  assert.equal(await numberAttribute(byTestId(page, "weekend-takeaway-volume"), "data-total"), total);

  // Welch's t from the per-year sums of the range, by hand.
  const years = await cardCsv(page, "weekday-preparation-time");
  assert.deepEqual(
    years.map((r) => r.year),
    Array.from({ length: years.length }, (_, i) => range.from + i).filter((y) =>
      years.some((r) => r.year === y),
    ),
  );
  assert.ok(years.every((r) => Number(r.year) >= range.from && Number(r.year) <= range.to));
  const group = (g: "weekday" | "weekend") => {
    const n = years.reduce((a, r) => a + Number(r[`${g}N`]), 0);
    const sum = years.reduce((a, r) => a + Number(r[`${g}Sum`]), 0);
    const ss = years.reduce((a, r) => a + Number(r[`${g}SumSquares`]), 0);
    const mean = sum / n;
    return { n, mean, variance: (ss - sum * mean) / (n - 1) };
  };
  const wd = group("weekday");
  const we = group("weekend");
  const t = (we.mean - wd.mean) / Math.sqrt(we.variance / we.n + wd.variance / wd.n);
  const welchT = await numberAttribute(byTestId(page, "weekend-tests-duration-welch"), "data-statistic");
  assertClose(welchT, t, "Welch t of preparation time", 1e-7);
  assertClose(
    await numberAttribute(byTestId(page, "weekend-kpi-duration-weekday"), "data-value"),
    wd.mean,
    "weekday mean preparation time",
  );

  // Items: tested count, q-values (BH by hand) and significant count against the CSV.
  for (const kind of ["ingredients", "tags"] as const) {
    const rows = await cardCsv(page, `weekday-${kind}`);
    const takeaway = byTestId(page, `weekend-takeaway-${kind}`);
    assert.equal(await numberAttribute(takeaway, "data-tested"), rows.length, `${kind}: tested`);
    const q = bh(rows.map((r) => Number(r.p)));
    rows.forEach((r, i) => assertClose(Number(r.q), q[i], `${kind}: q of ${r.item}`, 1e-6));
    const significant = rows.filter((r) => Number(r.q) < 0.05).length;
    assert.equal(await numberAttribute(takeaway, "data-significant"), significant, `${kind}: significant`);
  }
  return { weekdayPerDay, chiSquare, welchT };
}

/** Runs every check of the Weekday / Weekend page in `lang` (`url`: load the page first). */
export async function checkWeekendPage(
  page: Page,
  lang: Lang,
  { url }: { url?: string } = {},
): Promise<void> {
  if (url) await page.goto(url, { waitUntil: "networkidle" });
  await byTestId(page, "weekend-takeaway-tags").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(".observablehq--error").count(), 0, "an error cell on the page");
  for (const card of WEEKEND_CARDS) assert.equal(await page.locator(`#${card}`).count(), 1, `card #${card}`);
  assert.equal(await page.getAttribute("html", "lang"), lang);

  const years = (await byTestId(page, "weekend-range-from").locator("option").allTextContents()).map(Number);
  assert.ok(years.length >= 6, `the range offers ${years.length} years; the checks need six`);
  const full = { from: years[0], to: years[years.length - 1] };
  const before = await checkAgreement(page, full);
  // On the full span the rank test covers the reader's range.
  assert.equal(
    await byTestId(page, "weekend-tests-duration-mann-whitney").getAttribute("data-years"),
    `${full.from}–${full.to}`,
  );

  // Structural tags: left out by default (with a note), back in the test with the toggle.
  const tagsTakeaway = byTestId(page, "weekend-takeaway-tags");
  const excluded = await numberAttribute(tagsTakeaway, "data-excluded");
  if (excluded > 0) {
    assert.equal(await byTestId(page, "weekend-tags-structural-note").count(), 1);
    const tested = await numberAttribute(tagsTakeaway, "data-tested");
    await byTestId(page, "weekend-tags-structural").locator("input").check();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="weekend-takeaway-tags"]')?.getAttribute("data-excluded") ===
        "0",
      null,
      { timeout: 15_000 },
    );
    assert.ok((await numberAttribute(byTestId(page, "weekend-takeaway-tags"), "data-tested")) > tested);
    await byTestId(page, "weekend-tags-structural").locator("input").uncheck();
  }

  // A narrower range: the KPI and the tests follow it; the rank test says it covers another period,
  // the one the shared rule picks (src/lib/periods.ts: the narrowest decade holding it, else the span).
  const narrow = { from: years[2], to: years[years.length - 2] };
  await pickYears(page, "weekend", narrow.from, narrow.to);
  const after = await checkAgreement(page, narrow);
  assert.notEqual(after.weekdayPerDay, before.weekdayPerDay, "the per-day KPI did not follow the range");
  assert.notEqual(after.chiSquare, before.chiSquare, "the chi-square did not follow the range");
  assert.notEqual(after.welchT, before.welchT, "Welch's t did not follow the range");
  const note = squash(await byTestId(page, "weekend-period-duration").textContent());
  const shown = periodFor(periodsOf(years), narrow);
  assert.ok(note.includes(`${narrow.from}–${narrow.to}`) && note.includes(`${shown.from}–${shown.to}`), note);

  // A range equal to one of the data's decades: the rank test covers exactly that decade.
  const decadeStart = years.find((y) => y % 10 === 0 && years.includes(y + 9));
  if (decadeStart !== undefined) {
    await pickYears(page, "weekend", decadeStart, decadeStart + 9);
    assert.equal(
      await byTestId(page, "weekend-tests-duration-mann-whitney").getAttribute("data-years"),
      `${decadeStart}–${decadeStart + 9}`,
    );
  }
  await pickYears(page, "weekend", full.from, full.to);
  assert.equal(
    await numberAttribute(byTestId(page, "weekend-kpi-weekday-per-day"), "data-value"),
    before.weekdayPerDay,
  );
  assert.equal(
    await page.locator(".observablehq--error").count(),
    0,
    "an error cell after the range changes",
  );
}
