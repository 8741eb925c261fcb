// The crafted Seasonality dataset (tests/fixtures/seasonality/crafted.json, written with its
// expected results by crafted.py with numpy/scipy) in a real in-memory DuckDB: the tables the
// analyses read, with just the columns they use.
import { readFileSync } from "node:fs";
import { openConnection, wrapConnection, type Session } from "../../data-loaders/duckdb/session.js";

export interface CraftedRecipe {
  id: number;
  submitted: string;
  year: number;
  month: number;
  season: string;
  minutes: number;
  n_steps: number;
  n_ingredients: number;
  complexity_score: number;
  calories: number | null;
  dv: number | null;
}

export const CRAFTED = JSON.parse(
  readFileSync(new URL("../fixtures/seasonality/crafted.json", import.meta.url), "utf8"),
) as {
  recipes: CraftedRecipe[];
  ingredients: Record<string, string[]>;
  tags: Record<string, string[]>;
  // The expected values, as crafted.py computed them.
  expected: any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const sql = (v: number | string | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`;

export async function seasonalitySession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  const rows = CRAFTED.recipes.map((r) =>
    [
      r.id,
      r.submitted,
      r.year,
      r.month,
      r.season,
      r.minutes,
      r.n_steps,
      r.n_ingredients,
      r.complexity_score,
      r.calories,
    ]
      .concat(Array(6).fill(r.dv))
      .map(sql)
      .join(", "),
  );
  await session.run(`
    CREATE TABLE recipes AS SELECT
      id::INTEGER AS id, submitted::DATE AS submitted, year::INTEGER AS year, month::INTEGER AS month, season,
      minutes::INTEGER AS minutes, n_steps::INTEGER AS n_steps, n_ingredients::INTEGER AS n_ingredients,
      complexity_score::DOUBLE AS complexity_score, calories::DOUBLE AS calories,
      total_fat_pct::DOUBLE AS total_fat_pct, sugar_pct::DOUBLE AS sugar_pct, sodium_pct::DOUBLE AS sodium_pct,
      protein_pct::DOUBLE AS protein_pct, sat_fat_pct::DOUBLE AS sat_fat_pct, carb_pct::DOUBLE AS carb_pct
    FROM (VALUES (${rows.join("), (")})) t(id, submitted, year, month, season, minutes, n_steps, n_ingredients,
      complexity_score, calories, total_fat_pct, sugar_pct, sodium_pct, protein_pct, sat_fat_pct, carb_pct)`);
  const links = (table: string, column: string, lists: Record<string, string[]>) => {
    const values = Object.entries(lists).flatMap(([id, items]) =>
      items.map((item, i) => `(${id}, ${i + 1}, ${sql(item)})`),
    );
    return session.run(`
      CREATE TABLE ${table} AS SELECT recipe_id::INTEGER AS recipe_id, position::INTEGER AS position, item AS ${column}
      FROM (VALUES ${values.join(", ")}) t(recipe_id, position, item)`);
  };
  await links("recipe_ingredients", "ingredient", CRAFTED.ingredients);
  await links("recipe_tags", "tag", CRAFTED.tags);
  return session;
}
