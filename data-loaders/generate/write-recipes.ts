// RAW_recipes.csv: every unique recipe once, in a shuffled order, with the planted flaws applied
// and the duplicate rows (exact or near copies of an earlier row, same id) inserted later on.
import { isoDate } from "./calendar.js";
import { openCsv, type WrittenFile } from "./csv-writer.js";
import { RecipeFlaw, hugeMinutes, negativeCalories } from "./dirty.js";
import type { Population } from "./population.js";
import { flushIfFull, type Progress } from "./progress.js";
import { below, createRng, type Rng } from "./random.js";
import { createRecipeModel, type Recipe } from "./recipe-model.js";
import { RECIPES_HEADER, recipeRow } from "./rows.js";

/** What the reviews of recipe i mention. */
export interface RecipeWords {
  keyIngredient: string[];
  otherIngredient: string[];
}

/** A copy of a recipe row that differs a little: the description was edited (a re-post). */
function nearCopy(rng: Rng, recipe: Recipe): Recipe {
  const note = below(rng, 2) === 0 ? "(updated)" : "edited to fix a typo.";
  return { ...recipe, description: recipe.description === null ? note : `${recipe.description} ${note}` };
}

function applyFlaw(recipe: Recipe, flaw: number, rng: Rng, firstHuge: boolean): void {
  switch (flaw) {
    case RecipeFlaw.MissingName:
      recipe.name = "";
      break;
    case RecipeFlaw.NegativeCalories:
      recipe.nutrition[0] = negativeCalories(rng);
      break;
    case RecipeFlaw.ZeroMinutes:
      recipe.minutes = 0;
      break;
    case RecipeFlaw.HugeMinutes:
      recipe.minutes = hugeMinutes(rng, firstHuge);
      break;
  }
}

export async function writeRecipes(
  path: string,
  seed: number,
  population: Population,
  progress: Progress,
): Promise<{ words: RecipeWords; written: WrittenFile }> {
  const { uniqueRecipes, order, days, ids, members, contributorOf } = population;
  const recipeRng = createRng(seed, "recipes");
  const dirtyRng = createRng(seed, "dirty-values");
  const model = createRecipeModel();
  const words: RecipeWords = {
    keyIngredient: new Array(uniqueRecipes),
    otherIngredient: new Array(uniqueRecipes),
  };
  const duplicates = [...population.dirty.duplicates].sort(
    (a, b) => a.after - b.after || a.source - b.source,
  );
  const sourcePositions = new Set(duplicates.map((d) => d.source));
  const sourceRecipes = new Map<number, Recipe>();
  const row = (recipe: Recipe, i: number) =>
    recipeRow(recipe, ids[i], members[contributorOf[i]], isoDate(days[i]));
  let nextDuplicate = 0;
  let firstHuge = true;
  const file = await openCsv(path, RECIPES_HEADER);
  try {
    for (let pos = 0; pos < uniqueRecipes; pos++) {
      const i = order[pos];
      const recipe = model(recipeRng, days[i]);
      words.keyIngredient[i] = recipe.keyIngredient;
      words.otherIngredient[i] = recipe.ingredients[recipe.ingredients.length - 1] ?? recipe.keyIngredient;
      const flaw = population.dirty.recipeFlaws[pos];
      if (flaw !== RecipeFlaw.None) {
        applyFlaw(recipe, flaw, dirtyRng, firstHuge);
        if (flaw === RecipeFlaw.HugeMinutes) firstHuge = false;
      }
      file.add(row(recipe, i));
      progress.done++;
      if (sourcePositions.has(pos)) sourceRecipes.set(pos, recipe);
      for (; nextDuplicate < duplicates.length && duplicates[nextDuplicate].after === pos; nextDuplicate++) {
        const d = duplicates[nextDuplicate];
        const original = sourceRecipes.get(d.source)!;
        file.add(row(d.exact ? original : nearCopy(dirtyRng, original), order[d.source]));
        progress.done++;
      }
      await flushIfFull(file, progress);
    }
    const written = await file.commit();
    progress.report();
    return { words, written };
  } catch (cause) {
    await file.abort();
    throw cause;
  }
}
