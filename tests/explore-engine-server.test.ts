// What the Explore engine needs from the build and the server: large compressible files (the
// DuckDB wasm, the extracts) precompressed once by the build and cached by content, then sent in
// those forms — from memory, or streamed when too large to keep — with their content types, and a
// Content-Security-Policy that lets the page and its worker compile WebAssembly from the site only.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createApp, SECURITY_HEADERS } from "../data-loaders/server/app.js";
import { contentType, isCompressible } from "../data-loaders/server/content.js";
import { createFileCache } from "../data-loaders/server/file-cache.js";
import { PRECOMPRESS_MIN_BYTES, precompressSite } from "../data-loaders/server/precompress.js";
import { serveSite } from "../data-loaders/server/serve.js";
import { writeSite } from "./helpers/ops.js";
import { tempDir } from "./helpers/s3.js";

/** Compressible but not trivially: rows of an Arrow-like table of small numbers. */
function tableBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = 7;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = i % 4 === 0 ? (x >> 16) & 0x0f : 0;
  }
  return bytes;
}

const EXTRACT = "_file/explore/engine/interactions.0a1b2c3d.duckdb";
const WASM = "_file/explore/engine/duckdb-eh.4e5f6a7b.wasm";

function builtSite() {
  const dir = tempDir("bttk-explore-site-");
  const extract = tableBytes(PRECOMPRESS_MIN_BYTES + 123_457);
  writeSite(dir, {
    files: {
      [EXTRACT]: extract,
      [WASM]: tableBytes(PRECOMPRESS_MIN_BYTES * 2),
      "_file/explore/engine/rejects.9a8b7c6d.duckdb": tableBytes(10_000),
      "_file/photo.1a2b3c4d.png": tableBytes(PRECOMPRESS_MIN_BYTES + 1),
    },
  });
  return { dir, extract };
}

