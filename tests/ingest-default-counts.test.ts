// docs/data.md states the counts of every rule and integrity decision on the default dataset
// (scale 1, seed 42, what `npm start` ingests). This test ingests that dataset and compares the
// documented table line by line, so the docs move with the generator and the rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../data-loaders/config/config.js";
import { DEFAULT_DATASET } from "../data-loaders/ingest/bootstrap.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { tempDir } from "./helpers/s3.js";
import { generatedCsvs } from "./helpers/site.js";

let manifest: Manifest;

beforeAll(async () => {
  const csvs = await generatedCsvs(DEFAULT_DATASET.scale, DEFAULT_DATASET.seed);
  ({ manifest } = await ingest({ ...csvs, outDir: join(tempDir("bttk-default-"), "snapshot") }));
}, 600_000);

const n = (x: number) => x.toLocaleString("en-US");

/** The counts table as docs/data.md writes it, from a manifest. */
function countsTable(m: Manifest): string[] {
  const { recipes, interactions } = m.report;
  const rows = (m.files.map((f) => [f.name, f.rows]) as [string, number][]).slice(2);
  const lines: [string, string, string][] = [
    ["recipes", "rows in", n(recipes.rowsIn)],
    ...recipes.rules.map((r) => ["recipes", `\`${r.rule}\``, n(r.removed)] as [string, string, string]),
    ["recipes", "rows out", n(recipes.rowsOut)],
    ["recipes", "bounds: minutes", `[${recipes.bounds.minutes.join(", ")}]`],
    ["recipes", "bounds: n_steps", `[${recipes.bounds.nSteps.join(", ")}]`],
    ["recipes", "bounds: n_ingredients", `[${recipes.bounds.nIngredients.join(", ")}]`],
    ["recipes", "negative calories set to null (kept)", n(recipes.negativeCaloriesNulled)],
    ["recipes", "kept by the original app's rules", n(recipes.originalRulesKept)],
    ["interactions", "rows in", n(interactions.rowsIn)],
    ...interactions.rules.map(
      (r) => ["interactions", `\`${r.rule}\``, n(r.removed)] as [string, string, string],
    ),
    ["interactions", "rows out", n(interactions.rowsOut)],
    ["interactions", 'rating 0 kept as "review without rating"', n(interactions.unrated)],
    ["interactions", "kept, recipe kept (`recipe_status = 'kept'`)", n(interactions.integrity.recipeKept)],
    [
      "interactions",
      "kept, recipe set aside (`recipe_status = 'set_aside'`)",
      n(interactions.integrity.recipeSetAside),
    ],
    [
      "interactions",
      "kept, dated before their recipe (`before_recipe`)",
      n(interactions.integrity.beforeRecipe),
    ],
    ...rows.map(([name, count]) => [name, "rows", n(count)] as [string, string, string]),
  ];
  return lines.map((cells) => `| ${cells.join(" | ")} |`);
}

function documentedTable(): string[] {
  const text = readFileSync(join(PROJECT_ROOT, "docs", "data.md"), "utf8");
  const block = /<!-- counts:default -->\n([\s\S]*?)\n<!-- \/counts:default -->/.exec(text);
  if (!block) throw new Error("docs/data.md has no <!-- counts:default --> block");
  return block[1].split("\n").slice(2); // without the header and its separator
}

describe("counts on the default dataset", () => {
  it("are the ones docs/data.md states, rule by rule", () => {
    expect(documentedTable()).toEqual(countsTable(manifest));
  });

  it("differ from the original app's cleaning by exactly the negative-calorie recipes ours keeps", () => {
    const { recipes } = manifest.report;
    expect(recipes.rowsOut - recipes.originalRulesKept).toBe(recipes.negativeCaloriesNulled);
  });

  it("come from the generator, as the manifest says", () => {
    expect(manifest.provenance).toMatchObject({ kind: "generated", generator: { scale: 1, seed: 42 } });
  });
});
