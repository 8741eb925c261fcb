// Where things live in the bucket. One place, so the ingest, the cache and (later) site deploys
// agree on every key.
import type { Environment } from "../config/environment.js";

export const datasetPrefix = (datasetId: string) => `datasets/${datasetId}/`;
export const datasetKey = (datasetId: string, file: string) => `${datasetPrefix(datasetId)}${file}`;
export const manifestKey = (datasetId: string) => datasetKey(datasetId, "manifest.json");
/** The environment's current-dataset pointer: switched last, after a dataset is complete. */
export const pointerKey = (env: Environment) => `environments/${env}/current-dataset.json`;
