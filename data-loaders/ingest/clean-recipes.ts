// The recipe rules, in the contract's order (RECIPE_RULES), each row tagged with the first rule it
// breaks: id_out_of_range, duplicate_id (first occurrence kept), bad_list, bad_nutrition,
// minutes_out_of_range, n_steps_out_of_bounds and n_ingredients_out_of_bounds (nearest-rank
// quantiles of the rows left after the minutes rule, as the original app computed them),
// missing_name_or_date, date_out_of_window. Then the cleaned columns: lists parsed, nutrition
// split, negative calories → null, calendar, complexity score.
//
// Tagging rather than filtering keeps every removed row at hand: for the counts (one GROUP BY),
// for rejects.parquet (with its line and raw fields), and for the interactions' integrity checks.
// A list holding a refused escape is set aside by bad_list, so `recipes` never holds a NULL item.
import { RECIPE_RULES, type IngestReport, type RecipeRule } from "../../src/lib/contracts/manifest.js";
import type { Session } from "../duckdb/session.js";
import { nearestRankBounds, type Bounds } from "./bounds.js";
import type { DateWindow } from "./date-window.js";
import type { CsvLoad } from "./read-csv.js";
import { countRules, rowsLeft } from "./rule-counts.js";
import { RECIPES_CSV } from "./schema.js";

export interface RecipeRules {
  minutes: Bounds;
  /** Quantiles bounding n_steps and n_ingredients (the original app's 2.5 % and 97.5 %). */
  quantiles: Bounds;
}

export const DEFAULT_RECIPE_RULES: RecipeRules = { minutes: [1, 180], quantiles: [0.025, 0.975] };

export type RecipeReport = Omit<IngestReport["recipes"], "originalRulesKept">;

const date = (day: string) => `DATE '${day}'`;

/** The raw fields of a row (of the table aliased `alias`) as a JSON object, as rejects.parquet keeps them. */
export const rawJson = (columns: { name: string }[], alias: string) =>
  `to_json(struct_pack(${columns.map((c) => `"${c.name}" := ${alias}."${c.name}"`).join(", ")}))::VARCHAR`;

/**
 * Reads `recipes_lines`; creates the table `recipes_checked` (one row per row read: `_row`,
 * `_line`, the columns the tables keep — the lists parsed once — and the first of the first five
 * rules it breaks), the view `recipes_ruled` (the same with the `rule` it breaks, all nine
 * considered), the table `recipes_rejects` (removed rows with the reason and their raw fields,
 * joined back from the rows as read), and the table `recipe_ids` (each id in the file: submitted
 * date, kept or not). After this, `recipes_read` can go; RECIPES_TABLE_SQL then gives `recipes`.
 */
