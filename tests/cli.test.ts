// The commands as a user runs them (tsx processes), on the embedded S3 server: stdout carries
// only data, errors are one clear message and exit code 1. `npm start` and `npm run dev` generate
// data only for `local`: elsewhere, with no dataset, they stop and say how to ingest one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../data-loaders/config/config.js";
import { ensureDataset } from "../data-loaders/ingest/bootstrap.js";
import { readPointer } from "../data-loaders/snapshot/pointer.js";
import { manifestKey } from "../data-loaders/storage/layout.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { writeCsvs } from "./helpers/csv.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
let env: NodeJS.ProcessEnv;
let csvs: { recipes: string; interactions: string };

function cli(name: string, args: string[], extra: NodeJS.ProcessEnv = {}, cwd = PROJECT_ROOT) {
  const result = spawnSync(tsx, [join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`), ...args], {
    cwd,
    env: { ...env, ...extra },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const work = tempDir("bttk-cli-");
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    APP_ENV: "local",
    CACHE_DIR: join(work, "cache"),
    LOCAL_S3_DIR: join(work, "s3"),
    LOG_DIR: join(work, "logs"),
    DIST_DIR: join(work, "dist"),
    NO_COLOR: "1",
  };
  csvs = writeCsvs(
    tempDir(),
    // One of four recipes set aside: under the ingest's 30 % limit, so the dataset is made current.
    [{ id: 1 }, { id: 2, minutes: 500 }, { id: 3, name: "crème brûlée", minutes: 45 }, { id: 4 }],
    [
      { user_id: 1, recipe_id: 1, rating: 5 },
      { user_id: 2, recipe_id: 3, rating: 0 },
    ],
  );
});

describe("commands", () => {
  it("data:ingest publishes to the embedded S3 and prints only the dataset id on stdout", () => {
    const run = cli("ingest", [
      "--recipes",
      csvs.recipes,
      "--interactions",
      csvs.interactions,
      "--dataset-id",
      "cli-1",
    ]);
    expect(run.stderr).toContain(
      'Published s3://back-to-the-kitchen/datasets/cli-1/ and made it current for "local"',
    );
    expect(run.stdout).toBe("cli-1\n");
    expect(run.code).toBe(0);
  });

  it("data:inspect prints the manifest, the report and the row counts DuckDB reads", () => {
    const run = cli("inspect", []);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dataset\s+cli-1/);
    expect(run.stdout).toMatch(/recipes\.parquet\s+3 rows/);
    expect(run.stdout).toMatch(/interactions\.parquet\s+2 rows/);
    expect(run.stdout).toMatch(/recipes: 4 in → 3 out/);
    expect(run.stdout).toMatch(/−\s+1\s+minutes_out_of_range/);
    const json = JSON.parse(cli("inspect", ["--json"]).stdout) as { counts: Record<string, number> };
    expect(json.counts).toMatchObject({
      recipes: 3,
      interactions: 2,
      recipe_ingredients: 12,
      recipe_tags: 6,
    });
  });

  it("analysis prints one analysis's JSON, and names the known ones for a wrong name", () => {
    const run = cli("analysis", ["overview/kpis"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      recipes: 3,
      interactions: 2,
      interactionsOnKeptRecipes: 2,
      ratedInteractions: 1,
      meanRating: 5,
    });
    const wrong = cli("analysis", ["overview/nope"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toContain('There is no analysis named "overview/nope".');
    expect(wrong.stderr).toContain("overview/kpis");
  });

  it("refuses a bad APP_ENV with the valid values and exit code 1", () => {
    const run = cli("inspect", [], { APP_ENV: "staging" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('APP_ENV="staging" is not an environment.');
    expect(run.stderr).toContain("Use one of: local, preprod, prod");
    expect(run.stdout).toBe("");
  });

  it("tells how to publish when the environment has no dataset", () => {
    const run = cli("analysis", ["overview/kpis", "--env", "prod"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No dataset is published for environment "prod"');
  });

  it("reports an unreachable configured endpoint without printing the secret", () => {
    const run = cli("inspect", [], {
      S3_ENDPOINT: "http://127.0.0.1:9",
      S3_ACCESS_KEY_ID: "GK1",
      S3_SECRET_ACCESS_KEY: "never-print-this",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cannot reach S3 at http://127.0.0.1:9");
    expect(run.stderr).not.toContain("never-print-this");
  });
});

describe("npm start and npm run dev on an environment without a dataset", () => {
  // A store of its own, empty: no pointer for any environment.
  let empty: NodeJS.ProcessEnv;
  beforeAll(() => {
    const work = tempDir("bttk-cli-empty-");
    empty = {
      CACHE_DIR: join(work, "cache"),
      LOCAL_S3_DIR: join(work, "s3"),
      LOG_DIR: join(work, "logs"),
      DIST_DIR: join(work, "dist"),
    };
  });

  const refusal = (run: { code: number | null; stdout: string; stderr: string }, env: string) => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `Environment "${env}" has no dataset, and generated data is only made for "local".`,
    );
    expect(run.stderr).toContain(`npm run data:ingest -- --env ${env} --recipes`);
    expect(run.stderr).toContain("--allow-generated");
  };

  it.each(["preprod", "prod"])(
    "start --env %s stops before generating anything and says how to ingest",
    (env) => {
      const run = cli("start", ["--env", env, "--no-serve"], empty);
      refusal(run, env);
      expect(existsSync(join(empty.CACHE_DIR!, "generated"))).toBe(false);
      expect(existsSync(join(empty.DIST_DIR!, env))).toBe(false);
    },
  );

  it("dev --env prod stops the same way", () => {
    refusal(cli("dev", ["--env", "prod"], empty), "prod");
  });

  it("start from a …/prod/… folder (no APP_ENV) is prod, and stops the same way", () => {
    const folder = join(tempDir("bttk-cli-hint-"), "prod", "app");
    mkdirSync(folder, { recursive: true });
    refusal(cli("start", ["--no-serve"], { ...empty, APP_ENV: "" }, folder), "prod");
  });
});

describe("ensureDataset, the policy behind start and dev", () => {
  // In-process on a real local S3 server, at a small scale so the generation is quick.
  let s3: TestS3;
  let vars: Record<string, string>;
  beforeAll(async () => {
    s3 = await startTestS3("bootstrap-bucket");
    const work = tempDir("bttk-bootstrap-");
    vars = {
      ...s3.vars,
      CACHE_DIR: join(work, "cache"),
      LOG_DIR: join(work, "logs"),
      DIST_DIR: join(work, "dist"),
    };
  });
  afterAll(() => s3?.stop());
  const small = { scale: 0.01, seed: 3 };

  it("generates, ingests and makes current a dataset for local, marked generated", async () => {
    const config = loadConfig({ env: "local", vars });
    await ensureDataset(config, s3.store, small);
    const pointer = await readPointer(s3.store, "local");
    expect(pointer?.datasetId).toBeTruthy();
    const manifest = JSON.parse(await s3.store.getText(manifestKey(pointer!.datasetId))) as Manifest;
    expect(manifest.provenance).toMatchObject({ kind: "generated", generator: { scale: 0.01, seed: 3 } });
    // A second call finds the dataset and leaves the pointer alone.
    await ensureDataset(config, s3.store, small);
    expect((await readPointer(s3.store, "local"))?.datasetId).toBe(pointer!.datasetId);
  }, 120_000);

  it("refuses preprod without --allow-generated, publishing nothing", async () => {
    const config = loadConfig({ env: "preprod", vars });
    await expect(ensureDataset(config, s3.store, small)).rejects.toThrow(
      /Environment "preprod" has no dataset[\s\S]*npm run data:ingest -- --env preprod/,
    );
    expect(await readPointer(s3.store, "preprod")).toBeUndefined();
  });

  it("generates for preprod with --allow-generated, and the dataset says it is generated", async () => {
    const config = loadConfig({ env: "preprod", vars });
    await ensureDataset(config, s3.store, { ...small, allowGenerated: true });
    const pointer = await readPointer(s3.store, "preprod");
    const manifest = JSON.parse(await s3.store.getText(manifestKey(pointer!.datasetId))) as Manifest;
    expect(manifest.provenance.kind).toBe("generated");
  }, 120_000);
});
