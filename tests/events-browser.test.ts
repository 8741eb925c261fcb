// The reader-event beacon wired into the real site, in Chromium: a small generated dataset built
// into a site, served by the project's server with its event log (runServer, as `npm run serve`
// does), and read back from `<env>_user_interactions.log`. A reader's page view, a settled change
// of the Trends year range, a language switch, a download and a copied card link each arrive as
// one line; after the footer's opt-out toggle, nothing more is even sent; under Do Not Track no
// event is written at all. Events of a scenario are told apart by the tab id of its browser tab.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "../data-loaders/config/config.js";
import { eventLogName } from "../data-loaders/events/log.js";
import type { LoggedEvent } from "../data-loaders/events/schema.js";
import { runServer } from "../data-loaders/server/run.js";
import type { RunningServer } from "../data-loaders/server/serve.js";
import { DEBOUNCE_MS, OPT_OUT_KEY, TAB_KEY } from "../src/components/events.js";
import { translator } from "../src/lib/i18n/index.js";
import { launchBrowser, settle } from "./helpers/browser.js";
import { eventually } from "./helpers/ops.js";
import { buildTestSites, type TestSites } from "./helpers/site.js";

// Small and quick: these tests check what readers' browsers send, not the figures.
const SCALE = 0.02;
const ARTIFACTS = join(import.meta.dirname, "artifacts");

let sites: TestSites;
let config: AppConfig;
let outDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  sites = await buildTestSites([{ env: "local", scale: SCALE, seed: 42 }]);
  config = sites.config("local");
  outDir = sites.builds.get("local")!.outDir;
  server = await runServer(config, { site: outDir, port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sites?.stop();
});

/** Every event the server has written so far. */
function logged(): LoggedEvent[] {
  const file = join(config.log.dir, eventLogName("local"));
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedEvent);
}

const ofTab = (tab: string) => logged().filter((e) => e.tab === tab);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reader {
  context: BrowserContext;
  page: Page;
  /** POSTs to /api/events the page made (whatever the server answered). */
  beacons: string[];
  errors: string[];
}

/** A reader in a fresh browser profile; `doNotTrack` sets the browser's Do Not Track signal. */
async function reader({ doNotTrack = false } = {}): Promise<Reader> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (doNotTrack)
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" }),
    );
  const page = await context.newPage();
  const beacons: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/events")
      beacons.push(r.postData() ?? "");
  });
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return { context, page, beacons, errors };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, server.url).href, { waitUntil: "networkidle" });
  await settle(page);
}

const tabOf = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), TAB_KEY);

/** The years the Trends page offers, from its "from" select. */
const yearOptions = async (page: Page) =>
  (await page.getByTestId("trends-range-from").locator("option").allTextContents()).map(Number);

const pickFrom = (page: Page, year: number) =>
  page
    .getByTestId("trends-range-from")
    .locator("select")
    .selectOption({ label: String(year) });

/**
 * Step the start year through `years` as fast as a reader holding an arrow key: all within one
 * task. (One Playwright action per step would leave the page re-rendering every chart in between,
 * longer than the debounce on this machine, so each step would be a settled change of its own.)
 * With `thenOptOut`, the footer toggle is clicked right after, while the last change still waits.
 */
const burst = (page: Page, years: number[], { thenOptOut = false } = {}) =>
  page.evaluate(
    ({ years, thenOptOut }) => {
      const select = document.querySelector<HTMLSelectElement>("[data-testid='trends-range-from'] select")!;
      for (const year of years) {
        select.selectedIndex = [...select.options].findIndex((o) => o.textContent === String(year));
        select.dispatchEvent(new Event("input", { bubbles: true }));
      }
      if (thenOptOut)
        document.querySelector<HTMLInputElement>("[data-testid='events-toggle'] input")!.click();
    },
    { years, thenOptOut },
  );

const toggle = (page: Page) => page.locator("[data-testid='events-toggle'] input");

