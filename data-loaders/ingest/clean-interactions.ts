// The interaction rules, in the contract's order (INTERACTION_RULES): id_out_of_range,
// missing_date, date_out_of_window, rating_out_of_range (0–5; 0 = a review without a rating, kept),
// exact_duplicate (first kept), unknown_recipe (the recipe id is on no readable row of the recipes
// file). Then the integrity flags against the recipes (docs/data.md gives each decision):
//   recipe_status — 'kept', or 'set_aside' when a recipe rule set the recipe aside: the row is
//                   kept (the reader's rating is real), recipe-joined analyses filter on 'kept';
//   before_recipe — dated before its recipe was submitted: kept and flagged (false when the
//                   recipe has no date).
import {
  INTERACTION_RULES,
  type IngestReport,
  type InteractionRule,
} from "../../src/lib/contracts/manifest.js";
import type { Session } from "../duckdb/session.js";
import { rawJson } from "./clean-recipes.js";
import type { DateWindow } from "./date-window.js";
import type { CsvLoad } from "./read-csv.js";
import { countRules, rowsLeft } from "./rule-counts.js";
import { INTERACTIONS_CSV } from "./schema.js";

const date = (day: string) => `DATE '${day}'`;

/**
 * Reads `interactions_lines` and `recipe_ids`; creates the table `interactions_checked` (every row
 * read, with its `rule` and flags) and the views `interactions` and `interactions_rejects`.
 */
