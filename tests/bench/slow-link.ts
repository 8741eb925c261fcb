// `npm run bench:slowlink`: what a reader on a slow link gets. Every page of src/lib/pages.ts (but
// Explore, timed by its own suite) in
// both languages, served by the project's own server (its compression and cache headers), loaded
// in Chromium with the network emulated through the DevTools protocol (150 ms latency, 5 Mbit/s
// down, 1 Mbit/s up): cold (empty cache) and warm (next visit, cache on), median of 5 each —
// requests, bytes over the link, first paint, and the time until every chart is drawn and the page
// stops changing. Then the floor under the warm figure: the same pages with their code left out,
// warm over the same link. Then, with no emulation, the redraw after a change of each page's year
// range. Any request to another origin than the site's fails the run.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { serveSite } from "../../data-loaders/server/serve.js";
import { LANGS, type Lang } from "../../src/lib/i18n/index.js";
import { PAGES, pagePath, type PageId } from "../../src/lib/pages.js";
import { launchBrowser } from "../helpers/browser.js";
import { median, mostFrequent, settledAt, withoutScripts } from "./bench-math.js";

const RUNS = 5;
/** Mbit/s → bytes/s, as the DevTools protocol wants throughput. */
const mbit = (n: number) => (n * 1_000_000) / 8;
export const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: mbit(5),
  uploadThroughput: mbit(1),
};
export const TARGETS = { coldMs: 1500, warmMs: 500, redrawMs: 100 };
/** A page is ready after this long without a DOM change (not counted in the time reported). */
const LOAD_QUIET_MS = 500;
const REDRAW_QUIET_MS = 300;
const TIMEOUT_MS = 60_000;

// Installed before any page script (strings, not functions: tsx's transform would add helpers
// the page does not have). Every DOM change outside <head> stamps `last` with performance.now(),
// whose origin is the navigation start; an `input` event stamps `input` with its own time.
export const RECORDER = `(() => {
  const state = { last: 0, count: 0, input: -1, where: "" };
  window.__bttkBench = state;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && !node.closest("head")) {
        state.last = now;
        state.count++;
        // Where the last change was (the card's id when in a card), to tell what a redraw waits for.
        const card = node.closest("[id]");
        state.where = node.tagName.toLowerCase() + (card ? "#" + card.id : "");
        return;
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("input", (e) => { state.input = e.timeStamp; }, true);
})()`;

// What the page looks like now, for the readiness rule (a string, as above).
const PROBE = `(() => {
  const s = window.__bttkBench;
  if (!s) return null;
  const error = document.querySelector(".observablehq--error");
  const charts = [...document.querySelectorAll("main svg[class^='plot']:not([class$='-ramp'])")];
  const marks = "[aria-label] path, [aria-label] rect, [aria-label] circle, [aria-label] line";
  return {
    now: performance.now(),
    last: s.count > 0 ? s.last : null,
    input: s.input,
    where: s.where,
    busy: !!document.querySelector(".observablehq--running, .observablehq--loading"),
    charts: charts.length,
    drawn: charts.filter((svg) => svg.querySelector(marks)).length,
    error: error ? error.textContent.slice(0, 200) : null,
  };
})()`;

interface Probe {
  now: number;
  last: number | null;
  input: number;
  where: string;
  busy: boolean;
  charts: number;
  drawn: number;
  error: string | null;
}

/**
 * Wait until the page is ready and return the time of its last DOM change (page clock: ms since
 * navigation start). Ready, as the site test's checks (tests/site.test.ts) and the site suite's
 * "interactive" define it: no Framework cell running or loading, every chart with marks (at least
 * `minCharts` of them), and no DOM change for `quietMs` — which only proves stability, so it is
 * not counted (settledAt). After an input, a change later than the input is required too.
 */
const problemsOf = new WeakMap<Page, string[]>();

