// The live preview follows every edit: in a copy of the project with a scaffolded page, `npm run
// dev -- --port <n>` serves the page on that port; saving a new query redraws the page with the
// new figure without a reload or a restart; a query with a typo shows DuckDB's message and the
// analysis's name in the page while the preview keeps running, and fixing it brings the figure back.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaffoldPage } from "../data-loaders/authoring/scaffold.js";
import { loadConfig } from "../data-loaders/config/config.js";
import { openSession } from "../data-loaders/duckdb/session.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { formatInteger } from "../src/lib/format.js";
import { launchBrowser, visit } from "./helpers/browser.js";
import { closedPort } from "./helpers/ops.js";
import { copyProject } from "./helpers/project-copy.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import { generatedCsvs } from "./helpers/site.js";

const PAGE = "pantry";
const SQL = join("data-loaders", "analyses", PAGE, "recipes-per-year.sql");

let copy: string;
let s3: TestS3;
let dev: ChildProcess;
let log = "";
let port: number;
let browser: Browser;
let page: Page;
let busiest: { year: number; n: number };

async function untilAnswering(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (dev.exitCode !== null) throw new Error(`npm run dev exited (${dev.exitCode}):\n${log.slice(-3000)}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log.slice(-3000)}`);
}

const takeaway = () => page.locator(".analysis-card__takeaway").first().textContent();

beforeAll(async () => {
  copy = copyProject("bttk-dev-preview-");
  await scaffoldPage(copy, PAGE, { title: "Pantry", titleFr: "Garde-manger" });
  s3 = await startTestS3("dev-preview-bucket");
  const work = tempDir("bttk-dev-work-");
  const vars = {
    ...s3.vars,
    CACHE_DIR: join(work, "cache"),
    DIST_DIR: join(work, "dist"),
    LOG_DIR: join(work, "logs"),
  };
  const config = loadConfig({ env: "local", vars });
  await ingestAndPublish(config, s3.store, await generatedCsvs(0.02, 17));
  const session = await openSession(await syncEnvironmentSnapshot(config, s3.store));
  try {
    [busiest] = await session.query<{ year: number; n: number }>(
      "SELECT year, count(*)::INTEGER AS n FROM recipes GROUP BY year ORDER BY n DESC, year LIMIT 1",
    );
  } finally {
    session.close();
  }
  port = await closedPort();
  dev = spawn(
    process.execPath,
    ["--import", "tsx", join(copy, "data-loaders/cli/dev.ts"), "--env", "local", "--port", String(port)],
    {
      cwd: copy,
      env: { ...process.env, NO_COLOR: "1", ...vars },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  dev.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  dev.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  await untilAnswering(`http://127.0.0.1:${port}/en/${PAGE}`, 180_000);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const gone = new Promise((resolve) => dev.once("exit", resolve));
    dev.kill("SIGTERM");
    await gone;
  }
  await s3?.stop();
});

describe("npm run dev", () => {
  it("serves the page on the port asked for, with the figure of the data", async () => {
    ({ page } = await visit(browser, `http://127.0.0.1:${port}/en/${PAGE}`));
    await expect.poll(takeaway, { timeout: 60_000 }).toContain(formatInteger(busiest.n, "en"));
    expect(await takeaway()).toContain(String(busiest.year));
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  }, 120_000);

  it("redraws the page with the new figure when the query is saved, without a reload", async () => {
    const original = readFileSync(join(copy, SQL), "utf8");
    writeFileSync(
      join(copy, SQL),
      "-- Every year counts 4242 (an edit made by the test).\nSELECT year, 4242::INTEGER AS recipes FROM recipes GROUP BY year ORDER BY year\n",
    );
    await expect.poll(takeaway, { timeout: 90_000, interval: 500 }).toContain(formatInteger(4242, "en"));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    writeFileSync(join(copy, SQL), original);
    await expect.poll(takeaway, { timeout: 90_000, interval: 500 }).toContain(formatInteger(busiest.n, "en"));
  }, 200_000);

  it("shows a failing query's analysis and DuckDB's message in the page, and keeps running", async () => {
    const original = readFileSync(join(copy, SQL), "utf8");
    writeFileSync(join(copy, SQL), "SELECT yeer, count(*) AS recipes FROM recipes GROUP BY yeer\n");
    const errorText = () =>
      page
        .locator(".observablehq--error")
        .allTextContents()
        .then((t) => t.join("\n"));
    await expect.poll(errorText, { timeout: 90_000, interval: 500 }).toMatch(/pantry\/recipesPerYear failed/);
    expect(await errorText()).toMatch(/Referenced column "yeer" not found/);
    expect(log).toMatch(/pantry\/recipesPerYear[\s\S]*"yeer" not found[\s\S]*keeps running/);
    expect(dev.exitCode).toBeNull();
    writeFileSync(join(copy, SQL), original);
    await expect.poll(takeaway, { timeout: 90_000, interval: 500 }).toContain(formatInteger(busiest.n, "en"));
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  }, 200_000);
});
