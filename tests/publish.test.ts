// Publishing snapshots: files first, manifest last, pointer switched at the very end under a lock,
// so a failed ingest or upload leaves the previous snapshot current and complete, two publishes
// never write the same id, and the pointer never loses its history.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { loadConfig, type AppConfig } from "../data-loaders/config/config.js";
import { ConfigurationError } from "../data-loaders/errors.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { publishSnapshot } from "../data-loaders/ingest/publish.js";
import { sha256Hex } from "../data-loaders/snapshot/manifest.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { readPointer, resolveDatasetId, switchPointer } from "../data-loaders/snapshot/pointer.js";
import { verifyDataset } from "../data-loaders/snapshot/promote.js";
import { datasetKey, manifestKey, pointerKey } from "../data-loaders/storage/layout.js";
import { RECIPES_HEADER, INTERACTIONS_HEADER, writeCsvs } from "./helpers/csv.js";
import { writeFakeDataset } from "./helpers/fake-dataset.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let config: AppConfig;
beforeAll(async () => {
  s3 = await startTestS3("publish-bucket");
  config = loadConfig({ env: "preprod", vars: s3.vars, root: tempDir("bttk-root-") });
});
afterAll(async () => s3.stop());

const goodCsvs = () =>
  writeCsvs(
    tempDir(),
    [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, minutes: 500 }],
    [
      { user_id: 1, recipe_id: 1 },
      { user_id: 2, recipe_id: 2, rating: 0 },
    ],
  );

/** A small snapshot folder as the ingest leaves it, with distinct bytes per id. */
function fakeSnapshot(id: string): { dir: string; manifest: Manifest } {
  const dir = tempDir("bttk-snap-");
  const manifest = writeFakeDataset(dir, id, {
    "recipes.parquet": `recipes of ${id}`,
    "interactions.parquet": `interactions of ${id}`,
  });
  return { dir, manifest };
}

