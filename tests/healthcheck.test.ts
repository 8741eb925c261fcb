// `npm run healthcheck` against real servers on 127.0.0.1: healthy when /healthz answers 200 for
// the right environment and snapshot and the home page names the site; otherwise exit 1 with the
// last problem after the retries, posted to the webhook when one is set (its URL never printed).
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth, siteBase, waitHealthy } from "../data-loaders/deploy/healthcheck.js";
import { serveSite, type RunningServer } from "../data-loaders/server/serve.js";
import {
  closedPort,
  eventually,
  runCliAsync,
  startReceiver,
  writeSite,
  type Receiver,
} from "./helpers/ops.js";
import { tempDir } from "./helpers/s3.js";

let site: string;
let id: string;
let server: RunningServer;
let receiver: Receiver;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  site = tempDir("bttk-health-site-");
  id = writeSite(site, { env: "preprod" });
  server = await serveSite({ site, env: "preprod" }, 0);
  receiver = await startReceiver();
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_DIR: tempDir("bttk-health-logs-"),
    NO_COLOR: "1",
  };
});

afterAll(async () => {
  await server.close();
  await receiver.close();
});

describe("checkHealth", () => {
  it("is healthy for the right environment and snapshot", async () => {
    const result = await checkHealth(server.url, { env: "preprod", snapshot: id });
    expect(result).toMatchObject({ ok: true, health: { env: "preprod", snapshot: id } });
  });

  it.each([
    [{ env: "prod" }, `serves "preprod", expected "prod"`],
    [
      { snapshot: "20260101-000000-0000000000" },
      `serves snapshot SNAPSHOT, expected 20260101-000000-0000000000`,
    ],
  ])("names what is wrong: %j", async (expect_, problem) => {
    const result = await checkHealth(server.url, expect_);
    expect(result).toEqual({ ok: false, problem: `${server.url}healthz ${problem.replace("SNAPSHOT", id)}` });
  });

  it("fails a home page that does not name the site, and a broken snapshot.json with its reason", async () => {
    const dir = tempDir("bttk-health-broken-");
    writeSite(dir, { home: "<p>It works!</p>" });
    const broken = await serveSite(dir, 0);
    try {
      expect(await checkHealth(broken.url)).toEqual({
        ok: false,
        problem: `the home page ${broken.url} does not name the site`,
      });
      writeFileSync(join(dir, "snapshot.json"), "{ truncated");
      expect(await checkHealth(broken.url)).toEqual({
        ok: false,
        problem: `${broken.url}healthz answered 503: snapshot.json is not valid JSON`,
      });
    } finally {
      await broken.close();
    }
  });

  it("resolves /healthz under a path prefix", () => {
    expect(new URL("healthz", siteBase("https://example.org/kitchen")).href).toBe(
      "https://example.org/kitchen/healthz",
    );
  });

  it("retries until the site is up", async () => {
    const dir = tempDir("bttk-health-late-");
    writeSite(dir);
    rmSync(join(dir, "snapshot.json"));
    const late = await serveSite(dir, 0);
    try {
      const failures: string[] = [];
      const waiting = waitHealthy(
        late.url,
        {},
        { retries: 50, intervalMs: 100, onFailure: (_, p) => failures.push(p) },
      );
      await eventually(async () => failures.length >= 2);
      writeSite(dir);
      const result = await waiting;
      expect(result.ok).toBe(true);
      expect(result.attempts).toBeGreaterThan(2);
      expect(failures[0]).toContain("healthz answered 503: the site has no snapshot.json");
    } finally {
      await late.close();
    }
  });
});

describe("npm run healthcheck", () => {
  it("exits 0 and prints the health report when healthy", async () => {
    const run = await runCliAsync(
      "healthcheck",
      ["--url", server.url, "--env", "preprod", "--snapshot", id, "--retries", "1"],
      env,
    ).done;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "ok", env: "preprod", snapshot: id });
  });

  it("exits 1 after its retries with the last problem, and tells the webhook without printing its URL", async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}/`;
    const run = await runCliAsync(
      "healthcheck",
      ["--url", unreachable, "--env", "prod", "--retries", "2", "--interval", "0.1", "--timeout", "2"],
      { ...env, DISCORD_WEBHOOK_URL: receiver.url },
    ).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`Check 1/2: ${unreachable}healthz cannot be reached (ECONNREFUSED)`);
    expect(run.stderr).toContain(
      `${unreachable} is unhealthy after 2 check(s): ${unreachable}healthz cannot be reached (ECONNREFUSED).`,
    );
    expect(run.stderr).not.toContain("secret-token-xyz");
    expect(receiver.messages.at(-1)!.content).toBe(
      `🚨 Health check failed for ${unreachable} (prod): ${unreachable}healthz cannot be reached (ECONNREFUSED).`,
    );
  });

  it("refuses an environment that does not exist", async () => {
    const run = await runCliAsync("healthcheck", ["--url", server.url, "--env", "staging"], env).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--env="staging" is not an environment.');
  });
});
