// `npm run bench:explore`: what the Explore page costs a reader, on localhost in Chromium, over a
// build of the default dataset (scale 1):
// - opening Explore → first result, on the page itself: a shared link to a one-cell notebook is
//   opened in a fresh context, its Run button clicked as soon as the cell shows, and the time taken
//   when the cell says it is done (DuckDB-Wasm's start, the table downloaded, attached, queried);
// - where that time goes, and an aggregate over every interaction once loaded, through the test
//   harness (tests/helpers/explore-harness.ts: the same engine module, on the built files), which
//   calls the engine as the page does (prefetch of the notebook's tables, then open);
// - the size of the engine and of each extract as the server sends them (brotli, gzip, raw).
import { readdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { serveSite } from "../../data-loaders/server/serve.js";
import { addCell, emptyNotebook } from "../../src/lib/explore/notebook.js";
import { notebookHash } from "../../src/lib/explore/share.js";
import { EXPLORE_TABLES } from "../../src/lib/explore/tables.js";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.js";
import { HARNESS_PATH, writeExploreHarness } from "../helpers/explore-harness.js";
import { median } from "./bench-math.js";

const RUNS = 5;
export const TARGETS = { firstResultMs: 5_000, aggregateMs: 200, totalMb: 40 };
const FIRST = "SELECT count(*) AS n FROM recipes";
const AGGREGATE =
  "SELECT season, count(*) AS n, avg(rating) AS rating, count(DISTINCT user_id) AS users FROM interactions GROUP BY season";

interface Sizes {
  raw: number;
  br: number;
  gzip: number;
}

function sizesOf(dir: string, prefix: string, ext: string): Sizes {
  const file = readdirSync(dir).find((f) => f.startsWith(`${prefix}.`) && f.endsWith(ext));
  if (!file) throw new Error(`The build has no ${prefix}…${ext} in ${dir}.`);
  const size = (suffix: string) => statSync(join(dir, file + suffix), { throwIfNoEntry: false })?.size;
  const raw = size("")!;
  // A file too small to precompress is compressed by the server itself: shown as its raw size.
  return { raw, br: size(".br") ?? raw, gzip: size(".gz") ?? raw };
}

/** Opening Explore from a shared link → the cell's first result, in ms since navigation started. */
async function firstResultOnPage(browser: Browser, siteUrl: string): Promise<number> {
  const { notebook } = addCell(emptyNotebook(), { name: "first", sql: FIRST });
  const url = new URL(`en/explore${await notebookHash(notebook)}`, siteUrl).href;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const origin = new URL(siteUrl).origin;
    const outside: string[] = [];
    page.on("request", (r) => !r.url().startsWith(origin) && outside.push(r.url()));
    await page.goto(url);
    await page.locator('section.explore-cell[data-cell-name="first"] button[data-action="run"]').click();
    const done = await page.waitForFunction(
      () => {
        const status = document.querySelector(
          'section.explore-cell[data-cell-name="first"] .explore-cell__status',
        ) as HTMLElement | null;
        if (status?.dataset.kind === "error") throw new Error(`The cell failed: ${status.textContent}`);
        return status?.dataset.kind === "done" && performance.now();
      },
      undefined,
      { timeout: 120_000, polling: "raf" },
    );
    const ms = (await done.jsonValue()) as number;
    if (outside.length > 0)
      throw new Error(`Explore asked for files outside the site: ${outside.join(", ")}`);
    return ms;
  } finally {
    await context.close();
  }
}

