// Browser checks of the Trends page, called by the shared browser test harness for each language:
// every card renders without an error cell; the KPIs, slopes, tested counts, adjusted p-values and
// takeaways agree with the data the cards offer as CSV (the rows their charts draw) — WLS slopes in
// closed form, headline fits with the statistics module's randomEffectsTrend (itself tested against
// numpy/scipy), Benjamini–Hochberg by hand; changing the year range changes them to the values of
// the new range; and the bookkeeping-tags toggle puts those tags back into the tag ranking.
//
// The page must be built from a dataset of at least six years. The browser context must accept
// downloads (Playwright's default): the CSV buttons are how the check reads the charts' data.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertClose,
  bh,
  byTestId,
  cardCsv,
  numberAttribute,
  selectYears,
  squash,
  type Row,
} from "./common.js";
import type { DurationSummary, DurationYear, YearCount, YearRange } from "../../src/lib/contracts/trends.js";
import { formatInteger } from "../../src/lib/format.js";
import { translator, type Lang } from "../../src/lib/i18n/index.js";
import { randomEffectsTrend } from "../../src/lib/stats/index.js";
import { ALPHA, headlineTrend, meanVariance, MIN_TREND_YEARS, seVariance } from "../../src/lib/trends/fit.js";
import { LATEST_YEARS } from "../../src/lib/trends/duration.js";
import { filterYears } from "../../src/lib/trends/range.js";
import { isStructuralTag } from "../../src/lib/trends/structural-tags.js";
import { durationTakeaway, renderTakeaway, volumeTakeaway } from "../../src/lib/trends/takeaways.js";
import { BUSIEST_YEARS, summarizeVolume } from "../../src/lib/trends/volume.js";

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

/** WLS slope and intercept at `origin` in closed form, independent of the page's statistics module. */
function wlsLine(
  x: number[],
  y: number[],
  w: number[],
  origin: number,
): { slope: number; intercept: number } {
  const sw = w.reduce((a, b) => a + b, 0);
  const xm = x.reduce((a, xi, i) => a + w[i] * xi, 0) / sw;
  const ym = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  const sxy = x.reduce((a, xi, i) => a + w[i] * (xi - xm) * (y[i] - ym), 0);
  const sxx = x.reduce((a, xi, i) => a + w[i] * (xi - xm) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: ym - slope * (xm - origin) };
}

/** The headline slope and p of a yearly series from the CSV's columns (rows without a variance left out). */
function headline(rows: Row[], value: string, variance: (r: Row) => number | null, origin: number) {
  const kept = rows.filter((r) => r[value] !== null && variance(r) !== null);
  return randomEffectsTrend(
    kept.map((r) => Number(r.year)),
    kept.map((r) => Number(r[value])),
    kept.map((r) => variance(r)!),
    { origin },
  );
}

const sdVariance = (sd: string, n: string) => (r: Row) =>
  r[sd] === null || Number(r[n]) < 2 ? null : Number(r[sd]) ** 2 / Number(r[n]);