async function settle(page: Page, minCharts: number, quietMs: number, afterInput: boolean, net: Network) {
  const started = Date.now();
  for (;;) {
    const p = await page.evaluate<Probe | null>(PROBE);
    if (p?.error) throw new Error(`${page.url()}: a cell is in error: ${p.error}`);
    // The network must be quiet too: on a slow link a page can sit unchanged for longer than the
    // window while its next module or data file is still on the way.
    const ready =
      p !== null &&
      net.inflight.size === 0 &&
      Date.now() - net.lastActivity >= quietMs &&
      !p.busy &&
      p.charts >= minCharts &&
      p.drawn === p.charts &&
      (!afterInput || (p.input >= 0 && p.last !== null && p.last > p.input));
    const at = ready ? settledAt(p.last, p.now, quietMs) : null;
    if (at !== null) return { last: at, input: p!.input, where: p!.where };
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(
        `${page.url()}: not ready after ${TIMEOUT_MS} ms: ${JSON.stringify(p)}; ` +
          `errors: ${JSON.stringify(problemsOf.get(page) ?? [])}`,
      );
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

interface Load {
  ms: number;
  /** First contentful paint (page clock). */
  paint: number;
  requests: number;
  /** Requests answered from the browser's cache (no byte on the link). */
  cached: number;
  bytes: number;
}

interface PageResult {
  path: string;
  cold: Load[];
  warm: Load[];
}

interface FloorResult {
  path: string;
  warm: Load[];
}

interface RedrawResult {
  path: string;
  from: [number, number];
  later: number[];
  back: number[];
  /** Where each redraw's last DOM change was (element and the id of the card, section… holding it). */
  where: string[];
}

/** Requests to another origin, from every context: the run fails if there is one. */
const outside: string[] = [];

function watchOrigin(context: BrowserContext, origin: string): void {
  context.on("request", (r) => {
    const u = r.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    if (new URL(u).origin !== origin) outside.push(`${u} (from ${r.frame().url()})`);
  });
}

/** What a tab fetched, from the DevTools protocol's network events. */
interface Network {
  requests: Set<string>;
  /** Answered from the browser's cache (no byte on the link). */
  cached: Set<string>;
  bytes: number;
  inflight: Set<string>;
  /** Date.now() of the last request started or ended. */
  lastActivity: number;
  /** Network requests (not from cache): url, status, bytes — shown when DEBUG_SLOWLINK is set. */
  log: Map<string, string>;
}

/** A tab with the slow link emulated (or not) and its cache on or off; counts what it fetches. */
async function tab(context: BrowserContext, emulate: boolean, cacheDisabled: boolean) {
  const page = await context.newPage();
  // Kept for the message of a page that never gets ready (a module that failed to load, say).
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  problemsOf.set(page, problems);
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (emulate) await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  const net: Network = {
    requests: new Set(),
    cached: new Set(),
    bytes: 0,
    inflight: new Set(),
    lastActivity: Date.now(),
    log: new Map(),
  };
  const done = (id: string) => {
    net.inflight.delete(id);
    net.lastActivity = Date.now();
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.startsWith("data:") || e.request.url.startsWith("blob:")) return;
    net.requests.add(e.requestId);
    net.inflight.add(e.requestId);
    net.lastActivity = Date.now();
    net.log.set(e.requestId, `${e.request.method} ${e.request.url}`);
  });
  // data: and blob: URLs (fonts inlined in the CSS) are not requests: their events are skipped.
  cdp.on(
    "Network.requestServedFromCache",
    (e) => net.requests.has(e.requestId) && net.cached.add(e.requestId),
  );
  cdp.on("Network.responseReceived", (e) => {
    if (!net.requests.has(e.requestId)) return;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) net.cached.add(e.requestId);
    net.log.set(e.requestId, `${net.log.get(e.requestId)} ${e.response.status}`);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (!net.requests.has(e.requestId)) return;
    net.bytes += e.encodedDataLength;
    net.log.set(e.requestId, `${net.log.get(e.requestId)} ${e.encodedDataLength} B`);
    done(e.requestId);
  });
  cdp.on("Network.loadingFailed", (e) => done(e.requestId));
  return { page, net };
}

/** Navigate and wait until ready; the counts are taken then (a late page-view beacon included). */
async function load(page: Page, net: Network, url: string, minCharts: number): Promise<Load> {
  await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT_MS });
  const { last } = await settle(page, minCharts, LOAD_QUIET_MS, false, net);
  if (process.env.DEBUG_SLOWLINK)
    process.stderr.write(
      [...net.log]
        .filter(([id]) => !net.cached.has(id))
        .map(([, line]) => `  ${line}\n`)
        .join(""),
    );
  const paint = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  return { requests: net.requests.size, cached: net.cached.size, bytes: net.bytes, ms: last, paint };
}

async function newContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  watchOrigin(context, origin);
  await context.addInitScript(RECORDER);
  return context;
}

async function measurePage(
  browser: Browser,
  url: string,
  minCharts: number,
): Promise<Omit<PageResult, "path">> {
  const origin = new URL(url).origin;
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(browser, origin);
    const { page, net } = await tab(context, true, true);
    cold.push(await load(page, net, url, minCharts));
    await context.close();
  }
  return { cold, warm: await measureWarm(browser, url, minCharts) };
}

/**
 * Warm loads: a first visit fills the cache, then each measured visit is a new tab of the same
 * browser profile (the HTTP cache, not the tab's memory of the last page).
 */
