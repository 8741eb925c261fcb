// A site snapshot's id: the build's time and a digest of its snapshot.json, e.g.
// 20261124-151703-3f9a0c2b1d. snapshot.json names the environment, dataset, commit and build time
// of one build, so the id is unique per build and the same wherever it is computed: by the deploy
// that uploads dist/<env>, and by the server that serves it (from disk or from S3). Deploying one
// build twice reuses its snapshot instead of uploading a copy.
import { createHash } from "node:crypto";
import { ConfigurationError } from "../errors.js";

export const SNAPSHOT_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-f]{10}$/;

export function siteSnapshotId(snapshotJson: string | Uint8Array, builtAt: string): string {
  const stamp = builtAt.replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const digest = createHash("sha256").update(snapshotJson).digest("hex").slice(0, 10);
  return `${stamp}-${digest}`;
}

/** Throws a ConfigurationError naming `where` when `id` is not a snapshot id (it becomes an S3 key). */
export function checkSnapshotId(id: string, where: string): string {
  if (SNAPSHOT_ID_PATTERN.test(id)) return id;
  throw new ConfigurationError(`${where}="${id}" is not a site snapshot id.`, {
    hint: "Ids look like 20261124-151703-3f9a0c2b1d: list them with `npm run snapshots -- --env <env>`.",
  });
}
