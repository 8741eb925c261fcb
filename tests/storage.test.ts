// The S3 store, the lock, dataset ids and the snapshot cache against a real S3 server (s3rver
// over HTTP on 127.0.0.1).
import { existsSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError, StorageError } from "../data-loaders/errors.js";
import { syncSnapshot } from "../data-loaders/snapshot/cache.js";
import { sha256Hex } from "../data-loaders/snapshot/manifest.js";
import { checkDatasetId, makeDatasetId, printable } from "../data-loaders/storage/dataset-id.js";
import { datasetKey, datasetPrefix, lockPrefix, manifestKey } from "../data-loaders/storage/layout.js";
import { acquireLock, LockHeldError } from "../data-loaders/storage/lock.js";
import { createStore } from "../data-loaders/storage/s3-store.js";
import { applyPatches, installedStates, PATCHES, patchSource } from "../data-loaders/storage/s3rver-patch.js";
import { putFakeDataset } from "./helpers/fake-dataset.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => s3.stop());

describe("S3 store", () => {
  it("round-trips objects over HTTP and lists them by prefix", async () => {
    await s3.store.put("a/one.txt", "héllo");
    await s3.store.put("a/two.txt", new Uint8Array([1, 2, 3]));
    expect(await s3.store.getText("a/one.txt")).toBe("héllo");
    expect([...(await s3.store.getBytes("a/two.txt"))]).toEqual([1, 2, 3]);
    const listed = await s3.store.list("a/");
    expect(listed.map((o) => [o.key, o.size])).toEqual([
      ["a/one.txt", 6],
      ["a/two.txt", 3],
    ]);
    expect(Math.abs(listed[0].lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await s3.store.exists("a/one.txt")).toBe(true);
    expect(await s3.store.exists("a/none.txt")).toBe(false);
    expect(await s3.store.digest("a/one.txt")).toEqual({ sha256: sha256Hex("héllo"), bytes: 6 });
  });

  it("lists 1,500 objects completely, across pages of the embedded server", async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `many/${String(i).padStart(4, "0")}.txt`);
    for (let i = 0; i < keys.length; i += 100)
      await Promise.all(keys.slice(i, i + 100).map((k) => s3.store.put(k, k)));
    const listed = await s3.store.list("many/");
    expect(listed).toHaveLength(1500);
    expect(listed.map((o) => o.key)).toEqual(keys);
    await s3.store.remove(keys);
    expect(await s3.store.list("many/")).toEqual([]);
  });

  it("names a missing object and says what to do", async () => {
    const attempt = s3.store.getText("datasets/nope/manifest.json");
    await expect(attempt).rejects.toThrow(StorageError);
    await expect(attempt).rejects.toThrow(
      /Object s3:\/\/test-bucket\/datasets\/nope\/manifest\.json does not exist at http:\/\/127\.0\.0\.1:\d+\.\n→ Check the dataset id/,
    );
  });

  it("reports refused credentials without printing the secret", async () => {
    const bad = createStore({ ...s3.settings, accessKeyId: "WRONG", secretAccessKey: "do-not-print-me" });
    const attempt = bad.checkAccess();
    await expect(attempt).rejects.toThrow(/refused the credentials \(InvalidAccessKeyId\)/);
    await expect(attempt).rejects.toThrow(/Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    await attempt.catch((e: Error) => expect(e.message).not.toContain("do-not-print-me"));
    bad.close();
  });

  it("reports a missing bucket", async () => {
    const other = createStore({ ...s3.settings, bucket: "no-such-bucket" });
    await expect(other.checkAccess()).rejects.toThrow(
      /Bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+\./,
    );
    other.close();
  });

  it("reports an unreachable endpoint after its attempts", async () => {
    const nowhere = createStore({ ...s3.settings, endpoint: "http://127.0.0.1:9", maxAttempts: 2 });
    await expect(nowhere.getText("x")).rejects.toThrow(
      /Cannot reach S3 at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\) after 2 attempts/,
    );
    nowhere.close();
  });
});

