// npm run bench [ingest|site|server|start|pages|slowlink|scale|explore]: full-scale benchmarks, written to docs/performance.md.
//   ingest — generate the default dataset (scale 1) and ingest it: wall time and peak memory.
//   site   — cold full build, warm rebuild with nothing changed, requests and page weight (gzip)
//            per page against the 15 requests / 250 KB budget, time to interactive in Chromium.
//   server — requests per second and latency of the server for hashed assets and pages (./server.ts).
//   start  — `npm start` with nothing changed since the last build: spawn → first 200 (./start.ts).
//   pages  — page-data compute time per page and per analysis, and page-data size (./page-data.ts).
//   slowlink — every page in both languages over an emulated slow link (150 ms, 5/1 Mbit/s): cold
//            and warm loads (requests, bytes, time until every chart is drawn), and the redraw time
//            after a change of the year range (./slow-link.ts). Fails if a request leaves the site.
//   scale  — ingest and page-data costs at scale 0.25, 0.5, 1 and 2, with linear-growth and
//            flat-page-data verdicts and docs/performance-scale.svg (./scale.ts).
//   explore — the Explore page's engine in Chromium: opening → first result, an aggregate over all
//            interactions once loaded, and the engine's and extracts' sizes on the wire (./explore.ts).
// Everything runs in a temporary work folder with the embedded S3 server; the project's own
// .cache/, dist/ and logs/ are left alone (the shared Framework bundles are cleared for the cold
// build).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";
import { serveSite } from "../../data-loaders/server/serve.js";
import { LANGS } from "../../src/lib/i18n/index.js";
import { PAGES, pagePath } from "../../src/lib/pages.js";
import { launchBrowser } from "../helpers/browser.js";
import { measure, type Measured } from "./measure.js";
import { PAGE_BUDGET, pageWeight, withinBudget, type PageWeight } from "./page-weight.js";
import { benchScale } from "./scale.js";
import { benchServer } from "./server.js";
import { benchStart } from "./start.js";
import { benchSlowLink } from "./slow-link.js";
import { benchExplore } from "./explore.js";

