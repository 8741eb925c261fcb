// The cleaning rules and CSV edge cases of the ingest, on small crafted CSV files, with exact counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { ingest } from "../data-loaders/ingest/ingest.js";
import { ValidationError, DataLoadError } from "../data-loaders/errors.js";
import {
  RECIPES_HEADER,
  INTERACTIONS_HEADER,
  recipeLine,
  writeCsvs,
  type InteractionRow,
  type RecipeRow,
} from "./helpers/csv.js";
import { tempDir } from "./helpers/s3.js";

const NO_BOUNDS = { minutes: [1, 180] as [number, number], quantiles: [0, 1] as [number, number] };

async function readTable(path: string, sql = "SELECT * FROM t ORDER BY 1") {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(`CREATE VIEW t AS SELECT * FROM read_parquet('${path}')`);
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function run(
  recipes: (RecipeRow | string)[],
  interactions: InteractionRow[] = [{ user_id: 1, recipe_id: 1 }],
  options = {},
) {
  const dir = tempDir("bttk-ingest-");
  const paths = writeCsvs(dir, recipes, interactions);
  const result = await ingest({ ...paths, outDir: join(dir, "out"), rules: NO_BOUNDS, ...options });
  return { ...result, dir };
}

const rule = (rules: { rule: string; removed: number }[], id: string) =>
  rules.find((r) => r.rule === id)?.removed;

describe("recipe cleaning rules", () => {
  it("drops recipes with a duplicate id, keeps the first occurrence, and counts them", async () => {
    const { manifest, dir } = await run([
      { id: 1, name: "first" },
      { id: 2 },
      { id: 1, name: "second copy" },
      { id: 1, name: "third copy" },
    ]);
    const report = manifest.report.recipes;
    expect(report.rowsIn).toBe(4);
    expect(rule(report.rules, "duplicate_id")).toBe(2);
    expect(report.rowsOut).toBe(2);
    const rows = await readTable(join(dir, "out", "recipes.parquet"), "SELECT id, name FROM t ORDER BY id");
    expect(rows).toEqual([
      { id: 1, name: "first" },
      { id: 2, name: "recipe 2" },
    ]);
  });

  it("keeps 1 ≤ minutes ≤ 180 and counts zero, too long and absurd durations", async () => {
    const { manifest } = await run([
      { id: 1, minutes: 0 },
      { id: 2, minutes: 1 },
      { id: 3, minutes: 180 },
      { id: 4, minutes: 181 },
      { id: 5, minutes: 2147483647 },
      { id: 6, minutes: 35 },
    ]);
    expect(rule(manifest.report.recipes.rules, "minutes_out_of_range")).toBe(3);
    expect(manifest.report.recipes.rowsOut).toBe(3);
  });

  it("bounds n_steps and n_ingredients by the 2.5–97.5 % quantiles of the rows left, and records them", async () => {
    // 100 recipes with n_steps = 1..100 and 4 ingredients: quantile_disc gives [3, 98] → 4 dropped.
    const recipes = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      steps: Array.from({ length: i + 1 }, (_, s) => `step ${s + 1}`),
    }));
    const { manifest } = await run(recipes, undefined, {
      rules: { minutes: [1, 180], quantiles: [0.025, 0.975] },
    });
    const report = manifest.report.recipes;
    expect(report.bounds.nSteps).toEqual([3, 98]);
    expect(report.bounds.nIngredients).toEqual([4, 4]);
    expect(rule(report.rules, "n_steps_out_of_bounds")).toBe(4);
    expect(rule(report.rules, "n_ingredients_out_of_bounds")).toBe(0);
    expect(report.rowsOut).toBe(96);
  });

  it("drops recipes without a name (empty or blank) or without a date", async () => {
    const { manifest } = await run([
      { id: 1, name: null },
      { id: 2, name: "   " },
      { id: 3, submitted: null },
      { id: 4 },
    ]);
    expect(rule(manifest.report.recipes.rules, "missing_name_or_date")).toBe(3);
    expect(manifest.report.recipes.rowsOut).toBe(1);
  });

  it("splits nutrition into calories and six %DV columns and sets negative calories to null", async () => {
    const { manifest, dir } = await run([
      { id: 1, nutrition: [51.5, 0, 13, 0, 2, 0, 4] },
      { id: 2, nutrition: [-12, 1, 2, 3, 4, 5, 6] },
    ]);
    expect(manifest.report.recipes.negativeCaloriesNulled).toBe(1);
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const rows = await readTable(
      join(dir, "out", "recipes.parquet"),
      "SELECT id, calories, total_fat_pct, sugar_pct, sodium_pct, protein_pct, sat_fat_pct, carb_pct FROM t ORDER BY id",
    );
    expect(rows).toEqual([
      {
        id: 1,
        calories: 51.5,
        total_fat_pct: 0,
        sugar_pct: 13,
        sodium_pct: 0,
        protein_pct: 2,
        sat_fat_pct: 0,
        carb_pct: 4,
      },
      {
        id: 2,
        calories: null,
        total_fat_pct: 1,
        sugar_pct: 2,
        sodium_pct: 3,
        protein_pct: 4,
        sat_fat_pct: 5,
        carb_pct: 6,
      },
    ]);
  });

  it("derives calendar columns (ISO weekday, weekend, meteorological season) and the complexity score", async () => {
    const { dir } = await run([
      { id: 1, submitted: "2007-12-01", minutes: 30 }, // Saturday, December → winter of its calendar year
      { id: 2, submitted: "2008-03-17", minutes: 9 }, // Monday, spring
    ]);
    const rows = await readTable(
      join(dir, "out", "recipes.parquet"),
      "SELECT id, year, month, day, weekday, is_weekend, season, complexity_score FROM t ORDER BY id",
    );
    // complexity = ln(1 + minutes) + n_steps + 0.5 · n_ingredients, with 3 steps and 4 ingredients.
    expect(rows[0]).toMatchObject({
      year: 2007,
      month: 12,
      day: 1,
      weekday: 6,
      is_weekend: true,
      season: "winter",
    });
    expect(rows[1]).toMatchObject({
      year: 2008,
      month: 3,
      day: 17,
      weekday: 1,
      is_weekend: false,
      season: "spring",
    });
    expect(rows[0].complexity_score).toBeCloseTo(Math.log(31) + 3 + 2, 12);
    expect(rows[1].complexity_score).toBeCloseTo(Math.log(10) + 3 + 2, 12);
  });
});

