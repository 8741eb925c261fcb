// What a site file is served as: its content type, whether its name carries a content hash (then
// it never changes and is cached for a year), and whether it is worth compressing. One place, so
// the server and the deploy (which records the same metadata on every uploaded object) agree.
import { extname } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".duckdb": "application/vnd.duckdb.database",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip",
};

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Framework writes every file it fingerprints under these folders (`/_file/data/x.1a2b3c4d.json`,
 * `/_npm/d3@7.9.0/…`, `/_observablehq/client.1a2b3c4d.js`): their content never changes under a name.
 * Pages (`/en/trends`) keep their names from build to build and must be revalidated.
 */
export function isHashed(sitePath: string): boolean {
  return /^\/?_(file|npm|node|observablehq|import)\//.test(sitePath);
}

export function cacheControl(sitePath: string): string {
  return isHashed(sitePath) ? IMMUTABLE : REVALIDATE;
}

/**
 * Text formats shrink several times under gzip or brotli, and so do wasm and DuckDB's database
 * files (the Explore extracts: half their size again after DuckDB's own light compression); images
 * and fonts are compressed already.
 */
export function isCompressible(path: string): boolean {
  const type = contentType(path);
  return /^text\/|json|javascript|xml|svg|wasm|duckdb/.test(type);
}