const suites = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const run = (name: string) => suites.length === 0 || suites.includes(name);
const work = mkdtempSync(join(tmpdir(), "bttk-bench-"));
const env = {
  ...process.env,
  APP_ENV: "local",
  CACHE_DIR: join(work, "cache"),
  LOCAL_S3_DIR: join(work, "s3"),
  DIST_DIR: join(work, "dist"),
  LOG_DIR: join(work, "logs"),
  LOG_LEVEL: "info",
  S3_ENDPOINT: "",
};
const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const cli = (name: string) => join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`);
const fmt = (m: Measured) =>
  `${m.seconds.toFixed(1)} s${m.peakMb === null ? "" : `, peak RSS ${m.peakMb.toFixed(0)} MB`}`;

const sections: Record<string, string> = {};
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;

/** Generate and ingest the default dataset into the work folder, once; measured. */
let dataset: Promise<{ out: string; generate: Measured; ingest: Measured }> | undefined;
function defaultDataset() {
  dataset ??= (async () => {
    const out = join(work, "generated");
    const generate = await measure(tsx, [cli("generate"), "--scale", "1", "--seed", "42", "--out", out], env);
    const csv = (name: string) => join(out, name);
    const ingest = await measure(
      tsx,
      [cli("ingest"), "--recipes", csv("RAW_recipes.csv"), "--interactions", csv("RAW_interactions.csv")],
      env,
    );
    return { out, generate, ingest };
  })();
  return dataset;
}

async function benchIngest(): Promise<void> {
  const { out, generate, ingest } = await defaultDataset();
  // The bare engine cost, measured the same way right after: the same DuckDB reading both CSVs
  // with the ingest's read_csv call and writing them to Parquet with its options, nothing else.
  const baseline = await measure(
    tsx,
    [
      join(import.meta.dirname, "ingest-baseline.ts"),
      join(out, "RAW_recipes.csv"),
      join(out, "RAW_interactions.csv"),
      join(work, "baseline"),
    ],
    env,
  );
  // Both times depend on what else runs: the load average says how quiet the machine was.
  const load = loadavg()[0].toFixed(1);
  const ratio = ingest.seconds / baseline.seconds;
  const size = (f: string) => (readFileSync(join(out, f)).length / 2 ** 20).toFixed(0);
  sections.ingest = [
    `Measured on ${machine}, load average ${load} after the baseline.`,
    "",
    "| step | wall time | peak RSS | target |",
    "| --- | --- | --- | --- |",
    `| generate, scale 1 (231,637 recipes, 1,132,367 interactions; ${size("RAW_recipes.csv")} + ${size("RAW_interactions.csv")} MB of CSV) | ${generate.seconds.toFixed(1)} s | ${generate.peakMb?.toFixed(0) ?? "n/a"} MB | — |`,
    `| ingest, scale 1 (read + clean + 4 Parquet tables + rejects.parquet + upload to the embedded S3) | ${ingest.seconds.toFixed(1)} s | ${ingest.peakMb?.toFixed(0) ?? "n/a"} MB | < 60 s, < 2 GB |`,
    `| baseline: DuckDB alone, both CSVs straight to Parquet (same reader, same Parquet options) | ${baseline.seconds.toFixed(1)} s | ${baseline.peakMb?.toFixed(0) ?? "n/a"} MB | — |`,
    `| ingest ÷ baseline | ${ratio.toFixed(1)} × | | < 3 × |`,
  ].join("\n");
  process.stderr.write(
    `generate: ${fmt(generate)}\ningest: ${fmt(ingest)}\nbaseline: ${fmt(baseline)}\ningest/baseline: ${ratio.toFixed(2)}× (load ${load})\n`,
  );
}

// A string, not a function: tsx's transform would add helpers the page does not have.
const SETTLED = `new Promise((resolve) => {
  let size = -1;
  let changedAt = performance.now();
  const tick = () => {
    const now = document.querySelector("main")?.getElementsByTagName("*").length ?? 0;
    if (now !== size) { size = now; changedAt = performance.now(); }
    if (performance.now() - changedAt > 500 && document.querySelector("main svg")) resolve(changedAt);
    else requestAnimationFrame(tick);
  };
  tick();
})`;

/**
 * Time from navigation start until the page's DOM stops changing: the moment the last cell drew
 * (data fetched, charts rendered), taken as the last change before half a second of stability.
 */
async function timeToInteractive(url: string, runs = 5): Promise<number> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(url, { waitUntil: "load" });
      times.push(await page.evaluate<number>(SETTLED));
      await page.context().close();
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  } finally {
    await browser.close();
  }
}

async function benchSite(): Promise<void> {
  await defaultDataset();
  // A cold build: no shared Framework bundles (each build has its own Framework root and cache).
  rmSync(join(PROJECT_ROOT, ".cache", "framework", "_shared"), { recursive: true, force: true });
  const cold = await measure(tsx, [cli("build"), "--env", "local"], env);
  const warm = await measure(tsx, [cli("build"), "--env", "local"], env);
  const dist = cold.stdout.trim();
  const weights: PageWeight[] = [
    pageWeight(dist, "index"),
    ...LANGS.flatMap((lang) =>
      PAGES.map((p) => pageWeight(dist, pagePath(p.id, lang).replace(/\/$/, "/index").slice(1))),
    ),
  ];
  const server = await serveSite(dist, 0);
  const tti: Record<string, number> = {};
  try {
    for (const p of PAGES)
      tti[p.id] = await timeToInteractive(new URL(pagePath(p.id, "en").slice(1), server.url).href);
  } finally {
    await server.close();
  }
  const kb = (x: number) => x.toFixed(0);
  sections.site = [
    `Measured on ${machine}, default dataset (scale 1, seed 42).`,
    "",
    "| build | wall time | peak RSS | target |",
    "| --- | --- | --- | --- |",
    `| cold full build (empty Framework cache, page data computed) | ${cold.seconds.toFixed(1)} s | ${cold.peakMb?.toFixed(0) ?? "n/a"} MB | — |`,
    `| warm rebuild, nothing changed (page data reused by fingerprint) | ${warm.seconds.toFixed(1)} s | ${warm.peakMb?.toFixed(0) ?? "n/a"} MB | < 10 s |`,
    "",
    "Page weight of a cold load, counted from the built files (tests/bench/page-weight.ts, as tests/page-budget.test.ts",
    "counts it): requests (the HTML and every same-site file it loads), gzipped KB of the HTML, the JS and CSS, the fonts",
    "and the data files; and time to interactive in Chromium on localhost (median of 5 loads: navigation start → the last",
    "change of the page, when every chart has drawn):",
    "",
    "| page | requests | HTML KB | code, styles KB | fonts KB | data KB | total KB | interactive | targets |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...weights.map((w) => {
      const id = PAGES.find((p) => w.page.endsWith(`/${p.slug || "index"}`))?.id ?? "";
      const t = w.page.startsWith("en/") && tti[id] !== undefined ? `${tti[id].toFixed(0)} ms` : "";
      const over = withinBudget(w) ? "" : " **over**";
      return `| /${w.page.replace(/index$/, "")} | ${w.requests} | ${kb(w.htmlKb)} | ${kb(w.codeKb)} | ${kb(w.fontKb)} | ${kb(w.dataKb)} | ${kb(w.totalKb)}${over} | ${t} | ≤ ${PAGE_BUDGET.requests} requests, ≤ ${PAGE_BUDGET.totalKb} KB; interactive < 1 s |`;
    }),
  ].join("\n");
  process.stderr.write(`cold build: ${fmt(cold)}\nwarm build: ${fmt(warm)}\n`);
}

async function benchPages(): Promise<void> {
  await defaultDataset();
  // Compute times depend on what else runs: the load average says how quiet the machine was.
  const load = loadavg()[0].toFixed(1);
  // Ingest left the dataset in the work folder's S3; the child syncs it like a build does.
  const result = await measure(tsx, [join(import.meta.dirname, "page-data.ts")], env);
  const { pages } = JSON.parse(result.stdout) as {
    pages: {
      page: string;
      seconds: number;
      bytes: number;
      gzipBytes: number;
      analyses: { name: string; seconds: number }[];
    }[];
  };
  const kb = (b: number) => (b / 1024).toFixed(0);
  // Issue 15's budget: both new pages' data in under 5 s together at full scale.
  const together = pages.filter((p) => p.page === "ratings" || p.page === "community");
  const togetherSeconds = together.reduce((sum, p) => sum + p.seconds, 0);
  sections.pages = [
    `Measured on ${machine}, load average ${load} at start, default dataset (scale 1, seed 42), one DuckDB session as in a build.`,
    "",
    "| page data | compute time | size | gzip | target |",
    "| --- | --- | --- | --- | --- |",
    ...pages.map(
      (p) =>
        `| \`data/${p.page}.json\` | ${p.seconds.toFixed(1)} s | ${kb(p.bytes)} KB | ${kb(p.gzipBytes)} KB | gzip < 300 KB |`,
    ),
    `| ratings + community together | ${togetherSeconds.toFixed(1)} s | | | < 5 s |`,
    "",
    "| analysis | compute time |",
    "| --- | --- |",
    ...pages.flatMap((p) => p.analyses.map((a) => `| \`${a.name}\` | ${a.seconds.toFixed(2)} s |`)),
  ].join("\n");
  process.stderr.write(`page data: ${pages.map((p) => `${p.page} ${p.seconds.toFixed(1)} s`).join(", ")}\n`);
}

