// The reader-event log end to end: the schema and the per-client rate, POST /api/events on a real
// server (204 and one JSON line; 400/403/413/415/429 and nothing written), daily/size rotation
// into gzipped files, the analysts' report over all of them, and the browser client in Chromium —
// page views and year ranges arrive, nothing after opting out or under Do Not Track.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventLog, rotatedName, type EventLog } from "../data-loaders/events/log.js";
import { createRateLimiter } from "../data-loaders/events/rate-limit.js";
import { eventLogFiles, formatReport, parseSince, reportEvents } from "../data-loaders/events/report.js";
import { readerEventSchema } from "../data-loaders/events/schema.js";
import { serveSite, type RunningServer } from "../data-loaders/server/serve.js";
import { PROJECT_ROOT } from "../data-loaders/config/config.js";
import { launchBrowser } from "./helpers/browser.js";
import { eventually, runCli, writeSite } from "./helpers/ops.js";
import { tempDir } from "./helpers/s3.js";

const TAB = "0123456789abcdef";
const view = (page = "/en/trends") => ({ type: "page_view", page, lang: "en", tab: TAB });

describe("event schema", () => {
  it.each([
    view(),
    { type: "year_range", page: "/en/trends", lang: "en", tab: TAB, from: 2001, to: 2010 },
    { type: "language", page: "/fr/", lang: "fr", tab: TAB, from: "en", to: "fr" },
    { type: "download", page: "/en/trends", lang: "en", tab: TAB, file: "trends-volume-2001-2010.csv" },
    { type: "deep_link", page: "/en/trends", lang: "en", tab: TAB, target: "#volume" },
    { type: "filter", page: "/en/trends", lang: "en", tab: TAB, name: "structural-tags", value: true },
    { type: "filter", page: "/fr/trends", lang: "fr", tab: TAB, name: "metric", value: "median_minutes" },
  ])("accepts a $type event", (event) => {
    expect(readerEventSchema.safeParse(event).success).toBe(true);
  });

  it.each([
    ["an unknown field (no personal detail slips in)", { ...view(), email: "a@b.c" }],
    ["an unknown type", { ...view(), type: "scroll" }],
    ["a tab id that is not random hex", { ...view(), tab: "user-42" }],
    ["a page with a query", { ...view("/en/trends?user=42") }],
    [
      "a year out of range",
      { type: "year_range", page: "/en/trends", lang: "en", tab: TAB, from: 1066, to: 2010 },
    ],
    [
      "a range ending before it starts",
      { type: "year_range", page: "/en/trends", lang: "en", tab: TAB, from: 2010, to: 2001 },
    ],
    [
      "a file name with a path",
      { type: "download", page: "/en/", lang: "en", tab: TAB, file: "../../etc/passwd" },
    ],
    [
      "a filter value that is free text (a label, something typed)",
      { type: "filter", page: "/en/trends", lang: "en", tab: TAB, name: "search", value: "my address" },
    ],
    [
      "a filter value that is neither a token nor true/false",
      { type: "filter", page: "/en/trends", lang: "en", tab: TAB, name: "years", value: [2001, 2010] },
    ],
    [
      "a filter name that is not lowercase words and dashes",
      { type: "filter", page: "/en/trends", lang: "en", tab: TAB, name: "Structural tags", value: true },
    ],
    [
      "a filter without its value",
      { type: "filter", page: "/en/trends", lang: "en", tab: TAB, name: "structural-tags" },
    ],
  ])("refuses %s", (_, event) => {
    expect(readerEventSchema.safeParse(event).success).toBe(false);
  });
});

describe("rate limit", () => {
  it("lets a client post its minute's worth at once, then one more per refill", () => {
    const limiter = createRateLimiter({ perMinute: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t0).allowed)).toEqual([true, true, true]);
    expect(limiter.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take("b", t0).allowed).toBe(true);
    expect(limiter.take("a", t0 + 20_000).allowed).toBe(true);
    expect(limiter.take("a", t0 + 20_000).allowed).toBe(false);
  });

  it("forgets the least recently seen client past its capacity", () => {
    const limiter = createRateLimiter({ perMinute: 1, maxClients: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.clients).toBe(2);
    // "a" was forgotten: it starts with a full bucket again.
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("c", 0).allowed).toBe(false);
  });
});

