// What `npm start` and `npm run dev` need before deciding to make the embedded default dataset:
// its parameters, the flag that allows it outside `local`, the command that ingests real files
// instead, and whether the environment has a dataset at all. Kept apart from bootstrap.ts, which
// loads the generator, the ingest pipeline and DuckDB: a start that serves an unchanged build
// must not pay for loading them.
import type { AppConfig } from "../config/config.js";
import { readPointer } from "../snapshot/pointer.js";
import type { ObjectStore } from "../storage/s3-store.js";

export const DEFAULT_DATASET = { scale: 1, seed: 42 } as const;

/** The flag of `npm start` and `npm run dev` that lifts the local-only rule (citty argument). */
export const allowGeneratedArg = {
  "allow-generated": {
    type: "boolean",
    description: "Generate data for preprod/prod too when they have none (pages then say it is generated)",
  },
} as const;

/** The command that puts real files in an environment, for messages. */
export const ingestCommand = (env: string) =>
  `npm run data:ingest -- --env ${env} --recipes <RAW_recipes.csv> --interactions <RAW_interactions.csv>`;

/** Whether the environment has a dataset to build from: a pinned id, or a current-dataset pointer. */
export async function hasDataset(config: AppConfig, store: ObjectStore): Promise<boolean> {
  return Boolean(config.datasetId || (await readPointer(store, config.env)));
}
