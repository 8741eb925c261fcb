// Open the sites bucket of an environment: the same S3 endpoint as the data (or the embedded
// server), its own bucket and, when given, its own key pair — one that may write only this
// environment's sites (see infra/README.md).
import type { AppConfig } from "../config/config.js";
import { connectStore, type StoreConnection } from "../storage/connect.js";
import { createStore } from "../storage/s3-store.js";

/** The config with the sites bucket and key pair in place of the data's. */
export function sitesConfig(config: AppConfig): AppConfig {
  const { bucket, accessKeyId, secretAccessKey } = config.sites;
  return { ...config, s3: { ...config.s3, bucket, accessKeyId, secretAccessKey } };
}

/**
 * `checkAccess: false` (the server) skips the first signed request, so a server can start and
 * serve its last synced snapshot while S3 is down; commands that write check access first.
 */
export async function connectSites(config: AppConfig, { checkAccess = true } = {}): Promise<StoreConnection> {
  const sites = sitesConfig(config);
  if (sites.s3.endpoint && !checkAccess) {
    const store = createStore({ ...sites.s3, endpoint: sites.s3.endpoint });
    return { store, endpoint: sites.s3.endpoint, embedded: false, close: async () => store.close() };
  }
  return connectStore(sites);
}