describe("precompressed files", () => {
  it("are written by the build beside large compressible files only, and cached by content", async () => {
    const { dir, extract } = builtSite();
    const cache = tempDir("bttk-precompressed-");
    const first = await precompressSite(dir, cache);
    expect(first.files).toBe(2);
    expect(first.brotliBytes).toBeLessThan(first.bytes / 3);
    expect(brotliDecompressSync(readFileSync(join(dir, `${EXTRACT}.br`)))).toEqual(extract);
    expect(gunzipSync(readFileSync(join(dir, `${EXTRACT}.gz`)))).toEqual(extract);
    // Small files and images are left to the server (or alone).
    expect(() => statSync(join(dir, "_file/explore/engine/rejects.9a8b7c6d.duckdb.br"))).toThrow();
    expect(() => statSync(join(dir, "_file/photo.1a2b3c4d.png.br"))).toThrow();
    // Another build of the same files takes the cached forms: nothing compressed again.
    const cached = join(
      cache,
      `${(await import("node:crypto")).createHash("sha256").update(extract).digest("hex")}.br`,
    );
    const before = statSync(cached);
    const { dir: again } = builtSite();
    const second = await precompressSite(again, cache);
    expect(second.files).toBe(2);
    // The same file (a rewrite renames a new one into place), touched: data:gc keeps forms in use.
    expect(statSync(cached).ino).toBe(before.ino);
    expect(statSync(cached).mtimeMs).toBeGreaterThanOrEqual(before.mtimeMs);
    expect(readFileSync(join(again, `${EXTRACT}.br`))).toEqual(readFileSync(join(dir, `${EXTRACT}.br`)));
  });

  it("are served as the build wrote them, from memory or streamed, and the file itself without Accept-Encoding", async () => {
    const { dir, extract } = builtSite();
    await precompressSite(dir, tempDir("bttk-precompressed-"));
    const br = readFileSync(join(dir, `${EXTRACT}.br`));
    const gz = readFileSync(join(dir, `${EXTRACT}.gz`));
    for (const maxFileBytes of [64 * 2 ** 20, 1_000]) {
      // 64 MiB: kept in memory; 1,000 bytes: streamed from disk.
      const app = createApp({ site: dir, files: createFileCache({ maxFileBytes }) });
      const asBr = await app.request(`/${EXTRACT}`, { headers: { "Accept-Encoding": "gzip, br" } });
      expect(asBr.status).toBe(200);
      expect(asBr.headers.get("Content-Type")).toBe("application/vnd.duckdb.database");
      expect(asBr.headers.get("Content-Encoding")).toBe("br");
      expect(asBr.headers.get("Vary")).toBe("Accept-Encoding");
      expect(asBr.headers.get("Cache-Control")).toContain("immutable");
      expect(Number(asBr.headers.get("Content-Length"))).toBe(br.length);
      expect(Buffer.from(await asBr.arrayBuffer())).toEqual(br);
      const asGz = await app.request(`/${EXTRACT}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(asGz.headers.get("Content-Encoding")).toBe("gzip");
      expect(Buffer.from(await asGz.arrayBuffer())).toEqual(gz);
      const plain = await app.request(`/${EXTRACT}`);
      expect(plain.headers.get("Content-Encoding")).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer())).toEqual(extract);
      const wasm = await app.request(`/${WASM}`, { headers: { "Accept-Encoding": "br" } });
      expect(wasm.headers.get("Content-Type")).toBe("application/wasm");
      expect(wasm.headers.get("Content-Encoding")).toBe("br");
      expect(wasm.headers.get("Content-Security-Policy")).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
    }
  });

  it("are taken as they are when the server warms the site, and not served as files of their own", async () => {
    const { dir } = builtSite();
    await precompressSite(dir, tempDir("bttk-precompressed-"));
    const files = createFileCache({ maxFileBytes: 64 * 2 ** 20 });
    const warmed = await files.warm(dir);
    // The siblings are forms of their file, not files to load and compress again.
    const all = (await import("./helpers/site.js")).listFiles(dir);
    expect(warmed.files).toBe(all.filter((f) => !/\.(br|gz)$/.test(f)).length);
    const cached = files.get(join(dir, EXTRACT), true)!;
    expect(cached.br).toEqual(readFileSync(join(dir, `${EXTRACT}.br`)));
    expect(cached.gzip).toEqual(readFileSync(join(dir, `${EXTRACT}.gz`)));
  });

  it("are ignored for a file whose name is not content-hashed (it may change in place)", async () => {
    const dir = tempDir("bttk-explore-site-");
    writeSite(dir);
    writeFileSync(join(dir, "notes.txt"), "first ".repeat(1000));
    writeFileSync(join(dir, "notes.txt.gz"), "not the notes");
    const res = await createApp(dir).request("/notes.txt", { headers: { "Accept-Encoding": "gzip" } });
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe("first ".repeat(1000));
  });
});

describe("content types and policy for Explore", () => {
  it("names DuckDB database files and wasm, and lets pages and workers compile wasm from the site only", async () => {
    expect(contentType("recipes.0a1b2c3d.duckdb")).toBe("application/vnd.duckdb.database");
    expect(isCompressible("recipes.0a1b2c3d.duckdb")).toBe(true);
    expect(contentType("duckdb-eh.wasm")).toBe("application/wasm");
    const csp = SECURITY_HEADERS["Content-Security-Policy"];
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name)
        ?.slice(1);
    expect(directive("script-src")).toEqual(["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    expect(directive("worker-src")).toEqual(["'self'", "blob:"]);
    expect(directive("connect-src")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:|'unsafe-eval'/);
    // Over HTTP too, on every answer.
    const dir = tempDir("bttk-explore-site-");
    writeSite(dir);
    const server = await serveSite(dir, 0);
    try {
      const res = await fetch(`${server.url}/en/`);
      expect(res.headers.get("content-security-policy")).toBe(csp);
    } finally {
      await server.close();
    }
  });
});