describe("CSV edge cases", () => {
  it("reads quoted fields with commas, doubled quotes, newlines, unicode and empty fields", async () => {
    const { manifest, dir } = await run([
      {
        id: 1,
        name: 'crème brûlée, "the real one"',
        description: 'line one\nline two, with a comma\r\nand a "quote" 🍮',
        steps: ["heat the cream, gently", "don't boil", 'say "voilà"'],
        ingredients: ["Heavy Cream ", "vanilla bean", "mom's sugar"],
        tags: ["french", "dessert"],
      },
      { id: 2, description: null },
    ]);
    expect(manifest.report.recipes.rules.every((r) => r.removed === 0)).toBe(true);
    const rows = await readTable(join(dir, "out", "recipes.parquet"), "SELECT * FROM t ORDER BY id");
    expect(rows[0].name).toBe('crème brûlée, "the real one"');
    expect(rows[0].description).toBe('line one\nline two, with a comma\r\nand a "quote" 🍮');
    expect(rows[0].steps).toEqual(["heat the cream, gently", "don't boil", 'say "voilà"']);
    expect(rows[0].ingredients).toEqual(["heavy cream", "vanilla bean", "mom's sugar"]);
    expect(rows[1].description).toBeNull();
    const ingredients = await readTable(
      join(dir, "out", "recipe_ingredients.parquet"),
      "SELECT recipe_id, position, ingredient FROM t WHERE recipe_id = 1 ORDER BY position",
    );
    expect(ingredients.map((r) => r.ingredient)).toEqual(["heavy cream", "vanilla bean", "mom's sugar"]);
  });

  it("puts unparsable rows in rejects.csv with their line and reason, and keeps the rest", async () => {
    const { manifest, dir } = await run(
      [{ id: 1 }, { id: 2, minutes: "forty" }, { id: 3, submitted: "2005-13-45" }, { id: 4 }],
      undefined,
      { maxRejectRate: 0.5 },
    );
    expect(rule(manifest.report.recipes.rules, "unparsable_row")).toBe(2);
    expect(manifest.report.recipes.rowsIn).toBe(4);
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const rejects = readFileSync(join(dir, "out", "rejects.csv"), "utf8");
    expect(rejects).toContain(
      'RAW_recipes.csv,3,minutes,CAST,"Error when converting column ""minutes"". Could not convert string ""forty""',
    );
    expect(rejects).toContain("RAW_recipes.csv,4,submitted,CAST");
    expect(manifest.files.find((f) => f.name === "rejects")?.rows).toBe(2);
  });

  it("fails past the reject threshold, naming the file, the lines and the reasons", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(
      dir,
      [{ id: 1 }, { id: 2, minutes: "forty" }, `${recipeLine({ id: 3 })},extra`],
      [{ user_id: 1, recipe_id: 1 }],
    );
    const attempt = ingest({ ...paths, outDir: join(dir, "out"), rules: NO_BOUNDS, maxRejectRate: 0.1 });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /RAW_recipes\.csv: 2 of 3 rows cannot be parsed \(more than 10\.00 %\)/,
    );
    await expect(attempt).rejects.toThrow(/line 3, column minutes: Error when converting column "minutes"/);
    await expect(attempt).rejects.toThrow(/line 4.*Expected Number of Columns: 12 Found: 13/);
  });
});