describe("publishing a snapshot", () => {
  it("tells how to publish when an environment has no dataset yet", async () => {
    await expect(resolveDatasetId(s3.store, config)).rejects.toThrow(
      'No dataset is published for environment "preprod" in s3://publish-bucket/.\n→ Run `npm run data:ingest -- --env preprod',
    );
  });

  it("uploads every file, then the manifest, then moves the environment's pointer", async () => {
    // The real ingest, for the environment "local" (the other tests use small fake snapshots).
    const local = loadConfig({ env: "local", vars: s3.vars, root: config.paths.root });
    const { manifest, pointer } = await ingestAndPublish(local, s3.store, {
      ...goodCsvs(),
      datasetId: "real",
    });
    expect(pointer).toMatchObject({ datasetId: "real", previous: null, history: [] });
    const keys = (await s3.store.list("datasets/real/")).map((o) => o.key).sort();
    expect(keys).toEqual(
      [
        "interactions.parquet",
        "manifest.json",
        "recipe_ingredients.parquet",
        "recipe_tags.parquet",
        "recipes.parquet",
        "rejects.parquet",
      ].map((f) => `datasets/real/${f}`),
    );
    expect(manifest.report.recipes.rowsOut).toBe(4);
    expect(pointer?.manifestSha256).toBe(sha256Hex(await s3.store.getBytes(manifestKey("real"))));
    await expect(verifyDataset(s3.store, "real")).resolves.toBeDefined();
    expect(await s3.store.list("locks/")).toEqual([]);
  });

  it("records the dataset it replaced as previous and in the history", async () => {
    const first = fakeSnapshot("first");
    const pointer1 = await publishSnapshot(s3.store, first.dir, first.manifest, "preprod", { promote: true });
    expect(pointer1).toMatchObject({ datasetId: "first", previous: null, history: [] });
    const second = fakeSnapshot("second");
    const pointer2 = await publishSnapshot(s3.store, second.dir, second.manifest, "preprod", {
      promote: true,
    });
    expect(pointer2).toMatchObject({ datasetId: "second", previous: "first" });
    expect(pointer2?.history).toEqual([
      {
        datasetId: "first",
        manifestSha256: pointer1?.manifestSha256,
        from: pointer1?.updatedAt,
        until: pointer2?.updatedAt,
      },
    ]);
    expect(await readPointer(s3.store, "preprod")).toEqual(pointer2);
  });

  it("publishes without making the dataset current when asked not to promote", async () => {
    const { dir, manifest } = fakeSnapshot("quiet");
    expect(await publishSnapshot(s3.store, dir, manifest, "preprod", { promote: false })).toBeUndefined();
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
    const { manifestSha256 } = await verifyDataset(s3.store, "quiet");
    expect(manifestSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves the previous snapshot current and complete when an ingest fails", async () => {
    const dir = tempDir();
    const bad = writeCsvs(dir, [{ id: 1 }], [], {
      recipes: RECIPES_HEADER.replace("tags", "labels"),
      interactions: INTERACTIONS_HEADER,
    });
    await expect(ingestAndPublish(config, s3.store, { ...bad, datasetId: "broken" })).rejects.toThrow(
      /missing column\(s\) tags/,
    );
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
    expect(await s3.store.list("datasets/broken/")).toEqual([]);
    rmSync(config.paths.snapshots, { recursive: true, force: true });
    const snapshot = await syncEnvironmentSnapshot(config, s3.store);
    expect(snapshot.datasetId).toBe("second");
    expect(snapshot.downloaded.sort()).toEqual(["interactions.parquet", "recipes.parquet"]);
  });

  it("removes a half-uploaded snapshot and keeps the pointer when an upload fails", async () => {
    const { dir, manifest } = fakeSnapshot("half");
    rmSync(join(dir, "interactions.parquet")); // the second upload fails
    await expect(publishSnapshot(s3.store, dir, manifest, "preprod", { promote: true })).rejects.toThrow(
      /interactions\.parquet/,
    );
    expect(await s3.store.list("datasets/half/")).toEqual([]);
    expect(await s3.store.list("locks/")).toEqual([]);
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
  });

  it("refuses to overwrite an existing dataset id", async () => {
    const { dir, manifest } = fakeSnapshot("first");
    await expect(publishSnapshot(s3.store, dir, manifest, "preprod", { promote: true })).rejects.toThrow(
      "Dataset first already exists in s3://publish-bucket/datasets/first/.\n→ Snapshots are immutable",
    );
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
    await expect(verifyDataset(s3.store, "first")).resolves.toBeDefined();
  });

  it("refuses an id whose folder holds objects of an interrupted upload, and leaves them to gc", async () => {
    await s3.store.put(datasetKey("stuck", "recipes.parquet"), "partial");
    const { dir, manifest } = fakeSnapshot("stuck");
    await expect(publishSnapshot(s3.store, dir, manifest, "preprod", { promote: true })).rejects.toThrow(
      "s3://publish-bucket/datasets/stuck/ holds 1 object(s) of an interrupted upload of dataset stuck.",
    );
    expect((await s3.store.list("datasets/stuck/")).map((o) => o.key)).toEqual([
      "datasets/stuck/recipes.parquet",
    ]);
  });

  it.each(["..", "../outside", "a/b"])("refuses the dataset id %j before writing anything", async (id) => {
    const { dir, manifest } = fakeSnapshot("placeholder");
    const before = (await s3.store.list("")).length;
    await expect(
      publishSnapshot(s3.store, dir, { ...manifest, datasetId: id }, "preprod", { promote: true }),
    ).rejects.toThrow(ConfigurationError);
    expect((await s3.store.list("")).length).toBe(before);
  });

  it("never lets two publishes of the same id both write it (10 tries)", async () => {
    for (let round = 0; round < 10; round++) {
      const id = `same-${round}`;
      const a = fakeSnapshot(id);
      const b = fakeSnapshot(id);
      const results = await Promise.allSettled([
        publishSnapshot(s3.store, a.dir, a.manifest, "preprod", { promote: true }),
        publishSnapshot(s3.store, b.dir, b.manifest, "preprod", { promote: true }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
      expect({ won: won.length, refused }).toMatchObject({ won: 1, refused: [expect.any(String)] });
      expect(refused[0]).toMatch(/Dataset same-\d+ already exists|Cannot lock dataset same-\d+: it is held/);
      await expect(verifyDataset(s3.store, id)).resolves.toBeDefined();
      const pointer = await readPointer(s3.store, "preprod");
      expect(pointer?.datasetId).toBe(id);
      expect(pointer?.previous).not.toBe(id);
    }
    expect(await s3.store.list("locks/")).toEqual([]);
  });

  it("keeps every dataset in the pointer's history when several are made current at once", async () => {
    const before = (await readPointer(s3.store, "preprod"))!;
    const ids = ["c-1", "c-2", "c-3", "c-4", "c-5", "c-6"];
    const snaps = ids.map(fakeSnapshot);
    const pointers = await Promise.all(
      snaps.map((s) => publishSnapshot(s3.store, s.dir, s.manifest, "preprod", { promote: true })),
    );
    const after = (await readPointer(s3.store, "preprod"))!;
    // Every switch saw the one before it: the six new ids once each, then the old current and
    // the old history unchanged.
    const chain = [after.datasetId, ...after.history.map((h) => h.datasetId)];
    expect(chain.slice(0, 6).sort()).toEqual([...ids].sort());
    expect(after.history[5]).toMatchObject({ datasetId: before.datasetId, from: before.updatedAt });
    expect(after.history.slice(6)).toEqual(before.history);
    expect(after.previous).toBe(after.history[0].datasetId);
    for (const p of pointers) expect(p?.previous).not.toBe(p?.datasetId);
    // Each "until" is the next one's "from": no switch was lost between two others.
    expect(after.history[0].until).toBe(after.updatedAt);
    for (let i = 1; i <= 5; i++) expect(after.history[i].until).toBe(after.history[i - 1].from);
  });

  it("changes nothing when the dataset is already current", async () => {
    const current = (await readPointer(s3.store, "preprod"))!;
    const again = await switchPointer(s3.store, "preprod", {
      datasetId: current.datasetId,
      manifestSha256: current.manifestSha256,
    });
    expect(again).toEqual(current);
  });

  it("reads a pointer written before it had a history", async () => {
    await s3.store.put(
      pointerKey("local"),
      JSON.stringify({
        datasetId: "first",
        manifestSha256: sha256Hex(await s3.store.getBytes(manifestKey("first"))),
        updatedAt: "2026-01-01T00:00:00.000Z",
        previous: null,
      }),
    );
    expect((await readPointer(s3.store, "local"))?.history).toEqual([]);
    await s3.store.put(pointerKey("local"), "{broken");
    await expect(readPointer(s3.store, "local")).rejects.toThrow(
      "The dataset pointer s3://publish-bucket/environments/local/current-dataset.json is malformed.",
    );
    await s3.store.remove([pointerKey("local")]);
  });
});

describe("reading the environment's dataset", () => {
  it("refuses a current dataset whose manifest was edited after publishing", async () => {
    const { dir, manifest } = fakeSnapshot("edited");
    await publishSnapshot(s3.store, dir, manifest, "preprod", { promote: true });
    const text = (await s3.store.getText(manifestKey("edited"))).replace('"rowsOut": 1', '"rowsOut": 999');
    await s3.store.put(manifestKey("edited"), text);
    rmSync(config.paths.snapshots, { recursive: true, force: true });
    await expect(syncEnvironmentSnapshot(config, s3.store)).rejects.toThrow(
      /Manifest s3:\/\/publish-bucket\/datasets\/edited\/manifest\.json has sha256 [0-9a-f]{12}…, but s3:\/\/publish-bucket\/environments\/preprod\/current-dataset\.json recorded [0-9a-f]{12}… when the dataset was made current\.\n→ The manifest was changed after publishing/,
    );
  });

  it("follows a DATASET_ID pin instead of the pointer, and rejects an unknown one", async () => {
    const pinned = loadConfig({
      env: "preprod",
      vars: { ...s3.vars, DATASET_ID: "first" },
      root: config.paths.root,
    });
    expect(await resolveDatasetId(s3.store, pinned)).toBe("first");
    expect((await syncEnvironmentSnapshot(pinned, s3.store)).datasetId).toBe("first");
    const unknown = loadConfig({
      env: "preprod",
      vars: { ...s3.vars, DATASET_ID: "nope" },
      root: config.paths.root,
    });
    await expect(resolveDatasetId(s3.store, unknown)).rejects.toThrow(
      'DATASET_ID="nope" has no manifest in s3://publish-bucket/.',
    );
  });

  it("checks a pinned dataset against the digest a pointer's history recorded for it", async () => {
    // "first" is in preprod's history; edit its manifest.
    const text = (await s3.store.getText(manifestKey("first"))).replace('"rowsOut": 1', '"rowsOut": 3');
    await s3.store.put(manifestKey("first"), text);
    const pinned = loadConfig({
      env: "prod",
      vars: { ...s3.vars, DATASET_ID: "first" },
      root: tempDir("bttk-root-"),
    });
    await expect(syncEnvironmentSnapshot(pinned, s3.store)).rejects.toThrow(
      /datasets\/first\/manifest\.json has sha256 .* but s3:\/\/publish-bucket\/environments\/preprod\/current-dataset\.json recorded/,
    );
  });

  it("reads a pinned dataset no pointer ever named, checking its files only", async () => {
    const pinned = loadConfig({
      env: "prod",
      vars: { ...s3.vars, DATASET_ID: "quiet" },
      root: tempDir("bttk-root-"),
    });
    const snapshot = await syncEnvironmentSnapshot(pinned, s3.store);
    expect(snapshot.datasetId).toBe("quiet");
    expect(snapshot.downloaded.sort()).toEqual(["interactions.parquet", "recipes.parquet"]);
  });
});
