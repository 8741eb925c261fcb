// How many recipes the original app's cleaning (DU/data_utils_recipes.py::clean_recipes) would
// have kept from the same rows, so the Data & methods page can show where ours differs. Its steps,
// in its order, with its constants whatever our options say:
//   1. unique id (one row per id);
//   2. 1 ≤ minutes ≤ 180;
//   3. n_steps and n_ingredients inside the nearest-rank 2.5 %–97.5 % quantiles of the rows left
//      after step 2 (both bounds computed on those same rows);
//   4. name and submitted not null;
//   5. calories = first item of the nutrition list (strip "[]", split on ", ", cast, non-strict),
//      negative → null; keep calories not null and n_ingredients > 0.
// It runs on every row our reader could parse (records DuckDB cannot read are not recipes to
// either app); ids are compared as written.
import type { Session } from "../duckdb/session.js";
import { nearestRankBounds } from "./bounds.js";

const ORIGINAL = { minutes: [1, 180], quantiles: [0.025, 0.975] as [number, number] } as const;

/** Reads `recipes_lines` (every parsed row as read, with `_line`). */
export async function originalRulesKept(session: Session): Promise<number> {
  await session.run(`
    CREATE TEMP TABLE original_minutes AS
    SELECT * FROM (
      SELECT _line, minutes, n_steps, n_ingredients, name IS NOT NULL AS has_name, submitted,
             TRY_CAST(split_part(trim(nutrition, '[]'), ', ', 1) AS DOUBLE) AS calories
      FROM recipes_lines
      QUALIFY row_number() OVER (PARTITION BY id ORDER BY _line) = 1)
    WHERE minutes BETWEEN ${ORIGINAL.minutes[0]} AND ${ORIGINAL.minutes[1]}`);
  try {
    return await keptAfterBounds(session);
  } finally {
    await session.run("DROP TABLE original_minutes");
  }
}

async function keptAfterBounds(session: Session): Promise<number> {
  const bounds = await nearestRankBounds(
    session,
    "original_minutes",
    "true",
    ["n_steps", "n_ingredients"],
    ORIGINAL.quantiles,
  );
  if (!bounds.n_steps || !bounds.n_ingredients) return 0;
  const [{ kept }] = await session.query<{ kept: number }>(`
    SELECT count(*)::INTEGER AS kept FROM original_minutes
    WHERE n_steps BETWEEN ${bounds.n_steps[0]} AND ${bounds.n_steps[1]}
      AND n_ingredients BETWEEN ${bounds.n_ingredients[0]} AND ${bounds.n_ingredients[1]}
      AND has_name AND submitted IS NOT NULL
      AND calories >= 0
      AND n_ingredients > 0`);
  return kept;
}