export async function cleanRecipes(
  session: Session,
  load: CsvLoad,
  window: DateWindow,
  rules: RecipeRules = DEFAULT_RECIPE_RULES,
): Promise<RecipeReport> {
  const [minMinutes, maxMinutes] = rules.minutes.map(Number);
  // Duplicates first, on a narrow projection: a window over the wide rows would sort every text.
  await session.run(`
    CREATE TEMP TABLE recipes_duplicates AS
    SELECT _row, first_line FROM (
      SELECT _row, row_number() OVER by_id AS k, first_value(_line) OVER by_id AS first_line
      FROM (SELECT _row, _line, parse_integer(id) AS id_int FROM recipes_lines)
      WHERE id_int IS NOT NULL
      WINDOW by_id AS (PARTITION BY id_int ORDER BY _line))
    WHERE k > 1;

    CREATE TABLE recipes_checked AS
    SELECT * EXCLUDE (tags_raw, steps_raw, ingredients_raw, nut_read),
      CASE
        WHEN id_int IS NULL THEN 'id_out_of_range'
        WHEN duplicate_of IS NOT NULL THEN 'duplicate_id'
        WHEN bad_list IS NOT NULL THEN 'bad_list'
        WHEN nut IS NULL THEN 'bad_nutrition'
        WHEN minutes IS NULL OR minutes NOT BETWEEN ${minMinutes} AND ${maxMinutes} THEN 'minutes_out_of_range'
      END AS rule
    FROM (
      SELECT *,
        CASE WHEN NOT py_list_ok(tags_raw, tags) THEN 'tags' WHEN NOT py_list_ok(steps_raw, steps) THEN 'steps'
             WHEN NOT py_list_ok(ingredients_raw, ingredients) THEN 'ingredients' END AS bad_list,
        CASE WHEN list_bool_and(list_transform(nut_read, x -> isfinite(x))) THEN nut_read END AS nut
      FROM (
        SELECT * EXCLUDE (tags_plain, tags_q, steps_plain, steps_q, ingredients_plain, ingredients_q),
          CASE WHEN tags_plain IS NOT NULL THEN tags_plain ELSE py_list_of(tags_raw, tags_q) END AS tags,
          CASE WHEN steps_plain IS NOT NULL THEN steps_plain ELSE py_list_of(steps_raw, steps_q) END AS steps,
          CASE WHEN ingredients_plain IS NOT NULL THEN ingredients_plain
               ELSE py_list_of(ingredients_raw, ingredients_q) END AS ingredients
        FROM (
          -- The general path's items, only for the lists the plain split did not read.
          SELECT *,
            CASE WHEN tags_plain IS NULL THEN py_items(tags_raw) END AS tags_q,
            CASE WHEN steps_plain IS NULL THEN py_items(steps_raw) END AS steps_q,
            CASE WHEN ingredients_plain IS NULL THEN py_items(ingredients_raw) END AS ingredients_q
          FROM (
          SELECT l._row, l._line, parse_integer(l.id) AS id_int, d.first_line AS duplicate_of,
            l.name, l.minutes, l.contributor_id, l.submitted, l.n_steps, l.description, l.n_ingredients,
            CASE WHEN l.name IS NULL THEN 'missing' WHEN regexp_full_match(l.name, '\\s*') THEN 'blank' END AS name_problem,
            nutrition_numbers(l.nutrition) AS nut_read,
            -- Each list is read once: split plainly here, or its items extracted once above.
            l.tags AS tags_raw, py_list_plain(l.tags) AS tags_plain,
            l.steps AS steps_raw, py_list_plain(l.steps) AS steps_plain,
            l.ingredients AS ingredients_raw, py_list_plain(l.ingredients) AS ingredients_plain
          FROM recipes_lines l LEFT JOIN recipes_duplicates d ON d._row = l._row))));`);

  // The original computed both bounds on the same rows: those left after the minutes rule.
  const found = await nearestRankBounds(
    session,
    "recipes_checked",
    "rule IS NULL",
    ["n_steps", "n_ingredients"],
    rules.quantiles,
  );
  // No row left for the bounds means no row left at all: any placeholder keeps the SQL valid.
  const nSteps = found.n_steps ?? [0, 0];
  const nIngredients = found.n_ingredients ?? [0, 0];
  // The last four rules, on the rows the first five left, as a view: cheaper than an UPDATE of
  // the table, and each reader below only computes it on the few columns it reads.
  await session.run(`
    CREATE VIEW recipes_ruled AS
    SELECT * REPLACE (coalesce(rule, CASE
        WHEN n_steps IS NULL OR n_steps NOT BETWEEN ${nSteps[0]} AND ${nSteps[1]} THEN 'n_steps_out_of_bounds'
        WHEN n_ingredients IS NULL OR n_ingredients NOT BETWEEN ${nIngredients[0]} AND ${nIngredients[1]}
          THEN 'n_ingredients_out_of_bounds'
        WHEN name_problem IS NOT NULL OR submitted IS NULL THEN 'missing_name_or_date'
        WHEN submitted NOT BETWEEN ${date(window.from)} AND ${date(window.to)} THEN 'date_out_of_window'
      END) AS rule)
    FROM recipes_checked;

    CREATE TABLE recipes_rejects AS
    SELECT c._line AS line, c.rule,
      CASE c.rule
        WHEN 'id_out_of_range' THEN 'id'
        WHEN 'duplicate_id' THEN 'id'
        WHEN 'bad_list' THEN c.bad_list
        WHEN 'bad_nutrition' THEN 'nutrition'
        WHEN 'minutes_out_of_range' THEN 'minutes'
        WHEN 'n_steps_out_of_bounds' THEN 'n_steps'
        WHEN 'n_ingredients_out_of_bounds' THEN 'n_ingredients'
        WHEN 'missing_name_or_date' THEN CASE WHEN c.name_problem IS NULL THEN 'submitted' ELSE 'name' END
        WHEN 'date_out_of_window' THEN 'submitted'
      END AS column_name,
      CASE c.rule
        WHEN 'id_out_of_range' THEN CASE
          WHEN r.id IS NULL THEN 'id is missing'
          WHEN regexp_full_match(r.id, '[+-]?[0-9]+') THEN 'id ' || r.id || ' does not fit INTEGER (-2147483648 to 2147483647)'
          ELSE 'id is not a whole number' END
        WHEN 'duplicate_id' THEN 'id ' || c.id_int || ' is already on line ' || c.duplicate_of
        WHEN 'bad_list' THEN c.bad_list || ' is not a Python list of strings (or holds an escape it refuses)'
        WHEN 'bad_nutrition' THEN 'nutrition is not a list of 7 numbers'
        WHEN 'minutes_out_of_range' THEN coalesce('minutes ' || c.minutes, 'minutes is missing')
          || ', outside [${minMinutes}, ${maxMinutes}]'
        WHEN 'n_steps_out_of_bounds' THEN coalesce('n_steps ' || c.n_steps, 'n_steps is missing')
          || ', outside the bounds [${nSteps[0]}, ${nSteps[1]}]'
        WHEN 'n_ingredients_out_of_bounds' THEN coalesce('n_ingredients ' || c.n_ingredients, 'n_ingredients is missing')
          || ', outside the bounds [${nIngredients[0]}, ${nIngredients[1]}]'
        WHEN 'missing_name_or_date' THEN coalesce('name is ' || c.name_problem, 'submitted is missing')
        WHEN 'date_out_of_window' THEN 'submitted ' || c.submitted || ', outside [${window.from}, ${window.to}]'
      END AS detail,
      ${rawJson(RECIPES_CSV.columns, "r")} AS raw
    FROM recipes_read r
    JOIN (SELECT _row, _line, rule, bad_list, name_problem, id_int, duplicate_of, minutes, n_steps, n_ingredients, submitted
          FROM recipes_ruled WHERE rule IS NOT NULL) c
      ON r.rowid = c._row;

    CREATE TABLE recipe_ids AS
    SELECT id_int AS id, submitted, rule IS NULL AS kept
    FROM recipes_ruled
    WHERE id_int IS NOT NULL AND duplicate_of IS NULL;`);

  const rulesCounted = await countRules<RecipeRule>(session, "recipes_ruled", RECIPE_RULES, load.unparsable);
  const [{ nulled }] = await session.query<{ nulled: number }>(
    `SELECT count(*)::INTEGER AS nulled FROM recipes_ruled WHERE rule IS NULL AND nut[1] < 0`,
  );
  return {
    rowsIn: load.rowsIn,
    rules: rulesCounted,
    rowsOut: rowsLeft(load.rowsIn, rulesCounted),
    negativeCaloriesNulled: nulled,
    bounds: { minutes: [minMinutes, maxMinutes], nSteps, nIngredients },
  };
}

