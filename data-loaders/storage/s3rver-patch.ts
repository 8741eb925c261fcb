// Fixes to the embedded S3 server (s3rver 3.7.1, unmaintained since 2021) so that it behaves like
// the S3 we rely on (Garage) where it matters to us:
//   - tokens: its ListObjectsV2 continuation tokens use DES, which Node 24's OpenSSL no longer
//     offers, so every listing longer than 1,000 keys failed. The token only has to be opaque to
//     clients and readable by s3rver itself: it becomes base64 of the same text.
//   - delete: deleting an object removed its folder when empty, racing with a PUT into the same
//     folder (the PUT then failed with ENOENT and crashed the process through an unhandled
//     stream error). Empty folders are now left in place (they hold no objects, lists skip them).
//   - walk: a listing stat()ed entries that a concurrent DELETE had just removed, and answered
//     500. Vanished entries are now skipped, as S3's consistent listing would.
//   - put: a PUT truncated the object's file (and its metadata file) and wrote it in place, and
//     answered before the bytes were on disk, so a GET or LIST at the same time could read a
//     partial object or fail on half-written metadata — a pointer being switched, a lock claim
//     being renewed. It now writes temporary files and renames them, as S3 PUTs are atomic.
//   - get: a GET took the size from one stat() and the bytes from a later open(): with a PUT
//     renaming a new version in between, it promised one length and sent another (the client
//     saw "aborted"). It now opens the file first and takes the size from that very file.
// The lock of storage/lock.ts does PUT, LIST and DELETE concurrently in one folder: it needs all three.
//
// Run by `postinstall` (so it survives `npm ci` on a clean clone) and checked by local-s3.ts at
// start-up. Idempotent; an unknown shape of the code fails loudly instead of being half patched.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const MARKER = "back-to-the-kitchen patch";

export interface Patch {
  name: "tokens" | "delete" | "walk" | "put" | "get";
  /** File inside the s3rver package. */
  file: string;
  /** The patched source, or undefined when the code is not in the shape this patch knows. */
  apply(source: string): string | undefined;
}

const marker = (name: string) => `// ${MARKER} (${name}): see data-loaders/storage/s3rver-patch.ts`;

const TOKENS = `${marker("tokens")}
function generateContinuationToken(bucket, keyName, region) {
  return Buffer.from(\`\${region}/\${bucket}/\${keyName}\`, 'utf8').toString('base64');
}

function decipherContinuationToken(token) {
  return Buffer.from(token, 'base64').toString('utf8');
}

`;

const DELETE_ORIGINAL = `    // clean up empty directories
    const bucketPath = this.getBucketPath(bucket);
    const parts = key.split('/');
    // the last part isn't a directory (it's embedded into the file name)
    parts.pop();
    while (
      parts.length &&
      !fs.readdirSync(path.join(bucketPath, ...parts)).length
    ) {
      await fs.rmdir(path.join(bucketPath, ...parts));
      parts.pop();
    }
`;

const WALK_ORIGINAL = `exports.walk = function* walk(dir, recurseFilter) {
  for (const filename of fs.readdirSync(dir)) {
    const filePath = path.posix.join(dir, filename);
    const stats = fs.statSync(filePath);
`;

const WALK_PATCHED = `${marker("walk")}
const vanished = (err) => {
  if (err.code === 'ENOENT') return undefined;
  throw err;
};
exports.walk = function* walk(dir, recurseFilter) {
  let filenames;
  try {
    filenames = fs.readdirSync(dir);
  } catch (err) {
    filenames = vanished(err) || [];
  }
  for (const filename of filenames) {
    const filePath = path.posix.join(dir, filename);
    let stats;
    try {
      stats = fs.statSync(filePath);
    } catch (err) {
      stats = vanished(err);
    }
    if (!stats) continue;
`;

