// Publishing snapshots: files first, manifest last, pointer switched at the very end, so a failed
// ingest or upload leaves the previous snapshot current and complete.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type AppConfig } from "../data-loaders/config/config.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { publishSnapshot } from "../data-loaders/ingest/publish.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { readPointer, resolveDatasetId } from "../data-loaders/snapshot/pointer.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import { RECIPES_HEADER, INTERACTIONS_HEADER, writeCsvs } from "./helpers/csv.js";
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
    [{ id: 1 }, { id: 2 }, { id: 3, minutes: 500 }],
    [
      { user_id: 1, recipe_id: 1 },
      { user_id: 2, recipe_id: 2, rating: 0 },
    ],
  );

describe("publishing a snapshot", () => {
  it("tells how to publish when an environment has no dataset yet", async () => {
    await expect(resolveDatasetId(s3.store, config)).rejects.toThrow(
      'No dataset is published for environment "preprod" in s3://publish-bucket/.\n→ Run `npm run data:ingest -- --env preprod',
    );
  });

  it("uploads every file, then the manifest, then moves the environment's pointer", async () => {
    const { manifest, pointer } = await ingestAndPublish(config, s3.store, {
      ...goodCsvs(),
      datasetId: "first",
    });
    expect(pointer).toMatchObject({ datasetId: "first", previous: null });
    const keys = (await s3.store.list("datasets/first/")).map((o) => o.key).sort();
    expect(keys).toEqual(
      [
        "interactions.parquet",
        "manifest.json",
        "recipe_ingredients.parquet",
        "recipe_tags.parquet",
        "recipes.parquet",
        "rejects.csv",
      ].map((f) => `datasets/first/${f}`),
    );
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const { pointer: second } = await ingestAndPublish(config, s3.store, {
      ...goodCsvs(),
      datasetId: "second",
    });
    expect(second).toMatchObject({ datasetId: "second", previous: "first" });
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
    expect(snapshot.downloaded).toHaveLength(5);
  });

  it("removes a half-uploaded snapshot and keeps the pointer when an upload fails", async () => {
    const dir = tempDir();
    const { manifest } = await ingest({ ...goodCsvs(), outDir: dir, datasetId: "half" });
    rmSync(join(dir, "recipe_tags.parquet")); // the third upload fails
    await expect(publishSnapshot(s3.store, dir, manifest, "preprod")).rejects.toThrow(/recipe_tags\.parquet/);
    expect(await s3.store.list("datasets/half/")).toEqual([]);
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
  });

  it("refuses to overwrite an existing dataset id", async () => {
    await expect(ingestAndPublish(config, s3.store, { ...goodCsvs(), datasetId: "first" })).rejects.toThrow(
      "Dataset first already exists in s3://publish-bucket/datasets/first/.\n→ Snapshots are immutable",
    );
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("second");
  });

  it("follows a DATASET_ID pin instead of the pointer, and rejects an unknown one", async () => {
    const pinned = loadConfig({
      env: "preprod",
      vars: { ...s3.vars, DATASET_ID: "first" },
      root: config.paths.root,
    });
    expect(await resolveDatasetId(s3.store, pinned)).toBe("first");
    const unknown = loadConfig({
      env: "preprod",
      vars: { ...s3.vars, DATASET_ID: "nope" },
      root: config.paths.root,
    });
    await expect(resolveDatasetId(s3.store, unknown)).rejects.toThrow(
      'DATASET_ID="nope" has no manifest in s3://publish-bucket/.',
    );
  });
});
