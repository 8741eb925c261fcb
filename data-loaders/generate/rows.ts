// The two CSV layouts of the Kaggle dump: header lines and one formatted row of each file.
import { csvField } from "./csv-writer.js";
import { pyFloatList, pyList } from "./python-literal.js";
import type { Recipe } from "./recipe-model.js";

export const RECIPES_HEADER =
  "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients";
export const INTERACTIONS_HEADER = "user_id,recipe_id,date,rating,review";

/** name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients */
export function recipeRow(recipe: Recipe, id: number, contributorId: number, submitted: string): string {
  return (
    csvField(recipe.name) +
    "," +
    id +
    "," +
    recipe.minutes +
    "," +
    contributorId +
    "," +
    submitted +
    "," +
    csvField(pyList(recipe.tags)) +
    "," +
    csvField(pyFloatList(recipe.nutrition)) +
    "," +
    recipe.steps.length +
    "," +
    csvField(pyList(recipe.steps)) +
    "," +
    (recipe.description === null ? "" : csvField(recipe.description)) +
    "," +
    csvField(pyList(recipe.ingredients)) +
    "," +
    recipe.ingredients.length
  );
}

/** user_id,recipe_id,date,rating,review */
export function interactionRow(
  userId: number,
  recipeId: number,
  date: string,
  rating: number,
  review: string,
): string {
  return userId + "," + recipeId + "," + date + "," + rating + "," + csvField(review);
}
