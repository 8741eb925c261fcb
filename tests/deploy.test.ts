// Site deploys against a real local S3 server: deploy → the live site served by `npm run serve
// --from s3` → a second deploy → rollback restores the first byte for byte; a deploy killed midway
// leaves the live site untouched and a later one picks up where it stopped; a failed health check
// rolls back on its own and tells the webhook; damaged snapshots are never made live; retention
// keeps the newest snapshots and never the live one's rollback target; a server restarted while
// S3 is down keeps serving its last verified copy.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeployError, deploySite, type DeployOptions } from "../data-loaders/deploy/deploy.js";
import { siteFileKey, siteManifestKey, snapshotPrefix } from "../data-loaders/deploy/layout.js";
import { followLiveSite, type LiveSite } from "../data-loaders/deploy/live.js";
import { readLivePointer, rollbackTarget } from "../data-loaders/deploy/pointer.js";
import { rollbackSite } from "../data-loaders/deploy/rollback.js";
import { listSnapshots, pruneSnapshots } from "../data-loaders/deploy/snapshots.js";
import { verifySnapshot } from "../data-loaders/deploy/verify.js";
import { createApp } from "../data-loaders/server/app.js";
import { serveSite, type RunningServer } from "../data-loaders/server/serve.js";
import { createStore } from "../data-loaders/storage/s3-store.js";
import {
  eventually,
  runCliAsync,
  startCli,
  startReceiver,
  writeSite,
  type Receiver,
  type RunningCli,
} from "./helpers/ops.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let env: NodeJS.ProcessEnv;
let receiver: Receiver;

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

async function health(url: string): Promise<{ snapshot?: string; status?: string }> {
  return (await fetch(new URL("healthz", url))).json() as Promise<{ snapshot?: string }>;
}

/** Every file of `dir`, fetched as it is (no compression) from the server, equals the file on disk. */
async function servesExactly(url: string, dir: string): Promise<void> {
  for (const path of filesOf(dir)) {
    const res = await fetch(new URL(path, url), { headers: { "accept-encoding": "identity" } });
    expect(res.status, path).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, path))), path).toBe(true);
  }
}

const check = { retries: 40, intervalMs: 250, timeoutMs: 5_000 };

beforeAll(async () => {
  s3 = await startTestS3("sites-test", { maxAttempts: 2 });
  receiver = await startReceiver();
  const work = tempDir("bttk-deploy-");
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...s3.vars,
    SITES_BUCKET: "sites-test",
    SITES_POLL_SECONDS: "1",
    CACHE_DIR: join(work, "cache"),
    LOG_DIR: join(work, "logs"),
    DIST_DIR: join(work, "dist"),
    NO_COLOR: "1",
  };
});

afterAll(async () => {
  await receiver?.close();
  await s3?.stop();
});

