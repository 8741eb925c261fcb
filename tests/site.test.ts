// The site end to end: three environments built from one checkout with their own datasets, the
// built files self-contained, and every page in both languages checked in Debian's Chromium.
// Local and preprod hold generated data, prod a dataset ingested from files: every page of the
// first says, in its language, that the data is generated; no page of the last does.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Environment } from "../data-loaders/config/environment.js";
import { buildSite, type SiteSnapshot } from "../data-loaders/site/build.js";
import { runServer } from "../data-loaders/server/run.js";
import type { RunningServer } from "../data-loaders/server/serve.js";
import type { OverviewData } from "../src/lib/contracts/overview.js";
import { LANGS, translator } from "../src/lib/i18n/index.js";
import { PAGES, pagePath } from "../src/lib/pages.js";
import { formatInteger } from "../src/lib/format.js";
import { launchBrowser, settle, visit } from "./helpers/browser.js";
import { checkCommunityPage } from "./browser/community-checks.js";
import { checkExplorePage, EXPLORE_RESULT_SQL, EXPLORE_STATEMENTS } from "./browser/explore-checks.js";
import { openSession } from "../data-loaders/duckdb/session.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { checkRatingsPage } from "./browser/ratings-checks.js";
import { checkSeasonalityPage } from "./browser/seasonality-checks.js";
import { checkTrendsPage } from "./browser/trends-checks.js";
import { checkNotExplorable, checkOpenInExplore } from "./browser/open-in-explore-checks.js";
import { checkWeekendPage } from "./browser/weekend-checks.js";
import { buildTestSites, listFiles, readBuiltData, type TestSites } from "./helpers/site.js";

// The local site is built from the default dataset (scale 1, seed 42) so the browser checks read
// the figures readers get; preprod and prod get small datasets of their own. BTTK_TEST_SCALE
// shrinks the local one for quick runs while developing.
const LOCAL_SCALE = Number(process.env.BTTK_TEST_SCALE ?? 1);
const ARTIFACTS = join(import.meta.dirname, "artifacts");

let sites: TestSites;
let server: RunningServer;
let prodServer: RunningServer;
const PROD_LABEL = "Kaggle Food.com Recipes and Interactions (test copy)";
let browser: Browser;
const snapshot = (env: Environment) =>
  JSON.parse(readFileSync(join(sites.builds.get(env)!.outDir, "snapshot.json"), "utf8")) as SiteSnapshot;

beforeAll(async () => {
  sites = await buildTestSites([
    { env: "local", scale: LOCAL_SCALE, seed: 42 },
    { env: "preprod", scale: 0.03, seed: 7 },
    { env: "prod", scale: 0.02, seed: 11, files: { label: PROD_LABEL } },
  ]);
  // Served as in production, reader-event route included (each page posts a page view); one
  // test address sends many events, so its rate limit is lifted.
  const serve = (env: Environment) => {
    const config = sites.config(env);
    return runServer(
      { ...config, events: { ...config.events, perMinute: 10_000 } },
      { site: sites.builds.get(env)!.outDir, port: 0, host: "127.0.0.1" },
    );
  };
  server = await serve("local");
  prodServer = await serve("prod");
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await prodServer?.close();
  await sites?.stop();
});

