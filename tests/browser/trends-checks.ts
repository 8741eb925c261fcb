// Browser checks of the Trends page, called by the shared browser test harness for each language:
// every card renders without an error cell; the KPIs, slopes and takeaways agree with the data the
// cards offer as CSV (the rows their charts draw); and changing the year range changes the KPIs
// and the preparation-time slope to the values of the new range.
//
// The page must be built from a dataset of at least six years. The browser context must accept
// downloads (Playwright's default): the CSV buttons are how the check reads the charts' data.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { autoType, csvParse } from "d3";
import type { Download, Locator, Page } from "playwright-core";
import type { DurationYear, YearCount, YearRange } from "../../src/lib/contracts/trends.js";
import { translator, type Lang } from "../../src/lib/i18n/index.js";
import { summarizeDuration } from "../../src/lib/trends/duration.js";
import { filterYears } from "../../src/lib/trends/range.js";
import { durationTakeaway, renderTakeaway, volumeTakeaway } from "../../src/lib/trends/takeaways.js";
import { summarizeVolume } from "../../src/lib/trends/volume.js";

/** Card anchors of the six analyses, in page order. */
export const TRENDS_CARDS = [
  "recipe-volume",
  "preparation-time",
  "recipe-complexity",
  "nutrition",
  "ingredients",
  "tags",
] as const;

const TAKEAWAYS = ["volume", "duration", "complexity", "nutrition", "ingredients", "tags"] as const;

type Row = Record<string, number | string | null>;

/** Whitespace-insensitive text (French puts narrow no-break spaces in numbers). */
const squash = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** WLS slope in closed form, independent of the page's statistics module. */
function wlsSlope(x: number[], y: number[], w: number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const xm = x.reduce((a, xi, i) => a + w[i] * xi, 0) / sw;
  const ym = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  const sxy = x.reduce((a, xi, i) => a + w[i] * (xi - xm) * (y[i] - ym), 0);
  const sxx = x.reduce((a, xi, i) => a + w[i] * (xi - xm) ** 2, 0);
  return sxy / sxx;
}

function assertClose(actual: number, expected: number, what: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≠ ${expected}`);
}

async function numberAttribute(locator: Locator, name: string): Promise<number> {
  const value = await locator.getAttribute(name);
  assert.ok(value !== null && value !== "", `missing ${name} on ${locator}`);
  return Number(value);
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * The rows of a card's CSV download (the data its charts draw). A card re-rendered by the range
 * between locating and clicking its button swallows the click, so one retry is allowed.
 */
async function cardCsv(page: Page, card: string): Promise<Row[]> {
  const button = page.locator(`#${card} .analysis-card__downloads button`).first();
  let download: Download | undefined;
  for (let attempt = 0; attempt < 2 && !download; attempt++) {
    [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }).catch(() => undefined),
      button.click(),
    ]);
  }
  const path = await download?.path();
  assert.ok(path, `clicking the CSV button of #${card} downloaded nothing`);
  // A plain array: d3 adds a `columns` property that deep equality would trip on.
  return [...csvParse(await readFile(path, "utf8"), autoType)] as unknown as Row[];
}

