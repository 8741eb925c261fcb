// Browser checks of the Ratings page, for the shared browser test harness to call per language:
// every card renders without an error cell; KPIs agree with the data the cards offer as CSV,
// recomputed here by hand (the √n-weighted least-squares slope of the monthly series, the mean
// rating from the yearly counts, the seasons' total of ratings); narrowing the year range changes
// KPIs and test statistics of every card. The properties card: its time bands add up to its
// "ratings of recipes in the data" KPI (at most every rating), each group's mean lies in its interval
// and its table row shows the CSV's mean.
//
// The page must be built from a dataset of at least four years. The browser context must accept
// downloads (Playwright's default): the CSV buttons are how the check reads the cards' data.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClose, byTestId, cardCsv, numberAttribute, pickYears } from "./common.js";
import type { Lang } from "../../src/lib/i18n/index.js";

/** Card anchors of the Ratings analyses, in page order. */
export const RATINGS_CARDS = [
  "ratings-trend",
  "ratings-validation",
  "ratings-distribution",
  "ratings-seasons",
  "ratings-weekdays",
  "ratings-properties",
] as const;

/** Weighted least-squares slope of y on x by the closed form Σw(x − x̄)(y − ȳ) / Σw(x − x̄)². */
function wlsSlope(x: number[], y: number[], w: number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = x.reduce((a, xi, i) => a + w[i] * xi, 0) / sw;
  const my = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += w[i] * (xi - mx) * (y[i] - my);
    sxx += w[i] * (xi - mx) ** 2;
  });
  return sxy / sxx;
}

interface Figures {
  /** Distinct years of the monthly series (months with at least 100 ratings). */
  seriesYears: number[];
  slope: number;
  mean: number;
  seasonF: number;
  weekendD: number;
  propertiesRated: number;
}

async function checkAgreement(page: Page, range: { from: number; to: number }): Promise<Figures> {
  const series = await cardCsv(page, "ratings-trend");
  assert.ok(series.length >= 3, "the monthly series has at least three months");
  assert.ok(
    series.every((r) => Number(r.year) >= range.from && Number(r.year) <= range.to),
    "months of the range",
  );
  assert.ok(
    series.every((r) => Number(r.n) >= 100),
    "months below the minimum are left out",
  );
  const slope = await numberAttribute(byTestId(page, "ratings-kpi-slope"), "data-value");
  const x = series.map((r) => Number(r.t));
  assertClose(
    slope,
    wlsSlope(
      x,
      series.map((r) => Number(r.mean)),
      series.map((r) => Math.sqrt(Number(r.n))),
    ),
    "WLS slope (√n)",
  );
  assert.equal(await numberAttribute(byTestId(page, "ratings-kpi-months"), "data-value"), series.length);

  const years = await cardCsv(page, "ratings-distribution");
  const ratings = years.reduce((a, r) => a + Number(r.ratings), 0);
  const mean = years.reduce((a, r) => a + Number(r.ratings) * Number(r.mean), 0) / ratings;
  const kpiMean = await numberAttribute(byTestId(page, "ratings-kpi-mean"), "data-value");
  assertClose(kpiMean, mean, "mean rating from the yearly rows");

  const seasons = await cardCsv(page, "ratings-seasons");
  assert.deepEqual(
    seasons.map((r) => r.season),
    ["winter", "spring", "summer", "autumn"],
  );
  assert.equal(
    await numberAttribute(byTestId(page, "ratings-kpi-season-volume"), "data-value"),
    seasons.reduce((a, r) => a + Number(r.ratings), 0),
  );
  assert.equal(
    seasons.reduce((a, r) => a + Number(r.ratings), 0),
    ratings,
    "seasons add up to every rating",
  );
  const seasonF = await numberAttribute(byTestId(page, "ratings-seasons-tests-anova"), "data-statistic");

  const days = await cardCsv(page, "ratings-weekdays");
  assert.deepEqual(
    days.map((r) => r.weekday),
    [1, 2, 3, 4, 5, 6, 7],
  );
  const group = (weekend: boolean) => {
    const rows = days.filter((r) => Number(r.weekday) >= 6 === weekend);
    const n = rows.reduce((a, r) => a + Number(r.ratings), 0);
    return rows.reduce((a, r) => a + Number(r.ratings) * Number(r.mean), 0) / n;
  };
  assertClose(
    await numberAttribute(byTestId(page, "ratings-kpi-weekend-mean"), "data-value"),
    group(true),
    "weekend mean",
  );
  assertClose(
    await numberAttribute(byTestId(page, "ratings-kpi-weekday-mean"), "data-value"),
    group(false),
    "weekday mean",
  );
  const weekendD = await numberAttribute(byTestId(page, "ratings-kpi-cohens-d"), "data-value");

  const props = await cardCsv(page, "ratings-properties");
  const minutes = props.filter((r) => r.property === "minutes");
  assert.deepEqual(
    minutes.map((r) => Number(r.group)),
    [15, 30, 60, 120, 180],
  );
  const propertiesRated = minutes.reduce((a, r) => a + Number(r.ratings), 0);
  assert.equal(
    await numberAttribute(byTestId(page, "ratings-kpi-properties-rated"), "data-value"),
    propertiesRated,
  );
  assert.ok(
    propertiesRated > 0 && propertiesRated <= ratings,
    "ratings of recipes in the data ≤ all ratings",
  );
  for (const property of ["complexity", "ingredients"])
    assert.equal(
      props.filter((r) => r.property === property).reduce((a, r) => a + Number(r.ratings), 0),
      propertiesRated,
      `${property} groups add up to the same ratings`,
    );
  for (const r of props.filter((r) => Number(r.ratings) > 1)) {
    assert.ok(
      Number(r.ciLow) <= Number(r.mean) && Number(r.mean) <= Number(r.ciHigh),
      `interval of ${r.group}`,
    );
    const row = byTestId(page, `ratings-properties-table-${r.property}-${r.group}`);
    assertClose(await numberAttribute(row, "data-mean"), Number(r.mean), `table mean of ${r.group}`);
  }
  assert.ok(
    props.some((r) => r.property === "tags"),
    "the card lists top tags",
  );

  const seriesYears = [...new Set(series.map((r) => Number(r.year)))];
  return { seriesYears, slope, mean: kpiMean, seasonF, weekendD, propertiesRated };
}

