// A quick look at what a change of the year range costs on a page, for work on redraw speed (not
// part of `npm run bench`, which measures the redraw in tests/bench/slow-link.ts):
//
//   npx tsx tests/bench/redraw-profile.ts [--dist dist/local] [--runs 5] [--top 15] [--lang en] trends ratings …
//
// For each page: the wall time from the input event to the last DOM change (as the slowlink suite
// stamps them), and the main thread's CPU time over the redraw from Chromium's own counters
// (Performance.getMetrics: tasks, script, layout, style), which a loaded machine inflates much less
// than wall time; then the functions with the most self time in a CPU profile of the redraws.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { CDPSession, Page } from "playwright-core";
import { serveSite } from "../../data-loaders/server/serve.js";
import type { Lang } from "../../src/lib/i18n/index.js";
import { pagePath, type PageId } from "../../src/lib/pages.js";
import { launchBrowser } from "../helpers/browser.js";
import { median } from "./bench-math.js";
import { RECORDER } from "./slow-link.js";

const { values, positionals } = parseArgs({
  options: {
    dist: { type: "string", default: "dist/local" },
    runs: { type: "string", default: "5" },
    top: { type: "string", default: "15" },
    lang: { type: "string", default: "en" },
  },
  allowPositionals: true,
});
const RUNS = Number(values.runs);
const QUIET_MS = 300;

// The slowlink suite's stamps (RECORDER): the last DOM change outside <head>, and the input event's time.

const PROBE = `(() => {
  const s = window.__bttkBench;
  const charts = [...document.querySelectorAll("main svg[class^='plot']:not([class$='-ramp'])")];
  const marks = "[aria-label] path, [aria-label] rect, [aria-label] circle, [aria-label] line";
  return {
    now: performance.now(), last: s.last, input: s.input, where: s.where,
    busy: !!document.querySelector(".observablehq--running, .observablehq--loading"),
    charts: charts.length, drawn: charts.filter((svg) => svg.querySelector(marks)).length,
  };
})()`;

interface Probe {
  now: number;
  last: number;
  input: number;
  where: string;
  busy: boolean;
  charts: number;
  drawn: number;
}

async function quiet(page: Page, afterInput: boolean): Promise<Probe> {
  for (;;) {
    const p = await page.evaluate<Probe>(PROBE);
    const ready =
      !p.busy &&
      p.charts > 0 &&
      p.drawn === p.charts &&
      p.now - p.last >= QUIET_MS &&
      (!afterInput || (p.input >= 0 && p.last > p.input));
    if (ready) return p;
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

const METRICS = ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration"] as const;
type Metrics = Record<(typeof METRICS)[number], number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const byName = new Map(metrics.map((m) => [m.name, m.value]));
  return Object.fromEntries(METRICS.map((k) => [k, (byName.get(k) ?? 0) * 1000])) as Metrics;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

async function profilePage(url: string, id: PageId): Promise<void> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.goto(url);
    await quiet(page, false);
    const select = `[data-testid$="-range-from"] select`;
    const years = (await page.locator(`${select} option`).allTextContents()).map(Number);
    const start = Number(await page.locator(`${select} option:checked`).textContent());
    const later = years[Math.min(years.indexOf(start) + 3, years.length - 1)];
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    const rows: { wall: number; where: string; m: Metrics }[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const year of [later, start]) {
        await page.evaluate("window.__bttkBench.input = -1");
        const before = await metrics(cdp);
        await page.locator(select).selectOption({ label: String(year) });
        const p = await quiet(page, true);
        const after = await metrics(cdp);
        const m = Object.fromEntries(METRICS.map((k) => [k, after[k] - before[k]])) as Metrics;
        rows.push({ wall: p.last - p.input, where: p.where, m });
      }
    const { profile } = await cdp.send("Profiler.stop");
    const med = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f)).toFixed(0);
    process.stdout.write(
      `${id} (${url}), ${start} ↔ ${later}, ${rows.length} redraws, load ${loadavg()[0].toFixed(1)}: ` +
        `wall ${med((r) => r.wall)} ms (last change in ${rows.at(-1)?.where}); CPU medians: tasks ${med((r) => r.m.TaskDuration)} ms, ` +
        `script ${med((r) => r.m.ScriptDuration)} ms, layout ${med((r) => r.m.LayoutDuration)} ms, style ${med((r) => r.m.RecalcStyleDuration)} ms\n` +
        `  wall: ${rows.map((r) => r.wall.toFixed(0)).join(" ")}\n`,
    );
    // Self time by function (the quiet windows are idle, so they fall into "(idle)").
    const nodes = profile.nodes as ProfileNode[];
    const dt = new Map<number, number>();
    profile.samples?.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
    const self = new Map<string, number>();
    for (const n of nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
    }
    const busy = [...self].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)"));
    const total = busy.reduce((s, [, v]) => s + v, 0);
    process.stdout.write(
      `  profile: ${(total / rows.length).toFixed(0)} ms of samples per redraw (all redraws, self time):\n`,
    );
    for (const [k, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
      process.stdout.write(`    ${(v / rows.length).toFixed(1).padStart(7)} ms  ${k}\n`);
    // Total time by function (self and callees, each sample counted once per function on its stack).
    const parent = new Map<number, number>();
    for (const n of nodes)
      for (const c of (n as ProfileNode & { children?: number[] }).children ?? []) parent.set(c, n.id);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const keyOf = (n: ProfileNode) =>
      `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    const total2 = new Map<string, number>();
    for (const [id, ms] of dt) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const key = keyOf(byId.get(at)!);
        if (seen.has(key)) continue;
        seen.add(key);
        total2.set(key, (total2.get(key) ?? 0) + ms / 1000);
      }
    }
    process.stdout.write(`  total time by function (self and callees):\n`);
    for (const [k, v] of [...total2]
      .filter(([k]) => !/^\((root|idle|program)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(values.top) * 2))
      process.stdout.write(`    ${(v / rows.length).toFixed(1).padStart(7)} ms  ${k}\n`);
  } finally {
    await browser.close();
  }
}

const server = await serveSite(
  { site: values.dist, events: { write: () => {}, maxBytes: 8192, perMinute: 1_000_000, trustProxy: false } },
  0,
);
try {
  for (const id of positionals as PageId[]) {
    await profilePage(new URL(pagePath(id, values.lang as Lang).slice(1), server.url).href, id);
  }
} finally {
  await server.close();
}
