// A real S3 server for tests: s3rver over HTTP on 127.0.0.1, random port, objects in a temp folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMBEDDED_CREDENTIALS } from "../../data-loaders/config/config.js";
import { startLocalS3, type LocalS3 } from "../../data-loaders/storage/local-s3.js";
import { createStore, type ObjectStore, type StoreSettings } from "../../data-loaders/storage/s3-store.js";

export interface TestS3 {
  server: LocalS3;
  settings: StoreSettings;
  store: ObjectStore;
  dir: string;
  /** Variables that point a config at this server. */
  vars: Record<string, string>;
  stop(): Promise<void>;
}

/** `settings` override the test store's (e.g. a short lockLeaseMs for stale-claim tests). */
export async function startTestS3(
  bucket = "test-bucket",
  settings0: Partial<StoreSettings> = {},
): Promise<TestS3> {
  const dir = mkdtempSync(join(tmpdir(), "bttk-s3-"));
  const server = await startLocalS3({ directory: dir, buckets: [bucket] });
  const settings: StoreSettings = {
    endpoint: server.endpoint,
    region: "us-east-1",
    bucket,
    ...EMBEDDED_CREDENTIALS,
    maxAttempts: 1,
    ...settings0,
  };
  const store = createStore(settings);
  return {
    server,
    settings,
    store,
    dir,
    vars: {
      S3_ENDPOINT: server.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: EMBEDDED_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: EMBEDDED_CREDENTIALS.secretAccessKey,
    },
    async stop() {
      store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const created: string[] = [];

/** A fresh temporary folder, removed after the test file by removeTempDirs (tests/setup.ts). */
export function tempDir(prefix = "bttk-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
