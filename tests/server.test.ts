// The one server (npm start and npm run serve): clean URLs and the /en → /en/ redirect, 404s with
// the site's page, no way out of the site's folder in any encoding, no directory listing, brotli
// and gzip, year-long caching only for content-hashed files, revalidation with ETags, security
// headers on every answer, HEAD, 405 for other methods, /healthz for healthy and broken sites.
import { request } from "node:http";
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApp,
  pickEncoding,
  resolveFile,
  SECURITY_HEADERS,
  type SiteState,
} from "../data-loaders/server/app.js";
import { createFileCache } from "../data-loaders/server/file-cache.js";
import { runServer } from "../data-loaders/server/run.js";
import { serveSite, type RunningServer } from "../data-loaders/server/serve.js";
import { loadConfig } from "../data-loaders/config/config.js";
import { BUILD_INFO, closedPort, runCli, startCli, writeSite } from "./helpers/ops.js";
import { generatedCsvs } from "./helpers/site.js";
import { tempDir } from "./helpers/s3.js";

let root: string;
let snapshotId: string;
let app: ReturnType<typeof createApp>;
let server: RunningServer;

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it). */
function raw(
  path: string,
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  root = tempDir("bttk-server-");
  snapshotId = writeSite(root, {
    env: "prod",
    files: { "en/guide/index.html": "<p>guide</p>", "notes.txt": "plain" },
  });
  app = createApp({ site: root, env: "prod" });
  server = await serveSite({ site: root, env: "prod" }, 0);
});

afterAll(async () => {
  await server.close();
});

const expectSecurityHeaders = (headers: Headers) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers.get(name), name).toBe(value);
};

