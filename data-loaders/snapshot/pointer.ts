// The environment's current-dataset pointer: a small JSON object switched last (by the ingest or
// data:promote), so readers always see a complete snapshot. It records the manifest's sha256 —
// checked by every reader — and its own history, which tells gc which datasets were current and
// until when. DATASET_ID in the config pins a dataset instead.
import { z } from "zod";
import { datasetIdSchema } from "../../src/lib/contracts/manifest.js";
import type { AppConfig } from "../config/config.js";
import { ENVIRONMENTS, type Environment } from "../config/environment.js";
import { StorageError } from "../errors.js";
import { logger } from "../logger.js";
import { pointerLock, withLock } from "../storage/lock.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { ENVIRONMENTS_ROOT, manifestKey, pointerEnvironment, pointerKey } from "../storage/layout.js";

/** Entries kept in a pointer's history; older ones fall off (gc then treats them as long unnamed). */
export const HISTORY_LENGTH = 100;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const historyEntrySchema = z.object({
  datasetId: datasetIdSchema,
  manifestSha256: sha256,
  /** When it became current, and when another dataset replaced it. */
  from: z.iso.datetime(),
  until: z.iso.datetime(),
});

const pointerSchema = z.object({
  datasetId: datasetIdSchema,
  manifestSha256: sha256,
  updatedAt: z.iso.datetime(),
  /** The dataset this one replaced, for a rollback (`npm run data:promote -- --dataset-id <previous>`). */
  previous: datasetIdSchema.nullable(),
  /** Datasets that were current before, newest first. Pointers written before it existed have none. */
  history: z.array(historyEntrySchema).default([]),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type DatasetPointer = z.infer<typeof pointerSchema>;

/** Parse a pointer's text; `where` names the object in the error. */
export function parsePointer(text: string, where: string, env: string): DatasetPointer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = pointerSchema.safeParse(json);
  if (!parsed.success) {
    throw new StorageError(`The dataset pointer ${where} is malformed.`, {
      hint: `Make a dataset current again with \`npm run data:promote -- --env ${env} --dataset-id <id>\` (ids: \`npm run data:inspect -- --list\`).`,
    });
  }
  return parsed.data;
}

export async function readPointer(store: ObjectStore, env: string): Promise<DatasetPointer | undefined> {
  const key = `${ENVIRONMENTS_ROOT}${env}/current-dataset.json`;
  if (!(await store.exists(key))) return undefined;
  return parsePointer(await store.getText(key), `s3://${store.bucket}/${key}`, env);
}

/** Every pointer in the bucket: the known environments and any other folder under environments/. */
export async function readAllPointers(store: ObjectStore): Promise<Map<string, DatasetPointer>> {
  const listed = (await store.list(ENVIRONMENTS_ROOT))
    .map((o) => pointerEnvironment(o.key))
    .filter((env): env is string => env !== undefined);
  const pointers = new Map<string, DatasetPointer>();
  for (const env of new Set<string>([...ENVIRONMENTS, ...listed])) {
    const pointer = await readPointer(store, env);
    if (pointer) pointers.set(env, pointer);
  }
  return pointers;
}

/**
 * Make `datasetId` the environment's current dataset. Read and write happen under the
 * environment's pointer lock, so two switches at once never lose `previous` or the history.
 * Switching to the dataset that is already current changes nothing but a re-recorded digest.
 */
export async function switchPointer(
  store: ObjectStore,
  env: Environment,
  target: { datasetId: string; manifestSha256: string },
): Promise<DatasetPointer> {
  return withLock(
    store,
    pointerLock(env),
    { what: `the dataset pointer of "${env}"`, attempts: 12, backoffMs: 50 },
    async (lock) => {
      const current = await readPointer(store, env);
      const now = new Date().toISOString();
      let next: DatasetPointer;
      if (current?.datasetId === target.datasetId) {
        if (current.manifestSha256 === target.manifestSha256) return current;
        next = { ...current, manifestSha256: target.manifestSha256, updatedAt: now };
      } else {
        const history: HistoryEntry[] = current
          ? [
              {
                datasetId: current.datasetId,
                manifestSha256: current.manifestSha256,
                from: current.updatedAt,
                until: now,
              },
              ...current.history,
            ]
          : [];
        next = {
          datasetId: target.datasetId,
          manifestSha256: target.manifestSha256,
          updatedAt: now,
          previous: current?.datasetId ?? null,
          history: history.slice(0, HISTORY_LENGTH),
        };
      }
      await lock.check();
      await store.put(pointerKey(env), JSON.stringify(next, null, 2), "application/json");
      logger.debug(`Pointer of "${env}" → ${next.datasetId} (previous ${next.previous ?? "none"})`);
      return next;
    },
  );
}

/** The dataset to read and the manifest digest it must have, when one was recorded. */
export interface ResolvedDataset {
  datasetId: string;
  /** sha256 of manifest.json as recorded when the dataset was made current; undefined if none was. */
  manifestSha256: string | undefined;
  /** Which pointer recorded that digest (for messages). */
  recordedBy: string | undefined;
}

/** The dataset an environment reads: DATASET_ID when pinned, else its current pointer. */
export async function resolveDataset(store: ObjectStore, config: AppConfig): Promise<ResolvedDataset> {
  if (config.datasetId) return resolvePinned(store, config.datasetId);
  const pointer = await readPointer(store, config.env);
  if (!pointer) {
    throw new StorageError(
      `No dataset is published for environment "${config.env}" in s3://${store.bucket}/.`,
      {
        hint: `Run \`npm run data:ingest -- --env ${config.env} --recipes <csv> --interactions <csv>\` (or \`npm start\` locally, which generates one).`,
      },
    );
  }
  return {
    datasetId: pointer.datasetId,
    manifestSha256: pointer.manifestSha256,
    recordedBy: `s3://${store.bucket}/${pointerKey(config.env)}`,
  };
}

/**
 * A pinned dataset has no pointer of its own; the digest any pointer recorded for it (now or in
 * its history) is the check. Pinned to a dataset no pointer ever named, only the files' own
 * sha256 in the manifest are checked — said in a warning.
 */
async function resolvePinned(store: ObjectStore, datasetId: string): Promise<ResolvedDataset> {
  if (!(await store.exists(manifestKey(datasetId)))) {
    throw new StorageError(`DATASET_ID="${datasetId}" has no manifest in s3://${store.bucket}/.`, {
      hint: "Check the id with `npm run data:inspect -- --list`, or unset DATASET_ID to follow the current dataset.",
    });
  }
  // A pointer naming it now wins over a history entry: that digest was recorded last.
  const pointers = [...(await readAllPointers(store))];
  const records = [
    ...pointers
      .filter(([, p]) => p.datasetId === datasetId)
      .map(([env, p]) => [env, p.manifestSha256] as const),
    ...pointers.flatMap(([env, p]) =>
      p.history.filter((h) => h.datasetId === datasetId).map((h) => [env, h.manifestSha256] as const),
    ),
  ];
  if (records.length > 0) {
    const [env, manifestSha256] = records[0];
    return {
      datasetId,
      manifestSha256,
      recordedBy: `s3://${store.bucket}/${ENVIRONMENTS_ROOT}${env}/current-dataset.json`,
    };
  }
  logger.warn(
    `DATASET_ID="${datasetId}" was never made current by any pointer: its manifest has no recorded digest to be checked against (its files are still checked against the manifest).`,
  );
  return { datasetId, manifestSha256: undefined, recordedBy: undefined };
}

/** The dataset id an environment reads (see resolveDataset). */
export async function resolveDatasetId(store: ObjectStore, config: AppConfig): Promise<string> {
  return (await resolveDataset(store, config)).datasetId;
}
