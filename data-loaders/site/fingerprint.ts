// The fingerprint that decides whether a build may reuse cached page data: dataset id + manifest
// digest + environment + the code that computes page data (data loaders, shared lib, loader entry
// points, the lockfile). Change any of them and the data is computed again.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const CODE_ROOTS = ["data-loaders", "src/lib", "src/data", "src/assets", "package-lock.json"];
const CODE_FILE = /\.(ts|js|json|sql)$/;

function* files(root: string, path: string): Generator<string> {
  const full = join(root, path);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return;
  }
  if (stats.isFile()) {
    if (CODE_FILE.test(path)) yield path;
    return;
  }
  for (const entry of readdirSync(full).sort()) yield* files(root, join(path, entry));
}

export function codeDigest(root: string): string {
  const hash = createHash("sha256");
  for (const path of CODE_ROOTS.flatMap((p) => [...files(root, p)])) {
    hash
      .update(relative(root, join(root, path)))
      .update("\0")
      .update(readFileSync(join(root, path)))
      .update("\0");
  }
  return hash.digest("hex");
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
