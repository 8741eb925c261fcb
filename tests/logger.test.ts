// The logger: console on stderr only, JSON-lines files per environment, secrets never written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../data-loaders/config/config.js";
import { closeLogger, configureLogger, logger, redact } from "../data-loaders/logger.js";
import { tempDir } from "./helpers/s3.js";

afterEach(async () => closeLogger());

const lines = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("logger", () => {
  it("writes JSON lines per environment: everything to debug, errors to errors, and leaves the reader-event log to its own writer", async () => {
    const root = tempDir("bttk-logs-");
    const config = loadConfig({ env: "preprod", vars: { LOG_LEVEL: "error" }, root });
    configureLogger(config);
    logger.debug("synced snapshot", { datasetId: "ds-1" });
    logger.error("upload failed", { key: "datasets/x", secretAccessKey: "hunter2" });
    await closeLogger();
    const debug = lines(join(root, "logs", "preprod_debug.log"));
    expect(debug.map((l) => [l.env, l.level, l.message])).toEqual([
      ["preprod", "debug", "synced snapshot"],
      ["preprod", "error", "upload failed"],
    ]);
    expect(debug[0].context).toEqual([{ datasetId: "ds-1" }]);
    const errors = lines(join(root, "logs", "preprod_errors.log"));
    expect(errors).toHaveLength(1);
    expect(errors[0].context).toEqual([{ key: "datasets/x", secretAccessKey: "***" }]);
    expect(existsSync(join(root, "logs", "preprod_user_interactions.log"))).toBe(false);
    expect(readFileSync(join(root, "logs", "preprod_debug.log"), "utf8")).not.toContain("hunter2");
  });

  it("writes nothing to stdout, which carries loader data", async () => {
    const root = tempDir("bttk-logs-");
    configureLogger(loadConfig({ env: "local", vars: { LOG_LEVEL: "debug" }, root }), { files: false });
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stdout.write;
    try {
      logger.info("hello");
      logger.warn("careful");
    } finally {
      process.stdout.write = original;
    }
    expect(written).toEqual([]);
  });

  it("redacts secret-looking keys at any depth", () => {
    expect(redact({ s3: { secretAccessKey: "x", bucket: "b" }, headers: [{ Authorization: "y" }] })).toEqual({
      s3: { secretAccessKey: "***", bucket: "b" },
      headers: [{ Authorization: "***" }],
    });
  });
});
