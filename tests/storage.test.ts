// The S3 store and the snapshot cache against a real S3 server (s3rver over HTTP on 127.0.0.1).
import { existsSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageError } from "../data-loaders/errors.js";
import { syncSnapshot } from "../data-loaders/snapshot/cache.js";
import { sha256Hex } from "../data-loaders/snapshot/manifest.js";
import { createStore } from "../data-loaders/storage/s3-store.js";
import { datasetKey, manifestKey } from "../data-loaders/storage/layout.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => s3.stop());

/** A tiny fake snapshot: two files and a manifest listing their sha256. */
async function publishFake(id: string, files: Record<string, string>): Promise<Manifest> {
  const manifest: Manifest = {
    schemaVersion: 1,
    datasetId: id,
    createdAt: "2026-01-01T00:00:00.000Z",
    sources: [],
    files: Object.entries(files).map(([file, text]) => ({
      name: file.replace(/\..*/, ""),
      file,
      rows: 1,
      bytes: Buffer.byteLength(text),
      sha256: sha256Hex(text),
    })),
    report: {
      recipes: {
        rowsIn: 1,
        rules: [],
        rowsOut: 1,
        negativeCaloriesNulled: 0,
        bounds: { minutes: [1, 180], nSteps: [1, 1], nIngredients: [1, 1] },
      },
      interactions: { rowsIn: 1, rules: [], rowsOut: 1, unrated: 0 },
    },
  };
  for (const [file, text] of Object.entries(files)) await s3.store.put(datasetKey(id, file), text);
  await s3.store.put(manifestKey(id), JSON.stringify(manifest));
  return manifest;
}

describe("S3 store", () => {
  it("round-trips objects over HTTP and lists them by prefix", async () => {
    await s3.store.put("a/one.txt", "héllo");
    await s3.store.put("a/two.txt", new Uint8Array([1, 2, 3]));
    expect(await s3.store.getText("a/one.txt")).toBe("héllo");
    expect([...(await s3.store.getBytes("a/two.txt"))]).toEqual([1, 2, 3]);
    expect((await s3.store.list("a/")).map((o) => [o.key, o.size])).toEqual([
      ["a/one.txt", 6],
      ["a/two.txt", 3],
    ]);
    expect(await s3.store.exists("a/one.txt")).toBe(true);
    expect(await s3.store.exists("a/none.txt")).toBe(false);
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

  it("reports an unreachable endpoint", async () => {
    const nowhere = createStore({ ...s3.settings, endpoint: "http://127.0.0.1:9", maxAttempts: 1 });
    await expect(nowhere.getText("x")).rejects.toThrow(
      /Cannot reach S3 at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    );
    nowhere.close();
  });
});

describe("snapshot cache", () => {
  it("downloads a snapshot, checks every sha256, and reuses it on the next sync", async () => {
    await publishFake("ds-1", {
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
    await publishFake("ds-2", {
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
    await publishFake("ds-3", { "recipes.parquet": "good bytes" });
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
    await publishFake("ds-4", { "recipes.parquet": big, "interactions.parquet": big + "y" });
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
      /does not match schema version 1: schemaVersion/,
    );
  });
});
