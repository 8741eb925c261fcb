// The environment's current-dataset pointer: a small JSON object switched last by the ingest, so
// readers always see a complete snapshot. DATASET_ID in the config pins a dataset instead.
import { z } from "zod";
import type { AppConfig } from "../config/config.js";
import type { Environment } from "../config/environment.js";
import { StorageError } from "../errors.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { manifestKey, pointerKey } from "../storage/layout.js";

export interface DatasetPointer {
  datasetId: string;
  manifestSha256: string;
  updatedAt: string;
  /** The dataset this one replaced, for a manual rollback. */
  previous: string | null;
}

const pointerSchema = z.object({
  datasetId: z.string().min(1),
  manifestSha256: z.string(),
  updatedAt: z.string(),
  previous: z.string().nullable(),
});

export async function readPointer(store: ObjectStore, env: Environment): Promise<DatasetPointer | undefined> {
  const key = pointerKey(env);
  if (!(await store.exists(key))) return undefined;
  const parsed = pointerSchema.safeParse(JSON.parse(await store.getText(key)));
  if (!parsed.success) {
    throw new StorageError(`The dataset pointer s3://${store.bucket}/${key} is malformed.`, {
      hint: `Publish a dataset again with \`npm run data:ingest -- --env ${env} …\`.`,
    });
  }
  return parsed.data;
}

export async function writePointer(
  store: ObjectStore,
  env: Environment,
  pointer: Omit<DatasetPointer, "updatedAt" | "previous">,
): Promise<DatasetPointer> {
  const previous = (await readPointer(store, env))?.datasetId ?? null;
  const next: DatasetPointer = { ...pointer, updatedAt: new Date().toISOString(), previous };
  await store.put(pointerKey(env), JSON.stringify(next, null, 2), "application/json");
  return next;
}

/** The dataset an environment reads: DATASET_ID when pinned, else its current pointer. */
export async function resolveDatasetId(store: ObjectStore, config: AppConfig): Promise<string> {
  if (config.datasetId) {
    if (!(await store.exists(manifestKey(config.datasetId)))) {
      throw new StorageError(`DATASET_ID="${config.datasetId}" has no manifest in s3://${store.bucket}/.`, {
        hint: "Check the id with `npm run data:inspect -- --list`, or unset DATASET_ID to follow the current dataset.",
      });
    }
    return config.datasetId;
  }
  const pointer = await readPointer(store, config.env);
  if (!pointer) {
    throw new StorageError(
      `No dataset is published for environment "${config.env}" in s3://${store.bucket}/.`,
      {
        hint: `Run \`npm run data:ingest -- --env ${config.env} --recipes <csv> --interactions <csv>\` (or \`npm start\` locally, which generates one).`,
      },
    );
  }
  return pointer.datasetId;
}
