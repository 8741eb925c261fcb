// overview/kpis: the dataset at a glance. Recipes are the kept recipes; interactions, users and
// ratings are every kept interaction, those whose recipe a recipe rule set aside included
// (recipe_status = 'set_aside': the reader's rating is real). The split is returned too, so the
// page says which set each tile counts.
import { datasetKpisSchema } from "../../../src/lib/contracts/overview.js";
import { defineAnalysis } from "../types.js";

export const KPIS_SQL = /* sql */ `
  WITH r AS (
    SELECT count(*)::INTEGER AS recipes,
           count(DISTINCT contributor_id)::INTEGER AS contributors,
           min(submitted)::VARCHAR AS r_first, max(submitted)::VARCHAR AS r_last,
           min(year)::INTEGER AS y_first, max(year)::INTEGER AS y_last
    FROM recipes),
  i AS (
    SELECT count(*)::INTEGER AS interactions,
           count(*) FILTER (WHERE recipe_status = 'kept')::INTEGER AS on_kept,
           count(*) FILTER (WHERE before_recipe)::INTEGER AS before_recipe,
           count(DISTINCT user_id)::INTEGER AS users,
           count(*) FILTER (WHERE rating BETWEEN 1 AND 5)::INTEGER AS rated,
           avg(rating) FILTER (WHERE rating BETWEEN 1 AND 5)::DOUBLE AS mean_rating,
           min(date)::VARCHAR AS i_first, max(date)::VARCHAR AS i_last
    FROM interactions)
  SELECT * FROM r, i`;

interface KpiRow {
  recipes: number;
  contributors: number;
  r_first: string;
  r_last: string;
  y_first: number;
  y_last: number;
  interactions: number;
  on_kept: number;
  before_recipe: number;
  users: number;
  rated: number;
  mean_rating: number;
  i_first: string;
  i_last: string;
}

export const kpis = defineAnalysis({
  description:
    "Dataset KPIs: kept recipes; kept interactions (and how many rate a kept recipe), users, contributors, ratings, date ranges",
  schema: datasetKpisSchema,
  async run({ session }) {
    const [k] = await session.query<KpiRow>(KPIS_SQL);
    return {
      recipes: k.recipes,
      interactions: k.interactions,
      interactionsOnKeptRecipes: k.on_kept,
      interactionsBeforeRecipe: k.before_recipe,
      users: k.users,
      contributors: k.contributors,
      ratedInteractions: k.rated,
      meanRating: k.mean_rating,
      recipeDates: { first: k.r_first, last: k.r_last },
      interactionDates: { first: k.i_first, last: k.i_last },
      recipeYears: { first: k.y_first, last: k.y_last },
    };
  },
});

export default kpis;