describe("the built site", () => {
  it("starts the beacon from every page's head, in the page's one bundle, and not on the root redirect", () => {
    // Framework bundles the head's module script like a page import; the build then folds it into
    // the page's one script, ahead of the cells (data-loaders/site/bundle.ts).
    const bundleOf = (page: string) => {
      const html = readFileSync(join(outDir, page), "utf8");
      const src =
        /<script type="module" src="((?:\.\.\/|\.\/)_observablehq\/page\.[0-9a-f]{8}\.js)"><\/script>/.exec(
          html,
        );
      expect(src, page).not.toBeNull();
      expect(html, page).not.toContain("reader-events");
      return readFileSync(join(outDir, page, "..", src![1]), "utf8");
    };
    for (const page of ["en/index.html", "en/trends.html", "en/data.html", "fr/trends.html"])
      expect(bundleOf(page), page).toContain(OPT_OUT_KEY);
    expect(bundleOf("index.html")).not.toContain(OPT_OUT_KEY);
    const bundled = readdirSync(join(outDir, "_import", "components"));
    expect(bundled.filter((f) => /^(reader-)?events\.[0-9a-f]+\.js$/.test(f)).length).toBe(2);
  });
});

describe("a reader in Chromium", () => {
  it("sends a page view, then one year-range event for a burst of changes once it settles", async () => {
    const { context, page, errors } = await reader();
    await open(page, "en/trends");
    const tab = (await tabOf(page))!;
    expect(tab).toMatch(/^[0-9a-f]{16}$/);
    const [view] = await eventually(async () => {
      const events = ofTab(tab);
      return events.length > 0 && events;
    });
    expect(view).toMatchObject({ type: "page_view", page: "/en/trends", lang: "en", env: "local", tab });
    expect(Date.parse(view.time)).toBeGreaterThan(Date.now() - 60_000);

    // The reader steps the start year three times in a row: one event, the settled range.
    const years = await yearOptions(page);
    expect(years.length).toBeGreaterThan(4);
    const last = years[years.length - 1];
    await burst(page, years.slice(1, 4));
    const range = await eventually(async () => ofTab(tab).find((e) => e.type === "year_range"));
    expect(range).toMatchObject({ type: "year_range", page: "/en/trends", from: years[3], to: last });
    await sleep(DEBOUNCE_MS * 2);
    expect(ofTab(tab).map((e) => e.type)).toEqual(["page_view", "year_range"]);
    // The page followed the range too (the event did not replace the page's own reaction).
    expect(await page.getByTestId("trends-range-summary").innerText()).toContain(String(years[3]));
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("records a card download, a copied card link and a language switch, in the same tab's id", async () => {
    const { context, page, errors } = await reader();
    await open(page, "en/");
    const tab = (await tabOf(page))!;
    await eventually(async () => ofTab(tab).some((e) => e.type === "page_view"));
    const card = page.locator("section#recipes-per-year");
    const download = page.waitForEvent("download");
    await card.locator("button.download-button", { hasText: "CSV" }).click();
    expect((await download).suggestedFilename()).toBe("recipes-per-year-en.csv");
    await card.locator(".analysis-card__header button").click();
    await eventually(async () => ofTab(tab).length >= 3);
    // The language switch leaves the page: the beacon still arrives, and the French page counts
    // its own view under the same tab id.
    await page.locator("a[hreflang='fr']").click();
    await page.waitForURL(/\/fr\/$/);
    const events = await eventually(async () => {
      const all = ofTab(tab);
      return all.length >= 5 && all;
    });
    expect(events).toEqual([
      expect.objectContaining({ type: "page_view", page: "/en/", lang: "en" }),
      expect.objectContaining({ type: "download", page: "/en/", file: "recipes-per-year-en.csv" }),
      expect.objectContaining({ type: "deep_link", page: "/en/", target: "#recipes-per-year" }),
      expect.objectContaining({ type: "language", page: "/en/", from: "en", to: "fr" }),
      expect.objectContaining({ type: "page_view", page: "/fr/", lang: "fr" }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sends nothing more once the reader turns the footer toggle off, and remembers it across pages", async () => {
    const { context, page, beacons, errors } = await reader();
    await open(page, "en/trends");
    const tab = (await tabOf(page))!;
    await eventually(async () => ofTab(tab).some((e) => e.type === "page_view"));
    const t = translator("en");
    expect((await page.locator("[data-testid='events-toggle'] label").innerText()).trim()).toBe(
      t("shell.events.label"),
    );
    expect(await toggle(page).isChecked()).toBe(true);
    await page.locator("#observablehq-footer").screenshot({ path: join(ARTIFACTS, "events-toggle-en.png") });

    const years = await yearOptions(page);
    // A change is waiting for its debounce when the reader opts out: it is dropped, not sent.
    const sentBefore = beacons.length;
    await burst(page, [years[1]], { thenOptOut: true });
    expect(await toggle(page).isChecked()).toBe(false);
    expect(await page.evaluate((key) => localStorage.getItem(key), OPT_OUT_KEY)).toBe("off");
    await pickFrom(page, years[2]);
    await page.locator("section#recipe-volume button.download-button", { hasText: "CSV" }).click();
    // Another page of the same tab: still off, no page view.
    await open(page, "en/data");
    expect(await toggle(page).isChecked()).toBe(false);
    await sleep(DEBOUNCE_MS * 2);
    expect(beacons.length).toBe(sentBefore);
    expect(ofTab(tab).map((e) => e.type)).toEqual(["page_view"]);

    // Turned back on, the next action arrives: nothing sent in between was merely late.
    await toggle(page).check();
    expect(await page.evaluate((key) => localStorage.getItem(key), OPT_OUT_KEY)).toBeNull();
    await page.locator("a[hreflang='fr']").click();
    const events = await eventually(async () => {
      const all = ofTab(tab);
      return all.length >= 3 && all;
    });
    expect(events.map((e) => [e.type, e.page])).toEqual([
      ["page_view", "/en/trends"],
      ["language", "/en/data"],
      ["page_view", "/fr/data"],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("writes no event at all when the browser sends Do Not Track, and says so at the toggle", async () => {
    const before = logged().length;
    const { context, page, beacons, errors } = await reader({ doNotTrack: true });
    await open(page, "fr/trends");
    expect(await toggle(page).isDisabled()).toBe(true);
    expect(await toggle(page).isChecked()).toBe(false);
    expect((await page.locator("[data-testid='events-toggle'] label").innerText()).trim()).toBe(
      translator("fr")("shell.events.refused"),
    );
    await page
      .locator("#observablehq-footer")
      .screenshot({ path: join(ARTIFACTS, "events-toggle-fr-dnt.png") });
    const years = await yearOptions(page);
    await pickFrom(page, years[2]);
    await page.locator("section#recipe-volume .analysis-card__header button").click();
    await page.locator("a[hreflang='en']").click();
    await page.waitForURL(/\/en\/trends$/);
    await settle(page);
    await sleep(DEBOUNCE_MS * 2);
    expect(beacons).toEqual([]);
    // No tab id was even drawn: nothing identifies this reader, even within the tab.
    expect(await tabOf(page)).toBeNull();

    // A reader without Do Not Track, afterwards: its view arrives, and it is the only new line.
    const control = await reader();
    await open(control.page, "en/");
    const tab = (await tabOf(control.page))!;
    await eventually(async () => ofTab(tab).length > 0);
    expect(
      logged()
        .slice(before)
        .map((e) => [e.type, e.tab]),
    ).toEqual([["page_view", tab]]);
    expect(errors).toEqual([]);
    await control.context.close();
    await context.close();
  });
});