async function measureWarm(browser: Browser, url: string, minCharts: number): Promise<Load[]> {
  const warm: Load[] = [];
  const context = await newContext(browser, new URL(url).origin);
  const first = await tab(context, true, false);
  await load(first.page, first.net, url, minCharts);
  await first.page.close();
  for (let i = 0; i < RUNS; i++) {
    const { page, net } = await tab(context, true, false);
    warm.push(await load(page, net, url, minCharts));
    await page.close();
  }
  await context.close();
  return warm;
}

/**
 * The floor under the warm figure: the same pages with their code left out (withoutScripts), from
 * a copy of the site served alike, loaded warm over the same link. Whatever the pages' code does,
 * a warm load cannot be quicker than this on the machine measured.
 */
async function measureFloor(
  browser: Browser,
  dist: string,
  paths: readonly string[],
): Promise<FloorResult[]> {
  const site = await mkdtemp(join(tmpdir(), "bttk-floor-"));
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  try {
    // Explore's extracts are the bulk of the site and no page of this suite reads them.
    await cp(dist, site, {
      recursive: true,
      dereference: true,
      filter: (from) => !/[\\/]_file[\\/]explore$/.test(from),
    });
    for (const path of paths) {
      const file = join(site, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
      const html = withoutScripts(await readFile(file, "utf8"));
      // A page whose code was not all left out would make the floor a measure of the page itself.
      if (/<script\b[^>]*\btype="module"|<link\b[^>]*\brel="modulepreload"/.test(html))
        throw new Error(`slowlink floor: ${path} still loads code after withoutScripts; fix its patterns.`);
      await writeFile(file, html);
    }
    server = await serveSite(
      { site, events: { write: () => {}, maxBytes: 8192, perMinute: 1_000_000, trustProxy: false } },
      0,
    );
    const floor: FloorResult[] = [];
    for (const path of paths) {
      floor.push({ path, warm: await measureWarm(browser, new URL(path.slice(1), server.url).href, 0) });
      process.stderr.write(
        `floor ${path}: warm ${median(floor.at(-1)!.warm.map((l) => l.ms)).toFixed(0)} ms\n`,
      );
    }
    return floor;
  } finally {
    await server?.close();
    await rm(site, { recursive: true, force: true });
  }
}

/** Pick a year in the page's "from" select and time the redraw it causes. */
async function pickFrom(page: Page, net: Network, select: string, year: number) {
  await page.evaluate("window.__bttkBench.input = -1");
  await page.locator(select).selectOption({ label: String(year) });
  const { last, input, where } = await settle(page, 1, REDRAW_QUIET_MS, true, net);
  if (process.env.DEBUG_SLOWLINK)
    process.stderr.write(`  redraw ${year}: ${(last - input).toFixed(0)} ms, last change in ${where}\n`);
  return { ms: last - input, where };
}

async function measureRedraw(browser: Browser, url: string): Promise<Omit<RedrawResult, "path"> | null> {
  const context = await newContext(browser, new URL(url).origin);
  try {
    const { page, net } = await tab(context, false, false);
    await load(page, net, url, 1);
    const from = page.locator('[data-testid$="-range-from"] select');
    if ((await from.count()) === 0) return null;
    if ((await from.count()) > 1) throw new Error(`${url}: more than one year-range "from" select.`);
    const testId = await page.locator('[data-testid$="-range-from"]').getAttribute("data-testid");
    const select = `[data-testid="${testId}"] select`;
    const years = (await page.locator(`${select} option`).allTextContents()).map(Number);
    const start = Number(await page.locator(`${select} option:checked`).textContent());
    // A few years later, within the range: at most 3, never past the last year.
    const later = years[Math.min(years.indexOf(start) + 3, years.length - 1)];
    if (later === start) throw new Error(`${url}: the year range has a single year; nothing to change.`);
    const result = {
      from: [start, later] as [number, number],
      later: [] as number[],
      back: [] as number[],
      where: [] as string[],
    };
    for (let i = 0; i < RUNS; i++) {
      for (const [year, times] of [
        [later, result.later],
        [start, result.back],
      ] as const) {
        const { ms, where } = await pickFrom(page, net, select, year);
        times.push(ms);
        result.where.push(where);
      }
    }
    return result;
  } finally {
    await context.close();
  }
}

/** `only`: measure these pages alone (a quick look while working on one page); default every page. */
export async function benchSlowLink(
  dist: string,
  machine: string,
  only?: readonly PageId[],
): Promise<string> {
  const load = loadavg()[0].toFixed(1);
  // The reader-event route answers as in production (a page view is posted on every load).
  const server = await serveSite(
    { site: dist, events: { write: () => {}, maxBytes: 8192, perMinute: 1_000_000, trustProxy: false } },
    0,
  );
  const browser = await launchBrowser();
  const pages: PageResult[] = [];
  const redraws: RedrawResult[] = [];
  const floor: FloorResult[] = [];
  try {
    const cases = LANGS.flatMap((lang: Lang) =>
      // Explore is left out: past its first paint it downloads DuckDB-Wasm (5.9 MB brotli) in a
      // worker whose requests this page-level tracking cannot see settle; its own suite
      // (tests/bench/explore.ts) times it, and the page budget test counts its first load.
      PAGES.filter((p) => p.id !== "explore" && (!only || only.includes(p.id))).map((p) => ({
        id: p.id,
        path: pagePath(p.id, lang),
      })),
    );
    for (const { id, path } of cases) {
      const url = new URL(path.slice(1), server.url).href;
      // Every page but Data & methods draws charts (as the site test requires).
      const minCharts = id === "data" ? 0 : 1;
      const result = { path, ...(await measurePage(browser, url, minCharts)) };
      pages.push(result);
      process.stderr.write(
        `slowlink ${path}: cold ${median(result.cold.map((l) => l.ms)).toFixed(0)} ms, warm ${median(result.warm.map((l) => l.ms)).toFixed(0)} ms\n`,
      );
    }
    floor.push(
      ...(await measureFloor(
        browser,
        dist,
        cases.map((c) => c.path),
      )),
    );
    for (const { path } of cases) {
      const redraw = await measureRedraw(browser, new URL(path.slice(1), server.url).href);
      if (!redraw) continue;
      redraws.push({ path, ...redraw });
      process.stderr.write(
        `redraw ${path}: later ${median(redraw.later).toFixed(0)} ms, back ${median(redraw.back).toFixed(0)} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (outside.length > 0)
    throw new Error(
      `slowlink: ${outside.length} request(s) left the site, which must be self-contained:\n  ${[...new Set(outside)].join("\n  ")}`,
    );
  return report(pages, floor, redraws, machine, load);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mark = (value: number, target: number) => `${value.toFixed(0)} ms ${value < target ? "✓" : "✗"}`;

function report(
  pages: PageResult[],
  floor: FloorResult[],
  redraws: RedrawResult[],
  machine: string,
  load: string,
): string {
  const med = (loads: Load[], key: keyof Load) => median(loads.map((l) => l[key]));
  const kb = (b: number) => (b / 1024).toFixed(0);
  return [
    `Measured on ${machine}, load average ${load} at start, default dataset (scale 1, seed 42); medians of ${RUNS}; no request left the site.`,
    "",
    `| page | cold: requests | cold: KB | cold: ready (target < ${TARGETS.coldMs} ms) | warm: requests on the link / all | warm: KB | warm: first paint | warm: ready (target < ${TARGETS.warmMs} ms) |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...pages.map(
      (p) =>
        `| ${p.path} | ${med(p.cold, "requests")} | ${kb(med(p.cold, "bytes"))} | ${mark(med(p.cold, "ms"), TARGETS.coldMs)} | ${median(p.warm.map((l) => l.requests - l.cached))} / ${med(p.warm, "requests")} | ${kb(med(p.warm, "bytes"))} | ${ms(med(p.warm, "paint"))} | ${mark(med(p.warm, "ms"), TARGETS.warmMs)} |`,
    ),
    "",
    "The floor: each page's HTML with its code left out (module scripts, module preloads, preloaded data; the stylesheets and fonts kept), from a copy of the site served alike, warm over the same link:",
    "",
    `| page | floor, warm: first paint | floor, warm: last DOM change (the pages' warm target: < ${TARGETS.warmMs} ms) |`,
    "| --- | --- | --- |",
    ...floor.map((f) => `| ${f.path} | ${ms(med(f.warm, "paint"))} | ${ms(med(f.warm, "ms"))} |`),
    "",
    `Redraw after a change of the year range, no emulation (target < ${TARGETS.redrawMs} ms):`,
    "",
    "| page | change of “from” | later: last DOM change after the input | back: last DOM change after the input | last change, most often in |",
    "| --- | --- | --- | --- | --- |",
    ...redraws.map(
      (r) =>
        `| ${r.path} | ${r.from[0]} → ${r.from[1]} → ${r.from[0]} | ${mark(median(r.later), TARGETS.redrawMs)} | ${mark(median(r.back), TARGETS.redrawMs)} | \`${mostFrequent(r.where)}\` |`,
    ),
  ].join("\n");
}