describe("embedded S3 patch (continuation tokens without DES)", () => {
  // The token code of s3rver 3.7.1, as published (controllers/bucket.js).
  const original = `function generateContinuationToken(bucket, keyName, region) {
  const key = Buffer.alloc(8, 'S3RVER', 'utf8');
  const iv = crypto.randomBytes(8);
  const cipher = crypto.createCipheriv('des', key, iv);
  return Buffer.concat([iv, cipher.update(\`\${region}/\${bucket}/\${keyName}\`, 'utf8'), cipher.final()]).toString('base64');
}

function decipherContinuationToken(token) {
  const buf = Buffer.from(token, 'base64');
  const decipher = crypto.createDecipheriv('des', Buffer.alloc(8), buf.slice(0, 8));
  return Buffer.concat([decipher.update(buf.slice(8)), decipher.final()]).toString('utf8');
}

exports.bucketExists = async function bucketExists(ctx, next) {};
`;

  const tokens = PATCHES.find((p) => p.name === "tokens")!;

  it("replaces the DES token functions with a reversible token, once", () => {
    const patched = patchSource(tokens, original);
    expect(patched).toContain("back-to-the-kitchen patch (tokens)");
    expect(patched).not.toContain("createCipheriv");
    expect(patched).toContain("exports.bucketExists");
    expect(patchSource(tokens, patched)).toBe(patched);
    // The patched functions round-trip a key, in a sandbox of their own.
    const fns = new Function(
      "Buffer",
      "exports",
      `${patched}; return { generateContinuationToken, decipherContinuationToken };`,
    )(Buffer, {}) as Record<string, (...a: string[]) => string>;
    const token = fns.generateContinuationToken("bucket", "datasets/a/ü.parquet", "us-east-1");
    expect(fns.decipherContinuationToken(token)).toBe("us-east-1/bucket/datasets/a/ü.parquet");
  });

  it("refuses code of an unknown shape rather than guessing", () => {
    for (const patch of PATCHES)
      expect(() => patchSource(patch, "crypto.createCipheriv('des', k, iv)")).toThrow(/update the patch/);
  });

  it("is applied to the installed s3rver (postinstall), and applying again changes nothing", () => {
    expect(installedStates().map((s) => [s.patch.name, s.state])).toEqual(
      PATCHES.map((p) => [p.name, "patched"]),
    );
    expect(applyPatches()).toEqual([]);
  });

  it("never serves a partial object while it is being overwritten", async () => {
    const versions = ["a".repeat(10), "b".repeat(200_000), "c".repeat(3), "d".repeat(50_000)];
    await s3.store.put("race/pointer.json", versions[0]);
    const seen = new Set<string>();
    const writes = (async () => {
      for (let round = 0; round < 10; round++)
        for (const v of versions) await s3.store.put("race/pointer.json", v);
    })();
    const reads = (async () => {
      for (let i = 0; i < 60; i++) seen.add(await s3.store.getText("race/pointer.json"));
    })();
    await Promise.all([writes, reads]);
    for (const text of seen) expect(versions).toContain(text);
  });
});

describe("dataset ids", () => {
  it("accepts letters, digits, dot, dash and underscore", () => {
    expect(checkDatasetId("2026-11_kaggle.v2")).toBe("2026-11_kaggle.v2");
  });

  it.each(["..", ".", "a/b", "../x", "", "a b", "x".repeat(129), "é"])("refuses %j", (id) => {
    expect(() => checkDatasetId(id, "--dataset-id")).toThrow(ConfigurationError);
    expect(() => datasetPrefix(id)).toThrow(/is not a valid dataset id/);
  });

  it("prints a hostile id escaped and cut", () => {
    expect(() => checkDatasetId("a\u001b[31m\nb", "--dataset-id")).toThrow('--dataset-id="a\\u001b[31m\\nb"');
    expect(printable("y".repeat(200)).length).toBe(81);
  });

  it("makes different ids for two ingests in the same second with the same files", () => {
    const now = new Date("2026-11-24T08:15:00.123Z");
    const a = makeDatasetId(now, ["3f2a0000", "9c1d0000"], Buffer.from([1, 2, 3]));
    const b = makeDatasetId(now, ["3f2a0000", "9c1d0000"], Buffer.from([4, 5, 6]));
    expect(a).toMatch(/^20261124-081500-3f2a9c1d-[a-z0-9]{4}$/);
    expect(b).not.toBe(a);
    expect(makeDatasetId(now, ["3f2a", "9c1d"])).not.toBe(makeDatasetId(now, ["3f2a", "9c1d"]));
    expect(checkDatasetId(a)).toBe(a);
  });
});