const PUT_ORIGINAL = `    await fs.mkdirp(path.dirname(objectPath));

    const [size, md5] = await new Promise((resolve, reject) => {
      const writeStream = fs.createWriteStream(objectPath);
      const md5Context = crypto.createHash('md5');

      if (Buffer.isBuffer(object.content)) {
        writeStream.end(object.content);
        md5Context.update(object.content);
        resolve([object.content.length, md5Context.digest('hex')]);
      } else {
        let totalLength = 0;
        object.content
          .pipe(
            new Transform({
              transform(chunk, encoding, callback) {
                md5Context.update(chunk, encoding);
                totalLength += chunk.length;
                callback(null, chunk);
              },
            }),
          )
          .on('error', reject)
          .on('finish', () => resolve([totalLength, md5Context.digest('hex')]))
          .pipe(writeStream);
      }
    });
`;

const PUT_PATCHED = `    ${marker("put")}
    await fs.mkdirp(path.dirname(objectPath));
    // Not ending in the object suffix, so listings never show it.
    const partPath = \`\${objectPath}.\${process.pid}.\${crypto.randomBytes(6).toString('hex')}.part\`;
    const md5Context = crypto.createHash('md5');
    let size = 0;
    try {
      await require('stream/promises').pipeline(
        Buffer.isBuffer(object.content) ? require('stream').Readable.from([object.content]) : object.content,
        new Transform({
          transform(chunk, encoding, callback) {
            md5Context.update(chunk, encoding);
            size += chunk.length;
            callback(null, chunk);
          },
        }),
        fs.createWriteStream(partPath),
      );
      await fs.rename(partPath, objectPath);
    } catch (err) {
      await fs.remove(partPath);
      throw err;
    }
    const md5 = md5Context.digest('hex');
`;

const METADATA_ORIGINAL = `    if (md5) await fs.writeFile(md5Path, md5);
    await fs.writeFile(metadataPath, JSON.stringify(json, null, 2));
`;

const METADATA_PATCHED = `    const atomic = async (file, data) => {
      const part = \`\${file}.\${process.pid}.\${crypto.randomBytes(6).toString('hex')}.part\`;
      await fs.writeFile(part, data);
      await fs.rename(part, file);
    };
    if (md5) await atomic(md5Path, md5);
    await atomic(metadataPath, JSON.stringify(json, null, 2));
`;

const GET_ORIGINAL = `  async getObject(bucket, key, options) {
    try {
      const metadata = await this.getMetadata(bucket, key);
      const lastByte = Math.max(0, Number(metadata['content-length']) - 1);
      const range = {
        start: (options && options.start) || 0,
        end: Math.min((options && options.end) || Infinity, lastByte),
      };

      if (range.start < 0 || Math.min(range.end, lastByte) < range.start) {
        // the range is not satisfiable
        const object = new S3Object(bucket, key, null, metadata);
        if (options && (options.start !== undefined || options.end)) {
          object.range = range;
        }
        return object;
      }

      const content = await new Promise((resolve, reject) => {
        const stream = fs
          .createReadStream(this.getResourcePath(bucket, key, 'object'), range)
          .on('error', reject)
          .on('open', () => resolve(stream));
      });
      const object = new S3Object(bucket, key, content, metadata);
      if (options && (options.start !== undefined || options.end)) {
        object.range = range;
      }
      return object;
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }
`;

const GET_PATCHED = `  async getObject(bucket, key, options) {
    ${marker("get")}
    let fd;
    try {
      const objectPath = this.getResourcePath(bucket, key, 'object');
      fd = await fs.open(objectPath, 'r');
      const metadata = await this.getMetadata(bucket, key);
      const stat = await fs.fstat(fd);
      metadata['content-length'] = stat.size;
      metadata['last-modified'] = stat.mtime.toUTCString();
      const lastByte = Math.max(0, Number(metadata['content-length']) - 1);
      const range = {
        start: (options && options.start) || 0,
        end: Math.min((options && options.end) || Infinity, lastByte),
      };

      if (range.start < 0 || Math.min(range.end, lastByte) < range.start) {
        await fs.close(fd);
        fd = undefined;
        // the range is not satisfiable
        const object = new S3Object(bucket, key, null, metadata);
        if (options && (options.start !== undefined || options.end)) {
          object.range = range;
        }
        return object;
      }

      const content = fs.createReadStream(objectPath, { fd, ...range });
      fd = undefined; // the stream closes it
      const object = new S3Object(bucket, key, content, metadata);
      if (options && (options.start !== undefined || options.end)) {
        object.range = range;
      }
      return object;
    } catch (err) {
      if (fd !== undefined) await fs.close(fd).catch(() => {});
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }
`;

