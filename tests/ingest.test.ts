// The cleaning rules and CSV edge cases of the ingest, on small crafted CSV files, with exact counts,
// and every set-aside row found again in rejects.parquet with its line and reason.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { DataLoadError, ValidationError } from "../data-loaders/errors.js";
import { ingest, type IngestOptions } from "../data-loaders/ingest/ingest.js";
import type { Manifest } from "../src/lib/contracts/manifest.js";
import { manifestSchema } from "../src/lib/contracts/manifest.js";
import {
  INTERACTIONS_HEADER,
  RECIPES_HEADER,
  interactionLine,
  recipeLine,
  writeCsvs,
  type CsvFormat,
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

type Row = RecipeRow | string | Buffer;

async function run(
  recipes: Row[],
  interactions: (InteractionRow | string | Buffer)[] = [{ user_id: 1, recipe_id: 1 }],
  options: Partial<IngestOptions> = {},
  format: CsvFormat = {},
) {
  const dir = tempDir("bttk-ingest-");
  const paths = writeCsvs(dir, recipes, interactions, format);
  const result = await ingest({ ...paths, outDir: join(dir, "out"), rules: NO_BOUNDS, ...options });
  const out = join(dir, "out");
  return { ...result, dir, out, paths };
}

const removed = (rules: { rule: string; removed: number }[], id: string) =>
  rules.find((r) => r.rule === id)?.removed;

interface RejectRow {
  table: string;
  rule: string;
  source_file: string;
  source_line: number;
  column_name: string | null;
  detail: string | null;
  raw: string;
}

const rejects = (out: string, where = "true") =>
  readTable(
    join(out, "rejects.parquet"),
    `SELECT "table", rule, source_file, source_line, column_name, detail, raw FROM t WHERE ${where} ORDER BY "table" DESC, source_line`,
  ) as Promise<unknown[]> as Promise<RejectRow[]>;

describe("recipe cleaning rules", () => {
  it("drops recipes with a duplicate id, keeps the first occurrence, and points each copy at it", async () => {
    const { manifest, out } = await run([
      { id: 1, name: "first" },
      { id: 2 },
      { id: 1, name: "second copy" },
      { id: 1, name: "third copy" },
    ]);
    const report = manifest.report.recipes;
    expect(report.rowsIn).toBe(4);
    expect(removed(report.rules, "duplicate_id")).toBe(2);
    expect(report.rowsOut).toBe(2);
    const rows = await readTable(join(out, "recipes.parquet"), "SELECT id, name FROM t ORDER BY id");
    expect(rows).toEqual([
      { id: 1, name: "first" },
      { id: 2, name: "recipe 2" },
    ]);
    const set = await rejects(out);
    expect(set.map((r) => [r.rule, r.source_line, r.column_name, r.detail])).toEqual([
      ["duplicate_id", 4, "id", "id 1 is already on line 2"],
      ["duplicate_id", 5, "id", "id 1 is already on line 2"],
    ]);
    expect(JSON.parse(set[0].raw)).toMatchObject({ name: "second copy", id: "1", minutes: 30 });
  });

  it("keeps 1 ≤ minutes ≤ 180 and counts zero, too long and absurd durations", async () => {
    const { manifest, out } = await run([
      { id: 1, minutes: 0 },
      { id: 2, minutes: 1 },
      { id: 3, minutes: 180 },
      { id: 4, minutes: 181 },
      { id: 5, minutes: 2147483647 },
      { id: 6, minutes: 35 },
    ]);
    expect(removed(manifest.report.recipes.rules, "minutes_out_of_range")).toBe(3);
    expect(manifest.report.recipes.rowsOut).toBe(3);
    expect((await rejects(out)).map((r) => r.detail)).toEqual([
      "minutes 0, outside [1, 180]",
      "minutes 181, outside [1, 180]",
      "minutes 2147483647, outside [1, 180]",
    ]);
  });

  it("bounds n_steps and n_ingredients by the 2.5–97.5 % quantiles of the rows left, and records them", async () => {
    // 100 recipes with n_steps = 1..100 and 4 ingredients: positions round(99 · q) → [3, 98] → 4 dropped.
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
    expect(removed(report.rules, "n_steps_out_of_bounds")).toBe(4);
    expect(removed(report.rules, "n_ingredients_out_of_bounds")).toBe(0);
    expect(report.rowsOut).toBe(96);
  });

  it("takes quantiles at position round((n − 1) · q) like Polars' 'nearest', not DuckDB's quantile_disc", async () => {
    // n_steps 1, 2, 3, 4: q = 0.25 → position round(0.75) = 1 → 2; q = 0.75 → round(2.25) = 2 → 3.
    // (quantile_disc would give 1 for the lower bound.)
    const recipes = [1, 2, 3, 4].map((n) => ({ id: n, steps: Array.from({ length: n }, (_, s) => `s${s}`) }));
    const { manifest } = await run(recipes, undefined, {
      rules: { minutes: [1, 180], quantiles: [0.25, 0.75] },
    });
    expect(manifest.report.recipes.bounds.nSteps).toEqual([2, 3]);
    expect(removed(manifest.report.recipes.rules, "n_steps_out_of_bounds")).toBe(2);
  });

  it("drops recipes without a name (empty or blank) or without a date", async () => {
    const { manifest, out } = await run([
      { id: 1, name: null },
      { id: 2, name: "   " },
      { id: 3, submitted: null },
      { id: 4 },
    ]);
    expect(removed(manifest.report.recipes.rules, "missing_name_or_date")).toBe(3);
    expect(manifest.report.recipes.rowsOut).toBe(1);
    expect((await rejects(out)).map((r) => [r.source_line, r.column_name, r.detail])).toEqual([
      [2, "name", "name is missing"],
      [3, "name", "name is blank"],
      [4, "submitted", "submitted is missing"],
    ]);
  });

  it("splits nutrition into calories and six %DV columns and sets negative calories to null", async () => {
    const { manifest, out } = await run([
      { id: 1, nutrition: [51.5, 0, 13, 0, 2, 0, 4] },
      { id: 2, nutrition: [-12, 1, 2, 3, 4, 5, 6] },
    ]);
    expect(manifest.report.recipes.negativeCaloriesNulled).toBe(1);
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const rows = await readTable(
      join(out, "recipes.parquet"),
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

  it("sets aside a nutrition value that is not a list of exactly 7 numbers (bad_nutrition), with its line", async () => {
    const { manifest, out } = await run([
      { id: 1 },
      { id: 2, nutrition: "[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]" },
      { id: 3, nutrition: "[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]" },
      { id: 4, nutrition: "[1.0, 2.0, 3.0, nan, 5.0, 6.0, 7.0]" },
      { id: 5, nutrition: "['a', 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]" },
      { id: 6, nutrition: "" },
      { id: 7, nutrition: "[1e400, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]" },
      { id: 8, nutrition: "[1e2,2,3,4,5,6,-7.5]" },
    ]);
    expect(removed(manifest.report.recipes.rules, "bad_nutrition")).toBe(6);
    const set = await rejects(out);
    expect(set.map((r) => [r.source_line, r.column_name])).toEqual(
      [3, 4, 5, 6, 7, 8].map((l) => [l, "nutrition"]),
    );
    expect(set[0].detail).toBe("nutrition is not a list of 7 numbers");
    const kept = await readTable(
      join(out, "recipes.parquet"),
      "SELECT id, calories, carb_pct FROM t ORDER BY id",
    );
    expect(kept).toEqual([
      { id: 1, calories: 300, carb_pct: 9 },
      { id: 8, calories: 100, carb_pct: -7.5 },
    ]);
  });

  it("sets aside an id that does not fit INTEGER or is not a whole number (id_out_of_range) instead of aborting", async () => {
    const { manifest, out } = await run(
      [
        { id: 2147483647 },
        { id: "2147483648" },
        { id: "-2147483649" },
        { id: "99999999999999999999999" },
        { id: "1.5" },
        { id: "0x10" },
        { id: null },
        { id: 7 },
      ],
      [{ user_id: 1, recipe_id: 7 }],
    );
    expect(removed(manifest.report.recipes.rules, "id_out_of_range")).toBe(6);
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const set = await rejects(out);
    expect(set.map((r) => [r.source_line, r.detail])).toEqual([
      [3, "id 2147483648 does not fit INTEGER (-2147483648 to 2147483647)"],
      [4, "id -2147483649 does not fit INTEGER (-2147483648 to 2147483647)"],
      [5, "id 99999999999999999999999 does not fit INTEGER (-2147483648 to 2147483647)"],
      [6, "id is not a whole number"],
      [7, "id is not a whole number"],
      [8, "id is missing"],
    ]);
    expect(await readTable(join(out, "recipes.parquet"), "SELECT id FROM t ORDER BY id")).toEqual([
      { id: 7 },
      { id: 2147483647 },
    ]);
  });

  it("sets aside dates outside the plausible window (date_out_of_window) and records the window", async () => {
    const { manifest, out } = await run(
      [
        { id: 1, submitted: "1970-01-01" },
        { id: 2, submitted: "1998-12-31" },
        { id: 3, submitted: "1999-01-01" },
        { id: 4, submitted: "2020-06-30" },
        { id: 5, submitted: "2020-07-01" },
        { id: 6, submitted: "2099-01-01" },
      ],
      [
        { user_id: 1, recipe_id: 3, date: "2020-06-30" },
        { user_id: 2, recipe_id: 3, date: "2020-07-01" },
        { user_id: 3, recipe_id: 3, date: "1970-01-01" },
      ],
      { dateWindow: { from: "1999-01-01", to: "2020-06-30" } },
    );
    expect(manifest.report.dateWindow).toEqual({ from: "1999-01-01", to: "2020-06-30" });
    expect(removed(manifest.report.recipes.rules, "date_out_of_window")).toBe(4);
    expect(removed(manifest.report.interactions.rules, "date_out_of_window")).toBe(2);
    expect(await readTable(join(out, "recipes.parquet"), "SELECT id FROM t ORDER BY id")).toEqual([
      { id: 3 },
      { id: 4 },
    ]);
    const set = await rejects(out, "rule = 'date_out_of_window'");
    expect(set.map((r) => [r.table, r.source_line, r.column_name, r.detail])).toEqual([
      ["recipes", 2, "submitted", "submitted 1970-01-01, outside [1999-01-01, 2020-06-30]"],
      ["recipes", 3, "submitted", "submitted 1998-12-31, outside [1999-01-01, 2020-06-30]"],
      ["recipes", 6, "submitted", "submitted 2020-07-01, outside [1999-01-01, 2020-06-30]"],
      ["recipes", 7, "submitted", "submitted 2099-01-01, outside [1999-01-01, 2020-06-30]"],
      ["interactions", 3, "date", "date 2020-07-01, outside [1999-01-01, 2020-06-30]"],
      ["interactions", 4, "date", "date 1970-01-01, outside [1999-01-01, 2020-06-30]"],
    ]);
  });

  it("ends the default window on the day of the ingest", async () => {
    const { manifest } = await run(
      [
        { id: 1, submitted: "2026-11-24" },
        { id: 2, submitted: "2026-11-25" },
      ],
      undefined,
      {
        now: new Date("2026-11-24T23:59:00Z"),
      },
    );
    expect(manifest.report.dateWindow).toEqual({ from: "1999-01-01", to: "2026-11-24" });
    expect(removed(manifest.report.recipes.rules, "date_out_of_window")).toBe(1);
  });

  it("derives calendar columns (ISO weekday, weekend, meteorological season) and the complexity score", async () => {
    const { out } = await run([
      { id: 1, submitted: "2007-12-01", minutes: 30 }, // Saturday, December → winter of its calendar year
      { id: 2, submitted: "2008-03-17", minutes: 9 }, // Monday, spring
    ]);
    const rows = await readTable(
      join(out, "recipes.parquet"),
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

describe("Python list literals", () => {
  it("reads both quote kinds and backslash escapes in names, tags, steps and ingredients", async () => {
    const { manifest, out } = await run([
      {
        id: 1,
        name: `it's a 9" pan \\ "deep"`,
        // Exactly as CPython's repr() prints these items (checked with python3).
        tags: String.raw`['it\'s', "mom's", 'back\\slash', 'both \' and " ']`,
        steps: String.raw`['it\'s a 9" pan', "say \"hi\"", 'line\nbreak', 'tab\there', 'caf\xe9 \u00e9clair \U0001F370', '\d stays']`,
        ingredients: String.raw`["Baker's \\ Flour", 'a,b', ' 1/2 "cup" ',]`,
      },
    ]);
    expect(manifest.report.recipes.rules.every((r) => r.removed === 0)).toBe(true);
    const [row] = await readTable(
      join(out, "recipes.parquet"),
      "SELECT name, tags, steps, ingredients FROM t",
    );
    expect(row.name).toBe(`it's a 9" pan \\ "deep"`);
    expect(row.tags).toEqual(["it's", "mom's", "back\\slash", `both ' and " `]);
    expect(row.steps).toEqual([
      "it's a 9\" pan",
      'say "hi"',
      "line\nbreak",
      "tab\there",
      "café éclair 🍰",
      "\\d stays",
    ]);
    expect(row.ingredients).toEqual(["baker's \\ flour", "a,b", '1/2 "cup"']);
  });

  it("sets aside a value that is not a well-formed list of strings (bad_list), naming the column", async () => {
    const { manifest, out } = await run([
      { id: 1, tags: "['unterminated]" },
      { id: 2, steps: "not a list" },
      { id: 3, ingredients: "['a' 'b']" },
      { id: 4, tags: String.raw`['octal \0 escape']` },
      { id: 5, steps: String.raw`['\x4 short']` },
      { id: 6, ingredients: "" },
      { id: 7, tags: "[1, 2]" },
      { id: 8, tags: "[]" },
    ]);
    expect(removed(manifest.report.recipes.rules, "bad_list")).toBe(7);
    const set = await rejects(out);
    expect(set.map((r) => [r.source_line, r.column_name])).toEqual([
      [2, "tags"],
      [3, "steps"],
      [4, "ingredients"],
      [5, "tags"],
      [6, "steps"],
      [7, "ingredients"],
      [8, "tags"],
    ]);
    expect(set[0].detail).toBe("tags is not a Python list of strings (or holds an escape it refuses)");
    expect(JSON.parse(set[0].raw).tags).toBe("['unterminated]");
    expect(await readTable(join(out, "recipes.parquet"), "SELECT id, tags FROM t")).toEqual([
      { id: 8, tags: [] },
    ]);
  });
});

describe("CSV edge cases", () => {
  it("reads quoted fields with commas, doubled quotes, newlines, unicode and empty fields", async () => {
    const { manifest, out } = await run([
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
    const rows = await readTable(join(out, "recipes.parquet"), "SELECT * FROM t ORDER BY id");
    expect(rows[0].name).toBe('crème brûlée, "the real one"');
    expect(rows[0].description).toBe('line one\nline two, with a comma\r\nand a "quote" 🍮');
    expect(rows[0].steps).toEqual(["heat the cream, gently", "don't boil", 'say "voilà"']);
    expect(rows[0].ingredients).toEqual(["heavy cream", "vanilla bean", "mom's sugar"]);
    expect(rows[1].description).toBeNull();
    const ingredients = await readTable(
      join(out, "recipe_ingredients.parquet"),
      "SELECT recipe_id, position, ingredient FROM t WHERE recipe_id = 1 ORDER BY position",
    );
    expect(ingredients.map((r) => r.ingredient)).toEqual(["heavy cream", "vanilla bean", "mom's sugar"]);
  });

  it("keeps unparsable records in rejects.parquet with their line, column and reason, and keeps the rest", async () => {
    const { manifest, out } = await run([
      { id: 1 },
      { id: 2, minutes: "forty" },
      { id: 3, submitted: "2005-13-45" },
      { id: 4 },
    ]);
    expect(removed(manifest.report.recipes.rules, "unparsable_row")).toBe(2);
    expect(manifest.report.recipes.rowsIn).toBe(4);
    expect(manifest.report.recipes.rowsOut).toBe(2);
    const set = await rejects(out);
    expect(set.map((r) => [r.table, r.rule, r.source_file, r.source_line, r.column_name])).toEqual([
      ["recipes", "unparsable_row", "RAW_recipes.csv", 3, "minutes"],
      ["recipes", "unparsable_row", "RAW_recipes.csv", 4, "submitted"],
    ]);
    expect(set[0].detail).toContain('Could not convert string "forty"');
    expect(set[0].raw).toBe(recipeLine({ id: 2, minutes: "forty" }));
    expect(manifest.files.find((f) => f.name === "rejects")?.rows).toBe(2);
  });

  it("counts a record with a stray quote once, in the report and in rejects.parquet alike", async () => {
    // The quote opens a field that swallows the next lines: DuckDB reports one error per field.
    const { manifest, out } = await run([{ id: 1 }, `"${recipeLine({ id: 2 })}`, { id: 3 }, { id: 4 }]);
    const unparsable = removed(manifest.report.recipes.rules, "unparsable_row");
    const set = await rejects(out, "rule = 'unparsable_row'");
    expect(unparsable).toBe(1);
    expect(set).toHaveLength(1);
    expect(set[0].source_line).toBe(3);
    expect(set[0].detail).toMatch(/more error\(s\) in this record/);
    expect(manifest.files.find((f) => f.name === "rejects")?.rows).toBe(1);
  });

  it("gives rows removed by a rule their CSV record number, after multi-line records and unparsable ones", async () => {
    const { out } = await run([
      { id: 1, description: "two\nlines" }, // record 2, physical lines 2–3
      { id: 2, minutes: "x" }, // record 3: unparsable
      `${recipeLine({ id: 3 })},extra`, // record 4: unparsable (13 fields)
      { id: 4 },
      { id: 5, minutes: 0 }, // record 6
      { id: 1 }, // record 7: duplicate of record 2
    ]);
    const set = await rejects(out);
    expect(set.map((r) => [r.rule, r.source_line])).toEqual([
      ["unparsable_row", 3],
      ["unparsable_row", 4],
      ["minutes_out_of_range", 6],
      ["duplicate_id", 7],
    ]);
    expect(set[3].detail).toBe("id 1 is already on line 2");
  });

  it("reads CRLF line ends and a UTF-8 byte-order mark like the plain file", async () => {
    const recipes = [
      { id: 1, description: "a\r\nb" },
      { id: 2, name: "crème" },
    ];
    const plain = await run(recipes);
    const windows = await run(recipes, undefined, {}, { eol: "\r\n", bom: true });
    expect(windows.manifest.report).toEqual(plain.manifest.report);
    const sql = "SELECT id, name, description, tags FROM t ORDER BY id";
    expect(await readTable(join(windows.out, "recipes.parquet"), sql)).toEqual(
      await readTable(join(plain.out, "recipes.parquet"), sql),
    );
  });

  it("sets aside a record with Latin-1 bytes as unparsable, with its line, and keeps the others", async () => {
    const latin1 = Buffer.from(recipeLine({ id: 2, name: "crème" }).replace("crème", "cr\u00e8me"), "latin1");
    const { manifest, out } = await run(
      [{ id: 1 }, latin1, { id: 3 }],
      [
        { user_id: 1, recipe_id: 1 },
        Buffer.from(interactionLine({ user_id: 2, recipe_id: 1, review: "très bon" }), "latin1"),
      ],
    );
    expect(removed(manifest.report.recipes.rules, "unparsable_row")).toBe(1);
    expect(removed(manifest.report.interactions.rules, "unparsable_row")).toBe(1);
    const set = await rejects(out);
    expect(set.map((r) => [r.table, r.source_line])).toEqual([
      ["recipes", 3],
      ["interactions", 3],
    ]);
    expect(set[0].detail).toMatch(/not utf-8 encoded/i);
  });
});

describe("interaction rules and integrity", () => {
  it("keeps rating 0 (review without rating) and counts it, drops exact duplicates, missing dates and bad ratings", async () => {
    const { manifest, out } = await run(
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
    expect(removed(report.rules, "missing_date")).toBe(1);
    expect(removed(report.rules, "rating_out_of_range")).toBe(1);
    expect(removed(report.rules, "exact_duplicate")).toBe(1);
    expect(report.rowsOut).toBe(4);
    expect(report.unrated).toBe(1);
    const rows = await readTable(
      join(out, "interactions.parquet"),
      "SELECT user_id, rating, weekday, season FROM t ORDER BY user_id, rating",
    );
    expect(rows.map((r) => [Number(r.user_id), r.rating])).toEqual([
      [1, 5],
      [1, 5],
      [2, 0],
      [5, 4],
    ]);
    expect(rows[0]).toMatchObject({ weekday: 7, season: "winter" }); // 2006-01-01 was a Sunday
    const set = await rejects(out, `"table" = 'interactions'`);
    expect(set.map((r) => [r.rule, r.source_line, r.detail])).toEqual([
      ["exact_duplicate", 3, "same user, recipe, date, rating and review as line 2"],
      ["missing_date", 6, "date is missing"],
      ["rating_out_of_range", 7, "rating 7, outside [0, 5]"],
    ]);
  });

  it("sets aside interactions whose recipe id is on no row of the recipes file, and flags the rest", async () => {
    const { manifest, out } = await run(
      [
        { id: 1, submitted: "2005-03-14" }, // kept
        { id: 2, minutes: 0, submitted: "2005-03-14" }, // set aside by minutes_out_of_range
        { id: 3, minutes: "x" }, // unparsable: its id is unknown to the ingest
      ],
      [
        { user_id: 1, recipe_id: 1, date: "2006-01-01" },
        { user_id: 2, recipe_id: 1, date: "2005-03-13" }, // before its recipe was posted
        { user_id: 3, recipe_id: 2, date: "2006-01-01" }, // recipe set aside: kept, flagged
        { user_id: 4, recipe_id: 3, date: "2006-01-01" }, // recipe unreadable → unknown
        { user_id: 5, recipe_id: 99, date: "2006-01-01" }, // never existed → unknown
        { user_id: "99999999999999999999", recipe_id: 1 }, // user id too big for BIGINT
        { user_id: 6, recipe_id: "2147483648" }, // recipe id too big for INTEGER
      ],
    );
    const report = manifest.report.interactions;
    expect(removed(report.rules, "unknown_recipe")).toBe(2);
    expect(removed(report.rules, "id_out_of_range")).toBe(2);
    expect(report.rowsOut).toBe(3);
    expect(report.integrity).toEqual({ recipeKept: 2, recipeSetAside: 1, beforeRecipe: 1 });
    const rows = await readTable(
      join(out, "interactions.parquet"),
      "SELECT user_id::INTEGER AS user_id, recipe_id, recipe_status, before_recipe FROM t ORDER BY user_id",
    );
    expect(rows).toEqual([
      { user_id: 1, recipe_id: 1, recipe_status: "kept", before_recipe: false },
      { user_id: 2, recipe_id: 1, recipe_status: "kept", before_recipe: true },
      { user_id: 3, recipe_id: 2, recipe_status: "set_aside", before_recipe: false },
    ]);
    const set = await rejects(out, `"table" = 'interactions'`);
    expect(set.map((r) => [r.rule, r.source_line, r.column_name, r.detail])).toEqual([
      ["unknown_recipe", 5, "recipe_id", "recipe_id 3 is on no readable row of the recipes file"],
      ["unknown_recipe", 6, "recipe_id", "recipe_id 99 is on no readable row of the recipes file"],
      ["id_out_of_range", 7, "user_id", "user_id 99999999999999999999 does not fit BIGINT"],
      [
        "id_out_of_range",
        8,
        "recipe_id",
        "recipe_id 2147483648 does not fit INTEGER (-2147483648 to 2147483647)",
      ],
    ]);
  });
});

describe("rejects.parquet", () => {
  it("holds one row per set-aside source row: as many as the report removed, and as the manifest says", async () => {
    const { manifest, out } = await run(
      [
        { id: 1 },
        { id: 1 },
        { id: 2, minutes: 0 },
        { id: 3, minutes: "x" },
        { id: 4, tags: "oops" },
        { id: 5, name: null },
      ],
      [
        { user_id: 1, recipe_id: 1 },
        { user_id: 1, recipe_id: 1 },
        { user_id: 2, recipe_id: 42 },
        "1,1,2006-01-01,5,a,b",
      ],
    );
    const total = (["recipes", "interactions"] as const)
      .flatMap((t): { removed: number }[] => manifest.report[t].rules)
      .reduce((sum, r) => sum + r.removed, 0);
    expect(total).toBe(8);
    const all = await rejects(out);
    expect(all).toHaveLength(total);
    expect(manifest.files.find((f) => f.name === "rejects")).toMatchObject({
      file: "rejects.parquet",
      rows: total,
    });
    for (const t of ["recipes", "interactions"] as const) {
      for (const r of manifest.report[t].rules) {
        expect(all.filter((x) => x.table === t && x.rule === r.rule)).toHaveLength(r.removed);
      }
    }
    const types = await readTable(
      join(out, "rejects.parquet"),
      "SELECT column_name, column_type FROM (DESCRIBE t)",
    );
    expect(types).toEqual([
      { column_name: "table", column_type: "VARCHAR" },
      { column_name: "rule", column_type: "VARCHAR" },
      { column_name: "source_file", column_type: "VARCHAR" },
      { column_name: "source_line", column_type: "INTEGER" },
      { column_name: "column_name", column_type: "VARCHAR" },
      { column_name: "detail", column_type: "VARCHAR" },
      { column_name: "raw", column_type: "VARCHAR" },
    ]);
  });
});

describe("the original app's cleaning, side by side", () => {
  it("counts what its rules would keep: negative calories dropped, blank names kept, its own bounds", async () => {
    const { manifest } = await run(
      [
        { id: 1 },
        { id: 2, nutrition: [-5, 1, 2, 3, 4, 5, 6] }, // ours: kept, calories null; original: dropped
        { id: 3, name: "  " }, // ours: missing_name_or_date; original: kept (not null)
        { id: 4, minutes: 0 }, // both: dropped
        { id: 4 }, // ours: a duplicate of id 4, dropped; original: also a duplicate (first row kept, then minutes)
        { id: 5 },
        { id: 6, name: "\t" }, // like id 3
      ],
      [{ user_id: 1, recipe_id: 1 }],
      { rules: { minutes: [1, 180], quantiles: [0.025, 0.975] } },
    );
    const report = manifest.report.recipes;
    expect(report.rowsOut).toBe(3); // 1, 2, 5
    expect(report.originalRulesKept).toBe(4); // 1, 3, 5, 6
  });
});

describe("no silent publish", () => {
  it("refuses an input that keeps no row, naming the file, the rules and the first lines", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(
      dir,
      [
        { id: 1, minutes: 0 },
        { id: 2, minutes: 500 },
      ],
      [{ user_id: 1, recipe_id: 1 }],
    );
    const attempt = ingest({ ...paths, outDir: join(dir, "out"), rules: NO_BOUNDS });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /RAW_recipes\.csv: no recipes row is left: the rules removed all 2 rows \(minutes_out_of_range 2\)\. Nothing was published\./,
    );
    await expect(attempt).rejects.toThrow(/line 2, minutes: minutes 0, outside \[1, 180\]/);
    expect(existsSync(join(dir, "out", "manifest.json"))).toBe(false);
  });

  it("refuses a file with a header and no rows", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], []);
    await expect(ingest({ ...paths, outDir: join(dir, "out") })).rejects.toThrow(
      /RAW_interactions\.csv: no interactions row is left: it has a header but no data rows/,
    );
  });
});

describe("headers and files", () => {
  it("names missing and unexpected columns of a wrong header", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [{ user_id: 1, recipe_id: 1 }], {
      headers: { recipes: RECIPES_HEADER.replace("minutes", "duration"), interactions: INTERACTIONS_HEADER },
    });
    await expect(ingest({ ...paths, outDir: join(dir, "out") })).rejects.toThrow(
      /Header of .*RAW_recipes\.csv \(line 1\): missing column\(s\) minutes; unexpected column\(s\) duration\./,
    );
  });

  it("names columns in the wrong order", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [], {
      headers: { recipes: RECIPES_HEADER, interactions: "recipe_id,user_id,date,rating,review" },
    });
    await expect(ingest({ ...paths, outDir: join(dir, "out") })).rejects.toThrow(
      /RAW_interactions\.csv \(line 1\): columns are in the order recipe_id,user_id,date,rating,review/,
    );
  });

  it("refuses a header that is not UTF-8, showing its bytes escaped, never raw", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [{ user_id: 1, recipe_id: 1 }]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      paths.recipes,
      Buffer.concat([Buffer.from("nam\xe9,id\x1b[31m\n", "latin1"), Buffer.from(recipeLine({ id: 1 }))]),
    );
    const error = await ingest({ ...paths, outDir: join(dir, "out") }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('(line 1) is not UTF-8 text: "nam\\xe9,id\\x1b[31m"');
    // eslint-disable-next-line no-control-regex
    expect((error as Error).message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u00ff]/);
  });

  it("shows control bytes in a header's column names escaped", async () => {
    const dir = tempDir("bttk-ingest-");
    const paths = writeCsvs(dir, [{ id: 1 }], [], {
      headers: {
        recipes: RECIPES_HEADER.replace("minutes", "min\x1b[2Jutes"),
        interactions: INTERACTIONS_HEADER,
      },
    });
    const error = await ingest({ ...paths, outDir: join(dir, "out") }).catch((e: Error) => e);
    expect((error as Error).message).toContain("unexpected column(s) min\\u001b[2Jutes");
    expect((error as Error).message).not.toContain("\x1b");
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

  it("writes a manifest that satisfies the contract, whose files carry their row counts and sha256", async () => {
    const { manifest, out } = await run([{ id: 1 }, { id: 2 }], [{ user_id: 1, recipe_id: 1 }]);
    const onDisk = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifestSchema.parse(onDisk)).toEqual(manifest);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(out, file.file));
      expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(file.bytes).toBe(bytes.length);
    }
    expect(manifest.files.map((f) => [f.name, f.file, f.rows])).toEqual([
      ["recipes", "recipes.parquet", 2],
      ["interactions", "interactions.parquet", 1],
      ["recipe_ingredients", "recipe_ingredients.parquet", 8],
      ["recipe_tags", "recipe_tags.parquet", 4],
      ["rejects", "rejects.parquet", 0],
    ]);
    expect(manifest.sources.map((s) => s.name)).toEqual(["RAW_recipes.csv", "RAW_interactions.csv"]);
  });
});