function writeSections(): void {
  const path = join(PROJECT_ROOT, "docs", "performance.md");
  let text = readFileSync(path, "utf8");
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- bench:${name} -->`;
    const end = `<!-- /bench:${name} -->`;
    const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
    text = text.replace(pattern, `${start}\n${body}\n${end}`);
  }
  writeFileSync(path, text);
  process.stderr.write(`Wrote ${Object.keys(sections).join(", ")} to docs/performance.md\n`);
}

try {
  if (run("ingest")) {
    await benchIngest();
    writeSections();
  }
  if (run("site")) {
    await benchSite();
    writeSections();
  }
  if (run("pages")) {
    await benchPages();
    writeSections();
  }
  if (run("server")) {
    await defaultDataset();
    sections.server = await benchServer(env, machine);
    writeSections();
  }
  if (run("start")) {
    await defaultDataset();
    sections.start = await benchStart(env, machine);
    writeSections();
  }
  if (run("slowlink")) {
    await defaultDataset();
    // A build of its own (warm when the site suite ran first): the suite reads whatever files the
    // build makes, however many per page.
    const dist = (await measure(tsx, [cli("build"), "--env", "local"], env)).stdout.trim();
    sections.slowlink = await benchSlowLink(dist, machine);
    writeSections();
  }
  if (run("scale")) {
    sections.scale = await benchScale(env, work, machine);
    writeSections();
  }
  if (run("explore")) {
    await defaultDataset();
    const dist = (await measure(tsx, [cli("build"), "--env", "local"], env)).stdout.trim();
    sections.explore = await benchExplore(dist, machine);
    writeSections();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
