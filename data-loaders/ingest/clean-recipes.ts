// The recipe cleaning rules of DESIGN.md, in order, each counted: unique id (first occurrence
// kept), 1 ≤ minutes ≤ 180, n_steps and n_ingredients inside the 2.5–97.5 % quantile bounds of
// the rows left, name and date present. Then the derived columns: lists parsed from their
// Python-literal form, nutrition split, negative calories → null, calendar, complexity score.
import type { Session } from "../duckdb/session.js";
import type { IngestReport, RecipeRule } from "../../src/lib/contracts/manifest.js";
import { countRules } from "./rule-counts.js";

export interface RecipeRules {
  minutes: [number, number];
  /** Quantiles bounding n_steps and n_ingredients (the original app's 2.5 % and 97.5 %). */
  quantiles: [number, number];
}

export const DEFAULT_RECIPE_RULES: RecipeRules = { minutes: [1, 180], quantiles: [0.025, 0.975] };

/** SQL macros shared by the cleaning: Python list literals → VARCHAR[], season of a month. */
export const MACROS = `
  CREATE OR REPLACE MACRO py_list(s) AS
    list_transform(regexp_extract_all(s, '''[^'']*''|"[^"]*"'), x -> x[2:-2]);
  CREATE OR REPLACE MACRO season_of(m) AS
    CASE WHEN m IN (12, 1, 2) THEN 'winter' WHEN m IN (3, 4, 5) THEN 'spring'
         WHEN m IN (6, 7, 8) THEN 'summer' ELSE 'autumn' END;
`;

/** Reads `recipes_raw`, creates the table `recipes`; returns the report part for recipes. */
export async function cleanRecipes(
  session: Session,
  rowsIn: number,
  rejected: number,
  rules: RecipeRules = DEFAULT_RECIPE_RULES,
): Promise<IngestReport["recipes"]> {
  await session.run(MACROS);
  const [minMinutes, maxMinutes] = rules.minutes;
  await session.run(`
    CREATE VIEW r_unique AS
      SELECT * FROM recipes_raw QUALIFY row_number() OVER (PARTITION BY id ORDER BY _line) = 1;
    CREATE VIEW r_minutes AS
      SELECT * FROM r_unique WHERE minutes BETWEEN ${Number(minMinutes)} AND ${Number(maxMinutes)};`);
  // quantile_disc picks an observed value, like the original's int(quantile(…, "nearest")).
  const [lo, hi] = rules.quantiles;
  const [b] = await session.query<{ s_lo: number; s_hi: number; i_lo: number; i_hi: number }>(
    `SELECT quantile_disc(n_steps, ${Number(lo)})::INTEGER AS s_lo, quantile_disc(n_steps, ${Number(hi)})::INTEGER AS s_hi,
            quantile_disc(n_ingredients, ${Number(lo)})::INTEGER AS i_lo, quantile_disc(n_ingredients, ${Number(hi)})::INTEGER AS i_hi
     FROM r_minutes`,
  );
  await session.run(`
    CREATE VIEW r_steps AS SELECT * FROM r_minutes WHERE n_steps BETWEEN ${b.s_lo ?? 0} AND ${b.s_hi ?? 0};
    CREATE VIEW r_ingredients AS
      SELECT * FROM r_steps WHERE n_ingredients BETWEEN ${b.i_lo ?? 0} AND ${b.i_hi ?? 0};
    CREATE VIEW r_named AS
      SELECT * FROM r_ingredients WHERE name IS NOT NULL AND trim(name) <> '' AND submitted IS NOT NULL;`);

  const { rules: ruleCounts, rowsOut } = await countRules<RecipeRule>(session, { rowsIn, rejected }, [
    ["duplicate_id", "r_unique"],
    ["minutes_out_of_range", "r_minutes"],
    ["n_steps_out_of_bounds", "r_steps"],
    ["n_ingredients_out_of_bounds", "r_ingredients"],
    ["missing_name_or_date", "r_named"],
  ]);

  await session.run(`
    CREATE TABLE recipes AS
    WITH parsed AS (SELECT *, try_cast(nutrition AS DOUBLE[]) AS nut FROM r_named)
    SELECT
      id::INTEGER AS id,
      trim(name) AS name,
      minutes::INTEGER AS minutes,
      contributor_id,
      submitted,
      py_list(tags) AS tags,
      n_steps::INTEGER AS n_steps,
      py_list(steps) AS steps,
      description,
      list_transform(py_list(ingredients), x -> lower(trim(x))) AS ingredients,
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
    FROM parsed
    ORDER BY submitted, id`);
  const [{ nulled }] = await session.query<{ nulled: number }>(
    `SELECT count(*)::INTEGER AS nulled FROM r_named WHERE try_cast(nutrition AS DOUBLE[])[1] < 0`,
  );
  return {
    rowsIn,
    rules: ruleCounts,
    rowsOut,
    negativeCaloriesNulled: nulled,
    bounds: { minutes: [minMinutes, maxMinutes], nSteps: [b.s_lo, b.s_hi], nIngredients: [b.i_lo, b.i_hi] },
  };
}
