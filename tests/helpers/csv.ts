// Small crafted Kaggle-format CSV files for the cleaning tests: one valid row by default, and
// overrides for the field under test. Quoting follows pandas (only when needed).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const RECIPES_HEADER =
  "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients";
export const INTERACTIONS_HEADER = "user_id,recipe_id,date,rating,review";

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const pyList = (items: string[]) =>
  `[${items.map((i) => (i.includes("'") ? `"${i}"` : `'${i}'`)).join(", ")}]`;

export interface RecipeRow {
  name?: string | null;
  id: number;
  minutes?: number | string;
  contributor_id?: number;
  submitted?: string | null;
  tags?: string[];
  nutrition?: number[] | string;
  steps?: string[];
  n_steps?: number;
  description?: string | null;
  ingredients?: string[];
  n_ingredients?: number;
}

export function recipeLine(r: RecipeRow): string {
  const steps = r.steps ?? ["mix", "bake", "serve"];
  const ingredients = r.ingredients ?? ["flour", "sugar", "eggs", "butter"];
  const nutrition =
    typeof r.nutrition === "string"
      ? r.nutrition
      : `[${(r.nutrition ?? [300, 10, 20, 5, 8, 12, 9]).map((x) => x.toFixed(1)).join(", ")}]`;
  return [
    r.name === undefined ? `recipe ${r.id}` : r.name,
    r.id,
    r.minutes ?? 30,
    r.contributor_id ?? 1,
    r.submitted === undefined ? "2005-03-14" : r.submitted,
    pyList(r.tags ?? ["easy", "dessert"]),
    nutrition,
    r.n_steps ?? steps.length,
    pyList(steps),
    r.description === undefined ? "a recipe" : r.description,
    pyList(ingredients),
    r.n_ingredients ?? ingredients.length,
  ]
    .map((v) => csvField(v as string | number | null))
    .join(",");
}

export interface InteractionRow {
  user_id: number;
  recipe_id: number;
  date?: string | null;
  rating?: number | string;
  review?: string | null;
}

export function interactionLine(i: InteractionRow): string {
  return [
    i.user_id,
    i.recipe_id,
    i.date === undefined ? "2006-01-01" : i.date,
    i.rating ?? 5,
    i.review === undefined ? "good" : i.review,
  ]
    .map((v) => csvField(v as string | number | null))
    .join(",");
}

export function writeCsvs(
  dir: string,
  recipes: (RecipeRow | string)[],
  interactions: (InteractionRow | string)[],
  headers = { recipes: RECIPES_HEADER, interactions: INTERACTIONS_HEADER },
) {
  const recipesPath = join(dir, "RAW_recipes.csv");
  const interactionsPath = join(dir, "RAW_interactions.csv");
  const lines = <T>(rows: (T | string)[], f: (r: T) => string) =>
    rows.map((r) => (typeof r === "string" ? r : f(r)));
  writeFileSync(recipesPath, [headers.recipes, ...lines(recipes, recipeLine)].join("\n") + "\n");
  writeFileSync(
    interactionsPath,
    [headers.interactions, ...lines(interactions, interactionLine)].join("\n") + "\n",
  );
  return { recipes: recipesPath, interactions: interactionsPath };
}