export const PATCHES: Patch[] = [
  {
    name: "tokens",
    file: "lib/controllers/bucket.js",
    apply(source) {
      const start = source.indexOf("function generateContinuationToken(");
      const end = source.indexOf("exports.bucketExists");
      if (
        start < 0 ||
        end < start ||
        !source.slice(start, end).includes("function decipherContinuationToken(")
      )
        return undefined;
      return source.slice(0, start) + TOKENS + source.slice(end);
    },
  },
  {
    name: "delete",
    file: "lib/stores/filesystem.js",
    apply: (source) =>
      source.includes(DELETE_ORIGINAL)
        ? source.replace(DELETE_ORIGINAL, `    ${marker("delete")}: empty folders stay.\n`)
        : undefined,
  },
  {
    name: "put",
    file: "lib/stores/filesystem.js",
    apply: (source) =>
      source.includes(PUT_ORIGINAL) && source.includes(METADATA_ORIGINAL)
        ? source.replace(PUT_ORIGINAL, PUT_PATCHED).replace(METADATA_ORIGINAL, METADATA_PATCHED)
        : undefined,
  },
  {
    name: "get",
    file: "lib/stores/filesystem.js",
    apply: (source) =>
      source.includes(GET_ORIGINAL) ? source.replace(GET_ORIGINAL, GET_PATCHED) : undefined,
  },
  {
    name: "walk",
    file: "lib/utils.js",
    apply: (source) =>
      source.includes(WALK_ORIGINAL) ? source.replace(WALK_ORIGINAL, WALK_PATCHED) : undefined,
  },
];

export type PatchState = "patched" | "needs-patch";

export function patchState(patch: Patch, source: string): PatchState {
  return source.includes(marker(patch.name)) ? "patched" : "needs-patch";
}

/** The patched source (unchanged when already patched); throws on code of an unknown shape. */
export function patchSource(patch: Patch, source: string): string {
  if (patchState(patch, source) === "patched") return source;
  const patched = patch.apply(source);
  if (patched === undefined) {
    throw new Error(
      `s3rver's ${patch.file} is not in the shape the "${patch.name}" patch of data-loaders/storage/s3rver-patch.ts knows: update the patch for this s3rver version.`,
    );
  }
  return patched;
}

/** The installed s3rver package folder. */
export function s3rverRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("s3rver/package.json"));
}

/** Each patch's state in the installed package. */
export function installedStates(root = s3rverRoot()): { patch: Patch; state: PatchState }[] {
  return PATCHES.map((patch) => ({
    patch,
    state: patchState(patch, readFileSync(join(root, patch.file), "utf8")),
  }));
}

/** Patch the installed files in place; returns the patches that were applied now. */
export function applyPatches(root = s3rverRoot()): Patch[] {
  const applied: Patch[] = [];
  for (const patch of PATCHES) {
    const path = join(root, patch.file);
    const source = readFileSync(path, "utf8");
    if (patchState(patch, source) === "patched") continue;
    writeFileSync(path, patchSource(patch, source));
    applied.push(patch);
  }
  return applied;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const applied = applyPatches();
  // postinstall output: plain stderr, the logger needs a config this early step does not have.
  if (applied.length > 0)
    process.stderr.write(`s3rver patched for our use (${applied.map((p) => p.name).join(", ")}).\n`);
}