describe("deploy, serve from S3, rollback (the commands)", () => {
  let siteA: string;
  let siteB: string;
  let idA: string;
  let idB: string;
  let server: RunningCli;

  beforeAll(() => {
    siteA = tempDir("bttk-site-a-");
    siteB = tempDir("bttk-site-b-");
    idA = writeSite(siteA, { env: "preprod", builtAt: "2026-11-01T10:00:00.000Z" });
    idB = writeSite(siteB, {
      env: "preprod",
      builtAt: "2026-11-02T10:00:00.000Z",
      files: { "en/new.html": "<p>only in B</p>" },
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("deploys a first snapshot, which the server syncs from S3 and serves byte for byte", async () => {
    const first = await runCliAsync("deploy", ["--env", "preprod", "--dir", siteA], env).done;
    expect(first.stderr).toContain(`Snapshot ${idA} is live for "preprod" (before: none)`);
    expect(first.stdout).toBe(`${idA}\n`);
    expect(first.code).toBe(0);
    server = await startCli("serve", ["--env", "preprod", "--from", "s3", "--port", "0"], env);
    await eventually(async () => (await health(server.url)).snapshot === idA);
    await servesExactly(server.url, siteA);
  });

  it("deploys a second one, health-checked at the served URL", async () => {
    const second = runCliAsync(
      "deploy",
      ["--env", "preprod", "--dir", siteB, "--url", server.url, "--retries", "40", "--interval", "0.25"],
      env,
    );
    const result = await second.done;
    expect(result.stderr).toContain(`is healthy and serves snapshot ${idB}`);
    expect(result.code).toBe(0);
    expect((await health(server.url)).snapshot).toBe(idB);
    await servesExactly(server.url, siteB);
  });

  it("rolls back to the first, which is served again byte for byte, files of the second gone", async () => {
    const back = runCliAsync(
      "rollback",
      ["--env", "preprod", "--url", server.url, "--retries", "40", "--interval", "0.25"],
      env,
    );
    const result = await back.done;
    expect(result.stdout).toBe(`${idA}\n`);
    expect(result.stderr).toContain(`Rolled "preprod" back from ${idB} to ${idA}`);
    expect(result.code).toBe(0);
    await servesExactly(server.url, siteA);
    expect((await fetch(new URL("en/new.html", server.url))).status).toBe(404);
  });

  it("lists the snapshots with the live one marked", async () => {
    const list = await runCliAsync("snapshots", ["--env", "preprod", "--json"], env).done;
    expect(list.code).toBe(0);
    const json = JSON.parse(list.stdout) as {
      live: { snapshotId: string; reason: string };
      snapshots: { id: string; live: boolean; complete: boolean }[];
    };
    expect([json.live.snapshotId, json.live.reason]).toEqual([idA, "rollback"]);
    expect(json.snapshots.map((s) => [s.id, s.live, s.complete])).toEqual([
      [idB, false, true],
      [idA, true, true],
    ]);
    const text = (await runCliAsync("snapshots", ["--env", "preprod"], env).done).stdout;
    expect(text).toMatch(new RegExp(`${idA} .*live`));
  });

  it("leaves the live site untouched when a deploy is killed midway, and a later deploy finishes the job", async () => {
    const siteC = tempDir("bttk-site-c-");
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `_file/data/part-${i}.${String(i).padStart(8, "0")}.json`,
        JSON.stringify({ i, pad: "x".repeat(30_000) }),
      ]),
    );
    const idC = writeSite(siteC, { env: "preprod", builtAt: "2026-11-03T10:00:00.000Z", files: many });
    const deploy = runCliAsync("deploy", ["--env", "preprod", "--dir", siteC], env);
    await eventually(async () => (await s3.store.list(snapshotPrefix("preprod", idC))).length > 0, {
      everyMs: 20,
      timeoutMs: 60_000,
    });
    deploy.child.kill("SIGKILL");
    await deploy.done;
    const uploaded = (await s3.store.list(snapshotPrefix("preprod", idC))).length;
    expect(uploaded).toBeLessThan(310);
    expect(await s3.store.exists(siteManifestKey("preprod", idC))).toBe(false);
    expect((await readLivePointer(s3.store, "preprod"))!.snapshotId).toBe(idA);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await health(server.url)).snapshot).toBe(idA);
    await expect(verifySnapshot(s3.store, "preprod", idC)).rejects.toThrow(
      `Site snapshot ${idC} of "preprod" is incomplete`,
    );
    const listed = await listSnapshots(s3.store, "preprod", await readLivePointer(s3.store, "preprod"));
    expect(listed.find((s) => s.id === idC)).toMatchObject({ complete: false, live: false });
    expect((await runCliAsync("snapshots", ["--env", "preprod"], env).done).stdout).toMatch(
      new RegExp(`${idC} .*INCOMPLETE`),
    );

    const again = runCliAsync(
      "deploy",
      ["--env", "preprod", "--dir", siteC, "--url", server.url, "--retries", "60", "--interval", "0.25"],
      env,
    );
    const result = await again.done;
    expect(result.code).toBe(0);
    const reused = Number(/(\d+) already in S3/.exec(result.stderr)?.[1]);
    expect(reused).toBeGreaterThan(0);
    expect((await health(server.url)).snapshot).toBe(idC);
  });

  it("tells the webhook when a deploy fails before going live, without ever printing its URL", async () => {
    const empty = tempDir("bttk-site-empty-");
    const run = await runCliAsync("deploy", ["--env", "preprod", "--dir", empty], {
      ...env,
      DISCORD_WEBHOOK_URL: receiver.url,
    }).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("has no snapshot.json: it is not a site built by");
    expect(run.stderr + run.stdout).not.toContain("secret-token-xyz");
    const message = receiver.messages.at(-1)!.content;
    expect(message).toContain("❌ preprod: deploy failed before going live, nothing changed");
  });
});

