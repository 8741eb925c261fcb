// No silent publish, on a real S3 server: a clean input is published and made current; with
// --no-promote, or when the rules remove more than --max-removed-rate of a file, the snapshot is
// published but the pointer stays; an input that keeps no row publishes nothing. The commands as a
// user runs them: exit codes, stdout, messages; `data:inspect --rejects`; and an ingest stopped by
// SIGTERM removes its working folder.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT, type AppConfig } from "../data-loaders/config/config.js";
import { ValidationError } from "../data-loaders/errors.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { readPointer } from "../data-loaders/snapshot/pointer.js";
import { manifestKey } from "../data-loaders/storage/layout.js";
import { writeCsvs, type RecipeRow } from "./helpers/csv.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import { generatedCsvs } from "./helpers/site.js";

let s3: TestS3;
let config: AppConfig;
let env: NodeJS.ProcessEnv;
const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

beforeAll(async () => {
  s3 = await startTestS3("ingest-pipeline");
  const work = tempDir("bttk-pipeline-");
  const vars = { ...s3.vars, CACHE_DIR: join(work, "cache"), LOG_DIR: join(work, "logs") };
  config = loadConfig({ env: "local", vars });
  env = { PATH: process.env.PATH, HOME: process.env.HOME, APP_ENV: "local", NO_COLOR: "1", ...vars };
  // The environment's current dataset, which held-back ingests must leave current.
  await ingestAndPublish(config, s3.store, { ...csvs(recipes(4)), datasetId: "first" });
});
afterAll(async () => s3?.stop());

/** n clean recipes with ids 1..n, then the given extra rows. */
const recipes = (n: number, extra: RecipeRow[] = []): RecipeRow[] => [
  ...Array.from({ length: n }, (_, i) => ({ id: i + 1 })),
  ...extra,
];
const csvs = (rows: RecipeRow[]) =>
  writeCsvs(tempDir("bttk-pipeline-csv-"), rows, [{ user_id: 1, recipe_id: 1 }]);
const current = async () => (await readPointer(s3.store, "local"))?.datasetId;
const published = async (id: string) => s3.store.exists(manifestKey(id));
const workFolders = () => {
  const dir = join(config.paths.cache, "ingest");
  return existsSync(dir) ? readdirSync(dir) : [];
};

/** A command as a user runs it. Asynchronous: the S3 server it talks to runs in this process. */
function cli(name: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(tsx, [join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr })));
}

