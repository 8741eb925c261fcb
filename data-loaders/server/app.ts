// The static server of a built site (dist/<env>): clean URLs as Framework emits them
// (/en/trends → en/trends.html), long caching for content-hashed assets, security headers whose
// Content-Security-Policy also forbids any request leaving the site, and /healthz.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The file that serves a URL path, or undefined. Never escapes `root`. */
export function resolveFile(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  const candidates = path.endsWith("/")
    ? [join(target, "index.html")]
    : [target, `${target}.html`, join(target, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const COMPRESSIBLE = /\.(html|js|css|json|svg|csv|txt)$/;

interface CachedAsset {
  body: Buffer;
  gzip: Buffer | undefined;
}

export function createApp(root: string) {
  const app = new Hono();
  // Content-hashed assets never change, and a page pulls a couple of hundred of them: keep them
  // in memory, gzipped once, instead of opening a file per request.
  const assets = new Map<string, CachedAsset>();
  const cachedAsset = (file: string): CachedAsset => {
    let asset = assets.get(file);
    if (!asset) {
      const body = readFileSync(file);
      asset = { body, gzip: COMPRESSIBLE.test(file) && body.length > 1024 ? gzipSync(body) : undefined };
      assets.set(file, asset);
    }
    return asset;
  };
  app.use(async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  app.get("/healthz", (c) => {
    const path = join(root, "snapshot.json");
    if (!existsSync(path)) return c.json({ status: "error", reason: "no snapshot.json" }, 503);
    const s = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    return c.json({
      status: "ok",
      env: s.env,
      datasetId: s.datasetId,
      gitCommit: s.gitCommit,
      builtAt: s.builtAt,
    });
  });
  app.get("*", (c) => {
    const file = resolveFile(root, c.req.path);
    const notFound = join(root, "404.html");
    const served = file ?? (existsSync(notFound) ? notFound : undefined);
    if (!served) return c.text("Not found", 404);
    const hashed = file !== undefined && /^\/_(file|npm|node|observablehq|import)\//.test(c.req.path);
    const headers: Record<string, string> = {
      "Content-Type": TYPES[extname(served)] ?? "application/octet-stream",
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (hashed) {
      const asset = cachedAsset(served);
      const gzip = asset.gzip && /\bgzip\b/.test(c.req.header("Accept-Encoding") ?? "");
      if (gzip) headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
      return new Response(new Uint8Array(gzip ? asset.gzip! : asset.body), { status: 200, headers });
    }
    const body = Readable.toWeb(createReadStream(served)) as ReadableStream;
    return new Response(body, { status: file ? 200 : 404, headers });
  });
  return app;
}