/** Checks that hold for any range: texts rendered, KPIs and takeaways equal to the CSV's figures. */
async function checkAgreement(
  page: Page,
  lang: Lang,
  range: YearRange,
): Promise<{ volume: YearCount[]; duration: DurationYear[] }> {
  const t = translator(lang);
  const ctx = { lang, t };
  assert.equal(await page.locator(".observablehq--error").count(), 0, "the page shows an error cell");
  for (const card of TRENDS_CARDS) {
    assert.ok((await page.locator(`#${card} svg`).count()) > 0, `#${card} draws no chart`);
  }
  for (const key of TAKEAWAYS) {
    const text = squash(await byTestId(page, `trends-takeaway-${key}`).textContent());
    assert.ok(text.length > 20, `takeaway ${key} is empty`);
    assert.doesNotMatch(text, /[{}]|trends\.|NaN|undefined|null/, `takeaway ${key} is not filled: ${text}`);
  }

  // Volume: KPIs and takeaway from the bars' data; one bar per year.
  const volume = (await cardCsv(page, "recipe-volume")) as unknown as YearCount[];
  assert.deepEqual(
    volume.map((d) => d.year),
    Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i),
    "the volume CSV does not hold the range's years",
  );
  const total = volume.reduce((a, d) => a + d.n, 0);
  const peak = volume.reduce((best, d) => (d.n > best.n ? d : best), volume[0]);
  assert.equal(await numberAttribute(byTestId(page, "trends-kpi-years"), "data-value"), volume.length);
  assert.equal(await numberAttribute(byTestId(page, "trends-kpi-total"), "data-value"), total);
  assert.equal(await numberAttribute(byTestId(page, "trends-kpi-peak"), "data-value"), peak.year);
  assertClose(
    await numberAttribute(byTestId(page, "trends-kpi-mean"), "data-value"),
    total / volume.length,
    "mean per year",
  );
  assert.equal(
    await page.locator('#recipe-volume svg [aria-label="bar"] rect').count(),
    volume.length,
    "one bar per year",
  );
  assert.equal(
    squash(await byTestId(page, "trends-takeaway-volume").textContent()),
    squash(renderTakeaway(volumeTakeaway(summarizeVolume(volume, range), ctx), t)),
    "the volume takeaway does not match its chart's data",
  );

  // Preparation time: the WLS slopes (closed form here) and the sentence from the chart's rows.
  const duration = (await cardCsv(page, "preparation-time")) as unknown as DurationYear[];
  const years = duration.map((d) => d.year);
  const weights = duration.map((d) => d.n);
  for (const which of ["mean", "median"] as const) {
    const slope = wlsSlope(
      years,
      duration.map((d) => d[which]),
      weights,
    );
    assertClose(
      await numberAttribute(byTestId(page, `trends-kpi-duration-slope-${which}`), "data-value"),
      slope,
      `${which} slope KPI`,
    );
    const attribute = which === "mean" ? "data-slope-mean" : "data-slope-median";
    assertClose(
      await numberAttribute(byTestId(page, "trends-takeaway-duration"), attribute),
      slope,
      `${which} slope in the takeaway`,
    );
    assertClose(
      await numberAttribute(byTestId(page, `trends-fit-duration-${which}`), "data-slope"),
      slope,
      `${which} slope in the table`,
    );
  }
  assert.equal(
    squash(await byTestId(page, "trends-takeaway-duration").textContent()),
    squash(renderTakeaway(durationTakeaway(summarizeDuration(duration, range), ctx), t)),
    "the duration takeaway does not match its chart's data",
  );

  // Complexity and nutrition: the headline slope of the takeaway from the chart's rows.
  const complexity = await cardCsv(page, "recipe-complexity");
  assertClose(
    await numberAttribute(byTestId(page, "trends-takeaway-complexity"), "data-slope-score"),
    wlsSlope(
      complexity.map((d) => Number(d.year)),
      complexity.map((d) => Number(d.score)),
      complexity.map((d) => Number(d.n)),
    ),
    "complexity slope",
  );
  const nutrition = await cardCsv(page, "nutrition");
  assertClose(
    await numberAttribute(byTestId(page, "trends-takeaway-nutrition"), "data-slope-calories"),
    wlsSlope(
      nutrition.map((d) => Number(d.year)),
      nutrition.map((d) => Number(d.calories)),
      nutrition.map((d) => Number(d.n)),
    ),
    "calories slope",
  );

  // Ingredients and tags: the named riser and decliner are the extreme slopes of the ranking.
  for (const kind of ["ingredients", "tags"] as const) {
    const ranked = (await cardCsv(page, kind)).filter((d) => d.slope !== null && d.p !== null);
    const takeaway = byTestId(page, `trends-takeaway-${kind}`);
    const max = ranked.reduce((a, d) => (Number(d.slope) > Number(a.slope) ? d : a), ranked[0]);
    const min = ranked.reduce((a, d) => (Number(d.slope) < Number(a.slope) ? d : a), ranked[0]);
    if (max && Number(max.slope) > 0)
      assert.equal(await takeaway.getAttribute("data-riser"), String(max.item), `${kind} riser`);
    if (min && Number(min.slope) < 0)
      assert.equal(await takeaway.getAttribute("data-decliner"), String(min.item), `${kind} decliner`);
  }
  return { volume, duration };
}

