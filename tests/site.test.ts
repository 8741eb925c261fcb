// The site end to end: three environments built from one checkout with their own datasets, the
// built files self-contained, and every page in both languages checked in Debian's Chromium.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Environment } from "../data-loaders/config/environment.js";
import { buildSite, type SiteSnapshot } from "../data-loaders/site/build.js";
import { serveSite, type RunningServer } from "../data-loaders/server/serve.js";
import type { OverviewData } from "../src/lib/contracts/overview.js";
import { LANGS } from "../src/lib/i18n/index.js";
import { PAGES, pagePath } from "../src/lib/pages.js";
import { launchBrowser, settle, visit } from "./helpers/browser.js";
import { checkTrendsPage } from "./browser/trends-checks.js";
import { buildTestSites, listFiles, readBuiltData, type TestSites } from "./helpers/site.js";

// The local site is built from the default dataset (scale 1, seed 42) so the browser checks read
// the figures readers get; preprod and prod get small datasets of their own. BTTK_TEST_SCALE
// shrinks the local one for quick runs while developing.
const LOCAL_SCALE = Number(process.env.BTTK_TEST_SCALE ?? 1);
const ARTIFACTS = join(import.meta.dirname, "artifacts");

let sites: TestSites;
let server: RunningServer;
let browser: Browser;
const snapshot = (env: Environment) =>
  JSON.parse(readFileSync(join(sites.builds.get(env)!.outDir, "snapshot.json"), "utf8")) as SiteSnapshot;

beforeAll(async () => {
  sites = await buildTestSites([
    { env: "local", scale: LOCAL_SCALE, seed: 42 },
    { env: "preprod", scale: 0.03, seed: 7 },
    { env: "prod", scale: 0.02, seed: 11 },
  ]);
  server = await serveSite(sites.builds.get("local")!.outDir, 0);
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
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
        const charts = await page.$$eval("main svg[class^='plot']", (svgs) =>
          svgs.map(
            (svg) =>
              svg.querySelectorAll(
                "[aria-label] path, [aria-label] rect, [aria-label] circle, [aria-label] line",
              ).length,
          ),
        );
        if (id !== "data") expect(charts.length).toBeGreaterThan(0);
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
