// The data path end to end on generated data: generator → ingest → S3 over HTTP → a fresh local
// cache → DuckDB, with every count agreeing along the way.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type AppConfig } from "../data-loaders/config/config.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import type { SyncResult } from "../data-loaders/snapshot/cache.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { generatedCsvs } from "./helpers/site.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let config: AppConfig;
let manifest: Manifest;
let snapshot: SyncResult;
let session: Session;

beforeAll(async () => {
  s3 = await startTestS3("integration");
  config = loadConfig({ env: "local", vars: { ...s3.vars, CACHE_DIR: tempDir("bttk-int-") } });
  ({ manifest } = await ingestAndPublish(config, s3.store, await generatedCsvs(0.05, 42)));
  rmSync(config.paths.snapshots, { recursive: true, force: true }); // force a download over HTTP
  snapshot = await syncEnvironmentSnapshot(config, s3.store);
  session = await openSession(snapshot);
}, 300_000);

afterAll(async () => {
  session?.close();
  await s3?.stop();
});

const count = async (sql: string) => (await session.query<{ n: number }>(sql))[0].n;

describe("generated data through the whole data path", () => {
  it("downloads every file of the snapshot and verifies it", () => {
    expect(snapshot.datasetId).toBe(manifest.datasetId);
    expect(snapshot.downloaded.sort()).toEqual(manifest.files.map((f) => f.file).sort());
  });

  it("reads in DuckDB exactly the rows the manifest announces", async () => {
    for (const file of manifest.files.filter((f) => f.file.endsWith(".parquet"))) {
      expect(await count(`SELECT count(*)::INTEGER AS n FROM "${file.name}"`)).toBe(file.rows);
    }
    expect(manifest.report.recipes.rowsIn).toBe(Math.round(231_637 * 0.05));
    expect(manifest.report.interactions.rowsIn).toBe(Math.round(1_132_367 * 0.05));
  });

  it("accounts for every input row: rows in − removed by each rule = rows out", () => {
    for (const table of [manifest.report.recipes, manifest.report.interactions]) {
      const removed = table.rules.reduce((sum, r) => sum + r.removed, 0);
      expect(table.rowsIn - removed).toBe(table.rowsOut);
    }
  });

  it("exercises every cleaning rule on the generator's dirty rows", () => {
    const removed = Object.fromEntries(manifest.report.recipes.rules.map((r) => [r.rule, r.removed]));
    expect(removed.duplicate_id).toBeGreaterThan(0);
    expect(removed.minutes_out_of_range).toBeGreaterThan(0);
    expect(removed.n_steps_out_of_bounds).toBeGreaterThan(0);
    expect(removed.n_ingredients_out_of_bounds).toBeGreaterThan(0);
    expect(removed.missing_name_or_date).toBeGreaterThan(0);
    expect(manifest.report.recipes.negativeCaloriesNulled).toBeGreaterThan(0);
    const interactions = Object.fromEntries(
      manifest.report.interactions.rules.map((r) => [r.rule, r.removed]),
    );
    expect(interactions.exact_duplicate).toBeGreaterThan(0);
    expect(manifest.report.interactions.unrated).toBeGreaterThan(0);
  });

  it("keeps every set-aside row in rejects.parquet, one per row the report removed", async () => {
    const removed = [manifest.report.recipes, manifest.report.interactions]
      .flatMap((t): { removed: number }[] => t.rules)
      .reduce((sum, r) => sum + r.removed, 0);
    expect(removed).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM rejects")).toBe(removed);
    for (const [table, report] of [
      ["recipes", manifest.report.recipes],
      ["interactions", manifest.report.interactions],
    ] as const) {
      for (const r of report.rules) {
        expect(
          await count(
            `SELECT count(*)::INTEGER AS n FROM rejects WHERE "table" = '${table}' AND rule = '${r.rule}'`,
          ),
          `${table} ${r.rule}`,
        ).toBe(r.removed);
      }
    }
  });

  it("flags each kept interaction by the fate of its recipe, as the report counts them", async () => {
    const { integrity } = manifest.report.interactions;
    expect(
      await count(
        "SELECT count(*)::INTEGER AS n FROM interactions i JOIN recipes r ON r.id = i.recipe_id WHERE i.recipe_status = 'kept'",
      ),
    ).toBe(integrity.recipeKept);
    expect(
      await count(
        "SELECT count(*)::INTEGER AS n FROM interactions i LEFT JOIN recipes r ON r.id = i.recipe_id WHERE i.recipe_status = 'set_aside' AND r.id IS NULL",
      ),
    ).toBe(integrity.recipeSetAside);
    expect(integrity.recipeSetAside).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM interactions WHERE before_recipe")).toBe(
      integrity.beforeRecipe,
    );
    expect(manifest.provenance).toMatchObject({ kind: "generated", generator: { scale: 0.05, seed: 42 } });
  });

  it("leaves clean tables: unique ids, minutes in range, bounds respected, no negative calories", async () => {
    const [minSteps, maxSteps] = manifest.report.recipes.bounds.nSteps;
    expect(await count("SELECT (count(*) - count(DISTINCT id))::INTEGER AS n FROM recipes")).toBe(0);
    expect(
      await count("SELECT count(*)::INTEGER AS n FROM recipes WHERE minutes NOT BETWEEN 1 AND 180"),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::INTEGER AS n FROM recipes WHERE n_steps NOT BETWEEN ${minSteps} AND ${maxSteps}`,
      ),
    ).toBe(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM recipes WHERE calories < 0")).toBe(0);
    expect(
      await count(
        "SELECT count(*)::INTEGER AS n FROM recipe_ingredients ri LEFT JOIN recipes r ON r.id = ri.recipe_id WHERE r.id IS NULL",
      ),
    ).toBe(0);
    expect(await count("SELECT (sum(len(ingredients)))::INTEGER AS n FROM recipes")).toBe(
      manifest.files.find((f) => f.name === "recipe_ingredients")!.rows,
    );
  });
});
