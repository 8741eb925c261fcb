// The live pointer of an environment's site, <env>/live.json: which snapshot is live, its
// manifest's sha256 (checked by every reader), what was live before, and a history of switches
// with the reason each one ended (a newer deploy, or a rollback away from it). Switched under the
// environment's pointer lock (storage/lock.ts), so two deploys or a deploy and a rollback never
// lose a history entry.
import { z } from "zod";
import type { Environment } from "../config/environment.js";
import { StorageError } from "../errors.js";
import { logger } from "../logger.js";
import { withLock } from "../storage/lock.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { livePointerKey, sitePointerLock } from "./layout.js";
import { SNAPSHOT_ID_PATTERN } from "./snapshot-id.js";

export const SWITCH_REASONS = ["deploy", "rollback", "auto-rollback"] as const;
export type SwitchReason = (typeof SWITCH_REASONS)[number];

const HISTORY_LENGTH = 50;
const id = z.string().regex(SNAPSHOT_ID_PATTERN);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const historyEntrySchema = z.object({
  snapshotId: id,
  manifestSha256: sha256,
  from: z.iso.datetime(),
  until: z.iso.datetime(),
  /** How it stopped being live: replaced by a deploy (it was fine), or rolled back away from. */
  endedBy: z.enum(SWITCH_REASONS),
});

export const livePointerSchema = z.object({
  snapshotId: id,
  manifestSha256: sha256,
  updatedAt: z.iso.datetime(),
  reason: z.enum(SWITCH_REASONS),
  /** What was live just before this switch. */
  previous: id.nullable(),
  /** Earlier live snapshots, newest first. */
  history: z.array(historyEntrySchema),
});

export type LivePointer = z.infer<typeof livePointerSchema>;

export async function readLivePointer(
  store: ObjectStore,
  env: Environment,
): Promise<LivePointer | undefined> {
  const key = livePointerKey(env);
  if (!(await store.exists(key))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await store.getText(key));
  } catch {
    json = undefined;
  }
  const parsed = livePointerSchema.safeParse(json);
  if (!parsed.success) {
    throw new StorageError(`The live pointer s3://${store.bucket}/${key} is malformed.`, {
      hint: `Make a snapshot live again: \`npm run rollback -- --env ${env} --to <id>\` (ids: \`npm run snapshots -- --env ${env}\`).`,
    });
  }
  return parsed.data;
}

/**
 * Where `npm run rollback` goes without --to: the newest earlier snapshot that stopped being live
 * because a newer deploy replaced it — never one that was rolled back away from, so rolling back
 * twice walks further back instead of returning to a bad snapshot.
 */
export function rollbackTarget(
  pointer: LivePointer,
): { snapshotId: string; manifestSha256: string } | undefined {
  // A snapshot's newest history entry says how it last stopped being live.
  const seen = new Set<string>([pointer.snapshotId]);
  for (const entry of pointer.history) {
    if (seen.has(entry.snapshotId)) continue;
    seen.add(entry.snapshotId);
    if (entry.endedBy === "deploy") return entry;
  }
  return undefined;
}

export interface Switched {
  pointer: LivePointer;
  /** What was live before, if anything. */
  before: LivePointer | undefined;
}

/**
 * Make `target` live. `check` runs under the lock right before the write (a rollback verifies its
 * target there); `after` runs under the lock once the pointer is written (retention, so it never
 * removes a snapshot a concurrent switch is about to make live).
 */
export async function switchLive(
  store: ObjectStore,
  env: Environment,
  target: { snapshotId: string; manifestSha256: string },
  reason: SwitchReason,
  hooks: { check?: () => Promise<void>; after?: (pointer: LivePointer) => Promise<void> } = {},
): Promise<Switched> {
  return withLock(
    store,
    sitePointerLock(env),
    { what: `the live site pointer of "${env}"`, attempts: 12, backoffMs: 50 },
    async (lock) => {
      const before = await readLivePointer(store, env);
      await hooks.check?.();
      const now = new Date().toISOString();
      const history = before
        ? [
            {
              snapshotId: before.snapshotId,
              manifestSha256: before.manifestSha256,
              from: before.updatedAt,
              until: now,
              endedBy: reason,
            },
            ...before.history,
          ]
        : [];
      const pointer: LivePointer = {
        snapshotId: target.snapshotId,
        manifestSha256: target.manifestSha256,
        updatedAt: now,
        reason,
        previous: before?.snapshotId ?? null,
        history: history.slice(0, HISTORY_LENGTH),
      };
      await lock.check();
      await store.put(livePointerKey(env), JSON.stringify(pointer, null, 2), "application/json");
      logger.debug(
        `Live site of "${env}" → ${pointer.snapshotId} (${reason}; before: ${pointer.previous ?? "none"})`,
      );
      await hooks.after?.(pointer);
      return { pointer, before };
    },
  );
}