describe("publishing and promotion", () => {
  it("makes a clean input current", async () => {
    expect(await current()).toBe("first");
  });

  it("publishes without making current with promote: false", async () => {
    const { pointer, manifest } = await ingestAndPublish(config, s3.store, {
      ...csvs(recipes(4)),
      datasetId: "held",
      promote: false,
    });
    expect(pointer).toBeUndefined();
    expect(manifest.datasetId).toBe("held");
    expect(await published("held")).toBe(true);
    expect(await current()).toBe("first");
  });

  it("holds back a dataset whose rules remove more than 30 % of a file, and says what to do", async () => {
    const input = csvs(
      recipes(4, [{ id: 5, minutes: 0 }, { id: 6, minutes: 0 }, { id: 7, minutes: 999 }, { id: 1 }]),
    );
    const error = await ingestAndPublish(config, s3.store, { ...input, datasetId: "heavy" }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toContain(
      "RAW_recipes.csv: the rules removed 4 of 8 recipes rows (50.0 %), more than the --max-removed-rate of 30.0 %; " +
        "most by minutes_out_of_range 3, duplicate_id 1.",
    );
    expect(message).toContain('Dataset heavy is published but NOT made current for "local".');
    expect(message).toContain("`npm run data:inspect -- --dataset-id heavy --rejects minutes_out_of_range`");
    expect(message).toContain("`npm run data:promote -- --dataset-id heavy --env local`");
    expect(await published("heavy")).toBe(true);
    expect(await current()).toBe("first");
    expect(workFolders()).toEqual([]);
  });

  it("promotes the same input when --max-removed-rate allows it", async () => {
    const input = csvs(
      recipes(4, [
        { id: 5, minutes: 0 },
        { id: 6, minutes: 0 },
      ]),
    );
    const { pointer } = await ingestAndPublish(config, s3.store, {
      ...input,
      datasetId: "allowed",
      maxRemovedRate: 0.34,
    });
    expect(pointer?.datasetId).toBe("allowed");
    // Back to the dataset the other tests expect to stay current.
    await ingestAndPublish(config, s3.store, { ...csvs(recipes(4)), datasetId: "first-again" });
  });

  it("publishes nothing for an input that keeps no row, and removes its working folder", async () => {
    const before = await current();
    const input = csvs([
      { id: 1, minutes: 0 },
      { id: 2, tags: "oops" },
    ]);
    await expect(ingestAndPublish(config, s3.store, { ...input, datasetId: "empty" })).rejects.toThrow(
      /no recipes row is left: the rules removed all 2 rows \((minutes_out_of_range 1, bad_list 1|bad_list 1, minutes_out_of_range 1)\)\. Nothing was published\./,
    );
    expect(await s3.store.list("datasets/empty/")).toEqual([]);
    expect(await current()).toBe(before);
    expect(workFolders()).toEqual([]);
  });
});

describe("the data:ingest and data:inspect commands", () => {
  it("--no-promote publishes, prints the id, exits 0 and leaves the pointer", async () => {
    const before = await cli("inspect", ["--json"]);
    const input = csvs(recipes(3));
    const run = await cli("ingest", [
      "--recipes",
      input.recipes,
      "--interactions",
      input.interactions,
      "--dataset-id",
      "cli-held",
      "--no-promote",
    ]);
    expect(run.stderr).toContain('"local" still reads its previous dataset');
    expect(run.stderr).toContain("npm run data:promote -- --dataset-id cli-held --env local");
    expect(run.stdout).toBe("cli-held\n");
    expect(run.code, run.stderr).toBe(0);
    const after = await cli("inspect", ["--json"]);
    expect((JSON.parse(after.stdout) as { pointer: unknown }).pointer).toEqual(
      (JSON.parse(before.stdout) as { pointer: unknown }).pointer,
    );
  });

  it("exits 1 with the rule, the rate and the commands when too many rows go, pointer unchanged", async () => {
    const before = await current();
    const input = csvs(
      recipes(2, [
        { id: 3, minutes: 0 },
        { id: 4, minutes: 0 },
      ]),
    );
    const run = await cli("ingest", [
      "--recipes",
      input.recipes,
      "--interactions",
      input.interactions,
      "--dataset-id",
      "cli-heavy",
      "--source-label",
      "hand-made",
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "removed 2 of 4 recipes rows (50.0 %), more than the --max-removed-rate of 30.0 %",
    );
    expect(run.stderr).toContain(
      "npm run data:inspect -- --dataset-id cli-heavy --rejects minutes_out_of_range",
    );
    expect(await current()).toBe(before);
  });

  it("data:inspect --rejects prints the rows a rule set aside, with file, line, reason and raw fields", async () => {
    const run = await cli("inspect", [
      "--dataset-id",
      "cli-heavy",
      "--rejects",
      "minutes_out_of_range",
      "--limit",
      "1",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("dataset cli-heavy: 2 row(s) set aside by minutes_out_of_range, first 1");
    expect(lines[1]).toBe("recipes  RAW_recipes.csv line 4, minutes: minutes 0, outside [1, 180]");
    // The raw fields, as JSON shown escaped (and cut when long).
    expect(lines[2]).toMatch(/^ {4}\{\\"name\\":\\"recipe 3\\",\\"id\\":\\"3\\",\\"minutes\\":0,/);
    const json = JSON.parse(
      (await cli("inspect", ["--dataset-id", "cli-heavy", "--rejects", "minutes_out_of_range", "--json"]))
        .stdout,
    );
    expect(json).toMatchObject({
      datasetId: "cli-heavy",
      total: 2,
      rows: [{ source_line: 4 }, { source_line: 5 }],
    });
  });

  it("data:inspect shows provenance, the report's new rules and the integrity counts", async () => {
    const run = await cli("inspect", ["--dataset-id", "cli-heavy"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("provenance    files: hand-made");
    expect(run.stdout).toMatch(/dataset\s+cli-heavy \(not current\)/);
    expect(run.stdout).toMatch(/−\s+0\s+date_out_of_window/);
    expect(run.stdout).toContain("recipes the original app's rules would keep: 2");
    expect(run.stdout).toContain("interactions kept: 1 on kept recipes, 0 on recipes set aside");
  });

  it("refuses an unknown rule, a bad limit, a bad rate and a bad date, naming the option", async () => {
    const rule = await cli("inspect", ["--rejects", "nope"]);
    expect(rule.code).toBe(1);
    expect(rule.stderr).toContain("--rejects=nope is not a rule.");
    expect(rule.stderr).toContain("minutes_out_of_range");
    expect((await cli("inspect", ["--rejects", "bad_list", "--limit", "0"])).stderr).toContain(
      "--limit=0 is not a whole number ≥ 1.",
    );
    const input = csvs(recipes(3));
    const args = ["--recipes", input.recipes, "--interactions", input.interactions];
    expect((await cli("ingest", [...args, "--max-removed-rate", "1.5"])).stderr).toContain(
      "--max-removed-rate=1.5 is not a share between 0 and 1.",
    );
    expect((await cli("ingest", [...args, "--max-date", "2023-02-29"])).stderr).toContain(
      '--max-date="2023-02-29" is not a date written YYYY-MM-DD.',
    );
  });
});

describe("an ingest stopped by a signal", () => {
  it("removes its working folder and exits non-zero on SIGTERM", async () => {
    const data = await generatedCsvs(0.05, 42);
    const before = await current();
    const child = spawn(
      tsx,
      [
        join(PROJECT_ROOT, "data-loaders", "cli", "ingest.ts"),
        "--recipes",
        data.recipes,
        "--interactions",
        data.interactions,
      ],
      { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((done) =>
      child.on("exit", (code, signal) => done(code ?? (signal ? 128 : null))),
    );
    // Wait for the working folder to appear, then stop the command while it works.
    const deadline = Date.now() + 60_000;
    while (workFolders().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(workFolders()).toHaveLength(1);
    child.kill("SIGTERM");
    const code = await exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain("SIGTERM: ingest stopped, removing its working folder");
    expect(workFolders()).toEqual([]);
    expect(await current()).toBe(before);
  });
});
