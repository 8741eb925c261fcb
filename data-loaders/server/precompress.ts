// Large compressible files of a built site (DuckDB-Wasm's 34 MB wasm, the Explore extracts) get
// their brotli and gzip forms written next to them by the build, `<file>.br` and `<file>.gz`, so the
// server sends them compressed without compressing tens of megabytes on every start (brotli at its
// best level takes minutes on the wasm alone). The compressed forms are cached by content hash
// under the project's .cache/precompressed/, shared by every build of the checkout (test builds
// included): a rebuild, or another environment with the same files, copies them from there.
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { isCompressible } from "./content.js";

/** Smaller files are compressed by the server itself, in memory, the first time they are asked for. */
export const PRECOMPRESS_MIN_BYTES = 2 ** 20;
/** Above this size brotli's best level (11) costs minutes for a few percent; level 9 is used. */
const BEST_BROTLI_MAX_BYTES = 4 * 2 ** 20;
export const ENCODED_SUFFIXES = { br: ".br", gzip: ".gz" } as const;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (b) => hash.update(b))
      .on("error", fail)
      .on("end", () => done(hash.digest("hex")));
  });
}

/** Whether the site serves `file` from precompressed siblings (compressible and large enough). */
export const wantsPrecompression = (file: string, size: number) =>
  size >= PRECOMPRESS_MIN_BYTES && isCompressible(file) && !/\.(br|gz)$/.test(file);

async function compressed(body: Buffer, kind: "br" | "gzip"): Promise<Buffer> {
  if (kind === "gzip") return gzipAsync(body, { level: 9 });
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: body.length <= BEST_BROTLI_MAX_BYTES ? 11 : 9,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** The compressed form of `file` from the cache, made first if needed (written aside, then renamed). */
async function cachedForm(
  file: string,
  digest: string,
  kind: "br" | "gzip",
  cacheDir: string,
): Promise<string> {
  const cached = join(cacheDir, `${digest}${ENCODED_SUFFIXES[kind]}`);
  if (existsSync(cached)) {
    // Marks it used: data:gc removes forms no build has used for its keep time.
    const now = new Date();
    await utimes(cached, now, now).catch(() => undefined);
    return cached;
  }
  const packed = await compressed(await readFile(file), kind);
  await mkdir(cacheDir, { recursive: true });
  const part = `${cached}.${process.pid}.part`;
  await writeFile(part, packed);
  await rename(part, cached);
  return cached;
}

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
}

/** Write `<file>.br` and `<file>.gz` beside each large compressible file under `siteDir`. */
export async function precompressSite(siteDir: string, cacheDir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0 };
  const todo: { file: string; size: number }[] = [];
  for await (const file of walk(siteDir)) {
    const { size } = await stat(file);
    if (wantsPrecompression(file, size)) todo.push({ file, size });
  }
  // zlib's thread pool does the work; two files at a time keep both cores busy, not the memory.
  const next = async () => {
    for (let item = todo.shift(); item; item = todo.shift()) {
      const digest = await sha256(item.file);
      for (const kind of ["br", "gzip"] as const) {
        const form = await cachedForm(item.file, digest, kind, cacheDir);
        // A hard link costs no space; across file systems, a copy.
        const target = item.file + ENCODED_SUFFIXES[kind];
        await link(form, target).catch(() => copyFile(form, target));
        if (kind === "br") result.brotliBytes += (await stat(form)).size;
      }
      result.files++;
      result.bytes += item.size;
    }
  };
  await Promise.all([next(), next()]);
  return result;
}
