// The one HTTP server of the project, used by `npm start` and `npm run serve`: a built site
// (dist/<env>, or a live snapshot synced from S3) with Framework's clean URLs, files from memory
// with brotli or gzip, year-long caching for content-hashed files and revalidation for pages,
// security headers on every answer (errors included) whose Content-Security-Policy also forbids
// any request leaving the site, /healthz, and the reader-event beacon POST /api/events.
// GET and HEAD read, POST only posts events; any other method is refused with 405.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Hono, type Context } from "hono";
import type { Environment } from "../config/environment.js";
import { logger } from "../logger.js";
import { cacheControl, contentType, isCompressible, isHashed, REVALIDATE } from "./content.js";
import { eventsHandler, type EventsOptions } from "./events.js";
import { createFileCache, type CachedFile, type FileCache } from "./file-cache.js";
import { notFoundLang, notFoundPage } from "./not-found.js";
import { ENCODED_SUFFIXES } from "./precompress.js";
import { createSiteIndex, resolveFile } from "./resolve.js";
import { readSiteInfo } from "./site-info.js";

export { resolveFile };

// 'wasm-unsafe-eval' lets the Explore page (and its DuckDB worker, whose own response carries this
// policy) compile DuckDB-Wasm; it allows WebAssembly compilation only, not eval of JS. It is set for
// the whole site: the worker is a file under _file/, not a page, so a per-page policy would need a
// list of paths kept in step with the build. Workers come from the site (or blob: URLs it makes).
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self' blob:; " +
    "style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; " +
    "base-uri 'self'; form-action 'self'; object-src 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/** What is served right now: a folder, or the reason there is none (an S3 snapshot not synced yet). */
export type SiteState = { dir: string } | { reason: string };

export interface AppOptions {
  /** The folder to serve, or a function naming the current state (a live S3 snapshot moves). */
  site: string | (() => SiteState);
  /** The environment served: a build of another environment is reported unhealthy. */
  env?: Environment;
  /** The reader-event beacon; without it /api/events answers 404. */
  events?: EventsOptions;
  /** Shared by servers of the same files (tests, bench); one per app by default. */
  files?: FileCache;
}

type Encoding = "br" | "gzip";

/** Accept-Encoding values seen, parsed: browsers send a handful of distinct ones. */
const acceptCache = new Map<string, { br: boolean; gzip: boolean }>();

function accepts(header: string): { br: boolean; gzip: boolean } {
  let known = acceptCache.get(header);
  if (known) return known;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  known = { br: ok("br"), gzip: ok("gzip") };
  if (acceptCache.size < 256) acceptCache.set(header, known);
  return known;
}

/** The best encoding the client accepts among those the file has; q=0 refuses one. */
export function pickEncoding(header: string | undefined, file: CachedFile): Encoding | undefined {
  if (!header || (!file.br && !file.gzip)) return undefined;
  const ok = accepts(header);
  if (file.br && ok.br) return "br";
  if (file.gzip && ok.gzip) return "gzip";
  return undefined;
}

/**
 * The file to stream for a file too large to keep in memory: its brotli or gzip sibling written
 * by the build (precompress.ts) when the file is content-hashed and the client accepts that
 * encoding, else the file itself.
 */
export function streamedForm(
  file: string,
  hashed: boolean,
  header: string | undefined,
): { path: string; size: number; encoding?: Encoding } {
  if (hashed && header) {
    const ok = accepts(header);
    for (const encoding of ["br", "gzip"] as const) {
      if (!ok[encoding]) continue;
      const size = statSync(file + ENCODED_SUFFIXES[encoding], { throwIfNoEntry: false })?.size;
      if (size !== undefined) return { path: file + ENCODED_SUFFIXES[encoding], size, encoding };
    }
  }
  return { path: file, size: statSync(file).size };
}

/** Responses that already carry the security headers (built with them, not patched afterwards). */
const secured = new WeakSet<Response>();

/** The headers of one form of one file, built once: a request then only picks them. */
const headerCache = new WeakMap<CachedFile, Map<string, Record<string, string>>>();

