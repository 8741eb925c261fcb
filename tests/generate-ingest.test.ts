// Generated data through the real ingest: DuckDB parses every row (no rejects), and the cleaning
// rules find exactly the dirty rows the generator says it planted.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../data-loaders/generate/index.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import { tempDir } from "./helpers/s3.js";

describe("generated data → ingest", () => {
  it("parses without rejects and counts exactly the planted duplicates", async () => {
    const dir = tempDir("bttk-gen-ingest-");
    const data = await generateDataset({ scale: 0.02, seed: 11, outDir: join(dir, "raw") });
    const { manifest } = await ingest({
      recipes: data.recipesPath,
      interactions: data.interactionsPath,
      outDir: join(dir, "snapshot"),
    });
    const removed = (rules: { rule: string; removed: number }[], rule: string) =>
      rules.find((r) => r.rule === rule)?.removed;
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
});