describe("lock on a bucket", () => {
  it("lets only one of many concurrent contenders hold it at a time", async () => {
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const lock = await acquireLock(s3.store, "crowd", {
          what: "the crowd test",
          attempts: 40,
          backoffMs: 20,
        });
        inside += 1;
        most = Math.max(most, inside);
        await sleep(15);
        inside -= 1;
        order.push(i);
        await lock.release();
      }),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await s3.store.list(lockPrefix("crowd"))).toEqual([]);
  });

  it("refuses a second holder, naming the first, and leaves no claim of its own", async () => {
    const first = await acquireLock(s3.store, "busy", { what: "the busy thing", attempts: 1 });
    const second = acquireLock(s3.store, "busy", { what: "the busy thing", attempts: 2, backoffMs: 10 });
    await expect(second).rejects.toThrow(LockHeldError);
    await expect(second).rejects.toThrow(
      new RegExp(`Cannot lock the busy thing: it is held by .*\\(pid ${process.pid} on .*2 attempts\\)`),
    );
    expect((await s3.store.list(lockPrefix("busy"))).map((c) => c.key)).toEqual([first.key]);
    await first.release();
    expect(await s3.store.list(lockPrefix("busy"))).toEqual([]);
  });

  describe("with a one-second lease", () => {
    let short: TestS3;
    beforeAll(async () => {
      short = await startTestS3("lease-bucket", { lockLeaseMs: 1_000 });
    });
    afterAll(async () => short.stop());

    it("takes over a claim whose holder stopped renewing it, and removes that claim", async () => {
      const dead = `${lockPrefix("orphan")}0-killed-holder.json`;
      await short.store.put(dead, "{}");
      await sleep(2_200); // LastModified has one-second resolution on s3rver
      const lock = await acquireLock(short.store, "orphan", { what: "orphan", attempts: 1 });
      expect((await short.store.list(lockPrefix("orphan"))).map((c) => c.key)).toEqual([lock.key]);
      await lock.release();
    });

    it("keeps a long hold alive by renewing it", async () => {
      const lock = await acquireLock(short.store, "long", { what: "long", attempts: 1 });
      await sleep(2_500);
      await expect(acquireLock(short.store, "long", { what: "long", attempts: 2 })).rejects.toThrow(
        LockHeldError,
      );
      await expect(lock.check()).resolves.toBeUndefined();
      await lock.release();
    });

    it("tells a holder that its claim is gone", async () => {
      const lock = await acquireLock(short.store, "lost", { what: "lost", attempts: 1 });
      await short.store.remove([lock.key]);
      await expect(lock.check()).rejects.toThrow(/Lost the lock on s3:\/\/lease-bucket\/locks\/lost\//);
      await lock.release();
    });
  });
});

