// Open the environment's object store: the configured S3 endpoint, or — when S3_ENDPOINT is not
// set — the embedded local S3 server, started for the lifetime of the command.
import type { AppConfig } from "../config/config.js";
import { logger } from "../logger.js";
import { requestBoundMs } from "./limits.js";
import { startLocalS3 } from "./local-s3.js";
import { createStore, type ObjectStore } from "./s3-store.js";

export interface StoreConnection {
  store: ObjectStore;
  /** Endpoint actually used (the embedded server's random port when embedded). */
  endpoint: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function connectStore(config: AppConfig): Promise<StoreConnection> {
  const { s3 } = config;
  if (s3.endpoint) {
    const store = createStore({ ...s3, endpoint: s3.endpoint });
    logger.debug(
      `Connecting to S3 at ${s3.endpoint} (bucket "${s3.bucket}"); a silent endpoint fails a request within ${requestBoundMs(s3)} ms`,
    );
    // The first request: a wrong, silent or non-S3 endpoint fails here, within one request's bound.
    await store.checkAccess();
    return { store, endpoint: s3.endpoint, embedded: false, close: async () => store.close() };
  }
  const local = await startLocalS3({ directory: config.paths.localS3, buckets: [s3.bucket] });
  logger.debug(`Embedded S3 server on ${local.endpoint} (objects in ${config.paths.localS3})`);
  const store = createStore({ ...s3, endpoint: local.endpoint });
  await store.ensureBucket();
  return {
    store,
    endpoint: local.endpoint,
    embedded: true,
    async close() {
      store.close();
      await local.close();
    },
  };
}
