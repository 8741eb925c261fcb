// The static server of a built site: clean URLs, 404s, no escape from the root, caching and
// compression of content-hashed assets, security headers, /healthz.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, resolveFile } from "../data-loaders/server/app.js";
import { tempDir } from "./helpers/s3.js";

let root: string;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  root = tempDir("bttk-server-");
  mkdirSync(join(root, "en"), { recursive: true });
  mkdirSync(join(root, "_node", "d3@7"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<p>root</p>");
  writeFileSync(join(root, "en", "index.html"), "<p>en</p>");
  writeFileSync(join(root, "en", "trends.html"), "<p>trends</p>");
  writeFileSync(join(root, "404.html"), "<p>lost</p>");
  writeFileSync(join(root, "_node", "d3@7", "index.abc.js"), "export const x = 1;\n".repeat(200));
  writeFileSync(
    join(root, "snapshot.json"),
    JSON.stringify({ env: "prod", datasetId: "ds-9", gitCommit: "abc", builtAt: "t" }),
  );
  app = createApp(root);
});

describe("static server", () => {
  it("serves Framework's clean URLs", async () => {
    expect(await (await app.request("/")).text()).toBe("<p>root</p>");
    expect(await (await app.request("/en/")).text()).toBe("<p>en</p>");
    expect(await (await app.request("/en/trends")).text()).toBe("<p>trends</p>");
    const res = await app.request("/en/trends");
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
  });

  it("answers 404 with the site's 404 page, and never leaves the root", async () => {
    const res = await app.request("/en/nowhere");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("<p>lost</p>");
    expect(resolveFile(root, "/../../etc/passwd")).toBeUndefined();
    expect(resolveFile(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
  });

  it("caches content-hashed assets for a year and gzips them for clients that accept it", async () => {
    const res = await app.request("/_node/d3@7/index.abc.js", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    const body = Buffer.from(await res.arrayBuffer());
    expect(gunzipSync(body).toString()).toBe("export const x = 1;\n".repeat(200));
    const plain = await app.request("/_node/d3@7/index.abc.js");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect((await plain.text()).length).toBe(20 * 200);
  });

  it("sends security headers whose policy keeps every request on the site", async () => {
    const res = await app.request("/en/");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(res.headers.get("Content-Security-Policy")).toContain("connect-src 'self'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("reports health from snapshot.json", async () => {
    const res = await app.request("/healthz");
    expect(await res.json()).toEqual({
      status: "ok",
      env: "prod",
      datasetId: "ds-9",
      gitCommit: "abc",
      builtAt: "t",
    });
  });
});