export async function cleanInteractions(
  session: Session,
  load: CsvLoad,
  window: DateWindow,
): Promise<IngestReport["interactions"]> {
  // Exact duplicates without sorting every row by its text: rows whose content hashes alike are
  // the only candidates (a hash collision only adds candidates: the window below still compares
  // the content itself), and only they are ranked, by line, within equal content.
  await session.run(`
    CREATE VIEW interactions_pre AS
    SELECT *,
      CASE
        WHEN uid IS NULL OR rid IS NULL THEN 'id_out_of_range'
        WHEN date IS NULL THEN 'missing_date'
        WHEN date NOT BETWEEN ${date(window.from)} AND ${date(window.to)} THEN 'date_out_of_window'
        WHEN rating IS NULL OR rating NOT BETWEEN 0 AND 5 THEN 'rating_out_of_range'
      END AS pre_rule
    FROM (SELECT *, parse_bigint(user_id) AS uid, parse_integer(recipe_id) AS rid FROM interactions_lines);

    CREATE TEMP TABLE interactions_duplicates AS
    WITH hashed AS (
      SELECT _row, hash(uid, rid, date, rating, review) AS h FROM interactions_pre WHERE pre_rule IS NULL),
    candidates AS (
      SELECT _row FROM hashed WHERE h IN (SELECT h FROM hashed GROUP BY h HAVING count(*) > 1))
    SELECT _row, row_number() OVER by_content AS dup_rank, first_value(_line) OVER by_content AS dup_first_line
    FROM interactions_pre WHERE _row IN (SELECT _row FROM candidates)
    WINDOW by_content AS (PARTITION BY uid, rid, date, rating, review ORDER BY _line);

    CREATE TABLE interactions_checked AS
    SELECT c.* EXCLUDE (pre_rule),
      CASE WHEN c.pre_rule IS NULL THEN coalesce(d.dup_rank, 1) END AS dup_rank,
      CASE WHEN c.pre_rule IS NULL THEN coalesce(d.dup_first_line, c._line) END AS dup_first_line,
      CASE
        WHEN c.pre_rule IS NOT NULL THEN c.pre_rule
        WHEN d.dup_rank > 1 THEN 'exact_duplicate'
        WHEN r.id IS NULL THEN 'unknown_recipe'
      END AS rule,
      r.kept AS recipe_kept,
      coalesce(c.date < r.submitted, false) AS before_recipe
    FROM interactions_pre c
    LEFT JOIN interactions_duplicates d ON d._row = c._row
    LEFT JOIN recipe_ids r ON r.id = c.rid;

    DROP TABLE interactions_duplicates;
    DROP VIEW interactions_pre;`);

  await session.run(`
    CREATE VIEW interactions AS
    SELECT
      uid AS user_id, rid AS recipe_id, date, rating::TINYINT AS rating, review,
      year(date)::INTEGER AS year, month(date)::INTEGER AS month, day(date)::INTEGER AS day,
      isodow(date)::INTEGER AS weekday, isodow(date) >= 6 AS is_weekend, season_of(month(date)) AS season,
      CASE WHEN recipe_kept THEN 'kept' ELSE 'set_aside' END AS recipe_status,
      before_recipe
    FROM interactions_checked
    WHERE rule IS NULL;

    CREATE VIEW interactions_rejects AS
    SELECT _line AS line, rule,
      CASE rule
        WHEN 'id_out_of_range' THEN CASE WHEN uid IS NULL THEN 'user_id' ELSE 'recipe_id' END
        WHEN 'missing_date' THEN 'date'
        WHEN 'date_out_of_window' THEN 'date'
        WHEN 'rating_out_of_range' THEN 'rating'
        WHEN 'exact_duplicate' THEN NULL
        WHEN 'unknown_recipe' THEN 'recipe_id'
      END AS column_name,
      CASE rule
        WHEN 'id_out_of_range' THEN CASE
          WHEN uid IS NULL AND user_id IS NULL THEN 'user_id is missing'
          WHEN uid IS NULL AND regexp_full_match(user_id, '[+-]?[0-9]+') THEN 'user_id ' || user_id || ' does not fit BIGINT'
          WHEN uid IS NULL THEN 'user_id is not a whole number'
          WHEN recipe_id IS NULL THEN 'recipe_id is missing'
          WHEN regexp_full_match(recipe_id, '[+-]?[0-9]+')
            THEN 'recipe_id ' || recipe_id || ' does not fit INTEGER (-2147483648 to 2147483647)'
          ELSE 'recipe_id is not a whole number' END
        WHEN 'missing_date' THEN 'date is missing'
        WHEN 'date_out_of_window' THEN 'date ' || date || ', outside [${window.from}, ${window.to}]'
        WHEN 'rating_out_of_range' THEN coalesce('rating ' || rating, 'rating is missing') || ', outside [0, 5]'
        WHEN 'exact_duplicate' THEN 'same user, recipe, date, rating and review as line ' || dup_first_line
        WHEN 'unknown_recipe' THEN 'recipe_id ' || rid || ' is on no readable row of the recipes file'
      END AS detail,
      ${rawJson(INTERACTIONS_CSV.columns, "interactions_checked")} AS raw
    FROM interactions_checked
    WHERE rule IS NOT NULL;`);

  const rules = await countRules<InteractionRule>(
    session,
    "interactions_checked",
    INTERACTION_RULES,
    load.unparsable,
  );
  const [counts] = await session.query<{
    unrated: number;
    recipe_kept: number;
    recipe_set_aside: number;
    before_recipe: number;
  }>(`
    SELECT count(*) FILTER (WHERE rating = 0)::INTEGER AS unrated,
           count(*) FILTER (WHERE recipe_kept)::INTEGER AS recipe_kept,
           count(*) FILTER (WHERE NOT recipe_kept)::INTEGER AS recipe_set_aside,
           count(*) FILTER (WHERE before_recipe)::INTEGER AS before_recipe
    FROM interactions_checked WHERE rule IS NULL`);
  return {
    rowsIn: load.rowsIn,
    rules,
    rowsOut: rowsLeft(load.rowsIn, rules),
    unrated: counts.unrated,
    integrity: {
      recipeKept: counts.recipe_kept,
      recipeSetAside: counts.recipe_set_aside,
      beforeRecipe: counts.before_recipe,
    },
  };
}