/** Runs every check of the Ratings page in `lang` (`url`: load the page first). */
export async function checkRatingsPage(
  page: Page,
  lang: Lang,
  { url }: { url?: string } = {},
): Promise<void> {
  if (url) await page.goto(url, { waitUntil: "networkidle" });
  await byTestId(page, "ratings-takeaway-properties").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(".observablehq--error").count(), 0, "an error cell on the page");
  for (const card of RATINGS_CARDS) assert.equal(await page.locator(`#${card}`).count(), 1, `card #${card}`);
  assert.equal(await page.getAttribute("html", "lang"), lang);

  const years = (await byTestId(page, "ratings-range-from").locator("option").allTextContents()).map(Number);
  assert.ok(years.length >= 4, `the range offers ${years.length} years; the checks need four`);
  const full = { from: years[0], to: years[years.length - 1] };
  const before = await checkAgreement(page, full);
  const clusterFrom = await numberAttribute(byTestId(page, "ratings-intervals-cluster"), "data-from");
  assert.equal(clusterFrom, full.from, "on the full span the cluster interval covers it");

  // Start at the second year of the monthly series, so months leave the fits whatever the data.
  assert.ok(before.seriesYears.length >= 2, "the monthly series spans at least two years");
  const narrow = { from: before.seriesYears[1], to: full.to };
  await pickYears(page, "ratings", narrow.from, narrow.to);
  assert.equal(
    await page.locator(".observablehq--error").count(),
    0,
    "an error cell after narrowing the range",
  );
  const after = await checkAgreement(page, narrow);
  assert.notEqual(after.slope, before.slope, "the trend slope follows the range");
  assert.notEqual(after.mean, before.mean, "the mean rating follows the range");
  assert.notEqual(after.seasonF, before.seasonF, "the seasons' ANOVA follows the range");
  assert.notEqual(after.weekendD, before.weekendD, "the weekend test follows the range");
  assert.ok(after.propertiesRated < before.propertiesRated, "the properties card follows the range");
  await pickYears(page, "ratings", full.from, full.to);
}
