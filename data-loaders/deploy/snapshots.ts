// What an environment's sites bucket holds: its snapshots, complete or not, newest first, with
// the live one and the rollback target marked (`npm run snapshots`), and the retention that keeps
// the newest N complete ones (never the live one nor the rollback target) and removes deploys
// that died midway once they are old enough not to be one still uploading.
import type { Environment } from "../config/environment.js";
import { logger } from "../logger.js";
import type { ObjectInfo, ObjectStore } from "../storage/s3-store.js";
import { SITE_MANIFEST, snapshotOfKey, snapshotsPrefix } from "./layout.js";
import { rollbackTarget, type LivePointer } from "./pointer.js";

export interface SnapshotSummary {
  id: string;
  complete: boolean;
  files: number;
  bytes: number;
  /** Server time of its newest object (the manifest, for a complete snapshot). */
  lastModified: Date;
  live: boolean;
  rollbackTarget: boolean;
}

/** An upload that stopped this long ago (server clock) is a dead deploy, not one under way. */
export const INCOMPLETE_GRACE_MS = 60 * 60_000;

function group(env: Environment, objects: ObjectInfo[]): Map<string, ObjectInfo[]> {
  const byId = new Map<string, ObjectInfo[]>();
  for (const o of objects) {
    const id = snapshotOfKey(env, o.key);
    if (!id) continue;
    byId.set(id, [...(byId.get(id) ?? []), o]);
  }
  return byId;
}

export async function listSnapshots(
  store: ObjectStore,
  env: Environment,
  pointer: LivePointer | undefined,
): Promise<SnapshotSummary[]> {
  return summarize(env, await store.list(snapshotsPrefix(env)), pointer);
}

function summarize(env: Environment, all: ObjectInfo[], pointer: LivePointer | undefined): SnapshotSummary[] {
  const target = pointer ? rollbackTarget(pointer)?.snapshotId : undefined;
  const summaries = [...group(env, all)].map(([id, objects]) => {
    const manifest = objects.find((o) => o.key.endsWith(`/${id}/${SITE_MANIFEST}`));
    return {
      id,
      complete: manifest !== undefined,
      files: objects.length - (manifest ? 1 : 0),
      bytes: objects.reduce((sum, o) => sum + o.size, 0),
      lastModified:
        manifest?.lastModified ?? new Date(Math.max(...objects.map((o) => o.lastModified.getTime()))),
      live: pointer?.snapshotId === id,
      rollbackTarget: target === id,
    };
  });
  return summaries.sort(
    (a, b) => b.lastModified.getTime() - a.lastModified.getTime() || b.id.localeCompare(a.id),
  );
}

/**
 * Remove snapshots beyond the newest `keep` complete ones, and incomplete ones older than the
 * grace period. The live snapshot, what was live before it and the rollback target always stay.
 * Returns the ids removed.
 */
export async function pruneSnapshots(
  store: ObjectStore,
  env: Environment,
  pointer: LivePointer,
  keep: number,
  { graceMs = INCOMPLETE_GRACE_MS }: { graceMs?: number } = {},
): Promise<string[]> {
  const objects = await store.list(snapshotsPrefix(env));
  const snapshots = summarize(env, objects, pointer);
  // "Now" on the server's clock: the newest object it holds (the manifest a deploy just wrote).
  const now = Math.max(0, ...objects.map((o) => o.lastModified.getTime()));
  const protectedIds = new Set([pointer.snapshotId, pointer.previous, rollbackTarget(pointer)?.snapshotId]);
  const kept = snapshots
    .filter((s) => s.complete)
    .slice(0, keep)
    .map((s) => s.id);
  const doomed = snapshots.filter(
    (s) =>
      !protectedIds.has(s.id) &&
      (s.complete ? !kept.includes(s.id) : now - s.lastModified.getTime() > graceMs),
  );
  if (doomed.length === 0) return [];
  const ids = new Set(doomed.map((s) => s.id));
  await store.remove(objects.filter((o) => ids.has(snapshotOfKey(env, o.key) ?? "")).map((o) => o.key));
  logger.info(`Removed ${doomed.length} old site snapshot(s) of "${env}": ${[...ids].join(", ")}`);
  return [...ids];
}
