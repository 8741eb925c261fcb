// When `npm start` may serve its last build as it is (data-loaders/site/reuse.ts) and when it must
// make a dataset first (data-loaders/ingest/default-dataset.ts): the digest of everything a build
// reads, the record kept next to dist/, and the dataset the environment would be built from, read
// from a real local S3 server.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type AppConfig } from "../data-loaders/config/config.js";
import { hasDataset, ingestCommand } from "../data-loaders/ingest/default-dataset.js";
import {
  currentDataset,
  lastBuildIfFilesUnchanged,
  recordBuild,
  reusableBuild,
  siteInputsDigest,
} from "../data-loaders/site/reuse.js";
import { pointerKey, manifestKey } from "../data-loaders/storage/layout.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

const DATASET = { datasetId: "20261130-181316-14044175-w7tj", manifestSha256: "a".repeat(64) };

function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A project as the build reads it: pages, loaders, config and lockfile. */
function project(): string {
  const root = tempDir("bttk-reuse-project-");
  write(root, "src/en/index.md", "# Overview");
  write(root, "src/components/card.ts", "export const card = 1;");
  write(root, "data-loaders/analyses/volume.ts", "export const sql = 'select 1';");
  write(root, "observablehq.config.ts", "export default {};");
  write(root, "package.json", "{}");
  write(root, "package-lock.json", "{}");
  return root;
}

describe("the digest of a build's inputs", () => {
  it("changes with any file the build reads, the environment and the dataset, and only with them", () => {
    const root = project();
    const digest = () => siteInputsDigest(root, "local", DATASET);
    const first = digest();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(digest()).toBe(first);

    // Framework's own cache and installed packages are outputs and tools, not inputs.
    write(root, "src/.observablehq/cache/data/x.json", "{}");
    write(root, "node_modules/x/index.js", "1");
    write(root, "README.md", "not read by the build");
    expect(digest()).toBe(first);

    expect(siteInputsDigest(root, "prod", DATASET)).not.toBe(first);
    expect(siteInputsDigest(root, "local", { ...DATASET, datasetId: "another" })).not.toBe(first);
    expect(siteInputsDigest(root, "local", { ...DATASET, manifestSha256: "b".repeat(64) })).not.toBe(first);

    write(root, "data-loaders/analyses/volume.ts", "export const sql = 'select 2';");
    const edited = digest();
    expect(edited).not.toBe(first);
    write(root, "src/components/new-chart.ts", "export {};");
    expect(digest()).not.toBe(edited);
    // A file moved is a change, even with the same bytes.
    const added = digest();
    renameSync(join(root, "src/components/new-chart.ts"), join(root, "src/components/chart.ts"));
    expect(digest()).not.toBe(added);
  });
});

describe("the record of the last build", () => {
  let config: AppConfig;
  let dist: string;
  beforeAll(() => {
    dist = tempDir("bttk-reuse-dist-");
    const base = loadConfig({ env: "local" });
    config = { ...base, paths: { ...base.paths, dist } };
  });

  /** What a build leaves: a release folder with snapshot.json, and dist/<env> a link to it. */
  const release = (name: string) => {
    write(dist, `.releases/${name}/snapshot.json`, "{}");
    rmSync(join(dist, "local"), { force: true });
    symlinkSync(join(dist, ".releases", name), join(dist, "local"));
  };

  it("reuses dist/<env> only for the same digest, the same release, and a site still in place", async () => {
    expect(reusableBuild(config, "d1")).toBeUndefined();
    release("one");
    expect(reusableBuild(config, "d1")).toBeUndefined();
    await recordBuild(config, "d1");
    expect(reusableBuild(config, "d1")).toBe(join(dist, "local"));
    expect(reusableBuild(config, "d2")).toBeUndefined();

    // Another build (a `npm run build`, which keeps no record) switched the folder.
    release("two");
    expect(reusableBuild(config, "d1")).toBeUndefined();
    await recordBuild(config, "d1");
    expect(reusableBuild(config, "d1")).toBe(join(dist, "local"));

    rmSync(join(dist, ".releases", "two", "snapshot.json"));
    expect(reusableBuild(config, "d1")).toBeUndefined();
  });

  it("builds again when the record is unreadable", () => {
    release("three");
    write(dist, ".inputs/local.json", "{ cut short");
    expect(reusableBuild(config, "d1")).toBeUndefined();
    expect(lastBuildIfFilesUnchanged(config)).toBeUndefined();
  });

  it("finds the last build without S3 from the dataset it recorded, until a file the build reads changes", async () => {
    const root = project();
    const local = { ...config, paths: { ...config.paths, root } };
    release("four");
    // A record from before datasets were kept: the start must ask S3 first.
    await recordBuild(local, siteInputsDigest(root, "local", DATASET));
    expect(lastBuildIfFilesUnchanged(local)).toBeUndefined();

    await recordBuild(local, siteInputsDigest(root, "local", DATASET), DATASET);
    expect(lastBuildIfFilesUnchanged(local)).toEqual({ outDir: join(dist, "local"), dataset: DATASET });
    write(root, "src/components/card.ts", "export const card = 2;");
    expect(lastBuildIfFilesUnchanged(local)).toBeUndefined();
  });
});

describe("the dataset a start builds from (local S3)", () => {
  let s3: TestS3;
  let config: AppConfig;
  beforeAll(async () => {
    s3 = await startTestS3("reuse-bucket");
    config = loadConfig({ env: "local" });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("has none until a pointer names one, then builds from the pointer's id and digest", async () => {
    expect(await hasDataset(config, s3.store)).toBe(false);
    const pointer = { ...DATASET, updatedAt: "2026-11-30T18:13:16.000Z", previous: null, history: [] };
    await s3.store.put(pointerKey("local"), JSON.stringify(pointer), "application/json");
    expect(await hasDataset(config, s3.store)).toBe(true);
    expect(await currentDataset(config, s3.store)).toEqual(DATASET);
    // Another environment's pointer is not this one's dataset.
    expect(await hasDataset({ ...config, env: "prod" }, s3.store)).toBe(false);
  });

  it("takes a pinned dataset no pointer named with the digest of its manifest", async () => {
    const manifest = JSON.stringify({ datasetId: "pinned-1", files: [] });
    await s3.store.put(manifestKey("pinned-1"), manifest, "application/json");
    const pinned = { ...config, env: "prod" as const, datasetId: "pinned-1" };
    expect(await hasDataset(pinned, s3.store)).toBe(true);
    expect(await currentDataset(pinned, s3.store)).toEqual({
      datasetId: "pinned-1",
      manifestSha256: createHash("sha256").update(manifest).digest("hex"),
    });
  });

  it("names the command that ingests real files", () => {
    expect(ingestCommand("prod")).toBe(
      "npm run data:ingest -- --env prod --recipes <RAW_recipes.csv> --interactions <RAW_interactions.csv>",
    );
  });
});