describe("automatic rollback, verification, retention (in process)", () => {
  let live: LiveSite;
  let server: RunningServer;
  let cacheRoot: string;
  const options = (dir: string, extra: Partial<DeployOptions> = {}): DeployOptions => ({
    env: "prod",
    dir,
    keep: 5,
    url: server.url,
    check,
    webhookUrl: receiver.url,
    ...extra,
  });

  beforeAll(async () => {
    cacheRoot = tempDir("bttk-live-");
    live = await followLiveSite(s3.store, "prod", cacheRoot, { pollMs: 100 });
    server = await serveSite({ site: live.state, env: "prod" }, 0);
  });

  afterAll(async () => {
    live?.stop();
    await server?.close();
  });

  it("rolls back on its own when the new snapshot fails its health check, and says so", async () => {
    const good = tempDir("bttk-good-");
    const idGood = writeSite(good, { env: "prod", builtAt: "2026-11-05T10:00:00.000Z" });
    const first = await deploySite(s3.store, options(good));
    expect(first.health).toMatchObject({ ok: true });
    expect(receiver.messages.at(-1)!.content).toContain(
      `✅ prod: snapshot ${idGood} is live and healthy at ${server.url}`,
    );

    const broken = tempDir("bttk-broken-");
    const idBroken = writeSite(broken, {
      env: "prod",
      builtAt: "2026-11-06T10:00:00.000Z",
      home: "<p>oops</p>",
    });
    const failure = await deploySite(s3.store, options(broken)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeployError);
    expect((failure as Error).message).toContain(
      `Snapshot ${idBroken} of "prod" failed its health check: the home page ${server.url} does not name the site. Rolled back to ${idGood}: the site is healthy again.`,
    );
    const pointer = (await readLivePointer(s3.store, "prod"))!;
    expect([pointer.snapshotId, pointer.reason]).toEqual([idGood, "auto-rollback"]);
    expect(pointer.history[0]).toMatchObject({ snapshotId: idBroken, endedBy: "auto-rollback" });
    expect((await health(server.url)).snapshot).toBe(idGood);
    const message = receiver.messages.at(-1)!.content;
    expect(message).toContain(`❌ prod: snapshot ${idBroken} failed its health check`);
    expect(message).toContain(`rolled back to ${idGood} — the site is healthy again`);
    // A manual rollback now would never go back to the snapshot that failed.
    expect(rollbackTarget(pointer)).toBeUndefined();
  });

  it("refuses a build of another environment, and a snapshot damaged in S3", async () => {
    const other = tempDir("bttk-other-");
    writeSite(other, { env: "preprod", builtAt: "2026-11-07T10:00:00.000Z" });
    await expect(deploySite(s3.store, options(other))).rejects.toThrow(
      `is a build of "preprod", not of "prod"`,
    );

    const damaged = tempDir("bttk-damaged-");
    const id = writeSite(damaged, { env: "prod", builtAt: "2026-11-08T10:00:00.000Z" });
    const before = (await readLivePointer(s3.store, "prod"))!;
    await deploySite(s3.store, options(damaged, { url: undefined }));
    await rollbackSite(s3.store, "prod", { to: before.snapshotId });
    // Same size, other bytes: only the sha256 can tell.
    const key = siteFileKey("prod", id, "en/trends.html");
    const original = await s3.store.getBytes(key);
    await s3.store.put(key, Buffer.from(original.toString("utf8").replace("trend", "tREND")));
    await expect(rollbackSite(s3.store, "prod", { to: id })).rejects.toThrow(
      `Site snapshot ${id} of "prod" failed verification: en/trends.html has sha256`,
    );
    expect((await readLivePointer(s3.store, "prod"))!.snapshotId).toBe(before.snapshotId);
  });

  it("serves its last verified copy when restarted while S3 is down", async () => {
    const served = live.snapshotId()!;
    const down = createStore({
      ...s3.settings,
      endpoint: "http://127.0.0.1:9",
      timeoutMs: 500,
      maxAttempts: 1,
    });
    const restarted = await followLiveSite(down, "prod", cacheRoot, { pollMs: 60_000 });
    try {
      const res = await createApp({ site: restarted.state, env: "prod" }).request("/healthz");
      expect(((await res.json()) as { snapshot: string }).snapshot).toBe(served);
    } finally {
      restarted.stop();
    }
    const fresh = await followLiveSite(down, "prod", tempDir("bttk-live-fresh-"), { pollMs: 60_000 });
    await fresh.refresh();
    fresh.stop();
    const state = fresh.state();
    expect("reason" in state && state.reason).toMatch(
      /^the live snapshot could not be fetched: Cannot reach S3 at http:\/\/127\.0\.0\.1:9/,
    );
    down.close();
  });

  it("refuses to serve a live snapshot whose manifest changed after the deploy", async () => {
    const pointer = (await readLivePointer(s3.store, "prod"))!;
    const key = siteManifestKey("prod", pointer.snapshotId);
    const original = await s3.store.getBytes(key);
    await s3.store.put(key, original.toString("utf8").replace('"schemaVersion": 1', '"schemaVersion": 1 '));
    try {
      const fresh = await followLiveSite(s3.store, "prod", tempDir("bttk-live-tamper-"), { pollMs: 60_000 });
      await fresh.refresh();
      fresh.stop();
      const state = fresh.state();
      expect("reason" in state && state.reason).toContain(
        "does not have the sha256 its live pointer recorded",
      );
    } finally {
      await s3.store.put(key, original);
    }
  });
});