/**
 * The query of the `recipes` table (kept rows, cleaned columns, by submission date) over
 * `recipes_ruled`. Written straight to Parquet (ingest.ts): never materialised in the database.
 */
export const RECIPES_TABLE_SQL = `
    SELECT
      id_int AS id,
      trim(name) AS name,
      minutes::INTEGER AS minutes,
      contributor_id,
      submitted,
      tags,
      n_steps::INTEGER AS n_steps,
      steps,
      description,
      list_transform(ingredients, x -> lower(trim(x))) AS ingredients,
      n_ingredients::INTEGER AS n_ingredients,
      CASE WHEN nut[1] < 0 THEN NULL ELSE nut[1] END AS calories,
      nut[2] AS total_fat_pct, nut[3] AS sugar_pct, nut[4] AS sodium_pct,
      nut[5] AS protein_pct, nut[6] AS sat_fat_pct, nut[7] AS carb_pct,
      year(submitted)::INTEGER AS year,
      month(submitted)::INTEGER AS month,
      day(submitted)::INTEGER AS day,
      isodow(submitted)::INTEGER AS weekday,
      isodow(submitted) >= 6 AS is_weekend,
      season_of(month(submitted)) AS season,
      ln(1 + minutes) + n_steps + 0.5 * n_ingredients AS complexity_score
    FROM recipes_ruled
    WHERE rule IS NULL
    ORDER BY submitted, id`;

/** Drops what cleanRecipes built for the recipes table, once it is written. */
export async function dropCheckedRecipes(session: Session): Promise<void> {
  await session.run("DROP VIEW recipes_ruled; DROP TABLE recipes_checked;");
}
