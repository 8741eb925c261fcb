// The Explore engine in real Chromium, on a real built site served by the project's server with
// the network cut: DuckDB-Wasm from the site's own files, the extracts loaded on first use, the
// same answers as @duckdb/node-api over the snapshot's Parquet for aggregates over every table, an
// SQL error (and a statement needing an extension the package lacks) that leaves it usable, a
// runaway cross join stopped by the time limit with the next statement working, and not one
// request leaving the site; the wasm and the extracts sent as the build precompressed them. The
// built Explore page has none of the engine's files in its first load.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { runServer } from "../data-loaders/server/run.js";
import type { RunningServer } from "../data-loaders/server/serve.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import type { QueryResult } from "../src/lib/explore/engine.js";
import { addCell, emptyNotebook } from "../src/lib/explore/notebook.js";
import { notebookHash } from "../src/lib/explore/share.js";
import { EXPLORE_TABLES } from "../src/lib/explore/tables.js";
import { launchBrowser } from "./helpers/browser.js";
import { HARNESS_PATH, writeExploreHarness } from "./helpers/explore-harness.js";
import { buildTestSites, type TestSites } from "./helpers/site.js";

let sites: TestSites;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let session: Session;
const outside: string[] = [];
const errors: string[] = [];
const responses: { url: string; encoding: string | undefined; type: string | undefined }[] = [];

/** A context whose requests may only reach the site: anything else is aborted, and recorded. */
async function cutOffContext(): Promise<BrowserContext> {
  const origin = new URL(server.url).origin;
  const c = await browser.newContext();
  await c.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    outside.push(url);
    return route.abort("internetdisconnected");
  });
  return c;
}

beforeAll(async () => {
  sites = await buildTestSites([{ env: "local", scale: 0.05, seed: 3 }]);
  const site = sites.builds.get("local")!.outDir;
  await writeExploreHarness(site);
  server = await runServer(sites.config("local"), { site, port: 0, host: "127.0.0.1" });
  session = await openSession(await syncEnvironmentSnapshot(sites.config("local"), sites.s3.store));
  browser = await launchBrowser();
  context = await cutOffContext();
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) =>
    responses.push({
      url: r.url(),
      encoding: r.headers()["content-encoding"],
      type: r.headers()["content-type"],
    }),
  );
  await page.goto(new URL(HARNESS_PATH, server.url).href);
  await page.waitForFunction(() => "explore" in window);
  await page.evaluate(async () => {
    const w = window as unknown as { explore: { openEngine(): Promise<unknown> }; engine: unknown };
    w.engine = await w.explore.openEngine();
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  session?.close();
  await sites?.stop();
});

type Outcome =
  { ok: true; result: QueryResult; progress: unknown[] } | { ok: false; kind: string; message: string };

/** Run a statement in the page's engine; errors come back as their kind and message. */
function run(sql: string, options: { timeoutMs?: number; maxRows?: number; abortAfterMs?: number } = {}) {
  return page.evaluate(
    async ({ sql, options }) => {
      const engine = (window as unknown as { engine: import("../src/lib/explore/engine.js").Engine }).engine;
      const progress: unknown[] = [];
      const controller = new AbortController();
      if (options.abortAfterMs !== undefined) setTimeout(() => controller.abort(), options.abortAfterMs);
      try {
        const result = await engine.query(sql, {
          timeoutMs: options.timeoutMs,
          maxRows: options.maxRows,
          signal: controller.signal,
          onProgress: (p) => progress.push(p),
        });
        return { ok: true, result, progress };
      } catch (error) {
        const e = error as { kind?: string; message: string };
        return { ok: false, kind: e.kind ?? "?", message: e.message };
      }
    },
    { sql, options },
  ) as Promise<Outcome>;
}

async function rows(sql: string, options = {}) {
  const outcome = await run(sql, options);
  if (!outcome.ok) throw new Error(`${outcome.kind}: ${outcome.message}`);
  return outcome.result;
}

const generation = () =>
  page.evaluate(() => (window as unknown as { engine: { generation: number } }).engine.generation);