describe("POST /api/events", () => {
  let logDir: string;
  let log: EventLog;
  let server: RunningServer;
  let proxied: RunningServer;
  const lines = () =>
    existsSync(join(logDir, "prod_user_interactions.log"))
      ? readFileSync(join(logDir, "prod_user_interactions.log"), "utf8").split("\n").filter(Boolean)
      : [];
  const post = (body: BodyInit, headers: Record<string, string> = {}, to = server) =>
    fetch(new URL("api/events", to.url), {
      method: "POST",
      body,
      headers: { "content-type": "text/plain", ...headers },
    });

  beforeAll(async () => {
    const site = tempDir("bttk-events-site-");
    writeSite(site, { env: "prod" });
    logDir = tempDir("bttk-events-logs-");
    log = openEventLog({ dir: logDir, env: "prod", maxSize: "10M", maxFiles: 3 });
    const write = (e: Parameters<EventLog["write"]>[0]) => void log.write(e);
    server = await serveSite(
      { site, env: "prod", events: { write, maxBytes: 512, perMinute: 20, trustProxy: false } },
      0,
    );
    proxied = await serveSite(
      { site, env: "prod", events: { write, maxBytes: 512, perMinute: 1, trustProxy: true } },
      0,
    );
  });

  afterAll(async () => {
    await server.close();
    await proxied.close();
    await log.close();
  });

  it("appends an accepted event as one JSON line stamped with time and environment, and answers 204", async () => {
    const res = await post(JSON.stringify(view()), { origin: new URL(server.url).origin });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await eventually(async () => lines().length === 1);
    const line = JSON.parse(lines()[0]) as Record<string, unknown>;
    expect(line).toEqual({ ...view(), env: "prod", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const json = await post(JSON.stringify({ ...view("/fr/"), lang: "fr" }), {
      "content-type": "application/json; charset=utf-8",
    });
    expect(json.status).toBe(204);
    await eventually(async () => lines().length === 2);
  });

  it.each([
    ["not JSON", "{type:", {}, 400, "The body is not JSON."],
    [
      "an unknown field",
      JSON.stringify({ ...view(), ip: "1.2.3.4" }),
      {},
      400,
      'Not a reader event (the event: Unrecognized key: "ip").',
    ],
    [
      "a form",
      "type=page_view",
      { "content-type": "application/x-www-form-urlencoded" },
      415,
      "Send the event as application/json or text/plain.",
    ],
    [
      "from another site",
      JSON.stringify(view()),
      { origin: "https://evil.example" },
      403,
      "Events are accepted from this site's pages only.",
    ],
    [
      "too large, by its length",
      JSON.stringify({ ...view(), pad: "x".repeat(600) }),
      {},
      413,
      "An event is at most 512 bytes.",
    ],
  ])("refuses an event %s and writes nothing", async (_, body, headers, status, error) => {
    const before = lines().length;
    const res = await post(body as string, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    await new Promise((r) => setTimeout(r, 50));
    expect(lines().length).toBe(before);
  });

  it("refuses a body that grows past the limit without announcing its length", async () => {
    const before = lines().length;
    const chunks = [JSON.stringify(view()).slice(0, -1), `,"pad":"${"x".repeat(1000)}"}`];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    const res = await fetch(new URL("api/events", server.url), {
      method: "POST",
      body: stream,
      headers: { "content-type": "text/plain" },
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(lines().length).toBe(before);
  });

  it("answers 429 with Retry-After once a client used its minute, and writes nothing more", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await post(JSON.stringify(view("/en/data")))).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const refused = await post(JSON.stringify(view("/en/data")));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 50));
    const written = lines().filter((l) => l.includes('"/en/data"')).length;
    expect(written).toBe(statuses.filter((s) => s === 204).length);
  });

  it("behind a trusted proxy, rates each client by the address the proxy saw", async () => {
    const asClient = (ip: string) =>
      post(JSON.stringify(view("/en/proxied")), { "x-forwarded-for": `9.9.9.9, ${ip}` }, proxied);
    expect((await asClient("10.0.0.1")).status).toBe(204);
    expect((await asClient("10.0.0.1")).status).toBe(429);
    expect((await asClient("10.0.0.2")).status).toBe(204);
  });
});

describe("rotation and report", () => {
  it("rotates past the size limit into gzipped files that the report still reads", async () => {
    const dir = tempDir("bttk-events-rotate-");
    const log = openEventLog({ dir, env: "preprod", maxSize: "1K", maxFiles: 10 });
    const rotated = new Promise<void>((done) => log.stream.once("rotated", () => done()));
    for (let i = 0; i < 30; i++)
      log.write({ type: "page_view", page: `/en/p${i % 3}`, lang: "en", tab: TAB });
    await rotated;
    await log.close();
    const files = eventLogFiles(dir, "preprod");
    expect(files.some((f) => f.endsWith(".log.gz"))).toBe(true);
    expect(files.at(-1)).toBe(join(dir, "preprod_user_interactions.log"));
    const report = reportEvents(dir, "preprod");
    expect(report.events).toBe(30);
    expect(report.pageViews).toEqual([
      { key: "/en/p0", count: 10, tabs: 1 },
      { key: "/en/p1", count: 10, tabs: 1 },
      { key: "/en/p2", count: 10, tabs: 1 },
    ]);
    expect(rotatedName("preprod", new Date(2026, 10, 24, 9, 5), 2)).toBe(
      "preprod_user_interactions.20261124-0905-2.log.gz",
    );
  });

  it("summarises views, tabs, year ranges, filters, languages, downloads and deep links, since a date", () => {
    const dir = tempDir("bttk-events-report-");
    const e = (time: string, rest: Record<string, unknown>) =>
      JSON.stringify({ time, env: "prod", lang: "en", tab: TAB, ...rest });
    const old = [e("2026-10-01T10:00:00.000Z", { type: "page_view", page: "/en/" })];
    const recent = [
      e("2026-11-20T10:00:00.000Z", { type: "page_view", page: "/en/trends" }),
      e("2026-11-20T10:01:00.000Z", { type: "page_view", page: "/en/trends", tab: "fedcba9876543210" }),
      e("2026-11-20T10:02:00.000Z", { type: "page_view", page: "/en/" }),
      e("2026-11-20T10:03:00.000Z", { type: "year_range", page: "/en/trends", from: 2001, to: 2010 }),
      e("2026-11-20T10:04:00.000Z", { type: "year_range", page: "/en/trends", from: 2001, to: 2010 }),
      e("2026-11-20T10:05:00.000Z", { type: "year_range", page: "/en/trends", from: 1999, to: 2018 }),
      e("2026-11-20T10:06:00.000Z", { type: "language", page: "/en/trends", from: "en", to: "fr" }),
      e("2026-11-20T10:07:00.000Z", {
        type: "download",
        page: "/en/trends",
        file: "trends-volume-2001-2010.csv",
      }),
      e("2026-11-20T10:08:00.000Z", { type: "deep_link", page: "/en/trends", target: "#volume" }),
      e("2026-11-20T10:09:00.000Z", {
        type: "filter",
        page: "/en/trends",
        name: "structural-tags",
        value: true,
      }),
      e("2026-11-20T10:10:00.000Z", {
        type: "filter",
        page: "/fr/trends",
        name: "structural-tags",
        value: true,
      }),
      e("2026-11-20T10:11:00.000Z", {
        type: "filter",
        page: "/en/trends",
        name: "structural-tags",
        value: false,
      }),
      "{ a line cut by a crash",
      // Parses, but is no event the server would write: skipped, not counted as "undefined = undefined".
      e("2026-11-20T10:12:00.000Z", { type: "filter", page: "/en/trends" }),
    ];
    writeFileSync(
      join(dir, "prod_user_interactions.20261101-0000-1.log.gz"),
      gzipSync(old.join("\n") + "\n"),
    );
    writeFileSync(join(dir, "prod_user_interactions.log"), recent.join("\n") + "\n");
    const all = reportEvents(dir, "prod");
    expect([all.files, all.events, all.skipped]).toEqual([2, 13, 2]);
    const report = reportEvents(dir, "prod", { since: new Date("2026-11-01T00:00:00Z") });
    expect(report.events).toBe(12);
    expect([report.first, report.last]).toEqual(["2026-11-20T10:00:00.000Z", "2026-11-20T10:11:00.000Z"]);
    expect(report.pageViews).toEqual([
      { key: "/en/trends", count: 2, tabs: 2 },
      { key: "/en/", count: 1, tabs: 1 },
    ]);
    expect(report.yearRanges).toEqual([
      { key: "2001–2010", count: 2 },
      { key: "1999–2018", count: 1 },
    ]);
    expect(report.languages).toEqual([{ key: "en → fr", count: 1 }]);
    expect(report.downloads).toEqual([{ key: "trends-volume-2001-2010.csv", count: 1 }]);
    expect(report.deepLinks).toEqual([{ key: "/en/trends#volume", count: 1 }]);
    expect(report.filters).toEqual([
      { key: "structural-tags = true", count: 2 },
      { key: "structural-tags = false", count: 1 },
    ]);
    expect(report.byType).toEqual({
      page_view: 3,
      year_range: 3,
      language: 1,
      download: 1,
      deep_link: 1,
      filter: 3,
    });
    const text = formatReport(report);
    expect(text).toContain('Reader events of "prod": 12 event(s) in 2 file(s)');
    expect(text).toMatch(/\/en\/trends\s+2\s+2/);
    expect(text).toMatch(/2001–2010\s+2/);
    expect(text).toMatch(
      /Filters set \(name = value\)\n\s+structural-tags = true\s+2\n\s+structural-tags = false\s+1/,
    );

    const cli = runCli("events-report", ["--env", "prod", "--dir", dir, "--since", "2026-11-01", "--json"], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_DIR: tempDir("bttk-events-cli-logs-"),
      NO_COLOR: "1",
    });
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as { events: number }).events).toBe(12);
  });

  it("reads --since as a date or a span back from now", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(parseSince("7d", now).toISOString()).toBe("2026-11-17T12:00:00.000Z");
    expect(parseSince("24h", now).toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(parseSince("2026-11-01", now).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(() => parseSince("last week", now)).toThrow("--since=last week is neither a date nor a span.");
  });
});