describe("table order", () => {
  it("orders recipes by submission date then id, and interactions by date, recipe, user", async () => {
    const { out } = await run(
      [
        { id: 3, submitted: "2006-01-01" },
        { id: 1, submitted: "2007-01-01" },
        { id: 2, submitted: "2006-01-01" },
      ],
      [
        { user_id: 9, recipe_id: 1, date: "2008-01-01" },
        { user_id: 5, recipe_id: 2, date: "2007-06-01" },
        { user_id: 4, recipe_id: 2, date: "2007-06-01" },
      ],
    );
    // No ORDER BY: the rows in the order the Parquet files hold them.
    expect(await readTable(join(out, "recipes.parquet"), "SELECT id FROM t")).toEqual([
      { id: 2 },
      { id: 3 },
      { id: 1 },
    ]);
    expect(
      (await readTable(join(out, "interactions.parquet"), "SELECT user_id::INTEGER AS u FROM t")).map(
        (r) => r.u,
      ),
    ).toEqual([4, 5, 9]);
  });
});

describe("provenance", () => {
  it("records files given without a generator sidecar as files, with the --source-label", async () => {
    const labelled = await run([{ id: 1 }], undefined, {
      sourceLabel: "Kaggle Food.com Recipes and Interactions",
    });
    expect(labelled.manifest.provenance).toEqual({
      kind: "files",
      label: "Kaggle Food.com Recipes and Interactions",
    });
    const bare = await run([{ id: 1 }]);
    expect(bare.manifest.provenance).toEqual({ kind: "files", label: null });
  });
});
