// Small crafted Kaggle-format CSV files for the cleaning tests: one valid row by default, and
// overrides for the field under test. Quoting follows pandas (only when needed); lists are written
// as Python's repr() writes them, unless a test gives the literal text itself.
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

/** Python's repr() of a str, written independently of the generator's (checked against CPython). */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** A list of str as Python prints it, or the literal text given as is. */
const pyList = (items: string[] | string) =>
  typeof items === "string" ? items : `[${items.map(pyRepr).join(", ")}]`;

export interface RecipeRow {
  name?: string | null;
  id: number | string | null;
  minutes?: number | string;
  contributor_id?: number;
  submitted?: string | null;
  /** Items (written as Python's repr) or the literal text of the field. */
  tags?: string[] | string;
  nutrition?: number[] | string;
  steps?: string[] | string;
  n_steps?: number;
  description?: string | null;
  ingredients?: string[] | string;
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
    r.n_steps ?? (typeof steps === "string" ? 3 : steps.length),
    pyList(steps),
    r.description === undefined ? "a recipe" : r.description,
    pyList(ingredients),
    r.n_ingredients ?? (typeof ingredients === "string" ? 4 : ingredients.length),
  ]
    .map((v) => csvField(v as string | number | null))
    .join(",");
}

export interface InteractionRow {
  user_id: number | string | null;
  recipe_id: number | string | null;
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

export interface CsvFormat {
  /** Header lines; default the Kaggle ones. */
  headers?: { recipes: string; interactions: string };
  /** Line end, default "\n" (pandas). */
  eol?: "\n" | "\r\n";
  /** Start each file with a UTF-8 byte-order mark. */
  bom?: boolean;
}

/** A row: fields to format, a ready CSV line, or raw bytes (e.g. Latin-1) written as they are. */
type Line<T> = T | string | Buffer;

function fileBytes<T>(header: string, rows: Line<T>[], format: (r: T) => string, options: CsvFormat): Buffer {
  const eol = options.eol ?? "\n";
  const parts: Buffer[] = options.bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  for (const row of [header, ...rows]) {
    const line = Buffer.isBuffer(row)
      ? row
      : Buffer.from(typeof row === "string" ? row : format(row as T), "utf8");
    parts.push(line, Buffer.from(eol));
  }
  return Buffer.concat(parts);
}

/** `format` may also be the two header lines alone (the older signature other tests use). */
export function writeCsvs(
  dir: string,
  recipes: Line<RecipeRow>[],
  interactions: Line<InteractionRow>[],
  format: CsvFormat | { recipes: string; interactions: string } = {},
) {
  const options: CsvFormat = "recipes" in format ? { headers: format } : format;
  const headers = options.headers ?? { recipes: RECIPES_HEADER, interactions: INTERACTIONS_HEADER };
  const recipesPath = join(dir, "RAW_recipes.csv");
  const interactionsPath = join(dir, "RAW_interactions.csv");
  writeFileSync(recipesPath, fileBytes(headers.recipes, recipes, recipeLine, options));
  writeFileSync(interactionsPath, fileBytes(headers.interactions, interactions, interactionLine, options));
  return { recipes: recipesPath, interactions: interactionsPath };
}
