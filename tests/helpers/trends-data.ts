// A tiny crafted dataset for the Trends analyses, in a real in-memory DuckDB: the tables they read
// (recipes, recipe_ingredients, recipe_tags) with just the columns they use, and values small
// enough to compute every expected result by hand (tests/trends-analyses.test.ts does).
import { openConnection, wrapConnection, type Session } from "../../data-loaders/duckdb/session.js";

// Years 2000 (4 recipes), 2001 (4), 2002 (2), 2004 (4); no recipe in 2003.
export const RECIPES: [
  id: number,
  year: number,
  minutes: number,
  steps: number,
  ingredients: number,
  score: number,
  calories: number | null,
][] = [
  [1, 2000, 10, 2, 3, 10, 100],
  [2, 2000, 20, 4, 3, 12, null],
  [3, 2000, 30, 6, 3, 14, 300],
  [4, 2000, 40, 8, 3, 16, 500],
  [5, 2001, 60, 5, 4, 11, 200],
  [6, 2001, 100, 5, 4, 11, 200],
  [7, 2001, 20, 5, 4, 11, 200],
  [8, 2001, 20, 5, 4, 11, 200],
  [9, 2002, 5, 3, 5, 9, 50],
  [10, 2002, 15, 3, 5, 9, 150],
  [11, 2004, 1, 1, 6, 8, 80],
  [12, 2004, 2, 1, 6, 8, 80],
  [13, 2004, 3, 1, 6, 8, 80],
  [14, 2004, 4, 1, 6, 8, 80],
];

// sugar: 4/4, 3/4, 1/2, 0/4 of the recipes → shares 1, .75, .5, 0: exactly −0.25 per year.
// salt:  0/4, 1/4, 1/2, 4/4 → shares 0, .25, .5, 1: exactly +0.25 per year.
// butter: 1/4, 1/4, 0/2, 1/4; saffron, pepper, thyme: one recipe each (below a minimum of 2).
// Recipe 1 lists sugar twice: it must count once.
export const INGREDIENTS: Record<number, string[]> = {
  1: ["sugar", "butter", "sugar", "saffron"],
  2: ["sugar"],
  3: ["sugar"],
  4: ["sugar"],
  5: ["salt", "sugar", "butter"],
  6: ["sugar"],
  7: ["sugar"],
  8: ["pepper"],
  9: ["salt", "sugar"],
  10: ["thyme"],
  11: ["salt", "butter"],
  12: ["salt"],
  13: ["salt"],
  14: ["salt"],
};

// "easy" on every recipe (a constant share: no trend can be fitted); "dessert" on 1, 2 and 11.
export const TAGS: Record<number, string[]> = Object.fromEntries(
  RECIPES.map(([id]) => [id, id === 1 || id === 2 || id === 11 ? ["easy", "dessert"] : ["easy"]]),
);

const sqlValue = (v: number | string | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`;

export async function craftedSession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  // Nutrition %DV columns are derived from calories so their expected means follow the same hand math.
  const rows = RECIPES.map(([id, year, minutes, steps, ingredients, score, calories]) => {
    const dv = calories === null ? 1 : calories / 10;
    return `(${[id, year, minutes, steps, ingredients, score, calories, dv, dv, dv, dv, dv, dv].map(sqlValue).join(", ")})`;
  });
  await session.run(`
    CREATE TABLE recipes AS SELECT
      id::INTEGER AS id, year::INTEGER AS year, minutes::INTEGER AS minutes, n_steps::INTEGER AS n_steps,
      n_ingredients::INTEGER AS n_ingredients, complexity_score::DOUBLE AS complexity_score,
      calories::DOUBLE AS calories, total_fat_pct::DOUBLE AS total_fat_pct, sugar_pct::DOUBLE AS sugar_pct,
      sodium_pct::DOUBLE AS sodium_pct, protein_pct::DOUBLE AS protein_pct, sat_fat_pct::DOUBLE AS sat_fat_pct,
      carb_pct::DOUBLE AS carb_pct
    FROM (VALUES ${rows.join(", ")}) t(id, year, minutes, n_steps, n_ingredients, complexity_score, calories,
      total_fat_pct, sugar_pct, sodium_pct, protein_pct, sat_fat_pct, carb_pct)`);
  const links = (table: string, column: string, lists: Record<number, string[]>) => {
    const values = Object.entries(lists).flatMap(([id, items]) =>
      items.map((item, i) => `(${id}, ${i + 1}, ${sqlValue(item)})`),
    );
    return session.run(`
      CREATE TABLE ${table} AS SELECT recipe_id::INTEGER AS recipe_id, position::INTEGER AS position, item AS ${column}
      FROM (VALUES ${values.join(", ")}) t(recipe_id, position, item)`);
  };
  await links("recipe_ingredients", "ingredient", INGREDIENTS);
  await links("recipe_tags", "tag", TAGS);
  return session;
}
