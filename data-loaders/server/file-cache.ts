// Site files kept in memory with their gzip and brotli forms. A built site is a few megabytes and
// a page pulls a couple of hundred files, so serving from memory instead of opening a file per
// request is what lets one process answer thousands of requests a second. A file is compressed
// quickly the first time it is asked for (so that answer is already small), then again at the
// highest levels in zlib's thread pool; `warm` does both for a whole folder ahead of readers.
// Content-hashed files never change under their name; others are checked against their mtime
// and size on every request, since a rebuild rewrites them in place.
// A content-hashed file the build precompressed (`<file>.br`, `<file>.gz` beside it, written by
// precompress.ts) is served in those forms as they are: nothing is compressed at run time.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import { contentType, isCompressible, isHashed } from "./content.js";
import { ENCODED_SUFFIXES } from "./precompress.js";

export interface CachedFile {
  body: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
  etag: string;
  type: string;
  mtimeMs: number;
  size: number;
}

export interface FileCacheOptions {
  /** Larger files are streamed from disk, uncompressed. */
  maxFileBytes?: number;
  /** Bytes kept in memory (bodies and compressed forms); the oldest files leave first. */
  maxTotalBytes?: number;
}

export interface FileCache {
  /** The file with its compressed forms; undefined when it is too large to keep (stream it). */
  get(file: string, immutable: boolean): CachedFile | undefined;
  /** Load and compress every file under `dir` at the highest levels, in the background thread pool. */
  warm(dir: string): Promise<{ files: number; bytes: number; brotli: number }>;
  /** Forget the files under `dir` (a snapshot no longer served). */
  drop(dir: string): void;
  /** Bytes held. */
  readonly bytes: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Compression below this size saves less than the headers it adds. */
const MIN_COMPRESS = 512;
const brotliParams = (quality: number, size: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
});

/** The precompressed siblings of a file, read; undefined when the build wrote none. */
function precompressed(file: string): Pick<CachedFile, "br" | "gzip"> | undefined {
  const br = file + ENCODED_SUFFIXES.br;
  const gz = file + ENCODED_SUFFIXES.gzip;
  const [hasBr, hasGz] = [existsSync(br), existsSync(gz)];
  if (!hasBr && !hasGz) return undefined;
  return { br: hasBr ? readFileSync(br) : undefined, gzip: hasGz ? readFileSync(gz) : undefined };
}

/** A sibling written by precompress.ts, whose base file is there too: served as a form, not alone. */
const isSibling = (file: string) => /\.(br|gz)$/.test(file) && existsSync(file.replace(/\.(br|gz)$/, ""));

/** Keep a compressed form only when it is actually smaller. */
const smaller = (packed: Buffer, body: Buffer) => (packed.length < body.length ? packed : undefined);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export function createFileCache({
  maxFileBytes = 32 * 2 ** 20,
  maxTotalBytes = 512 * 2 ** 20,
}: FileCacheOptions = {}): FileCache {
  const files = new Map<string, CachedFile>();
  let total = 0;
  const weight = (f: CachedFile) => f.body.length + (f.gzip?.length ?? 0) + (f.br?.length ?? 0);

  function remember(file: string, entry: CachedFile): void {
    const old = files.get(file);
    if (old) total -= weight(old);
    files.delete(file);
    files.set(file, entry);
    total += weight(entry);
    for (const [key, f] of files) {
      if (total <= maxTotalBytes || key === file) break;
      files.delete(key);
      total -= weight(f);
    }
  }

  function entryOf(body: Buffer, file: string, mtimeMs: number): CachedFile {
    return {
      body,
      gzip: undefined,
      br: undefined,
      etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`,
      type: contentType(file),
      mtimeMs,
      size: body.length,
    };
  }

  /** Replace the quick forms by the smallest ones, off the event loop. */
  async function compressBest(file: string, entry: CachedFile): Promise<void> {
    const [gz, br] = await Promise.all([
      gzipAsync(entry.body, { level: 9 }),
      brotliAsync(entry.body, brotliParams(11, entry.body.length)),
    ]);
    // Only if the file was not reloaded meanwhile.
    if (files.get(file) !== entry) return;
    remember(file, { ...entry, gzip: smaller(gz, entry.body), br: smaller(br, entry.body) });
  }

  function load(file: string, size: number, mtimeMs: number, immutable: boolean): CachedFile {
    const entry = entryOf(readFileSync(file), file, mtimeMs);
    const forms = immutable ? precompressed(file) : undefined;
    if (forms) {
      const complete = { ...entry, ...forms };
      remember(file, complete);
      return complete;
    }
    if (isCompressible(file) && entry.size >= MIN_COMPRESS) {
      entry.gzip = smaller(gzipSync(entry.body, { level: 6 }), entry.body);
      entry.br = smaller(brotliCompressSync(entry.body, brotliParams(4, size)), entry.body);
      remember(file, entry);
      void compressBest(file, entry).catch(() => undefined);
    } else remember(file, entry);
    return entry;
  }

  return {
    get(file, immutable) {
      const cached = files.get(file);
      if (cached && immutable) return cached;
      const stats = statSync(file);
      if (stats.size > maxFileBytes) return undefined;
      if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
      return load(file, stats.size, stats.mtimeMs, immutable);
    },

    async warm(dir) {
      const queue = [...walk(dir)].filter((f) => !isSibling(f));
      const done = { files: queue.length, bytes: 0, brotli: 0 };
      // zlib's pool has four threads by default: more at once only queue up.
      const worker = async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const stats = await stat(file);
          done.bytes += stats.size;
          if (stats.size > maxFileBytes) continue;
          const forms = isHashed(relative(dir, file).split(sep).join("/")) ? precompressed(file) : undefined;
          let entry = files.get(file);
          if (!entry || forms) {
            entry = { ...entryOf(entry?.body ?? (await readFile(file)), file, stats.mtimeMs), ...forms };
            remember(file, entry);
          }
          // Precompressed forms are the build's best already.
          if (!forms && isCompressible(file) && entry.size >= MIN_COMPRESS) await compressBest(file, entry);
          const best = files.get(file);
          done.brotli += best?.br?.length ?? best?.size ?? 0;
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      return done;
    },

    drop(dir) {
      const prefix = dir.endsWith(sep) ? dir : dir + sep;
      for (const [key, f] of files) {
        if (!key.startsWith(prefix)) continue;
        files.delete(key);
        total -= weight(f);
      }
    },

    get bytes() {
      return total;
    },
  };
}