/** The items card's tested counts, adjusted p-values and named movers against its CSV (the ranked items). */
async function checkItems(page: Page, kind: "ingredients" | "tags", range: YearRange): Promise<Row[]> {
  const ranked = await cardCsv(page, kind);
  const takeaway = byTestId(page, `trends-takeaway-${kind}`);
  const tested = ranked.filter((d) => d.p !== null);
  assert.equal(await numberAttribute(takeaway, "data-tested"), tested.length, `${kind}: tested count`);
  assert.equal(await numberAttribute(takeaway, "data-ranked"), ranked.length, `${kind}: ranked count`);
  const q = bh(tested.map((d) => Number(d.p)));
  tested.forEach((d, i) => assertClose(Number(d.q), q[i], `${kind}: q of ${d.item}`, 1e-6));
  const long = range.to - range.from + 1 >= MIN_TREND_YEARS;
  const significant = (sign: 1 | -1) =>
    long ? tested.filter((d) => Number(d.q) < ALPHA && sign * Number(d.slope) > 0) : [];
  const risers = significant(1);
  const decliners = significant(-1);
  assert.equal(await numberAttribute(takeaway, "data-significant-risers"), risers.length, `${kind}: risers`);
  assert.equal(
    await numberAttribute(takeaway, "data-significant-decliners"),
    decliners.length,
    `${kind}: decliners`,
  );
  const strongest = (rows: Row[], sign: 1 | -1) =>
    rows.reduce<Row | undefined>(
      (a, d) => (!a || sign * Number(d.slope) > sign * Number(a.slope) ? d : a),
      undefined,
    );
  const name = (d: Row | undefined) => (d ? String(d.item) : null);
  assert.equal(await takeaway.getAttribute("data-riser"), name(strongest(risers, 1)), `${kind}: riser`);
  assert.equal(
    await takeaway.getAttribute("data-decliner"),
    name(strongest(decliners, -1)),
    `${kind}: decliner`,
  );
  const text = squash(await takeaway.textContent());
  // The count as the page prints it: "2,019" in English, "2 019" in French.
  const lang = (await page.evaluate(() => document.documentElement.lang)) as Lang;
  if (long && tested.length > 0)
    assert.ok(
      text.includes(squash(formatInteger(tested.length, lang))),
      `${kind}: takeaway does not say how many were tested: ${text}`,
    );
  const riser = strongest(risers, 1);
  if (riser) assert.match(text, /q [<=] /, `${kind}: takeaway shows no adjusted p-value`);
  return ranked;
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
  if (volume.length > BUSIEST_YEARS) {
    const busiest = volume
      .map((d) => d.n)
      .sort((a, b) => b - a)
      .slice(0, BUSIEST_YEARS)
      .reduce((a, b) => a + b, 0);
    assertClose(
      await numberAttribute(byTestId(page, "trends-kpi-busiest"), "data-value"),
      busiest / total,
      "busiest years",
    );
  }
  // A chart off screen keeps its last drawing until the reader comes near it
  // (src/components/charts/lazy.ts): bring the volume card into view, wait for its redraw.
  await page.locator("#recipe-volume").scrollIntoViewIfNeeded();
  await page.locator("#recipe-volume [data-pending]").first().waitFor({ state: "detached", timeout: 10_000 });
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
  const counts = volume.map((d) => d.n);
  assertClose(
    await numberAttribute(byTestId(page, "trends-fit-volume-count-headline"), "data-slope"),
    randomEffectsTrend(
      volume.map((d) => d.year),
      counts,
      counts,
      { origin: range.from },
    ).slope,
    "headline slope of the yearly counts",
  );

  // Preparation time: the pooled "latest" KPI, the WLS fits (closed form) and the headline fits.
  const duration = (await cardCsv(page, "preparation-time")) as unknown as DurationYear[];
  const latest = duration.slice(-LATEST_YEARS);
  const mean = byTestId(page, "trends-kpi-duration-mean");
  assertClose(
    await numberAttribute(mean, "data-value"),
    latest.reduce((a, d) => a + d.n * d.mean, 0) / latest.reduce((a, d) => a + d.n, 0),
    "mean of the last years",
  );
  assert.equal(await numberAttribute(mean, "data-from"), latest[0].year);
  assert.equal(await numberAttribute(mean, "data-to"), latest[latest.length - 1].year);
  const rows = duration as unknown as Row[];
  const years = duration.map((d) => d.year);
  for (const which of ["mean", "median"] as const) {
    const wls = wlsLine(
      years,
      duration.map((d) => d[which]),
      duration.map((d) => d.n),
      range.from,
    );
    const wlsRow = byTestId(page, `trends-fit-duration-${which}-wls`);
    assertClose(await numberAttribute(wlsRow, "data-slope"), wls.slope, `${which} WLS slope`);
    assertClose(
      await numberAttribute(wlsRow, "data-intercept"),
      wls.intercept,
      `${which} WLS line in ${range.from}`,
      1e-7,
    );
    assert.equal(await numberAttribute(wlsRow, "data-origin"), range.from);
    const fit = headline(
      rows,
      which,
      which === "mean"
        ? sdVariance("sd", "n")
        : (r) => (r.medianSE === null ? null : Number(r.medianSE) ** 2),
      range.from,
    );
    const headRow = byTestId(page, `trends-fit-duration-${which}-headline`);
    assertClose(await numberAttribute(headRow, "data-slope"), fit.slope, `${which} headline slope`);
    assertClose(await numberAttribute(headRow, "data-p"), fit.p, `${which} headline p`, 1e-6);
    assertClose(
      await numberAttribute(byTestId(page, `trends-kpi-duration-slope-${which}`), "data-value"),
      fit.slope,
      `${which} slope KPI`,
    );
    const attribute = which === "mean" ? "data-slope-mean" : "data-slope-median";
    assertClose(
      await numberAttribute(byTestId(page, "trends-takeaway-duration"), attribute),
      fit.slope,
      `${which} slope in the takeaway`,
    );
  }
  const origin = { origin: range.from };
  const summary = {
    from: range.from,
    to: range.to,
    headline: {
      mean: headlineTrend(
        duration,
        (d) => d.mean,
        (d) => meanVariance(d.sd, d.n),
        origin,
      ),
      median: headlineTrend(
        duration,
        (d) => d.median,
        (d) => seVariance(d.medianSE),
        origin,
      ),
    },
  } as DurationSummary;
  assert.equal(
    squash(await byTestId(page, "trends-takeaway-duration").textContent()),
    squash(renderTakeaway(durationTakeaway(summary, ctx), t)),
    "the duration takeaway does not match its chart's data",
  );

  // Complexity and nutrition: the headline slope of the takeaway from the chart's rows.
  const complexity = await cardCsv(page, "recipe-complexity");
  assertClose(
    await numberAttribute(byTestId(page, "trends-takeaway-complexity"), "data-slope-score"),
    headline(complexity, "score", sdVariance("scoreSd", "n"), range.from).slope,
    "complexity slope",
  );
  const nutrition = await cardCsv(page, "nutrition");
  assertClose(
    await numberAttribute(byTestId(page, "trends-takeaway-nutrition"), "data-slope-calories"),
    headline(nutrition, "calories", sdVariance("caloriesSd", "caloriesCount"), range.from).slope,
    "calories slope",
  );

  // Ingredients and tags: tested counts, q-values and the named movers from the ranking.
  await checkItems(page, "ingredients", range);
  const tags = await checkItems(page, "tags", range);
  for (const d of tags)
    assert.ok(!isStructuralTag(String(d.item)), `bookkeeping tag ${d.item} is ranked by default`);
  return { volume, duration };
}