describe("interaction rules", () => {
  it("keeps rating 0 (review without rating) and counts it, drops exact duplicates, missing dates and bad ratings", async () => {
    const { manifest, dir } = await run(
      [{ id: 1 }],
      [
        { user_id: 1, recipe_id: 1, rating: 5, review: 'great, "really"' },
        { user_id: 1, recipe_id: 1, rating: 5, review: 'great, "really"' },
        { user_id: 1, recipe_id: 1, rating: 5, review: 'great, "really" (edited)' },
        { user_id: 2, recipe_id: 1, rating: 0, review: "no stars" },
        { user_id: 3, recipe_id: 1, date: null },
        { user_id: 4, recipe_id: 1, rating: 7 },
        { user_id: 5, recipe_id: 1, rating: 4, review: null },
      ],
    );
    const report = manifest.report.interactions;
    expect(report.rowsIn).toBe(7);
    expect(rule(report.rules, "missing_date")).toBe(1);
    expect(rule(report.rules, "rating_out_of_range")).toBe(1);
    expect(rule(report.rules, "exact_duplicate")).toBe(1);
    expect(report.rowsOut).toBe(4);
    expect(report.unrated).toBe(1);
    const rows = await readTable(
      join(dir, "out", "interactions.parquet"),
      "SELECT user_id, rating, weekday, season FROM t ORDER BY user_id, rating",
    );
    expect(rows.map((r) => [Number(r.user_id), r.rating])).toEqual([
      [1, 5],
      [1, 5],
      [2, 0],
      [5, 4],
    ]);
    expect(rows[0]).toMatchObject({ weekday: 7, season: "winter" }); // 2006-01-01 was a Sunday
  });
});

describe("headers and files", () => {
  it("names missing and unexpected columns of a wrong header", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [{ user_id: 1, recipe_id: 1 }], {
      recipes: RECIPES_HEADER.replace("minutes", "duration"),
      interactions: INTERACTIONS_HEADER,
    });
    await expect(ingest({ ...paths, outDir: join(dir, "out") })).rejects.toThrow(
      /Header of .*RAW_recipes\.csv \(line 1\): missing column\(s\) minutes; unexpected column\(s\) duration\./,
    );
  });

  it("names columns in the wrong order", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [], {
      recipes: RECIPES_HEADER,
      interactions: "recipe_id,user_id,date,rating,review",
    });
    await expect(ingest({ ...paths, outDir: join(dir, "out") })).rejects.toThrow(
      /RAW_interactions\.csv \(line 1\): columns are in the order recipe_id,user_id,date,rating,review/,
    );
  });

  it("says which file is missing", async () => {
    const dir = tempDir("bttk-ingest-");
    const attempt = ingest({
      recipes: join(dir, "nope.csv"),
      interactions: join(dir, "nope2.csv"),
      outDir: join(dir, "out"),
    });
    await expect(attempt).rejects.toThrow(DataLoadError);
    await expect(attempt).rejects.toThrow(/Cannot open .*nope\.csv: ENOENT/);
  });

  it("writes a manifest whose files carry their row counts and sha256", async () => {
    const { manifest, dir } = await run([{ id: 1 }, { id: 2 }], [{ user_id: 1, recipe_id: 1 }]);
    const { createHash } = await import("node:crypto");
    for (const file of manifest.files) {
      const bytes = readFileSync(join(dir, "out", file.file));
      expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(file.bytes).toBe(bytes.length);
    }
    expect(manifest.files.map((f) => [f.name, f.rows])).toEqual([
      ["recipes", 2],
      ["interactions", 1],
      ["recipe_ingredients", 8],
      ["recipe_tags", 4],
      ["rejects", 0],
    ]);
    expect(manifest.sources.map((s) => s.name)).toEqual(["RAW_recipes.csv", "RAW_interactions.csv"]);
  });
});