describe("browser client (Chromium)", () => {
  let browser: Browser;
  let server: RunningServer;
  let logDir: string;
  let log: EventLog;
  const logged = () =>
    existsSync(join(logDir, "local_user_interactions.log"))
      ? readFileSync(join(logDir, "local_user_interactions.log"), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [];

  beforeAll(async () => {
    const site = tempDir("bttk-events-browser-");
    writeSite(site);
    // The client as Framework would ship it: src/components/events.ts bundled for the browser.
    await build({
      entryPoints: [join(PROJECT_ROOT, "src", "components", "events.ts")],
      bundle: true,
      format: "esm",
      outfile: join(site, "_import", "components", "events.abcd1234.js"),
      logLevel: "silent",
    });
    writeFileSync(
      join(site, "en", "trends.html"),
      `<!doctype html><html lang="en"><title>Trends | Back to the Kitchen</title>
<a data-bttk-language="fr" href="#fr">Français</a>
<footer id="footer"></footer>
<script type="module">
import * as events from "/_import/components/events.abcd1234.js";
document.getElementById("footer").innerHTML = events.optOutToggleHtml({ label: "Share anonymous usage", refused: "Not shared: your browser asks not to be tracked" });
events.initEvents();
window.bttk = events;
</script></html>`,
    );
    logDir = tempDir("bttk-events-browser-logs-");
    log = openEventLog({ dir: logDir, env: "local", maxSize: "10M", maxFiles: 3 });
    server = await serveSite(
      {
        site,
        env: "local",
        events: { write: (e) => void log.write(e), maxBytes: 4096, perMinute: 60, trustProxy: false },
      },
      0,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await log?.close();
  });

  it("sends the page view, a debounced year range and filter, and a language switch, with one random id per tab; none after opting out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL("en/trends?from=2001#volume", server.url).href);
    const viewEvent = await eventually(async () => logged().find((e) => e.type === "page_view"));
    expect(viewEvent).toMatchObject({ type: "page_view", page: "/en/trends", lang: "en", env: "local" });
    expect(viewEvent.tab).toMatch(/^[0-9a-f]{16}$/);
    // Dragging across years: only the last range is sent.
    await page.evaluate(() => {
      const w = window as unknown as { bttk: { trackEvent(e: object): boolean } };
      for (let to = 2005; to <= 2010; to++) w.bttk.trackEvent({ type: "year_range", from: 2001, to });
    });
    const range = await eventually(async () => logged().find((e) => e.type === "year_range"));
    expect(range).toMatchObject({ from: 2001, to: 2010, tab: viewEvent.tab });
    await new Promise((r) => setTimeout(r, 1200));
    expect(logged().filter((e) => e.type === "year_range")).toHaveLength(1);
    // A toggle flicked on, off and on again: one filter event, with where it ended.
    await page.evaluate(() => {
      const w = window as unknown as { bttk: { trackEvent(e: object): boolean } };
      for (const value of [true, false, true])
        w.bttk.trackEvent({ type: "filter", name: "structural-tags", value });
    });
    const filter = await eventually(async () => logged().find((e) => e.type === "filter"));
    expect(filter).toMatchObject({
      name: "structural-tags",
      value: true,
      page: "/en/trends",
      tab: viewEvent.tab,
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect(logged().filter((e) => e.type === "filter")).toHaveLength(1);
    const cookies = await context.cookies();
    expect(cookies).toEqual([]);
    // The language switch (a link marked with the language it leads to).
    await page.getByText("Français").click();
    expect(await eventually(async () => logged().find((e) => e.type === "language"))).toMatchObject({
      from: "en",
      to: "fr",
    });

    // Opting out with the footer toggle: remembered across pages, nothing more is sent.
    await page.getByLabel("Share anonymous usage").uncheck();
    const count = logged().length;
    await page.reload();
    expect(await page.getByLabel("Share anonymous usage").isChecked()).toBe(false);
    const sent = await page.evaluate(() =>
      (window as unknown as { bttk: { trackEvent(e: object): boolean } }).bttk.trackEvent({
        type: "download",
        file: "x.csv",
      }),
    );
    expect(sent).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(logged().length).toBe(count);

    // Opting back in sends again; a new tab has another id.
    await page.getByLabel("Share anonymous usage").check();
    const other = await context.newPage();
    await other.goto(new URL("en/trends", server.url).href);
    const views = await eventually(async () => {
      const v = logged().filter((e) => e.type === "page_view");
      return v.length >= 2 && v;
    });
    expect(new Set(views.map((v) => v.tab)).size).toBe(2);
    await context.close();
  });

  it("sends the page view once the page is idle, or when the reader leaves before that", async () => {
    const context = await browser.newContext();
    // A page that never goes idle (its idle callbacks never run) and never waits long enough.
    await context.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    const page = await context.newPage();
    const before = logged().filter((e) => e.type === "page_view").length;
    await page.goto(new URL("en/trends?leaving", server.url).href);
    await new Promise((r) => setTimeout(r, 500));
    expect(logged().filter((e) => e.type === "page_view")).toHaveLength(before);
    // Leaving the page (pagehide) sends it, once.
    await page.goto("about:blank");
    await eventually(async () => logged().filter((e) => e.type === "page_view").length > before);
    await new Promise((r) => setTimeout(r, 300));
    expect(logged().filter((e) => e.type === "page_view")).toHaveLength(before + 1);
    await context.close();
  });

  it("sends nothing when the browser asks not to be tracked, and says so at the toggle", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" }),
    );
    const page = await context.newPage();
    const count = logged().length;
    await page.goto(new URL("en/trends", server.url).href);
    await page.waitForFunction(() => (window as unknown as { bttk?: object }).bttk !== undefined);
    const toggle = page.locator("input[data-bttk-events-toggle]");
    expect(await toggle.isDisabled()).toBe(true);
    expect(await page.locator(".bttk-events-toggle span").textContent()).toBe(
      "Not shared: your browser asks not to be tracked",
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(logged().length).toBe(count);
    await context.close();
  });
});
