// Making a published dataset current (data:promote): only a complete dataset whose every file has
// its size and sha256 is promoted; the pointer keeps previous and history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../data-loaders/errors.js";
import { readPointer } from "../data-loaders/snapshot/pointer.js";
import { promoteDataset, verifyDataset } from "../data-loaders/snapshot/promote.js";
import { datasetKey, lockPrefix, manifestKey } from "../data-loaders/storage/layout.js";
import { acquireLock, datasetLock } from "../data-loaders/storage/lock.js";
import { putFakeDataset } from "./helpers/fake-dataset.js";
import { runCli } from "./helpers/run-cli.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3("promote-bucket");
});
afterAll(async () => s3.stop());

const files = (id: string) => ({
  "recipes.parquet": `recipes ${id}`,
  "interactions.parquet": `interactions ${id}`,
});

describe("promoting a dataset", () => {
  it("makes a verified dataset current and keeps the one it replaces as previous", async () => {
    await putFakeDataset(s3.store, "p-1", files("p-1"));
    await putFakeDataset(s3.store, "p-2", files("p-2"));
    const first = await promoteDataset(s3.store, "prod", "p-1");
    expect(first).toMatchObject({ datasetId: "p-1", previous: null, history: [] });
    const second = await promoteDataset(s3.store, "prod", "p-2");
    expect(second).toMatchObject({ datasetId: "p-2", previous: "p-1" });
    expect(second.history.map((h) => h.datasetId)).toEqual(["p-1"]);
    expect(second.manifestSha256).toBe((await verifyDataset(s3.store, "p-2")).manifestSha256);
    expect(await readPointer(s3.store, "prod")).toEqual(second);
    expect(await s3.store.list("locks/")).toEqual([]);
  });

  it("rolls back to the previous dataset", async () => {
    const back = await promoteDataset(s3.store, "prod", "p-1");
    expect(back).toMatchObject({ datasetId: "p-1", previous: "p-2" });
    expect(back.history.map((h) => h.datasetId)).toEqual(["p-2", "p-1"]);
  });

  it("refuses a dataset that does not exist", async () => {
    await expect(promoteDataset(s3.store, "prod", "ghost")).rejects.toThrow(
      "Dataset ghost does not exist: s3://promote-bucket/datasets/ghost/ is empty.",
    );
  });

  it("refuses an upload that never finished (no manifest)", async () => {
    await s3.store.put(datasetKey("unfinished", "recipes.parquet"), "x");
    await expect(promoteDataset(s3.store, "prod", "unfinished")).rejects.toThrow(
      "Dataset unfinished is incomplete: s3://promote-bucket/datasets/unfinished/ has 1 object(s) but no manifest.json",
    );
  });

  it("refuses a dataset with a missing file", async () => {
    await putFakeDataset(s3.store, "missing", files("missing"));
    await s3.store.remove([datasetKey("missing", "interactions.parquet")]);
    await expect(promoteDataset(s3.store, "prod", "missing")).rejects.toThrow(
      "Dataset missing cannot be promoted: s3://promote-bucket/datasets/missing/interactions.parquet is missing.",
    );
  });

  it("refuses a file of the wrong size", async () => {
    await putFakeDataset(s3.store, "short", files("short"));
    await s3.store.put(datasetKey("short", "recipes.parquet"), "recipes");
    await expect(promoteDataset(s3.store, "prod", "short")).rejects.toThrow(
      "s3://promote-bucket/datasets/short/recipes.parquet has 7 bytes, the manifest says 13.",
    );
  });

  it("refuses a file whose bytes were replaced (same size)", async () => {
    await putFakeDataset(s3.store, "swapped", files("swapped"));
    await s3.store.put(datasetKey("swapped", "recipes.parquet"), "recipes swappeD");
    const attempt = promoteDataset(s3.store, "prod", "swapped");
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /datasets\/swapped\/recipes\.parquet has sha256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…/,
    );
    expect((await readPointer(s3.store, "prod"))?.datasetId).toBe("p-1");
  });

  it("refuses a manifest copied from another dataset", async () => {
    await putFakeDataset(s3.store, "copy", files("p-2"));
    await s3.store.put(manifestKey("copy"), await s3.store.getBytes(manifestKey("p-2")));
    await expect(promoteDataset(s3.store, "prod", "copy")).rejects.toThrow(
      's3://promote-bucket/datasets/copy/manifest.json describes dataset "p-2", not "copy".',
    );
  });

  it("waits for, then refuses, a dataset another command is publishing", async () => {
    const lock = await acquireLock(s3.store, datasetLock("p-2"), { what: "dataset p-2", attempts: 1 });
    await expect(promoteDataset(s3.store, "prod", "p-2")).rejects.toThrow(
      /Cannot lock dataset p-2: it is held/,
    );
    await lock.release();
    expect(await s3.store.list(lockPrefix(datasetLock("p-2")))).toEqual([]);
  });
});

describe("npm run data:promote", () => {
  const run = (args: string[]) =>
    runCli("promote", args, { ...s3.vars, CACHE_DIR: tempDir(), LOG_DIR: tempDir() });

  it("prints the new pointer on stdout", async () => {
    const result = await run(["--env", "preprod", "--dataset-id", "p-2"]);
    expect(result.stderr).not.toMatch(/ERROR/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ datasetId: "p-2", previous: null, history: [] });
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("p-2");
  });

  it("exits 1 with the reason when the dataset cannot be promoted", async () => {
    const result = await run(["--env", "preprod", "--dataset-id", "swapped"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Dataset swapped cannot be promoted");
    expect((await readPointer(s3.store, "preprod"))?.datasetId).toBe("p-2");
  });

  it("refuses a dataset id that would leave datasets/", async () => {
    const result = await run(["--env", "preprod", "--dataset-id", ".."]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--dataset-id=".." is not a valid dataset id.');
  });
});
