// How commands open their stores (data-loaders/storage/connect.ts, data-loaders/deploy/connect.ts):
// the embedded S3 server when no endpoint is set, a configured endpoint checked by a first signed
// request, and the sites bucket with its own key pair — against real local S3 servers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type AppConfig } from "../data-loaders/config/config.js";
import { connectSites, sitesConfig } from "../data-loaders/deploy/connect.js";
import { connectStore } from "../data-loaders/storage/connect.js";
import { closedPort } from "./helpers/ops.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let base: AppConfig;

beforeAll(async () => {
  s3 = await startTestS3("connect-bucket");
  base = loadConfig({ env: "local" });
});

afterAll(async () => {
  await s3?.stop();
});

const pointedAt = (endpoint: string, bucket = "connect-bucket"): AppConfig => ({
  ...base,
  s3: { ...base.s3, ...s3.settings, endpoint, bucket, maxAttempts: 1, timeoutMs: 2_000 },
});

describe("connectStore", () => {
  it("starts the embedded S3 server with the bucket when no endpoint is set, and stops it on close", async () => {
    const dir = tempDir("bttk-connect-embedded-");
    const config = {
      ...base,
      s3: { ...base.s3, endpoint: undefined, bucket: "embedded-bucket" },
      paths: { ...base.paths, localS3: dir },
    };
    const connection = await connectStore(config);
    expect(connection.embedded).toBe(true);
    expect(connection.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await connection.store.put("hello.txt", "bonjour");
    expect(await connection.store.getText("hello.txt")).toBe("bonjour");
    await connection.close();
    await expect(fetch(connection.endpoint)).rejects.toThrow();
    // The objects stay on disk: the next command finds them.
    const again = await connectStore(config);
    try {
      expect(await again.store.getText("hello.txt")).toBe("bonjour");
    } finally {
      await again.close();
    }
  });

  it("checks a configured endpoint with a first signed request", async () => {
    const connection = await connectStore(pointedAt(s3.settings.endpoint));
    expect([connection.embedded, connection.endpoint]).toEqual([false, s3.settings.endpoint]);
    await connection.close();
    await expect(connectStore(pointedAt(s3.settings.endpoint, "no-such-bucket"))).rejects.toThrow(
      /no-such-bucket/,
    );
    const closed = `http://127.0.0.1:${await closedPort()}`;
    await expect(connectStore(pointedAt(closed))).rejects.toThrow(`Cannot reach S3 at ${closed}`);
  });
});

describe("connectSites", () => {
  it("uses the sites bucket and its own key pair in place of the data's", () => {
    const config = {
      ...base,
      sites: { ...base.sites, bucket: "sites-b", accessKeyId: "GKsites", secretAccessKey: "sites-secret" },
    };
    const sites = sitesConfig(config);
    expect([sites.s3.bucket, sites.s3.accessKeyId, sites.s3.secretAccessKey]).toEqual([
      "sites-b",
      "GKsites",
      "sites-secret",
    ]);
    expect(sites.s3.endpoint).toBe(config.s3.endpoint);
    expect(config.s3.bucket).not.toBe("sites-b");
  });

  it("lets the server start without reaching S3, while commands that write check access first", async () => {
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const config = {
      ...pointedAt(closed),
      sites: { ...base.sites, ...s3.settings, bucket: "connect-bucket" },
    };
    // The server: no request yet, so a down S3 does not keep it from serving its last snapshot.
    const lazy = await connectSites(config, { checkAccess: false });
    expect([lazy.embedded, lazy.endpoint]).toEqual([false, closed]);
    await lazy.close();
    await expect(connectSites(config)).rejects.toThrow(`Cannot reach S3 at ${closed}`);
    const reachable = await connectSites({ ...config, s3: { ...config.s3, endpoint: s3.settings.endpoint } });
    await reachable.store.put("sites-check.txt", "ok");
    expect(await s3.store.getText("sites-check.txt")).toBe("ok");
    await reachable.close();
  });
});
