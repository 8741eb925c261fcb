// Environment detection and the validated per-environment configuration.
import { copyFileSync, writeFileSync } from "node:fs";

import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT, redactConfig } from "../data-loaders/config/config.js";
import {
  detectEnvironment,
  environmentFromPath,
  parseEnvironment,
  resetEnvironment,
} from "../data-loaders/config/environment.js";
import { ConfigurationError } from "../data-loaders/errors.js";
import { tempDir } from "./helpers/s3.js";

afterEach(() => resetEnvironment());

describe("environment detection", () => {
  it("reads APP_ENV in any case", () => {
    expect(detectEnvironment({ APP_ENV: "PREPROD" }, "/srv/app")).toBe("preprod");
    resetEnvironment();
    expect(detectEnvironment({ APP_ENV: " Prod " }, "/srv/app")).toBe("prod");
  });

  it("prefers APP_ENV over a path hint, a path hint over the local default", () => {
    expect(detectEnvironment({ APP_ENV: "local" }, "/srv/prod/app")).toBe("local");
    resetEnvironment();
    expect(detectEnvironment({}, "/srv/bttk-preprod/app")).toBe("preprod");
    resetEnvironment();
    expect(detectEnvironment({}, "/home/me/code/kitchen")).toBe("local");
  });

  it("takes the deepest environment named in a path and ignores look-alikes", () => {
    expect(environmentFromPath("/srv/prod/releases/preprod")).toBe("preprod");
    expect(environmentFromPath("/home/product/app")).toBeUndefined();
  });

  it("caches the first answer until reset", () => {
    expect(detectEnvironment({ APP_ENV: "prod" })).toBe("prod");
    expect(detectEnvironment({ APP_ENV: "local" })).toBe("prod");
    resetEnvironment();
    expect(detectEnvironment({ APP_ENV: "local" })).toBe("local");
  });

  it("rejects an unknown APP_ENV with the valid values", () => {
    expect(() => detectEnvironment({ APP_ENV: "staging" })).toThrow(ConfigurationError);
    expect(() => parseEnvironment("staging")).toThrow(
      'APP_ENV="staging" is not an environment.\n→ Use one of: local, preprod, prod (case does not matter).',
    );
  });
});

describe("configuration", () => {
  const root = tempDir("bttk-config-");

  it("defaults to the embedded S3 server with per-environment ports, levels and log files", () => {
    const local = loadConfig({ env: "local", vars: {}, root });
    expect(local.s3.endpoint).toBeUndefined();
    expect(local.s3.bucket).toBe("back-to-the-kitchen");
    expect(local.port).toBe(3000);
    expect(local.logLevel).toBe("info");
    expect(local.paths.snapshots).toBe(join(root, ".cache", "snapshots"));
    const prod = loadConfig({ env: "prod", vars: {}, root });
    expect([prod.port, prod.logLevel]).toEqual([3002, "warn"]);
  });

  it("reads S3 settings from the environment, which wins over .env.<env>", () => {
    const dir = tempDir("bttk-config-");
    writeFileSync(
      join(dir, ".env.preprod"),
      "S3_ENDPOINT=http://garage.internal:3900\nS3_BUCKET=from-file\nS3_ACCESS_KEY_ID=GK1\nS3_SECRET_ACCESS_KEY=s3cr3t\n",
    );
    const config = loadConfig({ env: "preprod", vars: { S3_BUCKET: "from-env" }, root: dir });
    expect(config.s3).toEqual({
      endpoint: "http://garage.internal:3900",
      region: "garage",
      bucket: "from-env",
      accessKeyId: "GK1",
      secretAccessKey: "s3cr3t",
      timeoutMs: 10_000,
      maxAttempts: 3,
      lockLeaseMs: 60_000,
    });
    expect(redactConfig(config).s3.secretAccessKey).toBe("***");
  });

  it("requires credentials when an endpoint is set, naming the missing variable", () => {
    expect(() =>
      loadConfig({ env: "prod", vars: { S3_ENDPOINT: "http://s3:3900", S3_ACCESS_KEY_ID: "GK1" }, root }),
    ).toThrow('S3_ENDPOINT is set for "prod" but S3_SECRET_ACCESS_KEY is not.');
  });

  it("explains every invalid variable", () => {
    const attempt = () =>
      loadConfig({
        env: "local",
        vars: { S3_ENDPOINT: "garage:3900", S3_BUCKET: "Bad_Bucket", PORT: "http" },
        root,
      });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(
      /Invalid configuration for environment "local": S3_ENDPOINT must be an http\(s\) URL.*S3_BUCKET must be 3-63 lowercase.*PORT must be a port number/,
    );
  });

  it("reads the S3 timeout, attempts and lock lease", () => {
    const config = loadConfig({
      env: "local",
      vars: { S3_TIMEOUT_MS: "2500", S3_MAX_ATTEMPTS: "5", S3_LOCK_LEASE_SECONDS: "30" },
      root,
    });
    expect([config.s3.timeoutMs, config.s3.maxAttempts, config.s3.lockLeaseMs]).toEqual([2_500, 5, 30_000]);
  });

  it.each([
    ["S3_TIMEOUT_MS", "0", "must be milliseconds from 100 to 600000"],
    ["S3_TIMEOUT_MS", "10s", "must be milliseconds from 100 to 600000"],
    ["S3_MAX_ATTEMPTS", "0", "must be a whole number from 1 to 10"],
    ["S3_MAX_ATTEMPTS", "100", "must be a whole number from 1 to 10"],
    ["S3_LOCK_LEASE_SECONDS", "7200", "must be seconds from 1 to 3600"],
    ["PORT", "99999", "must be a port number from 1 to 65535"],
    ["PORT", "0", "must be a port number from 1 to 65535"],
    ["DATASET_ID", "..", "may only hold 1-128 letters"],
    ["DATASET_ID", "a/b", "may only hold 1-128 letters"],
  ])("rejects %s=%s before any work starts", (name, value, message) => {
    expect(() => loadConfig({ env: "local", vars: { [name]: value }, root })).toThrow(`${name} ${message}`);
  });

  it("runs on embedded defaults with .env.example copied as-is to .env.local", () => {
    const dir = tempDir("bttk-config-");
    copyFileSync(join(PROJECT_ROOT, ".env.example"), join(dir, ".env.local"));
    const config = loadConfig({ env: "local", vars: {}, root: dir });
    expect(config.s3.endpoint).toBeUndefined();
    expect(config.s3.accessKeyId).toBe("S3RVER");
    expect(config.port).toBe(3000);
    expect(config.datasetId).toBeUndefined();
  });

  it("rejects a bad --env value", () => {
    expect(() => loadConfig({ env: "qa", vars: {}, root })).toThrow('--env="qa" is not an environment.');
  });
});