/** The bookkeeping-tags toggle: ticked, they join the ranking (and the tests); unticked, they leave. */
async function checkStructuralToggle(page: Page, range: YearRange): Promise<void> {
  const takeaway = byTestId(page, "trends-takeaway-tags");
  const excluded = await numberAttribute(takeaway, "data-excluded");
  const ranked = await numberAttribute(takeaway, "data-ranked");
  assert.ok(excluded > 0, "no bookkeeping tag was left out");
  assert.ok(
    await byTestId(page, "trends-tags-structural-note").isVisible(),
    "the note on left-out tags is missing",
  );
  const box = byTestId(page, "trends-tags-structural").locator("input");
  await box.check();
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="trends-takeaway-tags"]')?.getAttribute("data-ranked") ===
      String(n),
    ranked + excluded,
  );
  const all = await checkItems(page, "tags", range);
  assert.ok(
    all.some((d) => isStructuralTag(String(d.item))),
    "ticking the box ranks no bookkeeping tag",
  );
  await box.uncheck();
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="trends-takeaway-tags"]')?.getAttribute("data-ranked") ===
      String(n),
    ranked,
  );
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
  await selectYears(page, "trends", from, to);
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

  await checkStructuralToggle(page, full);

  // A narrower range: KPIs and the slopes follow it, and equal the full data restricted to it.
  const narrow = { from: years[2], to: years[years.length - 2] };
  const slopeBefore = await numberAttribute(byTestId(page, "trends-kpi-duration-slope-mean"), "data-value");
  await page.locator("#tags").scrollIntoViewIfNeeded();
  const top = () => page.locator("#tags").evaluate((card) => card.getBoundingClientRect().top);
  const volumeHeight = await page
    .locator("#recipe-volume")
    .evaluate((card) => card.getBoundingClientRect().height);
  const tagsTop = await top();
  await pickYears(page, narrow.from, narrow.to);
  // The range changed with the tags card in view: the volume card's charts, far above, wait…
  assert.ok(
    (await page.locator("#recipe-volume [data-pending]").count()) > 0,
    "the off-screen volume charts were redrawn at once instead of when in view",
  );
  // …and the rebuilt volume card is not even laid out while away (content-visibility), standing in
  // at the height of the card it replaced: the card in view has not moved.
  const volume = await page.locator("#recipe-volume").evaluate((card) => ({
    skipped:
      card.classList.contains("analysis-card--redrawn") &&
      getComputedStyle(card).contentVisibility === "auto",
    height: card.getBoundingClientRect().height,
  }));
  assert.ok(volume.skipped, "the rebuilt off-screen card is rendered at once");
  assert.ok(
    Math.abs(volume.height - volumeHeight) <= 1,
    `the rebuilt volume card stands in at ${volume.height} px, not ${volumeHeight} px`,
  );
  assert.ok(
    Math.abs((await top()) - tagsTop) <= 1,
    "the card in view moved when the cards above it were rebuilt",
  );
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
    headline(restricted as unknown as Row[], "mean", sdVariance("sd", "n"), narrow.from).slope,
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
