// What /healthz reports about the site being served: its snapshot.json (environment, dataset,
// commit, build time) and the snapshot id derived from it. A missing, unreadable or malformed
// snapshot.json is a reason to be unhealthy, said in one sentence, never a stack trace.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildInfoSchema, type BuildInfo } from "../../src/lib/contracts/build.js";
import { siteSnapshotId } from "../deploy/snapshot-id.js";

export type SiteInfo = { ok: true; info: BuildInfo; snapshotId: string } | { ok: false; reason: string };

let last: { path: string; mtimeMs: number; size: number; result: SiteInfo } | undefined;

export function readSiteInfo(dir: string): SiteInfo {
  const path = join(dir, "snapshot.json");
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return { ok: false, reason: "the site has no snapshot.json: it was not built by `npm run build`" };
  }
  // /healthz is polled every few seconds: parse the file again only when it changed.
  if (last && last.path === path && last.mtimeMs === stats.mtimeMs && last.size === stats.size)
    return last.result;
  const result = parse(readFileSync(path));
  last = { path, mtimeMs: stats.mtimeMs, size: stats.size, result };
  return result;
}

function parse(bytes: Buffer): SiteInfo {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { ok: false, reason: "snapshot.json is not valid JSON" };
  }
  const parsed = buildInfoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `snapshot.json is malformed at ${issue.path.join(".") || "the top level"}` };
  }
  return { ok: true, info: parsed.data, snapshotId: siteSnapshotId(bytes, parsed.data.builtAt) };
}