// Aggregates over every table, written so both engines give exactly comparable values.
const AGGREGATES = [
  `SELECT count(*) AS n, sum(minutes) AS minutes, round(avg(calories), 6) AS calories,
     min(submitted) AS first, max(submitted) AS last, count(DISTINCT contributor_id) AS contributors,
     sum(CASE WHEN is_weekend THEN 1 ELSE 0 END) AS weekend FROM recipes`,
  `SELECT count(*) AS n, sum(rating) AS ratings, count(DISTINCT user_id) AS users, max(user_id) AS top_user,
     sum(CASE WHEN before_recipe THEN 1 ELSE 0 END) AS early FROM interactions`,
  `SELECT season, recipe_status, count(*) AS n, round(avg(rating), 6) AS rating
     FROM interactions GROUP BY ALL ORDER BY ALL`,
  `SELECT recipes.year AS year, count(*) AS n, sum(rating) AS ratings
     FROM interactions JOIN recipes ON recipes.id = interactions.recipe_id
     GROUP BY recipes.year ORDER BY recipes.year`,
  `SELECT count(*) AS n, count(DISTINCT ingredient) AS ingredients, max(position) AS longest FROM recipe_ingredients`,
  `SELECT tag, count(*) AS n FROM recipe_tags GROUP BY tag ORDER BY n DESC, tag LIMIT 15`,
  `SELECT "table", rule, count(*) AS n FROM rejects GROUP BY ALL ORDER BY ALL`,
];

