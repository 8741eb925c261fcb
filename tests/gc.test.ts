// Garbage collection: incomplete uploads, datasets no pointer has named for a while, stale lock
// claims and dead local work folders go; what any pointer names now or as previous, what a live
// command holds, and what is younger than the grace period stay.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectGarbage, type GcReport } from "../data-loaders/snapshot/gc.js";
import { sha256Hex } from "../data-loaders/snapshot/manifest.js";
import { promoteDataset } from "../data-loaders/snapshot/promote.js";
import { datasetKey, lockPrefix, pointerKey } from "../data-loaders/storage/layout.js";
import { acquireLock, datasetLock } from "../data-loaders/storage/lock.js";
import { putFakeDataset } from "./helpers/fake-dataset.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let cache: string;
const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/** A process id that surely no longer runs: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

const datasets = async () =>
  [...new Set((await s3.store.list("datasets/")).map((o) => o.key.split("/")[1]))].sort();
const removed = (report: GcReport, kind: string) =>
  report.removed
    .filter((i) => i.kind === kind)
    .map((i) => i.target)
    .sort();

let deadFolder: string;
let liveFolder: string;
let oldFolder: string;
let oldPart: string;
let oldExtractParts: string[];
let freshPart: string;
let oldS3Part: string;
let localCopies: { goes: string[]; stays: string[] };

beforeAll(async () => {
  s3 = await startTestS3("gc-bucket", { lockLeaseMs: 1_000 });
  cache = tempDir("bttk-gc-cache-");
  for (const id of ["prev", "cur", "prodcur", "recent", "old", "never"]) await putFakeDataset(s3.store, id);
  await promoteDataset(s3.store, "prod", "prodcur");
  // preprod: "cur" now, "prev" before it, "recent" until 3 days ago, "old" until 10 days ago.
  const sha = async (id: string) => sha256Hex(await s3.store.getBytes(datasetKey(id, "manifest.json")));
  await s3.store.put(
    pointerKey("preprod"),
    JSON.stringify({
      datasetId: "cur",
      manifestSha256: await sha("cur"),
      updatedAt: iso(0),
      previous: "prev",
      history: [
        { datasetId: "prev", manifestSha256: await sha("prev"), from: iso(3 * DAY), until: iso(0) },
        {
          datasetId: "recent",
          manifestSha256: await sha("recent"),
          from: iso(10 * DAY),
          until: iso(3 * DAY),
        },
        { datasetId: "old", manifestSha256: await sha("old"), from: iso(20 * DAY), until: iso(10 * DAY) },
      ],
    }),
  );
  // An upload that died (no manifest, no claim) and one still going (its claim is live).
  await s3.store.put(datasetKey("partial", "recipes.parquet"), "half");
  await s3.store.put(datasetKey("busy", "recipes.parquet"), "half");
  // A claim whose holder was killed long ago.
  await s3.store.put(`${lockPrefix("dataset-gone")}0-killed.json`, "{}");
  // Local leftovers.
  const work = join(cache, "ingest");
  deadFolder = join(work, `${await deadPid()}-1700000000000`);
  liveFolder = join(work, `${process.pid}-1700000000000`);
  oldFolder = join(work, "unnamed-leftover");
  for (const dir of [deadFolder, liveFolder, oldFolder]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "recipes.parquet"), "x");
  }
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  utimesSync(oldFolder, twoHoursAgo, twoHoursAgo);
  mkdirSync(join(cache, "snapshots", "cur"), { recursive: true });
  oldPart = join(cache, "snapshots", "cur", "recipes.parquet.123.abcd.part");
  freshPart = join(cache, "snapshots", "cur", "interactions.parquet.456.ef01.part");
  writeFileSync(oldPart, "x");
  writeFileSync(freshPart, "x");
  utimesSync(oldPart, twoHoursAgo, twoHoursAgo);
  // What a killed embedded S3 server leaves: the object it was writing, never renamed into place.
  mkdirSync(join(s3.dir, "gc-bucket", "datasets", "x"), { recursive: true });
  oldS3Part = join(s3.dir, "gc-bucket", "datasets", "x", "a.parquet._S3rver_object.4242.0a1b2c3d4e5f.part");
  writeFileSync(oldS3Part, "half");
  utimesSync(oldS3Part, twoHoursAgo, twoHoursAgo);
  // What builds derived: a copy and extracts of "old" (gc removes that dataset), two extract sets of
  // "cur" (the older one from a previous writer), precompressed forms used long ago and lately.
  const local = (path: string, agoMs = 0) => {
    mkdirSync(join(cache, path, ".."), { recursive: true });
    writeFileSync(join(cache, path), "x");
    const when = new Date(Date.now() - agoMs);
    utimesSync(join(cache, path), when, when);
    if (path.startsWith("explore/")) utimesSync(join(cache, path, ".."), when, when);
    return join(cache, path);
  };
  local("snapshots/old/recipes.parquet");
  local("snapshots/cur/recipes.parquet");
  local("explore/old-0123456789abcdef/recipes.duckdb");
  local("explore/cur-aaaaaaaaaaaaaaaa/recipes.duckdb", 2 * 3_600_000);
  local("explore/cur-bbbbbbbbbbbbbbbb/recipes.duckdb");
  // What a build killed while writing an extract leaves in the current set: the file it wrote aside
  // and the write-ahead log DuckDB kept beside it.
  oldExtractParts = ["interactions.duckdb.999.part", "interactions.duckdb.999.part.wal"].map((name) => {
    const path = join(cache, "explore/cur-bbbbbbbbbbbbbbbb", name);
    writeFileSync(path, "x");
    utimesSync(path, twoHoursAgo, twoHoursAgo);
    return path;
  });
  local("precompressed/" + "1".repeat(64) + ".br", 10 * DAY);
  local("precompressed/" + "2".repeat(64) + ".br", DAY);
  localCopies = {
    goes: [
      join(cache, "explore/cur-aaaaaaaaaaaaaaaa"),
      join(cache, "explore/old-0123456789abcdef"),
      join(cache, "precompressed", "1".repeat(64) + ".br"),
      join(cache, "snapshots/old"),
    ].sort(),
    stays: [
      join(cache, "explore/cur-bbbbbbbbbbbbbbbb"),
      join(cache, "precompressed", "2".repeat(64) + ".br"),
      join(cache, "snapshots/cur"),
    ],
  };
  await sleep(2_200); // the killed claim is now older than the one-second lease (1 s resolution)
});
afterAll(async () => s3.stop());

describe("data:gc", () => {
  it("lists what would go in a dry run, and removes nothing", async () => {
    const before = await s3.store.list("");
    const report = await collectGarbage(s3.store, {
      keepDays: 7,
      graceMinutes: 60,
      dryRun: true,
      cacheDir: cache,
      localS3Dir: s3.dir,
    });
    expect(report.dryRun).toBe(true);
    expect(removed(report, "unreferenced-dataset")).toEqual(["datasets/old/"]);
    expect(removed(report, "incomplete-dataset")).toEqual([]);
    expect(removed(report, "stale-claim")).toEqual(["locks/dataset-gone/0-killed.json"]);
    expect(removed(report, "work-folder")).toEqual([deadFolder, oldFolder].sort());
    expect(removed(report, "temp-file")).toEqual([oldPart, oldS3Part, ...oldExtractParts].sort());
    expect((await s3.store.list("")).map((o) => o.key)).toEqual(before.map((o) => o.key));
    expect(removed(report, "local-cache")).toEqual(localCopies.goes);
    expect([deadFolder, oldFolder, oldPart, oldS3Part].every((p) => existsSync(p))).toBe(true);
    expect(localCopies.goes.every((p) => existsSync(p))).toBe(true);
  });

  it("removes datasets unnamed for longer than keep-days, and keeps every other one with its reason", async () => {
    const report = await collectGarbage(s3.store, {
      keepDays: 7,
      graceMinutes: 60,
      dryRun: false,
      cacheDir: cache,
      localS3Dir: s3.dir,
    });
    expect(removed(report, "unreferenced-dataset")).toEqual(["datasets/old/"]);
    expect(await datasets()).toEqual(["busy", "cur", "never", "partial", "prev", "prodcur", "recent"]);
    const reasons = Object.fromEntries(report.kept.map((k) => [k.datasetId, k.reason]));
    expect(reasons).toMatchObject({
      cur: 'current for "preprod"',
      prev: 'previous for "preprod"',
      prodcur: 'current for "prod"',
      recent: expect.stringMatching(/^last current 3\.0 days ago \(kept 7 days\)$/),
      never: expect.stringMatching(/^never current, published \d+ (s|min) ago \(kept 7 days\)$/),
      partial: expect.stringMatching(/^incomplete but written \d+ (s|min) ago \(within the grace period\)$/),
    });
    expect(await s3.store.list(lockPrefix("dataset-gone"))).toEqual([]);
    expect([existsSync(deadFolder), existsSync(oldFolder), existsSync(liveFolder)]).toEqual([
      false,
      false,
      true,
    ]);
    expect([existsSync(oldPart), existsSync(freshPart), existsSync(oldS3Part)]).toEqual([false, true, false]);
    expect(oldExtractParts.filter((p) => existsSync(p))).toEqual([]);
    // Copies of the removed dataset, replaced extracts and long-unused compressed forms go; the rest stays.
    expect(removed(report, "local-cache")).toEqual(localCopies.goes);
    expect(localCopies.goes.filter((p) => existsSync(p))).toEqual([]);
    expect(localCopies.stays.filter((p) => !existsSync(p))).toEqual([]);
  });

  it("with no grace and no keep time, keeps only what pointers name and what a live command holds", async () => {
    const busy = await acquireLock(s3.store, datasetLock("busy"), { what: "dataset busy", attempts: 1 });
    try {
      const report = await collectGarbage(s3.store, {
        keepDays: 0,
        graceMinutes: 0,
        dryRun: false,
        cacheDir: cache,
        localS3Dir: s3.dir,
      });
      expect(removed(report, "incomplete-dataset")).toEqual(["datasets/partial/"]);
      expect(removed(report, "unreferenced-dataset")).toEqual(["datasets/never/", "datasets/recent/"]);
      expect(report.kept.find((k) => k.datasetId === "busy")?.reason).toBe("in use by another command");
      expect(await datasets()).toEqual(["busy", "cur", "prev", "prodcur"]);
      // The live ingest's work folder stays whatever the grace period.
      expect(existsSync(liveFolder)).toBe(true);
      // Only the claim of the live holder is left.
      expect((await s3.store.list("locks/")).map((c) => c.key)).toEqual([busy.key]);
    } finally {
      await busy.release();
    }
  });

  it("never removes the previous dataset of any environment, even one never in a history", async () => {
    await putFakeDataset(s3.store, "rollback");
    await s3.store.put(
      pointerKey("local"),
      JSON.stringify({
        datasetId: "cur",
        manifestSha256: sha256Hex(await s3.store.getBytes(datasetKey("cur", "manifest.json"))),
        updatedAt: iso(0),
        previous: "rollback",
      }),
    );
    const report = await collectGarbage(s3.store, {
      keepDays: 0,
      graceMinutes: 0,
      dryRun: false,
      cacheDir: cache,
      localS3Dir: s3.dir,
    });
    expect(report.kept.find((k) => k.datasetId === "rollback")?.reason).toBe('previous for "local"');
    expect(await datasets()).toContain("rollback");
  });
});