describe("a build per environment", () => {
  it("gives three sites whose snapshot.json, badge and data belong to their environment", () => {
    const envs = ["local", "preprod", "prod"] as const;
    const infos = envs.map(snapshot);
    expect(infos.map((s) => s.env)).toEqual(envs);
    expect(new Set(infos.map((s) => s.datasetId)).size).toBe(3);
    expect(new Set(infos.map((s) => s.manifestSha256)).size).toBe(3);
    for (const env of envs) {
      const info = snapshot(env);
      expect(info).toMatchObject({
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        gitCommit: expect.any(String),
      });
      expect(Date.parse(info.builtAt)).toBeGreaterThan(Date.now() - 3_600_000);
      const out = sites.builds.get(env)!.outDir;
      const html = readFileSync(join(out, "en", "index.html"), "utf8");
      expect(html).toContain(`data-env="${env}"`);
      const overview = readBuiltData<OverviewData>(out, "overview");
      expect(overview.manifest.datasetId).toBe(info.datasetId);
      expect(overview.kpis.recipes).toBe(info.counts.recipes);
      expect(overview.kpis.interactions).toBe(info.counts.interactions);
    }
  });

  it("never serves one environment's numbers in another: rebuilding local after prod reuses local's own data", async () => {
    const config = sites.config("local");
    const again = await buildSite(config, sites.s3.store);
    expect(again.reusedData).toBe(true);
    expect(again.info.datasetId).toBe(snapshot("local").datasetId);
    const overview = readBuiltData<OverviewData>(again.outDir, "overview");
    expect(overview.kpis.recipes).toBe(snapshot("local").counts.recipes);
    expect(overview.kpis.recipes).not.toBe(snapshot("prod").counts.recipes);
  });

  it("is self-contained: no URL outside the site in any built file but the project's own links", () => {
    const out = sites.builds.get("prod")!.outDir;
    const allowed = [
      /^https:\/\/github\.com\/back-to-the-kitchen\//, // the project repository and its docs
      /^http:\/\/www\.w3\.org\//, // XML namespaces (identifiers, never fetched)
      // DuckDB-Wasm bundles its package.json (for its name and version): the repository's address
      // is data, never fetched — the browser checks run Explore with the network cut.
      /^https:\/\/github\.com\/duckdb\/duckdb-wasm\.git$/,
    ];
    const offenders: string[] = [];
    for (const file of listFiles(out).filter((f) => /\.(html|js|css|json|svg)$/.test(f))) {
      // Licence notices in bundled libraries' comments name their authors' sites; comments are
      // never fetched, so scripts are scanned without them.
      const source = readFileSync(join(out, file), "utf8");
      const text = file.endsWith(".js")
        ? transformSync(source, { loader: "js", legalComments: "none" }).code
        : source;
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) {
        if (!allowed.some((a) => a.test(url))) offenders.push(`${file}: ${url}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("in Chromium", () => {
  const cases = LANGS.flatMap((lang) => PAGES.map((p) => ({ lang, id: p.id, path: pagePath(p.id, lang) })));

  it.each(cases)(
    "$path renders with no error, no request leaving 127.0.0.1, and drawn charts",
    async ({ lang, id, path }) => {
      for (const width of [1280, 390]) {
        const { page, errors, outside } = await visit(
          browser,
          new URL(path.slice(1), server.url).href,
          width,
        );
        await settle(page);
        expect(await page.locator(".observablehq--error").count()).toBe(0);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        // Every chart is an SVG with marks (Plot draws each mark as a <g aria-label="…"> of shapes).
        const charts = await page.$$eval("main svg[class^='plot']:not([class$='-ramp'])", (svgs) =>
          svgs.map(
            (svg) =>
              svg.querySelectorAll(
                "[aria-label] path, [aria-label] rect, [aria-label] circle, [aria-label] line",
              ).length,
          ),
        );
        // Data & methods has no chart; Explore draws none until the reader runs a query.
        if (id !== "data" && id !== "explore") expect(charts.length).toBeGreaterThan(0);
        expect(charts.filter((marks) => marks === 0)).toEqual([]);
        // Usable at 390 px: nothing wider than the screen.
        if (width === 390)
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(ARTIFACTS, `${lang}-${id}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    },
  );

  it.each(LANGS)(
    "trends (%s): figures and takeaways agree with the chart data and follow the year range",
    async (lang) => {
      const { page, errors } = await visit(browser, new URL(`${lang}/trends`, server.url).href);
      await checkTrendsPage(page, lang);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it.each(LANGS)(
    "open in Explore (%s): the Trends volume card's query, run in the browser, gives the card's rows; a card whose query cannot run there says why",
    async (lang) => {
      const trends = await visit(browser, new URL(`${lang}/trends`, server.url).href);
      await checkOpenInExplore(trends.page, lang);
      expect(trends.errors).toEqual([]);
      await trends.page.context().close();
      const data = await visit(browser, new URL(`${lang}/data`, server.url).href);
      await checkNotExplorable(data.page, lang);
      expect(data.errors).toEqual([]);
      await data.page.context().close();
    },
    300_000,
  );

  it.each(LANGS)(
    "seasonality (%s): every test it quotes recomputed from its data, and the year range followed",
    async (lang) => {
      const { page, errors } = await visit(browser, new URL(`${lang}/seasonality`, server.url).href);
      await checkSeasonalityPage(page, lang);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it.each(LANGS)(
    "weekday and weekend (%s): every test it quotes recomputed from its data, and the year range followed",
    async (lang) => {
      const { page, errors } = await visit(browser, new URL(`${lang}/weekend`, server.url).href);
      await checkWeekendPage(page, lang);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it.each(LANGS)(
    "ratings (%s): each card's figures agree with its data, and the year range followed",
    async (lang) => {
      const { page, errors } = await visit(browser, new URL(`${lang}/ratings`, server.url).href);
      await checkRatingsPage(page, lang);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it.each(LANGS)(
    "community (%s): each card's figures agree with its data, and the year range followed",
    async (lang) => {
      const { page, errors } = await visit(browser, new URL(`${lang}/community`, server.url).href);
      await checkCommunityPage(page, lang);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  it.each(LANGS)(
    "explore (%s): a three-cell notebook gives node-api's values, its link restores it in a new context, an error and a cancel leave it usable, offline",
    async (lang) => {
      // The same statements by @duckdb/node-api on the snapshot the site was built from.
      const session = await openSession(await syncEnvironmentSnapshot(sites.config("local"), sites.s3.store));
      let expected: Record<string, number | string | boolean | null>[];
      try {
        for (const statement of EXPLORE_STATEMENTS) await session.run(statement);
        expected = await session.query(EXPLORE_RESULT_SQL);
      } finally {
        session.close();
      }
      await checkExplorePage({ browser, siteUrl: server.url, lang, expected });
    },
    600_000,
  );

  it("switches language on the same page and navigates between pages", async () => {
    const { page } = await visit(browser, new URL("en/trends", server.url).href);
    await page.click("a[hreflang='fr']");
    await page.waitForURL(/\/fr\/trends$/);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const overviewLink = page.locator("nav a[data-page='overview']").first();
    await overviewLink.click();
    await page.waitForURL(/\/fr\/$/);
    await page.locator("nav a[data-page='data']").first().click();
    await page.waitForURL(/\/fr\/data$/);
    await page.context().close();
  });
});

/** Text as a reader compares it: any run of spaces (French narrow no-break spaces included) as one. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("provenance in Chromium", () => {
  const cases = LANGS.flatMap((lang) => PAGES.map((p) => ({ lang, id: p.id, path: pagePath(p.id, lang) })));
  // A sentence claiming the recipes were posted on Food.com, in either language.
  const claim = /posted on Food\.com|publiées sur Food\.com/;

  it("records where each environment's data came from in snapshot.json", () => {
    expect(snapshot("local").provenance).toMatchObject({
      kind: "generated",
      generator: { scale: LOCAL_SCALE, seed: 42 },
    });
    expect(snapshot("preprod").provenance).toMatchObject({
      kind: "generated",
      generator: { scale: 0.03, seed: 7 },
    });
    expect(snapshot("prod").provenance).toEqual({ kind: "files", label: PROD_LABEL });
  });

  it.each(cases)(
    "generated data: $path shows the notice in its language, above the title",
    async ({ lang, path }) => {
      const t = translator(lang);
      const { page, errors } = await visit(browser, new URL(path.slice(1), server.url).href);
      await settle(page);
      const notice = page.getByTestId("generated-notice");
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(squash(await notice.innerText())).toBe(
        squash(`${t("shell.notice.title")} ${t("shell.notice.text")}`),
      );
      // Above the page's title, in the reading column.
      const noticeBox = (await notice.boundingBox())!;
      const titleBox = (await page.locator("main h1").first().boundingBox())!;
      expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(titleBox.y);
      expect(noticeBox.x).toBeGreaterThanOrEqual(titleBox.x - 1);
      const info = snapshot("local");
      const generator = info.provenance.kind === "generated" ? info.provenance.generator : undefined;
      expect(await page.getByTestId("data-provenance").innerText()).toContain(generator!.version);
      expect(await page.locator("main").innerText()).not.toMatch(claim);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it.each(cases)(
    "data ingested from files: $path has no notice, and the footer names the source",
    async ({ lang, path }) => {
      const { page, errors } = await visit(browser, new URL(path.slice(1), prodServer.url).href);
      await settle(page);
      expect(await page.getByTestId("generated-notice").count()).toBe(0);
      expect(await page.getByTestId("data-provenance").innerText()).toBe(
        translator(lang)("shell.footer.source", { label: PROD_LABEL }),
      );
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it.each(LANGS)(
    "generated data (%s): the overview's title and lede say so, never 'posted on Food.com'",
    async (lang) => {
      const t = translator(lang);
      const { page } = await visit(browser, new URL(`${lang}/`, server.url).href);
      await settle(page);
      const { kpis } = readBuiltData<OverviewData>(sites.builds.get("local")!.outDir, "overview");
      const lede = await page.getByTestId("overview-lede").innerText();
      expect(lede).toBe(
        t("overview.lede.generated", { recipes: kpis.recipes, interactions: kpis.interactions }),
      );
      expect(lede).not.toMatch(claim);
      expect(await page.locator("main h1").innerText()).toBe(
        t("overview.title.generated", {
          first: String(kpis.recipeYears.first),
          last: String(kpis.recipeYears.last),
        }),
      );
      await page.context().close();
    },
  );

  it("data ingested from files: the overview's lede says the recipes were posted on Food.com", async () => {
    const { page } = await visit(browser, new URL("en/", prodServer.url).href);
    await settle(page);
    expect(await page.getByTestId("overview-lede").innerText()).toMatch(/posted on Food\.com/);
    await page.context().close();
  });
});

describe("Data & methods in Chromium", () => {
  it.each(LANGS)("(%s) each rule's count downloads the rows it set aside, as CSV", async (lang) => {
    const { page, errors } = await visit(browser, new URL(`${lang}/data`, server.url).href);
    await settle(page);
    const overview = readBuiltData<OverviewData>(sites.builds.get("local")!.outDir, "overview");
    const report = overview.manifest.report;
    const withRows = [
      ...report.recipes.rules.map((r) => ({ table: "recipes", ...r })),
      ...report.interactions.rules.map((r) => ({ table: "interactions", ...r })),
    ].filter((r) => r.removed > 0);
    expect(withRows.length).toBeGreaterThan(0);
    // One download button per rule that set rows aside, and only for those.
    const buttons = page.locator("button.rule-count--sample");
    expect(await buttons.count()).toBe(withRows.length);
    const first = withRows[0];
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`button[data-table="${first.table}"][data-rule="${first.rule}"]`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`rejects-${first.table}-${first.rule}.csv`);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toBe("table,rule,source_file,source_line,column_name,detail,raw");
    expect(csv.length - 1).toBeGreaterThanOrEqual(Math.min(first.removed, 1));
    expect(csv[1].startsWith(`${first.table},${first.rule},`)).toBe(true);
    const sample = overview.rejectSamples.samples.find(
      (s) => s.table === first.table && s.rule === first.rule,
    )!;
    expect(sample.total).toBe(first.removed);
    expect(sample.rows.length).toBe(Math.min(first.removed, overview.rejectSamples.rowsPerRule));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(LANGS)(
    "(%s) shows the integrity counts and the original's recipe count from the report",
    async (lang) => {
      const { page } = await visit(browser, new URL(`${lang}/data`, server.url).href);
      await settle(page);
      const overview = readBuiltData<OverviewData>(sites.builds.get("local")!.outDir, "overview");
      const { integrity } = overview.manifest.report.interactions;
      const text = async (id: string) => squash(await page.locator(`#${id}`).innerText());
      const integrityText = await text("interactions-integrity");
      for (const n of [integrity.recipeKept, integrity.recipeSetAside, integrity.beforeRecipe]) {
        expect(integrityText).toContain(squash(formatInteger(n, lang)));
      }
      expect(await text("original-cleaning")).toContain(
        squash(formatInteger(overview.manifest.report.recipes.originalRulesKept, lang)),
      );
      await page.context().close();
    },
  );
});