describe("the engine in Chromium, offline", () => {
  it.each(AGGREGATES.map((sql) => [sql.split("FROM")[1].trim().split(/\s/)[0], sql] as const))(
    "gives @duckdb/node-api's answer over %s",
    async (_, sql) => {
      const got = await rows(sql);
      const want = await session.query(sql);
      expect(want.length).toBeGreaterThan(0);
      expect(got.rowCount).toBe(want.length);
      expect(got.rows).toEqual(want);
    },
    120_000,
  );

  it("loads each base table on first use with progress, with the contract's columns and types", async () => {
    const outcome = await run("SELECT * FROM recipe_tags", { maxRows: 5 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // Loaded by an earlier statement: no progress now.
    expect(outcome.progress).toEqual([]);
    expect(outcome.result.rows).toHaveLength(5);
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipe_tags");
    expect(outcome.result.rowCount).toBe(n);
    for (const table of EXPLORE_TABLES) {
      const result = await rows(`SELECT * FROM ${table.name} LIMIT 1`);
      // Dictionary-encoded strings come back as VARCHAR, dates as DATE.
      expect(result.columns).toEqual(table.columns);
    }
    const [first] = (await rows("SELECT * FROM recipes ORDER BY id LIMIT 1")).rows;
    const [want] = await session.query(`SELECT ${EXPLORE_TABLES[0].columns.map((c) => c.name).join(", ")}
      FROM recipes ORDER BY id LIMIT 1`);
    expect(first).toEqual(want);
    expect(first.submitted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("reports loading progress up to the extract's size", async () => {
    // A fresh engine in the same page: its tables are not loaded yet.
    const events = await page.evaluate(async () => {
      const w = window as unknown as {
        explore: { openEngine(): Promise<import("../src/lib/explore/engine.js").Engine> };
      };
      const engine = await w.explore.openEngine();
      const progress: import("../src/lib/explore/engine.js").LoadProgress[] = [];
      await engine.query("SELECT count(*) FROM rejects", { onProgress: (p) => progress.push(p) });
      await engine.close();
      return progress;
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.table === "rejects")).toBe(true);
    const last = events.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.loadedBytes).toBe(last.totalBytes);
    expect(last.totalBytes).toBeGreaterThan(0);
  });

  it("stays usable after an SQL error, and after a statement that would need an extension", async () => {
    const bad = await run("SELECT no_such_column FROM recipes");
    expect(bad).toMatchObject({ ok: false, kind: "sql" });
    expect(!bad.ok && bad.message).toMatch(/no_such_column/);
    const parquet = await run("SELECT * FROM read_parquet('recipes.parquet')");
    expect(parquet).toMatchObject({ ok: false, kind: "sql" });
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipes");
    expect((await rows("SELECT count(*) AS n FROM recipes")).rows).toEqual([{ n }]);
  });

  it("stops a runaway cross join of interactions × recipes at the time limit, and runs the next statement", async () => {
    await rows("CREATE OR REPLACE TABLE mine AS SELECT 42 AS answer");
    const before = await generation();
    const started = Date.now();
    // interactions × recipes on this small test dataset is half a billion pairs, which a quiet machine
    // counts within the second: crossed once more with recipes it cannot finish. The condition is a
    // hash, so DuckDB can neither turn it into a join nor prove it empty from column statistics.
    const runaway = await run(
      "SELECT count(*) FROM interactions, recipes, recipes AS again " +
        "WHERE hash(interactions.user_id, recipes.id, again.id) = 0",
      { timeoutMs: 1_000 },
    );
    expect(runaway).toMatchObject({ ok: false, kind: "timeout" });
    // Cancelled in the worker, or the worker replaced after the grace period: never the tab frozen.
    expect(Date.now() - started).toBeLessThan(30_000);
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM interactions");
    expect((await rows("SELECT count(*) AS n FROM interactions")).rows).toEqual([{ n }]);
    const after = await generation();
    // A restart loses the reader's own tables, and says so by its generation.
    const mine = await run("SELECT answer FROM mine");
    if (after === before) expect(mine).toMatchObject({ ok: true, result: { rows: [{ answer: 42 }] } });
    else expect(mine).toMatchObject({ ok: false, kind: "sql" });
  });

  it("stops a statement when the reader cancels it", async () => {
    const cancelled = await run(
      "SELECT count(*) FROM interactions a, interactions b WHERE a.rating + b.rating = 99",
      {
        abortAfterMs: 300,
      },
    );
    expect(cancelled).toMatchObject({ ok: false, kind: "cancelled" });
    expect((await rows("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("exports a whole result as CSV and lists tables and views for completion", async () => {
    const csv = await page.evaluate(async () => {
      const engine = (window as unknown as { engine: import("../src/lib/explore/engine.js").Engine }).engine;
      const blob = await engine.csv(
        "SELECT season, count(*) AS n FROM interactions GROUP BY season ORDER BY season;",
      );
      return { type: blob.type, text: await blob.text() };
    });
    const want = await session.query<{ season: string; n: number }>(
      "SELECT season, count(*) AS n FROM interactions GROUP BY season ORDER BY season",
    );
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.trim().split("\n")).toEqual(["season,n", ...want.map((r) => `${r.season},${r.n}`)]);
    await rows("CREATE OR REPLACE VIEW weekend_recipes AS SELECT id, name FROM recipes WHERE is_weekend");
    const schema = await page.evaluate(() =>
      (window as unknown as { engine: import("../src/lib/explore/engine.js").Engine }).engine.schema(),
    );
    expect(schema.slice(0, EXPLORE_TABLES.length).map((t) => t.name)).toEqual(
      EXPLORE_TABLES.map((t) => t.name),
    );
    expect(schema.find((t) => t.name === "recipes")!.columns.map((c) => c.name)).toEqual(
      EXPLORE_TABLES[0].columns.map((c) => c.name),
    );
    expect(schema.find((t) => t.name === "weekend_recipes")?.columns).toEqual([
      { name: "id", type: "INTEGER" },
      { name: "name", type: "VARCHAR" },
    ]);
    // Each base table once: the database its extract is attached as is not listed.
    expect(schema.filter((t) => t.name === "recipes")).toHaveLength(1);
    expect(schema.filter((t) => t.name.startsWith("extract_"))).toEqual([]);
    // A base table's view dropped by the reader comes back with the next statement naming it,
    // read from the file already attached: no second download.
    const downloads = () => responses.filter((r) => /\/recipes\.[0-9a-f]{8}\.duckdb$/.test(r.url)).length;
    const before = downloads();
    await rows("DROP VIEW recipes");
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipes");
    expect((await rows("SELECT count(*) AS n FROM recipes")).rows).toEqual([{ n }]);
    expect(downloads()).toBe(before);
  });

  it("downloads the tables a notebook names while DuckDB starts, once, and the first run uses those bytes", async () => {
    // A new page: a fresh engine module, nothing downloaded or inserted yet.
    const p = await context.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(new URL(HARNESS_PATH, server.url).href);
    await p.waitForFunction(() => "explore" in window);
    const seen = await p.evaluate(async () => {
      const w = window as unknown as {
        explore: {
          prefetchTables(statements: string[]): void;
          openEngine(): Promise<import("../src/lib/explore/engine.js").Engine>;
        };
      };
      const extracts = () =>
        performance
          .getEntriesByType("resource")
          .filter((e) => /\/recipe_tags\.[0-9a-f]{8}\.duckdb$/.test(e.name)) as PerformanceResourceTiming[];
      w.explore.prefetchTables(["SELECT tag FROM recipe_tags -- not interactions", "SELECT 1"]);
      const engine = await w.explore.openEngine();
      const ready = performance.now();
      const progress: import("../src/lib/explore/engine.js").LoadProgress[] = [];
      const result = await engine.query("SELECT count(*) AS n FROM recipe_tags", {
        onProgress: (x) => progress.push(x),
      });
      // Named again once inserted: nothing more is downloaded.
      w.explore.prefetchTables(["SELECT * FROM recipe_tags"]);
      await engine.query("SELECT count(*) FROM recipe_tags");
      await engine.close();
      const all = performance.getEntriesByType("resource").map((e) => e.name);
      return {
        starts: extracts().map((e) => e.startTime),
        ready,
        n: result.rows[0].n,
        last: progress.at(-1),
        otherExtracts: all.filter((u) => u.endsWith(".duckdb") && !/recipe_tags/.test(u)),
      };
    });
    await p.close();
    expect(seen.starts).toHaveLength(1);
    // Asked for before DuckDB-Wasm was ready, not after.
    expect(seen.starts[0]).toBeLessThan(seen.ready);
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipe_tags");
    expect(seen.n).toBe(n);
    expect(seen.last).toMatchObject({ table: "recipe_tags", done: true });
    // A table named only in a comment is not downloaded.
    expect(seen.otherExtracts).toEqual([]);
  }, 120_000);

  it("says which table could not be loaded when its file is corrupt or the server fails, stays usable, and downloads it again on the next use", async () => {
    const p = await context.newPage();
    p.on("pageerror", (e) => errors.push(e.message));
    // The first answer for recipe_ingredients is not a database (a proxy's error page, a cut
    // download), the second a server error, the third the real file.
    let answers = 0;
    await p.route(/\/recipe_ingredients\.[0-9a-f]{8}\.duckdb$/, (route) => {
      answers++;
      if (answers === 1)
        return route.fulfill({
          status: 200,
          contentType: "application/octet-stream",
          body: Buffer.alloc(300_000, 0x42),
        });
      if (answers === 2) return route.fulfill({ status: 503, body: "busy" });
      return route.continue();
    });
    await p.goto(new URL(HARNESS_PATH, server.url).href);
    await p.waitForFunction(() => "explore" in window);
    const outcomes = await p.evaluate(async () => {
      const w = window as unknown as {
        explore: { openEngine(): Promise<import("../src/lib/explore/engine.js").Engine> };
      };
      const engine = await w.explore.openEngine();
      const attempt = async (sql: string) => {
        try {
          return { ok: true, rows: (await engine.query(sql)).rows };
        } catch (error) {
          const e = error as { kind?: string; message: string };
          return { ok: false, kind: e.kind, message: e.message };
        }
      };
      const count = "SELECT count(*) AS n FROM recipe_ingredients";
      const result = [await attempt(count), await attempt("SELECT 42 AS n"), await attempt(count)];
      result.push(await attempt(count));
      await engine.close();
      return result;
    });
    await p.close();
    const [{ n }] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipe_ingredients");
    expect(outcomes[0]).toMatchObject({ ok: false, kind: "load" });
    expect(outcomes[0].message).toMatch(/^The table recipe_ingredients could not be loaded: /);
    expect(outcomes[1]).toEqual({ ok: true, rows: [{ n: 42 }] });
    expect(outcomes[2]).toMatchObject({ ok: false, kind: "load" });
    expect(outcomes[2].message).toMatch(/recipe_ingredients could not be loaded: .*503/);
    expect(outcomes[3]).toEqual({ ok: true, rows: [{ n }] });
    expect(answers).toBe(3);
  }, 120_000);

  it("fetched DuckDB's wasm and the extracts from the site, brotli-compressed as the build wrote them", () => {
    // One per worker started: the first engine, the fresh one of the progress test, any restart.
    const wasm = responses.filter((r) => /\/duckdb-eh\.[0-9a-f]{8}\.wasm$/.test(r.url));
    expect(wasm.length).toBeGreaterThanOrEqual(2);
    for (const r of wasm) expect(r).toMatchObject({ encoding: "br", type: "application/wasm" });
    const worker = responses.filter((r) => /\/duckdb-browser-eh\.worker\.[0-9a-f]{8}\.js$/.test(r.url));
    expect(worker.length).toBeGreaterThanOrEqual(1);
    const extract = responses.find((r) => /\/interactions\.[0-9a-f]{8}\.duckdb$/.test(r.url));
    expect(extract).toMatchObject({ encoding: "br", type: "application/vnd.duckdb.database" });
  });

  it("never asked for anything outside the site, and threw nothing", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("the built Explore page", () => {
  it("has none of the engine's files in its first load: no preload, no extract fetched when it opens", async () => {
    const html = readFileSync(join(sites.builds.get("local")!.outDir, "en", "explore.html"), "utf8");
    const preloads = [...html.matchAll(/<link rel="(?:preload|modulepreload)"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(preloads.filter((href) => /explore\/engine|\.duckdb|\.wasm/.test(href))).toEqual([]);
    const c = await cutOffContext();
    const p = await c.newPage();
    const requested: string[] = [];
    p.on("request", (r) => requested.push(r.url()));
    await p.goto(new URL("en/explore", server.url).href, { waitUntil: "networkidle" });
    expect(requested.filter((url) => url.endsWith(".duckdb"))).toEqual([]);
    expect(outside).toEqual([]);
    await c.close();
  }, 120_000);

  it("opened from a link, downloads the tables its cells name before the first run, and only those, once", async () => {
    const { notebook } = addCell(emptyNotebook(), {
      name: "tags",
      sql: "SELECT tag, count(*) AS n FROM recipe_tags GROUP BY tag",
    });
    const c = await cutOffContext();
    const p = await c.newPage();
    const requested: string[] = [];
    p.on("request", (r) => requested.push(r.url()));
    await p.goto(new URL(`en/explore${await notebookHash(notebook)}`, server.url).href);
    const extracts = () => requested.filter((url) => url.endsWith(".duckdb"));
    // Nothing clicked yet: the cell's table is on its way while DuckDB starts.
    await expect.poll(extracts, { timeout: 60_000 }).toHaveLength(1);
    expect(extracts()[0]).toMatch(/\/recipe_tags\.[0-9a-f]{8}\.duckdb$/);
    await p.locator('section.explore-cell[data-cell-name="tags"] button[data-action="run"]').click();
    const status = p.locator('section.explore-cell[data-cell-name="tags"] .explore-cell__status');
    await expect.poll(() => status.getAttribute("data-kind"), { timeout: 120_000 }).toBe("done");
    const [{ n }] = await session.query<{ n: number }>("SELECT count(DISTINCT tag) AS n FROM recipe_tags");
    expect(await status.innerText()).toContain(`${n.toLocaleString("en-US")} rows`);
    expect(extracts()).toHaveLength(1);
    expect(outside).toEqual([]);
    await c.close();
  }, 180_000);
});
