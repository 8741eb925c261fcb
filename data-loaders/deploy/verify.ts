// Prove a snapshot whole before anything makes it live: its manifest parses and names it, and
// every file it lists is in S3 with its size and its sha256 (each object is read back and
// hashed). Used by deploy after the upload, by rollback before switching, and by nothing else —
// the server re-checks what it downloads on its own.
import type { Environment } from "../config/environment.js";
import { ValidationError } from "../errors.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { siteFileKey, siteManifestKey, snapshotPrefix } from "./layout.js";
import { forEachLimit } from "./pool.js";
import { parseSiteManifest, sha256Of, type SiteManifest } from "./site-manifest.js";

export interface VerifiedSnapshot {
  manifest: SiteManifest;
  manifestSha256: string;
}

export async function verifySnapshot(
  store: ObjectStore,
  env: Environment,
  id: string,
  { concurrency = 8 }: { concurrency?: number } = {},
): Promise<VerifiedSnapshot> {
  const where = `s3://${store.bucket}/${snapshotPrefix(env, id)}`;
  const objects = new Map((await store.list(snapshotPrefix(env, id))).map((o) => [o.key, o.size]));
  if (!objects.has(siteManifestKey(env, id))) {
    throw new ValidationError(
      objects.size === 0
        ? `Site snapshot ${id} of "${env}" does not exist: ${where} is empty.`
        : `Site snapshot ${id} of "${env}" is incomplete: ${where} has ${objects.size} object(s) but no site manifest (a deploy that did not finish).`,
      {
        hint: `List the snapshots with \`npm run snapshots -- --env ${env}\`; deploy the build again if needed.`,
      },
    );
  }
  const bytes = await store.getBytes(siteManifestKey(env, id));
  const manifest = parseSiteManifest(bytes.toString("utf8"), `${where}site-manifest.json`);
  if (manifest.snapshotId !== id || manifest.env !== env) {
    throw new ValidationError(
      `${where}site-manifest.json describes snapshot ${manifest.snapshotId} of "${manifest.env}", not ${id} of "${env}".`,
      { hint: "The manifest was copied from elsewhere: deploy the build again." },
    );
  }
  const problems: string[] = [];
  await forEachLimit(manifest.files, concurrency, async (file) => {
    const key = siteFileKey(env, id, file.path);
    const size = objects.get(key);
    if (size === undefined) problems.push(`${file.path} is missing`);
    else if (size !== file.bytes)
      problems.push(`${file.path} has ${size} bytes, the manifest says ${file.bytes}`);
    else {
      const { sha256 } = await store.digest(key);
      if (sha256 !== file.sha256)
        problems.push(
          `${file.path} has sha256 ${sha256.slice(0, 12)}…, the manifest says ${file.sha256.slice(0, 12)}…`,
        );
    }
  });
  if (problems.length > 0) {
    problems.sort();
    throw new ValidationError(
      `Site snapshot ${id} of "${env}" failed verification: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}.`,
      {
        hint: "The upload was damaged or the objects were changed since: deploy the build again. Nothing was made live.",
      },
    );
  }
  return { manifest, manifestSha256: sha256Of(bytes) };
}
