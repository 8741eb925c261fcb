// The interaction rules: all of RAW_interactions is kept (rating 0 = a review without a rating,
// counted in volumes, excluded from rating statistics by the analyses), except rows without a
// date, ratings outside 0–5 and exact duplicates; the same calendar columns as recipes.
import type { Session } from "../duckdb/session.js";
import type { IngestReport, InteractionRule } from "../../src/lib/contracts/manifest.js";
import { countRules } from "./rule-counts.js";
import { MACROS } from "./clean-recipes.js";

export async function cleanInteractions(
  session: Session,
  rowsIn: number,
  rejected: number,
): Promise<IngestReport["interactions"]> {
  await session.run(MACROS);
  await session.run(`
    CREATE VIEW i_dated AS SELECT * FROM interactions_raw WHERE date IS NOT NULL;
    CREATE VIEW i_rated AS SELECT * FROM i_dated WHERE rating BETWEEN 0 AND 5;
    CREATE VIEW i_unique AS
      SELECT * FROM i_rated
      QUALIFY row_number() OVER (PARTITION BY user_id, recipe_id, date, rating, review ORDER BY _line) = 1;`);
  const { rules, rowsOut } = await countRules<InteractionRule>(session, { rowsIn, rejected }, [
    ["missing_date", "i_dated"],
    ["rating_out_of_range", "i_rated"],
    ["exact_duplicate", "i_unique"],
  ]);
  await session.run(`
    CREATE TABLE interactions AS
    SELECT
      user_id, recipe_id::INTEGER AS recipe_id, date, rating::TINYINT AS rating, review,
      year(date)::INTEGER AS year, month(date)::INTEGER AS month, day(date)::INTEGER AS day,
      isodow(date)::INTEGER AS weekday, isodow(date) >= 6 AS is_weekend, season_of(month(date)) AS season
    FROM i_unique
    ORDER BY date, recipe_id, user_id`);
  const [{ unrated }] = await session.query<{ unrated: number }>(
    `SELECT count(*)::INTEGER AS unrated FROM interactions WHERE rating = 0`,
  );
  return { rowsIn, rules, rowsOut, unrated };
}