describe("snapshot cache", () => {
  it("downloads a snapshot, checks every sha256, and reuses it on the next sync", async () => {
    await putFakeDataset(s3.store, "ds-1", {
      "recipes.parquet": "recipes bytes",
      "interactions.parquet": "interactions bytes",
    });
    const cache = tempDir("bttk-cache-");
    const first = await syncSnapshot(s3.store, "ds-1", cache);
    expect(first.downloaded.sort()).toEqual(["interactions.parquet", "recipes.parquet"]);
    expect(readFileSync(join(cache, "ds-1", "recipes.parquet"), "utf8")).toBe("recipes bytes");
    expect(existsSync(join(cache, "ds-1", "manifest.json"))).toBe(true);
    const second = await syncSnapshot(s3.store, "ds-1", cache);
    expect(second.downloaded).toEqual([]);
    expect(second.reused.sort()).toEqual(["interactions.parquet", "recipes.parquet"]);
    expect(second.manifestSha256).toBe(first.manifestSha256);
  });

  it("downloads again a corrupt or partial cached file", async () => {
    await putFakeDataset(s3.store, "ds-2", {
      "recipes.parquet": "recipes bytes 2",
      "interactions.parquet": "interactions 2",
    });
    const cache = tempDir("bttk-cache-");
    await syncSnapshot(s3.store, "ds-2", cache);
    writeFileSync(join(cache, "ds-2", "recipes.parquet"), "recipes bytes X"); // same size, one byte changed
    truncateSync(join(cache, "ds-2", "interactions.parquet"), 4); // partial
    const again = await syncSnapshot(s3.store, "ds-2", cache);
    expect(again.downloaded.sort()).toEqual(["interactions.parquet", "recipes.parquet"]);
    expect(readFileSync(join(cache, "ds-2", "recipes.parquet"), "utf8")).toBe("recipes bytes 2");
    expect(readFileSync(join(cache, "ds-2", "interactions.parquet"), "utf8")).toBe("interactions 2");
  });

  it("refuses an object whose bytes do not match the manifest, and keeps nothing of it", async () => {
    await putFakeDataset(s3.store, "ds-3", { "recipes.parquet": "good bytes" });
    await s3.store.put(datasetKey("ds-3", "recipes.parquet"), "tampered bytes");
    const cache = tempDir("bttk-cache-");
    await expect(syncSnapshot(s3.store, "ds-3", cache)).rejects.toThrow(
      /s3:\/\/test-bucket\/datasets\/ds-3\/recipes\.parquet has sha256 .*, the manifest says .*\n→ The object in S3 is damaged/,
    );
    expect(existsSync(join(cache, "ds-3", "recipes.parquet"))).toBe(false);
    expect(existsSync(join(cache, "ds-3", "manifest.json"))).toBe(false);
  });

  it("is safe when two processes sync the same snapshot at once", async () => {
    const big = "x".repeat(3_000_000);
    await putFakeDataset(s3.store, "ds-4", { "recipes.parquet": big, "interactions.parquet": big + "y" });
    const cache = tempDir("bttk-cache-");
    const results = await Promise.all([1, 2, 3].map(() => syncSnapshot(s3.store, "ds-4", cache)));
    expect(results.every((r) => r.manifestSha256 === results[0].manifestSha256)).toBe(true);
    expect(readFileSync(join(cache, "ds-4", "recipes.parquet"), "utf8")).toBe(big);
    expect(readFileSync(join(cache, "ds-4", "interactions.parquet"), "utf8")).toBe(big + "y");
  });

  it("rejects a manifest that is not valid JSON or not of this schema", async () => {
    await s3.store.put(manifestKey("ds-5"), "{not json");
    await expect(syncSnapshot(s3.store, "ds-5", tempDir())).rejects.toThrow(
      /Manifest s3:\/\/test-bucket\/datasets\/ds-5\/manifest\.json is not valid JSON/,
    );
    await s3.store.put(manifestKey("ds-6"), JSON.stringify({ schemaVersion: 99 }));
    await expect(syncSnapshot(s3.store, "ds-6", tempDir())).rejects.toThrow(
      /does not match schema version 2: schemaVersion/,
    );
  });

  it("refuses a manifest whose sha256 is not the one its pointer recorded, before using any of it", async () => {
    const { manifestText } = await putFakeDataset(s3.store, "ds-7");
    const recorded = sha256Hex(manifestText);
    const cache = tempDir("bttk-cache-");
    const expected = {
      sha256: recorded,
      recordedBy: "s3://test-bucket/environments/prod/current-dataset.json",
    };
    expect((await syncSnapshot(s3.store, "ds-7", cache, expected)).manifestSha256).toBe(recorded);
    // Same schema, one number changed: every file still matches its own sha256.
    await s3.store.put(manifestKey("ds-7"), manifestText.replace('"rowsOut": 1', '"rowsOut": 1000'));
    const fresh = tempDir("bttk-cache-");
    await expect(syncSnapshot(s3.store, "ds-7", fresh, expected)).rejects.toThrow(
      new RegExp(
        `Manifest s3://test-bucket/datasets/ds-7/manifest\\.json has sha256 [0-9a-f]{12}…, but s3://test-bucket/environments/prod/current-dataset\\.json recorded ${recorded.slice(0, 12)}…`,
      ),
    );
    expect(existsSync(join(fresh, "ds-7"))).toBe(false);
  });

  it("refuses a manifest that describes another dataset", async () => {
    const { manifestText } = await putFakeDataset(s3.store, "ds-8");
    await s3.store.put(manifestKey("ds-9"), manifestText);
    await expect(syncSnapshot(s3.store, "ds-9", tempDir())).rejects.toThrow(
      'Manifest s3://test-bucket/datasets/ds-9/manifest.json describes dataset "ds-8", not "ds-9".',
    );
  });
});
