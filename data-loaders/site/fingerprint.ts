// The fingerprint that decides whether a build may reuse cached page data: dataset id + manifest
// digest + environment + the code that computes page data (data loaders, shared lib, loader entry
// points, the lockfile). Change any of them and the data is computed again.
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const CODE_ROOTS = ["data-loaders", "src/lib", "src/data", "src/explore", "src/assets", "package-lock.json"];
const CODE_FILE = /\.(ts|js|json|sql)$/;

export interface FileSelection {
  /** Folders (relative to the root) not entered. */
  skip?: ReadonlySet<string>;
  /** Files kept; default every file. */
  keep?: (path: string) => boolean;
}

/** The files under `path` (relative to `root`), in a stable order; a missing path yields nothing. */
function* files(root: string, path: string, selection: FileSelection): Generator<string> {
  if (selection.skip?.has(path)) return;
  let stats;
  try {
    stats = statSync(join(root, path));
  } catch {
    return;
  }
  if (stats.isFile()) {
    if (selection.keep?.(path) ?? true) yield path;
  } else if (stats.isDirectory()) {
    for (const entry of readdirSync(join(root, path)).sort())
      yield* files(root, join(path, entry), selection);
  }
}

/**
 * Adds every selected file under `paths` to `hash`, each as its path and its bytes, so that a
 * renamed, added, removed or edited file changes the digest. The one file walk of the build's
 * digests (page-data reuse here, whole-build reuse in reuse.ts).
 */
export function hashFiles(
  hash: Hash,
  root: string,
  paths: readonly string[],
  selection: FileSelection = {},
): Hash {
  for (const path of paths.flatMap((p) => [...files(root, p, selection)])) {
    hash
      .update(path)
      .update("\0")
      .update(readFileSync(join(root, path)))
      .update("\0");
  }
  return hash;
}

export function codeDigest(root: string): string {
  return hashFiles(createHash("sha256"), root, CODE_ROOTS, { keep: (path) => CODE_FILE.test(path) }).digest(
    "hex",
  );
}

export function buildFingerprint(input: {
  env: string;
  datasetId: string;
  manifestSha256: string;
  codeDigest: string;
}) {
  return createHash("sha256")
    .update(JSON.stringify([input.env, input.datasetId, input.manifestSha256, input.codeDigest]))
    .digest("hex")
    .slice(0, 16);
}
