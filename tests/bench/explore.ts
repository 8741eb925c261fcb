// `npm run bench:explore`: what the Explore page costs a reader, on localhost in Chromium, over a
// build of the default dataset (scale 1): the time from opening the engine's page to the first
// result (DuckDB-Wasm's start, then the first table loaded and queried), and an aggregate over
// every interaction once that table is loaded; and the size of the engine and of each extract as
// the server sends them (brotli, gzip, raw). The engine is driven through the test harness
// (tests/helpers/explore-harness.ts): the same engine module the page loads, on the built files.
import { readdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { serveSite } from "../../data-loaders/server/serve.js";
import { EXPLORE_TABLES } from "../../src/lib/explore/tables.js";
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

export async function benchExplore(dist: string, machine: string): Promise<string> {
  const load = loadavg()[0].toFixed(1);
  const dir = join(dist, "_file", "explore", "engine");
  const tables = EXPLORE_TABLES.map((t) => ({ name: t.name, ...sizesOf(dir, t.name, ".arrows") }));
  const wasm = sizesOf(dir, "duckdb-eh", ".wasm");
  const worker = sizesOf(dir, "duckdb-browser-eh.worker", ".js");
  await writeExploreHarness(dist);
  const server = await serveSite(dist, 0);
  const browser = await launchBrowser();
  const first: number[] = [];
  const aggregate: number[] = [];
  const engineMs: number[] = [];
  /** When DuckDB was ready, recipes downloaded, then inserted (ms since navigation start). */
  const steps: { started: number; downloaded: number; inserted: number }[] = [];
  try {
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
            explore: { openEngine(): Promise<import("../../src/lib/explore/engine.js").Engine> };
          };
          const engine = await w.explore.openEngine();
          const startedMs = performance.now();
          let downloadedMs = 0;
          let insertedMs = 0;
          await engine.query(first, {
            onProgress: (p) => {
              if (p.done) insertedMs = performance.now();
              else if (p.loadedBytes >= p.totalBytes && p.totalBytes > 0) downloadedMs ||= performance.now();
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
          return { firstMs, startedMs, downloadedMs, insertedMs, runs };
        },
        { first: FIRST, aggregate: AGGREGATE },
      );
      if (outside.length > 0)
        throw new Error(`Explore asked for files outside the site: ${outside.join(", ")}`);
      first.push(times.firstMs);
      steps.push({ started: times.startedMs, downloaded: times.downloadedMs, inserted: times.insertedMs });
      aggregate.push(median(times.runs.map((r) => r.roundTrip)));
      engineMs.push(median(times.runs.map((r) => r.engine)));
      await context.close();
      process.stderr.write(
        `explore run ${i + 1}: DuckDB ready ${times.startedMs.toFixed(0)} ms, recipes downloaded ${times.downloadedMs.toFixed(0)} ms, ` +
          `inserted ${times.insertedMs.toFixed(0)} ms, first result ${times.firstMs.toFixed(0)} ms, aggregate ${aggregate.at(-1)!.toFixed(0)} ms\n`,
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
    `| opening Explore → first result (\`${FIRST}\`: DuckDB-Wasm start + recipes loaded) | ${(firstMs / 1000).toFixed(2)} s | < ${TARGETS.firstResultMs / 1000} s (${verdict(firstMs < TARGETS.firstResultMs)}) |`,
    `| of which: DuckDB-Wasm ready · recipes downloaded · inserted (since navigation start) | ${(median(steps.map((x) => x.started)) / 1000).toFixed(2)} s · ${(median(steps.map((x) => x.downloaded)) / 1000).toFixed(2)} s · ${(median(steps.map((x) => x.inserted)) / 1000).toFixed(2)} s | |`,
    `| aggregate over all interactions, loaded (round trip; DuckDB alone ${median(engineMs).toFixed(0)} ms) | ${aggregateMs.toFixed(0)} ms | < ${TARGETS.aggregateMs} ms (${verdict(aggregateMs < TARGETS.aggregateMs)}) |`,
    `| extracts on the wire, brotli (gzip) | ${mb(total.br)} MB (${mb(total.gzip)} MB) | < ${TARGETS.totalMb} MB (${verdict(total.br / 2 ** 20 < TARGETS.totalMb)}) |`,
    "",
    "| file | raw | brotli | gzip |",
    "| --- | --- | --- | --- |",
    ...tables.map((t) => `| ${t.name}.arrows | ${mb(t.raw)} MB | ${mb(t.br)} MB | ${mb(t.gzip)} MB |`),
    `| all extracts | ${mb(total.raw)} MB | ${mb(total.br)} MB | ${mb(total.gzip)} MB |`,
    `| duckdb-eh.wasm | ${mb(wasm.raw)} MB | ${mb(wasm.br)} MB | ${mb(wasm.gzip)} MB |`,
    `| duckdb-browser-eh.worker.js | ${mb(worker.raw)} MB | ${mb(worker.br)} MB | ${mb(worker.gzip)} MB |`,
    "",
    `Aggregate: \`${AGGREGATE}\`.`,
  ].join("\n");
}
