// Browser checks of the Community page, for the shared browser test harness to call per language:
// every card renders without an error cell; each card's figures agree with the data it offers as
// CSV (new members and mean active members summed from the per-year rows, members and recipes
// summed from the bins, the best-rated list in Bayesian order); narrowing the year range changes
// the growth KPIs and the pooled retention exactly, and the per-user cards then say which
// precomputed period they show — the range itself when it is one of the data's decades.
//
// The page must be built from a dataset of at least six years. The browser context must accept
// downloads (Playwright's default): the CSV buttons are how the check reads the cards' data.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClose, byTestId, cardCsv, numberAttribute, pickYears, squash, type Row } from "./common.js";
import type { YearRange } from "../../src/lib/contracts/trends.js";
import type { Lang } from "../../src/lib/i18n/index.js";

/** Card anchors of the four analyses, in page order. */
export const COMMUNITY_CARDS = [
  "community-activity",
  "community-growth",
  "community-leniency",
  "community-popularity",
] as const;

const kpi = (page: Page, id: string) => numberAttribute(byTestId(page, id), "data-value");

const sum = (rows: Row[], key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);

interface Figures {
  newUsers: number;
  retention: number | null;
  activityPeriod: string;
  users: number;
  pull: number;
}

/** Every card's figures, each checked against its card's CSV; the growth rows cover exactly `range`. */
async function checkAgreement(page: Page, range: YearRange): Promise<Figures> {
  const growth = await cardCsv(page, "community-growth");
  assert.ok(
    growth.every((r) => Number(r.year) >= range.from && Number(r.year) <= range.to),
    "growth rows outside the range",
  );
  const newUsers = await kpi(page, "community-kpi-new-users");
  assert.equal(newUsers, sum(growth, "newUsers"), "new members ≠ Σ of the CSV's newUsers");
  assertClose(
    await kpi(page, "community-kpi-mean-active"),
    sum(growth, "activeUsers") / growth.length,
    "mean active members",
  );
  const retentionAttr = await byTestId(page, "community-kpi-retention").getAttribute("data-value");

  const activity = await cardCsv(page, "community-activity");
  const users = await kpi(page, "community-kpi-users");
  assert.equal(users, sum(activity, "users"), "active members ≠ Σ of the bins' users");
  const activityPeriod = String(activity[0].period);

  const leniency = await cardCsv(page, "community-leniency");
  assert.equal(
    await kpi(page, "community-kpi-eligible"),
    sum(leniency, "users"),
    "eligible members ≠ Σ of the bins",
  );
  assert.equal(leniency[0].period, activityPeriod, "leniency and activity show different periods");

  const popularity = await cardCsv(page, "community-popularity");
  assert.ok(popularity.length > 0, "no best-rated recipe listed");
  assert.deepEqual(
    popularity.map((r) => r.rank),
    popularity.map((_, i) => i + 1),
  );
  for (let i = 1; i < popularity.length; i++) {
    assert.ok(
      Number(popularity[i].bayesian) <= Number(popularity[i - 1].bayesian),
      "best rated not in Bayesian order",
    );
  }
  assert.equal(
    await byTestId(page, "community-takeaway-popularity").getAttribute("data-best"),
    String(popularity[0].name),
  );
  assert.equal(
    await page.locator('[data-testid="community-best-recipes"] a').count(),
    0,
    "a recipe links somewhere",
  );
  return {
    newUsers,
    retention: retentionAttr ? Number(retentionAttr) : null,
    activityPeriod,
    users,
    pull: await kpi(page, "community-kpi-pull"),
  };
}

/** Runs every check of the Community page in `lang` (`url`: load the page first). */
export async function checkCommunityPage(
  page: Page,
  lang: Lang,
  { url }: { url?: string } = {},
): Promise<void> {
  if (url) await page.goto(url, { waitUntil: "networkidle" });
  await byTestId(page, "community-takeaway-popularity").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(".observablehq--error").count(), 0, "an error cell on the page");
  for (const card of COMMUNITY_CARDS)
    assert.equal(await page.locator(`#${card}`).count(), 1, `card #${card}`);
  assert.equal(await page.getAttribute("html", "lang"), lang);

  const years = (await byTestId(page, "community-range-from").locator("option").allTextContents()).map(
    Number,
  );
  assert.ok(years.length >= 6, `the range offers ${years.length} years; the checks need six`);
  const full = { from: years[0], to: years[years.length - 1] };
  const before = await checkAgreement(page, full);
  assert.equal(before.activityPeriod, `${full.from}-${full.to}`);

  // A narrower range: growth follows it exactly; the per-user cards say they show another period.
  const narrow = { from: years[2], to: years[years.length - 2] };
  await pickYears(page, "community", narrow.from, narrow.to);
  const after = await checkAgreement(page, narrow);
  assert.notEqual(after.newUsers, before.newUsers, "new members did not follow the range");
  assert.notEqual(after.retention, before.retention, "retention did not follow the range");
  const note = squash(await byTestId(page, "community-period-activity").textContent());
  assert.ok(
    note.includes(`${narrow.from}–${narrow.to}`) && note.includes(after.activityPeriod.replace("-", "–")),
    note,
  );

  // A range equal to one of the data's decades: the per-user cards show exactly that decade.
  const decadeStart = years.find((y) => y % 10 === 0 && years.includes(y + 9));
  if (decadeStart !== undefined) {
    await pickYears(page, "community", decadeStart, decadeStart + 9);
    const decade = await checkAgreement(page, { from: decadeStart, to: decadeStart + 9 });
    assert.equal(decade.activityPeriod, `${decadeStart}-${decadeStart + 9}`);
    assert.notEqual(decade.users, before.users, "active members did not change with the period");
    assert.notEqual(decade.pull, before.pull, "the lenient members' pull did not change with the period");
  }
  await pickYears(page, "community", full.from, full.to);
  assert.equal(await kpi(page, "community-kpi-new-users"), before.newUsers);
  assert.equal(
    await page.locator(".observablehq--error").count(),
    0,
    "an error cell after changing the range",
  );
}