function fileHeaders(
  cached: CachedFile,
  file: string,
  status: number,
  cache: string,
  encoding: Encoding | undefined,
) {
  let forms = headerCache.get(cached);
  if (!forms) headerCache.set(cached, (forms = new Map()));
  const key = `${status} ${cache} ${encoding ?? ""}`;
  let headers = forms.get(key);
  if (!headers) {
    headers = {
      ...SECURITY_HEADERS,
      "Content-Type": cached.type,
      "Cache-Control": cache,
      ETag: encoding ? cached.etag.replace(/"$/, `-${encoding}"`) : cached.etag,
      "Content-Length": String((encoding ? cached[encoding]! : cached.body).length),
      ...(isCompressible(file) ? { Vary: "Accept-Encoding" } : {}),
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    };
    forms.set(key, headers);
  }
  return headers;
}

/** The path of a request URL as sent, still percent-encoded: decoded once, by safeSegments. */
function rawPath(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const end = url.search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, Math.max(start, end));
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === "*" || header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** A file's answer, ready to send: the same whether Hono or the fast path (`serveFile`) sends it. */
interface FileAnswer {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  /** Undefined for a 304. */
  body: Buffer | undefined;
}

/** The answer from memory, or undefined for a file too large to keep there (it is streamed). */
function fileAnswer(
  files: FileCache,
  file: string,
  sitePath: string,
  status: 200 | 404,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
): FileAnswer | undefined {
  const hashed = status === 200 && isHashed(sitePath);
  const cache = status === 200 ? cacheControl(sitePath) : REVALIDATE;
  const cached = files.get(file, hashed);
  if (!cached) return undefined;
  const encoding = pickEncoding(acceptEncoding, cached);
  const headers = fileHeaders(cached, file, status, cache, encoding);
  if (status === 200 && etagMatches(ifNoneMatch, headers.ETag)) {
    const { ["Content-Type"]: _type, ["Content-Length"]: _length, ...rest } = headers;
    return { status: 304, headers: rest, body: undefined };
  }
  return { status, headers, body: encoding ? cached[encoding]! : cached.body };
}

function fileResponse(
  c: Context,
  file: string,
  sitePath: string,
  status: 200 | 404,
  files: FileCache,
): Response {
  const answer = fileAnswer(
    files,
    file,
    sitePath,
    status,
    c.req.header("accept-encoding"),
    c.req.header("if-none-match"),
  );
  if (!answer) {
    // Too large to keep in memory: stream it, in a form the build precompressed when there is one.
    const form = streamedForm(file, status === 200 && isHashed(sitePath), c.req.header("accept-encoding"));
    const body = Readable.toWeb(createReadStream(form.path)) as ReadableStream;
    const cache = status === 200 ? cacheControl(sitePath) : REVALIDATE;
    const headers: Record<string, string> = {
      "Content-Type": contentType(file),
      "Cache-Control": cache,
      "Content-Length": String(form.size),
      ...(isCompressible(file) ? { Vary: "Accept-Encoding" } : {}),
      ...(form.encoding ? { "Content-Encoding": form.encoding } : {}),
    };
    return new Response(c.req.method === "HEAD" ? null : body, { status, headers });
  }
  const response = new Response(answer.body as unknown as BodyInit, {
    status: answer.status,
    headers: answer.headers,
  });
  secured.add(response);
  return response;
}

/**
 * The fast path for what most requests are — GET or HEAD of a site file held in memory — answered
 * on Node's own request and response, before Hono builds a Request, a context and a Response
 * (which cost as much as the answer itself: docs/performance.md, "Server"). It sends exactly what
 * Hono would send; anything else (health, events, redirects, 404s, streamed files, other
 * methods, a failure) is left to Hono: then it returns false and has written nothing.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createApp(options: string | AppOptions) {
  return createSite(options).app;
}

/** The Hono app, and the fast path in front of it for `serveSite` (both over the same site). */
export function createSite(options: string | AppOptions): { app: Hono; fastPath: FastPath } {
  const {
    site,
    env,
    events,
    files = createFileCache(),
  } = typeof options === "string" ? { site: options } : options;
  const current: () => SiteState = typeof site === "string" ? () => ({ dir: site }) : site;
  const index = createSiteIndex();
  const app = new Hono();
  // Security headers go on every answer at the very end (see below), not in a middleware: with a
  // single handler per request Hono skips its middleware chain, which is most of its cost.

  app.onError((error, c) => {
    logger.error(`${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.text("Internal server error", 500);
  });

  const notAllowed =
    (allow: string) =>
    (c: Context): Response => {
      c.header("Allow", allow);
      return c.text(`Method not allowed: use ${allow}.`, 405);
    };

  if (events) {
    app.post("/api/events", eventsHandler(events));
    app.get("/api/events", notAllowed("POST"));
  }
  // What no route takes is a method the path does not allow: GET and HEAD are taken everywhere.
  app.notFound((c) => {
    if (c.req.path !== "/api/events") return notAllowed("GET, HEAD")(c);
    return events ? notAllowed("POST")(c) : c.text("Reader events are not collected here.", 404);
  });

  app.get("/healthz", (c) => {
    c.header("Cache-Control", "no-store");
    const state = current();
    if (!("dir" in state)) return c.json({ status: "unavailable", reason: state.reason }, 503);
    const site = readSiteInfo(state.dir);
    if (!site.ok) return c.json({ status: "unavailable", reason: site.reason }, 503);
    if (env && site.info.env !== env) {
      return c.json(
        {
          status: "unavailable",
          reason: `the site was built for "${site.info.env}", this server serves "${env}"`,
        },
        503,
      );
    }
    return c.json({
      status: "ok",
      env: site.info.env,
      datasetId: site.info.datasetId,
      gitCommit: site.info.gitCommit,
      builtAt: site.info.builtAt,
      snapshot: site.snapshotId,
    });
  });

  app.get("*", (c) => {
    const state = current();
    if (!("dir" in state)) {
      c.header("Retry-After", "5");
      c.header("Cache-Control", "no-store");
      return c.text(`The site is not available yet: ${state.reason}.`, 503);
    }
    const resolved = index.resolve(state.dir, rawPath(c.req.url));
    if (resolved.kind === "file") return fileResponse(c, resolved.file, resolved.sitePath, 200, files);
    if (resolved.kind === "redirect") {
      const search = new URL(c.req.url).search;
      c.header("Cache-Control", "public, max-age=3600");
      const location = resolved.location.split("/").map(encodeURIComponent).join("/");
      return c.redirect(location + search, 301);
    }
    // The site's own 404 page for the reader's language when the build has one, else ours.
    const lang = notFoundLang(rawPath(c.req.url));
    for (const sitePath of lang === "en" ? ["/en/404.html", "/404.html"] : [`/${lang}/404.html`]) {
      const page = join(state.dir, sitePath);
      if (existsSync(page)) return fileResponse(c, page, sitePath, 404, files);
    }
    c.header("Cache-Control", REVALIDATE);
    return c.html(notFoundPage(lang), 404);
  });

  const fastPath: FastPath = (req, res) => {
    const { method, url } = req;
    if ((method !== "GET" && method !== "HEAD") || !url?.startsWith("/")) return false;
    const end = url.search(/[?#]/);
    const path = end < 0 ? url : url.slice(0, end);
    if (path === "/healthz" || path.startsWith("/api/")) return false;
    try {
      const state = current();
      if (!("dir" in state)) return false;
      const resolved = index.resolve(state.dir, path);
      if (resolved.kind !== "file") return false;
      const answer = fileAnswer(
        files,
        resolved.file,
        resolved.sitePath,
        200,
        req.headers["accept-encoding"],
        req.headers["if-none-match"],
      );
      if (!answer) return false;
      res.writeHead(answer.status, answer.headers);
      res.end(method === "HEAD" ? undefined : answer.body);
      return true;
    } catch {
      // Hono answers it again, with its error handling (a file gone mid-request: logged, 500).
      return false;
    }
  };

  const dispatch = app.fetch;
  const secure = (res: Response): Response => {
    if (!secured.has(res)) for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
    return res;
  };
  app.fetch = (request, ...rest) => {
    const res = dispatch(request, ...rest);
    return res instanceof Promise ? res.then(secure) : secure(res);
  };
  return { app, fastPath };
}
