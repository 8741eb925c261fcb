// The commands as a user runs them (tsx processes), on the embedded S3 server: stdout carries
// only data, errors are one clear message and exit code 1.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../data-loaders/config/config.js";
import { writeCsvs } from "./helpers/csv.js";
import { tempDir } from "./helpers/s3.js";

const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
let env: NodeJS.ProcessEnv;
let csvs: { recipes: string; interactions: string };

function cli(name: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(tsx, [join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`), ...args], {
    cwd: PROJECT_ROOT,
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
    [{ id: 1 }, { id: 2, minutes: 500 }, { id: 3, name: "crème brûlée", minutes: 45 }],
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
    expect(run.stdout).toMatch(/recipes\.parquet\s+2 rows/);
    expect(run.stdout).toMatch(/interactions\.parquet\s+2 rows/);
    expect(run.stdout).toMatch(/recipes: 3 in → 2 out/);
    expect(run.stdout).toMatch(/−\s+1\s+minutes_out_of_range/);
    const json = JSON.parse(cli("inspect", ["--json"]).stdout) as { counts: Record<string, number> };
    expect(json.counts).toEqual({ recipes: 2, interactions: 2, recipe_ingredients: 8, recipe_tags: 4 });
  });

  it("analysis prints one analysis's JSON, and names the known ones for a wrong name", () => {
    const run = cli("analysis", ["overview/kpis"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      recipes: 2,
      interactions: 2,
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