describe("pages and files", () => {
  it("serves Framework's clean URLs with their content types", async () => {
    expect(await (await app.request("/en/")).text()).toContain("<p>en ");
    const trends = await app.request("/en/trends");
    expect(trends.status).toBe(200);
    expect(trends.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await (await app.request("/en/trends.html")).text()).toContain("<p>trend</p>");
    expect((await app.request("/assets/logo.svg")).headers.get("Content-Type")).toBe("image/svg+xml");
    expect((await app.request("/notes.txt")).headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect((await app.request("/_observablehq/client.1a2b3c4d.js")).headers.get("Content-Type")).toBe(
      "text/javascript; charset=utf-8",
    );
  });

  it("redirects a folder asked for without its slash, keeping the query, and a page asked for with one", async () => {
    const en = await app.request("/en?lang=fr");
    expect(en.status).toBe(301);
    expect(en.headers.get("Location")).toBe("/en/?lang=fr");
    const guide = await app.request("/en/guide");
    expect(guide.headers.get("Location")).toBe("/en/guide/");
    const slash = await app.request("/en/trends/");
    expect([slash.status, slash.headers.get("Location")]).toEqual([301, "/en/trends"]);
    expectSecurityHeaders(en.headers);
  });

  it("caches content-hashed files for a year and revalidates pages", async () => {
    for (const path of [
      "/_observablehq/client.1a2b3c4d.js",
      "/_file/data/trends.5e6f7a8b.json",
      "/_npm/d3@7.9.0/dist/d3.min.js",
    ])
      expect((await app.request(path)).headers.get("Cache-Control"), path).toBe(
        "public, max-age=31536000, immutable",
      );
    for (const path of ["/en/trends", "/", "/assets/logo.svg", "/snapshot.json"])
      expect((await app.request(path)).headers.get("Cache-Control"), path).toBe("no-cache");
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const get = await app.request("/en/trends");
    const head = await app.request("/en/trends", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("Content-Length")).toBe(get.headers.get("Content-Length"));
    expect(head.headers.get("ETag")).toBe(get.headers.get("ETag"));
    expect(Number(head.headers.get("Content-Length"))).toBe((await get.text()).length);
  });
});

describe("compression and revalidation", () => {
  const js = "export const client = 1;\n".repeat(400);

  it("sends brotli when accepted, else gzip, else the file as it is", async () => {
    const br = await app.request("/_observablehq/client.1a2b3c4d.js", {
      headers: { "Accept-Encoding": "gzip, deflate, br" },
    });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toBe("Accept-Encoding");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(js);
    const gz = await app.request("/_observablehq/client.1a2b3c4d.js", {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await app.request("/_observablehq/client.1a2b3c4d.js");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(await plain.text()).toBe(js);
    expect(Number(gz.headers.get("Content-Length"))).toBeLessThan(js.length / 10);
  });

  it("honours q=0 and leaves images alone", async () => {
    const res = await app.request("/en/trends", { headers: { "Accept-Encoding": "br;q=0, gzip" } });
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    const svg = await app.request("/assets/logo.svg", { headers: { "Accept-Encoding": "br" } });
    // Too small to gain anything: sent as it is.
    expect(svg.headers.get("Content-Encoding")).toBeNull();
    const file = {
      body: Buffer.from("x"),
      gzip: Buffer.from("g"),
      br: Buffer.from("b"),
      etag: '"e"',
      type: "",
      mtimeMs: 0,
      size: 1,
    };
    expect(pickEncoding("identity", file)).toBeUndefined();
    expect(pickEncoding("*", file)).toBe("br");
    expect(pickEncoding("gzip;q=0, br;q=0", file)).toBeUndefined();
  });

  it("answers 304 to a matching If-None-Match, per encoding", async () => {
    const first = await app.request("/en/trends", { headers: { "Accept-Encoding": "br" } });
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^".+-br"$/);
    const again = await app.request("/en/trends", {
      headers: { "Accept-Encoding": "br", "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expectSecurityHeaders(again.headers);
    const otherEncoding = await app.request("/en/trends", {
      headers: { "Accept-Encoding": "gzip", "If-None-Match": etag },
    });
    expect(otherEncoding.status).toBe(200);
  });

  it("notices a page rewritten in place, and streams files too large to keep", async () => {
    const dir = tempDir("bttk-server-change-");
    writeSite(dir);
    writeFileSync(join(dir, "big.csv"), "a,b\n".repeat(10_000));
    const local = createApp({ site: dir, files: createFileCache({ maxFileBytes: 1_000 }) });
    expect(await (await local.request("/en/")).text()).toContain("<p>en ");
    writeFileSync(join(dir, "en", "index.html"), "<p>rebuilt, and longer than before</p>");
    expect(await (await local.request("/en/")).text()).toBe("<p>rebuilt, and longer than before</p>");
    const big = await local.request("/big.csv", { headers: { "Accept-Encoding": "gzip" } });
    expect(big.headers.get("Content-Encoding")).toBeNull();
    expect((await big.text()).length).toBe(40_000);
  });

  it("precompresses a whole folder ahead of readers", async () => {
    const files = createFileCache();
    await files.warm(root);
    const cached = files.get(join(root, "_npm", "d3@7.9.0", "dist", "d3.min.js"), true)!;
    expect(cached.br!.length).toBeLessThan(cached.gzip!.length);
    expect(files.bytes).toBeGreaterThan(0);
    files.drop(root);
    expect(files.bytes).toBe(0);
  });
});

describe("what is refused", () => {
  it("answers 404 with the site's own 404 page, security headers included", async () => {
    const res = await app.request("/en/nowhere");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("<p>lost</p>");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expectSecurityHeaders(res.headers);
  });

  it("falls back to a 404 page in the site's colours when the build has none", async () => {
    const dir = tempDir("bttk-server-no404-");
    writeSite(dir);
    rmSync(join(dir, "404.html"));
    const res = await createApp(dir).request("/missing");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Back to the Kitchen");
    expect(html).toContain("#ff8c00");
    expect(html).toContain('href="/fr/"');
    expectSecurityHeaders(res.headers);
  });

  it("answers in French under /fr/ and in English elsewhere, self-contained, when the build has no 404 page", async () => {
    const dir = tempDir("bttk-server-404-lang-");
    writeSite(dir);
    rmSync(join(dir, "404.html"));
    const bare = createApp(dir);
    const page = async (path: string) => {
      const res = await bare.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
      expect(res.headers.get("Cache-Control"), path).toBe("no-cache");
      expectSecurityHeaders(res.headers);
      return res.text();
    };
    for (const path of ["/fr/nowhere", "/fr/trends/deeper/still", "/fr/nowhere.html?x=1"]) {
      const html = await page(path);
      expect(html, path).toContain('<html lang="fr">');
      expect(html, path).toContain("<title>Page introuvable | Back to the Kitchen</title>");
      expect(html, path).toContain("Cette page n’existe pas");
      expect(html, path).toContain('<a href="/fr/">Aller à l’aperçu</a>');
      expect(html, path).toContain('<a href="/en/" lang="en" hreflang="en">English</a>');
    }
    for (const path of ["/en/nowhere", "/nowhere", "/france", "/frites/x"]) {
      const html = await page(path);
      expect(html, path).toContain('<html lang="en">');
      expect(html, path).toContain("This page does not exist");
      expect(html, path).toContain('<a href="/en/">Go to the overview</a>');
      expect(html, path).not.toContain("n’existe pas");
    }
    // Nothing to fetch: no script, no stylesheet or font file, no URL leaving the site.
    const html = await page("/fr/nowhere");
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:|\/\/[a-z]/i);
  });

  it("serves the build's own 404 page of the reader's language, never an English one under /fr/", async () => {
    const dir = tempDir("bttk-server-404-own-");
    writeSite(dir, { files: { "fr/404.html": "<!doctype html><title>Introuvable</title><p>perdu</p>" } });
    const own = createApp(dir);
    const fr = await own.request("/fr/nowhere");
    expect(fr.status).toBe(404);
    expect(await fr.text()).toContain("<p>perdu</p>");
    const en = await own.request("/en/nowhere");
    expect(await en.text()).toContain("<p>lost</p>");
    // Only the English 404.html: French readers get our French page, not it.
    rmSync(join(dir, "fr", "404.html"));
    const fallback = await createApp(dir).request("/fr/nowhere");
    expect(fallback.status).toBe(404);
    const text = await fallback.text();
    expect(text).not.toContain("<p>lost</p>");
    expect(text).toContain("Cette page n’existe pas");
  });

  it.each([
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/en/..%5c..%5c..%5cetc%5cpasswd",
    "/en/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%c0%ae%c0%ae/etc/passwd",
    "/snapshot.json%00.html",
    "/.env",
    "/en/.hidden",
  ])("never leaves the site's folder nor shows dot-files: %s", async (path) => {
    const res = await raw(path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain("root:");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps resolveFile inside the root for decoded and encoded escapes", () => {
    expect(resolveFile(root, "/../../etc/passwd")).toBeUndefined();
    expect(resolveFile(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(resolveFile(root, "/%E0%A4%A")).toBeUndefined();
    expect(resolveFile(root, "/en/trends")).toBe(join(root, "en", "trends.html"));
  });

  it("never lists a folder", async () => {
    for (const path of ["/_npm/", "/_file/data/", "/assets/"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("d3@7.9.0");
    }
  });

  it.each(["PUT", "DELETE", "PATCH", "OPTIONS", "POST"])(
    "refuses %s on pages with 405 and the methods allowed",
    async (method) => {
      const res = await app.request("/en/trends", { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("GET, HEAD");
      expectSecurityHeaders(res.headers);
    },
  );

  it("refuses methods other than POST on the event beacon", async () => {
    const events = createApp({
      site: root,
      events: { write: () => undefined, maxBytes: 4096, perMinute: 60, trustProxy: false },
    });
    const res = await events.request("/api/events");
    expect([res.status, res.headers.get("Allow")]).toEqual([405, "POST"]);
    expect((await app.request("/api/events", { method: "POST" })).status).toBe(404);
  });

  it("answers an internal error with 500, security headers and no stack trace", async () => {
    const broken = createApp({
      site: () => {
        throw new Error("disk on fire at /secret/path");
      },
    });
    const res = await broken.request("/en/");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Internal server error");
    expectSecurityHeaders(res.headers);
  });
});

describe("/healthz", () => {
  it("reports the environment, dataset, commit, build time and snapshot id of the site served", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({
      status: "ok",
      env: "prod",
      datasetId: BUILD_INFO.datasetId,
      gitCommit: BUILD_INFO.gitCommit,
      builtAt: "2026-03-12T11:02:41.512Z",
      snapshot: snapshotId,
    });
    expect(snapshotId).toMatch(/^20260312-110241-[0-9a-f]{10}$/);
  });

  it.each([
    ["missing", null, "the site has no snapshot.json: it was not built by `npm run build`"],
    ["not JSON", "{ not json", "snapshot.json is not valid JSON"],
    [
      "malformed",
      JSON.stringify({ env: "prod", datasetId: "x" }),
      "snapshot.json is malformed at manifestSha256",
    ],
  ])("answers 503 with a reason when snapshot.json is %s", async (_, content, reason) => {
    const dir = tempDir("bttk-health-");
    mkdirSync(dir, { recursive: true });
    if (content !== null) writeFileSync(join(dir, "snapshot.json"), content);
    const res = await createApp(dir).request("/healthz");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; reason: string };
    expect(body).toEqual({ status: "unavailable", reason });
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d/);
  });

  it("answers 503 when the site is another environment's, or not there yet", async () => {
    const res = await createApp({ site: root, env: "preprod" }).request("/healthz");
    expect(res.status).toBe(503);
    expect(((await res.json()) as { reason: string }).reason).toBe(
      'the site was built for "prod", this server serves "preprod"',
    );
    let state: SiteState = { reason: "the live snapshot is being fetched" };
    const pending = createApp({ site: () => state });
    expect((await pending.request("/healthz")).status).toBe(503);
    const page = await pending.request("/en/");
    expect([page.status, page.headers.get("Retry-After")]).toEqual([503, "5"]);
    state = { dir: root };
    expect((await pending.request("/healthz")).status).toBe(200);
  });

  it("is served over HTTP by serveSite", async () => {
    const res = await fetch(new URL("healthz", server.url));
    expect(((await res.json()) as { snapshot: string }).snapshot).toBe(snapshotId);
  });
});

describe("the fast path for files in memory (serveSite)", () => {
  /** One request on the wire, its body as bytes. */
  const wire = (path: string, method: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    });
  // What Node adds to every answer of its own, whichever path wrote it.
  const TRANSPORT = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

  it.each([
    ["a hashed asset, brotli", "/_observablehq/client.1a2b3c4d.js", "GET", { "accept-encoding": "br, gzip" }],
    ["a hashed asset, gzip only", "/_npm/d3@7.9.0/dist/d3.min.js", "GET", { "accept-encoding": "gzip" }],
    ["a hashed asset, no compression", "/_file/data/trends.5e6f7a8b.json", "GET", {}],
    ["a page by its clean URL", "/en/trends", "GET", { "accept-encoding": "br" }],
    ["a page with a query", "/en/trends?from=2001", "GET", { "accept-encoding": "gzip" }],
    ["a folder's index", "/en/", "GET", {}],
    ["a small file, never compressed", "/assets/logo.svg", "GET", { "accept-encoding": "br" }],
    ["HEAD of a page", "/en/trends", "HEAD", { "accept-encoding": "br" }],
    ["a redirect (left to Hono)", "/en?x=1", "GET", {}],
    ["a 404 (left to Hono)", "/fr/nowhere", "GET", {}],
    ["a traversal (left to Hono)", "/%2e%2e/etc/passwd", "GET", {}],
    ["health (left to Hono)", "/healthz", "GET", {}],
  ])("answers %s exactly as the app does", async (_, path, method, headers) => {
    const fast = await wire(path, method, headers);
    const hono = await app.request(path, { method, headers });
    expect(fast.status).toBe(hono.status);
    // Content-Length is compared with the body itself: Node adds it on the wire to Hono's text answers.
    const headersOf = (entries: [string, unknown][]) =>
      Object.fromEntries(entries.filter(([k]) => !TRANSPORT.has(k) && k !== "content-length"));
    expect(headersOf(Object.entries(fast.headers))).toEqual(headersOf([...hono.headers]));
    // Bodies compared decoded: the two caches may hold a file compressed at different levels
    // (quickly on first use, at the highest level once the thread pool is done).
    const decode = (body: Buffer, encoding: unknown) =>
      encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body;
    if (method === "HEAD") expect(fast.body.length).toBe(0);
    else {
      const body = decode(Buffer.from(await hono.arrayBuffer()), hono.headers.get("content-encoding"));
      if (fast.status === 200) expect(Number(fast.headers["content-length"])).toBe(fast.body.length);
      if (path !== "/healthz")
        expect(decode(fast.body, fast.headers["content-encoding"]).equals(body)).toBe(true);
    }
  });

  it("answers 304 to a matching If-None-Match, with the ETag and without a body", async () => {
    const first = await wire("/en/trends", "GET", { "accept-encoding": "br" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/-br"$/);
    const again = await wire("/en/trends", "GET", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.length).toBe(0);
    expect(again.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("runServer, the server of npm start and npm run serve", () => {
  it("serves the site with the environment's event log, and closes both", async () => {
    const logs = tempDir("bttk-run-logs-");
    const base = loadConfig({ env: "prod" });
    const config = { ...base, log: { ...base.log, dir: logs } };
    const running = await runServer(config, { site: root, port: 0, host: "127.0.0.1" });
    try {
      const health = (await (await fetch(new URL("healthz", running.url))).json()) as { env: string };
      expect(health.env).toBe("prod");
      const posted = await fetch(new URL("api/events", running.url), {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ type: "page_view", page: "/en/", lang: "en", tab: "0123456789abcdef" }),
      });
      expect(posted.status).toBe(204);
    } finally {
      await running.close();
    }
    // Closed: the line is on disk, and the port answers no more.
    const line = JSON.parse(readFileSync(join(logs, "prod_user_interactions.log"), "utf8").trim()) as {
      env: string;
      page: string;
    };
    expect([line.env, line.page]).toEqual(["prod", "/en/"]);
    await expect(fetch(new URL("healthz", running.url))).rejects.toThrow();
  });

  it("says which port is taken, and what to do", async () => {
    const base = loadConfig({ env: "prod" });
    const config = { ...base, log: { ...base.log, dir: tempDir("bttk-run-busy-") } };
    await expect(runServer(config, { site: root, port: server.port, host: "127.0.0.1" })).rejects.toThrow(
      `Cannot listen on 127.0.0.1:${server.port} (EADDRINUSE).`,
    );
  });
});

describe("npm start", () => {
  it("stops after the build with --no-serve, then serves an unchanged build without building it, nor loading the build or DuckDB", async () => {
    const work = tempDir("bttk-start-");
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_ENV: "local",
      CACHE_DIR: join(work, "cache"),
      LOCAL_S3_DIR: join(work, "s3"),
      LOG_DIR: join(work, "logs"),
      DIST_DIR: join(work, "dist"),
      NO_COLOR: "1",
    };
    /** Ingest a generated dataset; its id. */
    const ingest = async (seed: number) => {
      const csvs = await generatedCsvs(0.02, seed);
      const run = runCli("ingest", ["--recipes", csvs.recipes, "--interactions", csvs.interactions], env);
      expect(run.code, run.stderr).toBe(0);
      return /datasets\/([^/]+)\//.exec(run.stderr)![1];
    };
    const firstDataset = await ingest(5);

    const first = runCli("start", ["--no-serve"], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('Building "local"');
    expect(first.stdout).toBe(`${join(work, "dist", "local")}\n`);

    const second = runCli("start", ["--no-serve"], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Nothing changed since the last build of "local"');
    expect(second.stderr).not.toContain("Building");

    const served = await startCli("start", [], { ...env, PORT: String(await closedPort()) });
    try {
      expect(served.stderr()).toContain("Nothing changed since the last build");
      expect(served.stderr()).toContain("serving it, then checking its dataset is still current");
      const health = (await (await fetch(new URL("healthz", served.url))).json()) as {
        status: string;
        env: string;
      };
      expect([health.status, health.env]).toEqual(["ok", "local"]);
      // Serving an unchanged build loads neither the ingest nor the build: DuckDB's native
      // library, which both pull in, is not mapped into the process (Linux's view of it).
      const mapped = readFileSync(`/proc/${served.child.pid}/maps`, "utf8");
      expect(mapped).toMatch(/\/node\b/);
      expect(mapped).not.toMatch(/duckdb/i);
    } finally {
      expect(await served.stop()).toBe(0);
    }

    // Another dataset is something that changed: a start serves the last build at once, finds the
    // new dataset when it checks, builds again, and the server moves to the new build.
    const secondDataset = await ingest(11);
    const moved = await startCli("start", [], { ...env, PORT: String(await closedPort()) });
    try {
      const healthz = async () =>
        ((await (await fetch(new URL("healthz", moved.url))).json()) as { datasetId: string }).datasetId;
      expect(await healthz()).toBe(firstDataset);
      for (let waited = 0; !moved.stderr().includes("Serving the new build"); waited += 250) {
        if (waited > 300_000) throw new Error(`no new build after 300 s:\n${moved.stderr()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(moved.stderr()).toContain('The dataset of "local" changed since the last build');
      expect(moved.stderr()).toContain('Building "local"');
      expect(await healthz()).toBe(secondDataset);
    } finally {
      expect(await moved.stop()).toBe(0);
    }
    // The new build was recorded: the next start serves it without building.
    const fourth = runCli("start", ["--no-serve"], env);
    expect(fourth.code).toBe(0);
    expect(fourth.stderr).toContain('Nothing changed since the last build of "local"');
    // Two builds of the whole site (its pages grow) and two ingests: past the default timeout on a
    // busy machine, where builds of the same project also wait for each other (site/lock.ts).
  }, 600_000);
});

describe("a site rebuilt while served", () => {
  it("serves the new release's files as soon as the folder switches", async () => {
    const base = tempDir("bttk-server-switch-");
    const releaseA = join(base, "a");
    const releaseB = join(base, "b");
    writeSite(releaseA, { builtAt: "2026-11-01T10:00:00.000Z" });
    writeSite(releaseB, {
      builtAt: "2026-11-02T10:00:00.000Z",
      files: { "_file/data/new.0badc0de.json": "{}" },
    });
    const link = join(base, "local");
    symlinkSync("a", link);
    const local = createApp(link);
    expect((await local.request("/_file/data/new.0badc0de.json")).status).toBe(404);
    // What a build does: a new release, then the symlink replaced in one rename.
    symlinkSync("b", `${link}.next`);
    renameSync(`${link}.next`, link);
    expect((await local.request("/_file/data/new.0badc0de.json")).status).toBe(200);
    expect(await (await local.request("/en/")).text()).toContain("2026-11-02");
  });
});