/** Resolves once every card shows the range: the years KPI and each takeaway name its ends. */
function rangeShown(page: Page, range: YearRange) {
  return page.waitForFunction(
    ({ from, to, testIds }) => {
      const kpi = document.querySelector('[data-testid="trends-kpi-years"]');
      if (kpi?.getAttribute("data-value") !== String(to - from + 1)) return false;
      return testIds.every((id) => {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
        return text.includes(String(from)) && text.includes(String(to));
      });
    },
    { from: range.from, to: range.to, testIds: TAKEAWAYS.map((k) => `trends-takeaway-${k}`) },
  );
}

async function pickYears(page: Page, from: number, to: number): Promise<void> {
  await byTestId(page, "trends-range-from")
    .locator("select")
    .selectOption({ label: String(from) });
  await byTestId(page, "trends-range-to")
    .locator("select")
    .selectOption({ label: String(to) });
  await rangeShown(page, { from: Math.min(from, to), to: Math.max(from, to) });
}

/**
 * Runs every check of the Trends page in `lang`. Pass `url` to load the page first; otherwise
 * `page` must already show /<lang>/trends.
 */
export async function checkTrendsPage(page: Page, lang: Lang, { url }: { url?: string } = {}): Promise<void> {
  if (url) await page.goto(url, { waitUntil: "networkidle" });
  await byTestId(page, "trends-takeaway-tags").waitFor({ timeout: 30_000 });

  const options = await byTestId(page, "trends-range-from").locator("option").allTextContents();
  const years = options.map(Number);
  assert.ok(years.length >= 6, `the range offers ${years.length} years; the checks need six`);
  const full = { from: years[0], to: years[years.length - 1] };
  const before = await checkAgreement(page, lang, full);

  // A narrower range: KPIs and the slope follow it, and equal the full data restricted to it.
  const narrow = { from: years[2], to: years[years.length - 2] };
  const slopeBefore = await numberAttribute(byTestId(page, "trends-kpi-duration-slope-mean"), "data-value");
  await pickYears(page, narrow.from, narrow.to);
  const after = await checkAgreement(page, lang, narrow);
  const expected = filterYears(before.volume, narrow);
  assert.equal(
    await numberAttribute(byTestId(page, "trends-kpi-total"), "data-value"),
    expected.reduce((a, d) => a + d.n, 0),
  );
  assert.deepEqual(
    after.volume,
    expected,
    "the narrowed volume is not the full data restricted to the range",
  );
  const restricted = filterYears(before.duration, narrow);
  const slopeAfter = await numberAttribute(byTestId(page, "trends-kpi-duration-slope-mean"), "data-value");
  assertClose(
    slopeAfter,
    wlsSlope(
      restricted.map((d) => d.year),
      restricted.map((d) => d.mean),
      restricted.map((d) => d.n),
    ),
    "slope of the narrowed range",
  );
  assert.notEqual(slopeAfter, slopeBefore, "the preparation-time slope did not change with the range");
  const summary = squash(await byTestId(page, "trends-range-summary").textContent());
  assert.ok(
    summary.includes(String(narrow.from)) && summary.includes(String(narrow.to)),
    `range summary: ${summary}`,
  );

  // Selects picked in the wrong order still give a range; then back to the full span.
  await pickYears(page, full.to, narrow.to);
  await pickYears(page, full.from, full.to);
  assert.equal(
    await numberAttribute(byTestId(page, "trends-kpi-duration-slope-mean"), "data-value"),
    slopeBefore,
  );
}