export async function benchExplore(dist: string, machine: string): Promise<string> {
  const load = loadavg()[0].toFixed(1);
  const dir = join(dist, "_file", "explore", "engine");
  const tables = EXPLORE_TABLES.map((t) => ({ name: t.name, ...sizesOf(dir, t.name, ".duckdb") }));
  const wasm = sizesOf(dir, "duckdb-eh", ".wasm");
  const worker = sizesOf(dir, "duckdb-browser-eh.worker", ".js");
  await writeExploreHarness(dist);
  const server = await serveSite(dist, 0);
  const browser = await launchBrowser();
  const first: number[] = [];
  const harnessFirst: number[] = [];
  const aggregate: number[] = [];
  const engineMs: number[] = [];
  /** When DuckDB was ready, then recipes attached (ms since navigation start). */
  const steps: { started: number; attached: number }[] = [];
  try {
    // One visit first, not timed: a running server has read its files once (the browser's context
    // is new at every run, its cache empty).
    await firstResultOnPage(browser, server.url);
    for (let i = 0; i < RUNS; i++) {
      first.push(await firstResultOnPage(browser, server.url));
      process.stderr.write(`explore page run ${i + 1}: first result ${first.at(-1)!.toFixed(0)} ms\n`);
    }
    for (let i = 0; i < RUNS; i++) {
      // A new context each time: nothing cached, as a first visit.
      const context = await browser.newContext();
      // tsx compiles this file keeping function names: the functions handed to page.evaluate call
      // its `__name` helper, which the page must have (vitest's transform does not add it).
      await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
      const page = await context.newPage();
      const origin = new URL(server.url).origin;
      const outside: string[] = [];
      page.on("request", (r) => !r.url().startsWith(origin) && outside.push(r.url()));
      await page.goto(new URL(HARNESS_PATH, server.url).href);
      await page.waitForFunction(() => "explore" in window);
      const times = await page.evaluate(
        async ({ first, aggregate }) => {
          const w = window as unknown as {
            explore: {
              prefetchTables(statements: string[]): void;
              startEngineWorker(): void;
              openEngine(): Promise<import("../../src/lib/explore/engine.js").Engine>;
            };
          };
          // As the page does: the engine's worker starts first, then the notebook's tables start
          // downloading while DuckDB starts.
          w.explore.startEngineWorker();
          w.explore.prefetchTables([first]);
          const engine = await w.explore.openEngine();
          const startedMs = performance.now();
          let attachedMs = 0;
          await engine.query(first, {
            onProgress: (p) => {
              if (p.done) attachedMs = performance.now();
            },
          });
          const firstMs = performance.now();
          const runs: { roundTrip: number; engine: number }[] = [];
          await engine.query(aggregate); // interactions loaded here, not timed
          for (let r = 0; r < 5; r++) {
            const t0 = performance.now();
            const result = await engine.query(aggregate);
            runs.push({ roundTrip: performance.now() - t0, engine: result.elapsedMs });
          }
          await engine.close();
          return { firstMs, startedMs, attachedMs, runs };
        },
        { first: FIRST, aggregate: AGGREGATE },
      );
      if (outside.length > 0)
        throw new Error(`Explore asked for files outside the site: ${outside.join(", ")}`);
      harnessFirst.push(times.firstMs);
      steps.push({ started: times.startedMs, attached: times.attachedMs });
      aggregate.push(median(times.runs.map((r) => r.roundTrip)));
      engineMs.push(median(times.runs.map((r) => r.engine)));
      await context.close();
      process.stderr.write(
        `explore run ${i + 1}: DuckDB ready ${times.startedMs.toFixed(0)} ms, ` +
          `recipes attached ${times.attachedMs.toFixed(0)} ms, first result ${times.firstMs.toFixed(0)} ms, aggregate ${aggregate.at(-1)!.toFixed(0)} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const total = tables.reduce((s, t) => ({ raw: s.raw + t.raw, br: s.br + t.br, gzip: s.gzip + t.gzip }), {
    raw: 0,
    br: 0,
    gzip: 0,
  });
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
  const firstMs = median(first);
  const aggregateMs = median(aggregate);
  return [
    `Measured on ${machine}, load average ${load} at the start; Chromium on localhost (no link emulation), median of ${RUNS} fresh contexts.`,
    "",
    "| measure | value | target |",
    "| --- | --- | --- |",
    `| opening Explore → first result, on the page (a shared link to \`${FIRST}\`, Run clicked as the cell shows) | ${(firstMs / 1000).toFixed(2)} s | < ${TARGETS.firstResultMs / 1000} s (${verdict(firstMs < TARGETS.firstResultMs)}) |`,
    `| the same through the engine alone (harness): DuckDB-Wasm ready · recipes attached · result (since navigation start; recipes is downloaded while DuckDB starts) | ${(median(steps.map((x) => x.started)) / 1000).toFixed(2)} s · ${(median(steps.map((x) => x.attached)) / 1000).toFixed(2)} s · ${(median(harnessFirst) / 1000).toFixed(2)} s | |`,
    `| aggregate over all interactions, loaded (round trip; DuckDB alone ${median(engineMs).toFixed(0)} ms) | ${aggregateMs.toFixed(0)} ms | < ${TARGETS.aggregateMs} ms (${verdict(aggregateMs < TARGETS.aggregateMs)}) |`,
    `| extracts on the wire, brotli (gzip) | ${mb(total.br)} MB (${mb(total.gzip)} MB) | < ${TARGETS.totalMb} MB (${verdict(total.br / 2 ** 20 < TARGETS.totalMb)}) |`,
    "",
    "| file | raw | brotli | gzip |",
    "| --- | --- | --- | --- |",
    ...tables.map((t) => `| ${t.name}.duckdb | ${mb(t.raw)} MB | ${mb(t.br)} MB | ${mb(t.gzip)} MB |`),
    `| all extracts | ${mb(total.raw)} MB | ${mb(total.br)} MB | ${mb(total.gzip)} MB |`,
    `| duckdb-eh.wasm | ${mb(wasm.raw)} MB | ${mb(wasm.br)} MB | ${mb(wasm.gzip)} MB |`,
    `| duckdb-browser-eh.worker.js | ${mb(worker.raw)} MB | ${mb(worker.br)} MB | ${mb(worker.gzip)} MB |`,
    "",
    `Aggregate: \`${AGGREGATE}\`.`,
  ].join("\n");
}
