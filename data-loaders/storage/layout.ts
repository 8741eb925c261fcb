// Where things live in the bucket. One place, so the ingest, the cache, gc and (later) site deploys
// agree on every key.
import type { Environment } from "../config/environment.js";
import { checkDatasetId } from "./dataset-id.js";

export const DATASETS_ROOT = "datasets/";
export const ENVIRONMENTS_ROOT = "environments/";
export const LOCKS_ROOT = "locks/";
export const MANIFEST_FILE = "manifest.json";
const POINTER_FILE = "current-dataset.json";

/** The dataset's folder. The id is checked here too: `..` or `/` would escape datasets/. */
export const datasetPrefix = (datasetId: string) => `${DATASETS_ROOT}${checkDatasetId(datasetId)}/`;
export const datasetKey = (datasetId: string, file: string) => `${datasetPrefix(datasetId)}${file}`;
export const manifestKey = (datasetId: string) => datasetKey(datasetId, MANIFEST_FILE);
/** The environment's current-dataset pointer: switched last, after a dataset is complete. */
export const pointerKey = (env: Environment) => `${ENVIRONMENTS_ROOT}${env}/${POINTER_FILE}`;
/** The environment named by a pointer key, or undefined when the key is not a pointer. */
export const pointerEnvironment = (key: string): string | undefined =>
  new RegExp(`^${ENVIRONMENTS_ROOT}([^/]+)/${POINTER_FILE.replace(".", "\\.")}$`).exec(key)?.[1];
/** The claims of one lock (storage/lock.ts). */
export const lockPrefix = (name: string) => `${LOCKS_ROOT}${name}/`;
/** The dataset id of a key under datasets/, or undefined. */
export const datasetOfKey = (key: string): string | undefined =>
  key.startsWith(DATASETS_ROOT) ? key.slice(DATASETS_ROOT.length).split("/")[0] || undefined : undefined;
