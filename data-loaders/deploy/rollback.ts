// `npm run rollback`: make an earlier snapshot live again — the one named with --to, or by default
// the newest one that a later deploy replaced (never one that was itself rolled back away from).
// The target is verified whole (every object's size and sha256) before the pointer moves; its
// manifest is checked again under the pointer's lock, so retention cannot remove it in between.
import type { Environment } from "../config/environment.js";
import { ConfigurationError, StorageError } from "../errors.js";
import { logger } from "../logger.js";
import { notify } from "../notify/webhook.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { siteManifestKey } from "./layout.js";
import {
  readLivePointer,
  rollbackTarget,
  switchLive,
  type LivePointer,
  type SwitchReason,
} from "./pointer.js";
import { checkSnapshotId } from "./snapshot-id.js";
import { verifySnapshot } from "./verify.js";

export interface RollbackResult {
  from: string;
  to: string;
  pointer: LivePointer;
  /** False when the target was already live (nothing changed). */
  switched: boolean;
}

export async function rollbackSite(
  store: ObjectStore,
  env: Environment,
  { to, reason = "rollback", webhookUrl }: { to?: string; reason?: SwitchReason; webhookUrl?: string } = {},
): Promise<RollbackResult> {
  const pointer = await readLivePointer(store, env);
  if (!pointer) {
    throw new ConfigurationError(
      `No site is live for "${env}" in s3://${store.bucket}/: there is nothing to roll back.`,
      {
        hint: `Deploy one: \`npm run deploy -- --env ${env}\`.`,
      },
    );
  }
  const target = to ? checkSnapshotId(to, "--to") : rollbackTarget(pointer)?.snapshotId;
  if (!target) {
    throw new ConfigurationError(
      `"${env}" has no earlier snapshot to roll back to (live: ${pointer.snapshotId}).`,
      {
        hint: `Name one with --to (\`npm run snapshots -- --env ${env}\` lists them), or deploy a fixed build.`,
      },
    );
  }
  if (target === pointer.snapshotId) {
    logger.info(`Snapshot ${target} is already live for "${env}": nothing to do.`);
    return { from: target, to: target, pointer, switched: false };
  }
  const verified = await verifySnapshot(store, env, target);
  const { pointer: next, before } = await switchLive(
    store,
    env,
    { snapshotId: target, manifestSha256: verified.manifestSha256 },
    reason,
    {
      check: async () => {
        if (!(await store.exists(siteManifestKey(env, target))))
          throw new StorageError(
            `Site snapshot ${target} of "${env}" was removed while rolling back to it.`,
            {
              hint: "Pick another one with --to.",
            },
          );
      },
    },
  );
  const from = before?.snapshotId ?? pointer.snapshotId;
  logger.success(`Rolled "${env}" back from ${from} to ${target}`);
  await notify(webhookUrl, `↩️ ${env}: rolled back from ${from} to ${target} (${reason}).`);
  return { from, to: target, pointer: next, switched: true };
}