describe("rollback targets and retention", () => {
  const deployAt = async (day: number, keep = 10) => {
    const dir = tempDir("bttk-keep-");
    const id = writeSite(dir, {
      env: "local",
      builtAt: `2026-10-${String(day).padStart(2, "0")}T10:00:00.000Z`,
    });
    await deploySite(s3.store, { env: "local", dir, keep, check });
    rmSync(dir, { recursive: true, force: true });
    return id;
  };

  it("walks back one deploy at a time and never returns to a snapshot rolled back from", async () => {
    const [a, b, c] = [await deployAt(1), await deployAt(2), await deployAt(3)];
    expect((await rollbackSite(s3.store, "local")).to).toBe(b);
    expect((await rollbackSite(s3.store, "local")).to).toBe(a);
    await expect(rollbackSite(s3.store, "local")).rejects.toThrow(
      `"local" has no earlier snapshot to roll back to (live: ${a})`,
    );
    const same = await rollbackSite(s3.store, "local", { to: a });
    expect(same.switched).toBe(false);
    expect((await rollbackSite(s3.store, "local", { to: c })).to).toBe(c);
    await expect(rollbackSite(s3.store, "local", { to: "../prod" })).rejects.toThrow(
      '--to="../prod" is not a site snapshot id.',
    );
  });

  it("keeps the newest complete snapshots and the rollback target, and removes dead uploads after their grace", async () => {
    const ids = [await deployAt(10, 2), await deployAt(11, 2), await deployAt(12, 2), await deployAt(13, 2)];
    const pointer = (await readLivePointer(s3.store, "local"))!;
    const left = (await listSnapshots(s3.store, "local", pointer)).map((s) => s.id);
    expect(left.slice(0, 2)).toEqual([ids[3], ids[2]]);
    expect(left).not.toContain(ids[0]);
    expect(left).not.toContain(ids[1]);
    const dead = "20261001-000000-0000000000";
    await s3.store.put(`${snapshotPrefix("local", dead)}index.html`, "<p>half</p>");
    expect(await pruneSnapshots(s3.store, "local", pointer, 2)).toEqual([]);
    expect(await pruneSnapshots(s3.store, "local", pointer, 2, { graceMs: -1 })).toContain(dead);
    expect(await s3.store.exists(`${snapshotPrefix("local", dead)}index.html`)).toBe(false);
    expect((await listSnapshots(s3.store, "local", pointer)).find((s) => s.live)!.id).toBe(ids[3]);
  });
});
