// Generated data through the real ingest: DuckDB parses every row (no rejects), the cleaning rules
// find exactly the dirty rows the generator says it planted, and the dataset is marked generated
// only while generated.json vouches for the exact files given.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset, type GenerateResult } from "../data-loaders/generate/index.js";
import { generatorVersion } from "../data-loaders/generate/version.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { tempDir } from "./helpers/s3.js";

const removed = (rules: { rule: string; removed: number }[], rule: string) =>
  rules.find((r) => r.rule === rule)?.removed;

let data: GenerateResult;
let manifest: Manifest;

beforeAll(async () => {
  const dir = tempDir("bttk-gen-ingest-");
  data = await generateDataset({ scale: 0.02, seed: 11, outDir: join(dir, "raw") });
  ({ manifest } = await ingest({
    recipes: data.recipesPath,
    interactions: data.interactionsPath,
    outDir: join(dir, "snapshot"),
    sourceLabel: "not used: the sidecar says generated",
  }));
});

describe("generated data → ingest", () => {
  it("parses without rejects and counts exactly the planted duplicates", () => {
    const { recipes, interactions } = manifest.report;
    expect(recipes.rowsIn).toBe(data.recipes);
    expect(interactions.rowsIn).toBe(data.interactions);
    expect(removed(recipes.rules, "unparsable_row")).toBe(0);
    expect(removed(interactions.rules, "unparsable_row")).toBe(0);
    expect(removed(recipes.rules, "duplicate_id")).toBe(data.dirty.duplicateRecipeId);
    expect(removed(interactions.rules, "exact_duplicate")).toBe(data.dirty.duplicateInteraction);
    // Zero and huge times are always out of range; the natural tail adds more.
    expect(removed(recipes.rules, "minutes_out_of_range")).toBeGreaterThanOrEqual(
      data.dirty.zeroMinutes + data.dirty.hugeMinutes,
    );
    // The 2.5–97.5 % bounds land near the original's [2, 24] steps and [3, 17] ingredients.
    const [stepsLow, stepsHigh] = recipes.bounds.nSteps;
    const [ingredientsLow, ingredientsHigh] = recipes.bounds.nIngredients;
    expect(stepsLow >= 2 && stepsLow <= 3 && stepsHigh >= 22 && stepsHigh <= 26).toBe(true);
    expect(ingredientsLow >= 3 && ingredientsLow <= 4 && ingredientsHigh >= 16 && ingredientsHigh <= 18).toBe(
      true,
    );
  });

  it("writes well-formed ids, lists, nutrition and dates: the new rules find nothing to remove", () => {
    for (const rule of ["id_out_of_range", "bad_list", "bad_nutrition", "date_out_of_window"]) {
      expect(removed(manifest.report.recipes.rules, rule), rule).toBe(0);
    }
    for (const rule of [
      "id_out_of_range",
      "missing_date",
      "date_out_of_window",
      "rating_out_of_range",
      "unknown_recipe",
    ]) {
      expect(removed(manifest.report.interactions.rules, rule), rule).toBe(0);
    }
  });

  it("reviews every recipe after it was posted; reviews of recipes set aside are kept and flagged", () => {
    const { integrity, rowsOut } = manifest.report.interactions;
    expect(integrity.beforeRecipe).toBe(0);
    expect(integrity.recipeSetAside).toBeGreaterThan(0);
    expect(integrity.recipeKept + integrity.recipeSetAside).toBe(rowsOut);
  });

  it("records the dataset as generated, with the generator's version, scale and seed", () => {
    expect(manifest.provenance).toEqual({
      kind: "generated",
      generator: { version: generatorVersion(), scale: 0.02, seed: 11 },
    });
  });

  it("records files as files when generated.json does not vouch for them (edited, or copied elsewhere)", async () => {
    const edited = tempDir("bttk-gen-edited-");
    for (const file of ["RAW_recipes.csv", "RAW_interactions.csv", "generated.json"]) {
      copyFileSync(join(data.recipesPath, "..", file), join(edited, file));
    }
    writeFileSync(join(edited, "RAW_interactions.csv"), "\n", { flag: "a" }); // one byte more
    const moved = tempDir("bttk-gen-moved-");
    mkdirSync(join(moved, "raw"));
    copyFileSync(data.recipesPath, join(moved, "raw", "RAW_recipes.csv"));
    copyFileSync(data.interactionsPath, join(moved, "raw", "RAW_interactions.csv"));
    for (const [dir, label] of [
      [edited, null],
      [join(moved, "raw"), "Kaggle Food.com Recipes and Interactions"],
    ] as const) {
      const result = await ingest({
        recipes: join(dir, "RAW_recipes.csv"),
        interactions: join(dir, "RAW_interactions.csv"),
        outDir: join(tempDir("bttk-gen-out-"), "snapshot"),
        sourceLabel: label,
      });
      expect(result.manifest.provenance).toEqual({ kind: "files", label });
    }
  });
});
