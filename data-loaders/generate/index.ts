// The built-in generator of Food.com-shaped data: writes RAW_recipes.csv and RAW_interactions.csv
// in the Kaggle format, with the real dump's sizes times a scale, realistic distributions and
// trends, and a few planted dirty rows. Same seed and scale → byte-identical files. The model is
// described in docs/generator.md; this module only sequences it and streams the rows out.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { StorageError } from "../errors.js";
import { INTERACTIONS_FROM, isoDate, monthOf, seasonIndex, yearOf } from "./calendar.js";
import { CHUNK_CHARS, openCsv, type CsvFile } from "./csv-writer.js";
import { RecipeFlaw, hugeMinutes, negativeCalories, planDirtyRows } from "./dirty.js";
import { drawPopularity, drawQuality, drawRating, drawReview } from "./interaction-model.js";
import { drawActivity, drawMemberIds, slotsOf } from "./people.js";
import { below, createRng, exponential, shuffle, type Rng } from "./random.js";
import { validateOptions } from "./options.js";
import { createRecipeModel, type Recipe } from "./recipe-model.js";
import { calibrateReviewCalendar, createExposure } from "./review-dates.js";
import { INTERACTIONS_HEADER, RECIPES_HEADER, interactionRow, recipeRow } from "./rows.js";
import { sizesFor, type DirtyKind } from "./sizes.js";
import { drawSubmissionDays } from "./timeline.js";

export interface GenerateOptions {
  /** Share of the real dump's size, 0 < scale ≤ 1. */
  scale: number;
  /** Any non-negative integer. */
  seed: number;
  outDir: string;
  /** Rows written so far, of the total of both files. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  recipesPath: string;
  interactionsPath: string;
  /** Rows in RAW_recipes.csv (duplicates included). */
  recipes: number;
  /** Rows in RAW_interactions.csv (duplicates included). */
  interactions: number;
  /** Distinct user_id values in RAW_interactions.csv. */
  users: number;
  /** How many dirty rows of each kind were planted. */
  dirty: Record<DirtyKind, number>;
}

export const RECIPES_FILE = "RAW_recipes.csv";
export const INTERACTIONS_FILE = "RAW_interactions.csv";

/** Recipe ids grow with submission date, with gaps (ids of deleted recipes), from 38 like the dump. */
function recipeIds(rng: Rng, count: number): Int32Array {
  const ids = new Int32Array(count);
  let id = 37;
  for (let i = 0; i < count; i++) ids[i] = id += 1 + Math.floor(exponential(rng, 1.7));
  return ids;
}

/** A copy of a recipe row that differs a little: the description was edited (a re-post). */
function nearCopy(rng: Rng, recipe: Recipe): Recipe {
  const note = below(rng, 2) === 0 ? "(updated)" : "edited to fix a typo.";
  return { ...recipe, description: recipe.description === null ? note : `${recipe.description} ${note}` };
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const { scale, seed } = validateOptions(options.scale, options.seed);
  const sizes = sizesFor(scale);
  const uniqueRecipes = sizes.recipes - sizes.dirty.duplicateRecipeId;
  const baseInteractions = sizes.interactions - sizes.dirty.duplicateInteraction;
  const totalRows = sizes.recipes + sizes.interactions;
  const recipesPath = join(options.outDir, RECIPES_FILE);
  const interactionsPath = join(options.outDir, INTERACTIONS_FILE);
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (cause) {
    throw new StorageError(`Cannot create the output folder ${options.outDir}.`, { cause });
  }

  // Who, when and how popular: everything the rows need, drawn up front in typed arrays.
  const days = drawSubmissionDays(createRng(seed, "submissions"), uniqueRecipes);
  const ids = recipeIds(createRng(seed, "recipe-ids"), uniqueRecipes);
  const order = shuffle(
    createRng(seed, "file-order"),
    Int32Array.from({ length: uniqueRecipes }, (_, i) => i),
  );
  const peopleRng = createRng(seed, "people");
  const members = drawMemberIds(peopleRng, sizes.users);
  const recipesPerContributor = drawActivity(peopleRng, sizes.contributors, uniqueRecipes, {
    single: 0.45,
    alpha: 1.1,
    cap: 0.012,
  });
  const contributorOf = slotsOf(peopleRng, recipesPerContributor, uniqueRecipes);
  const reviewsPerUser = drawActivity(peopleRng, sizes.users, baseInteractions, {
    single: 0.67,
    alpha: 0.95,
    cap: 0.006,
  });
  const reviewerOf = slotsOf(peopleRng, reviewsPerUser, baseInteractions);
  const popularityRng = createRng(seed, "popularity");
  const exposureOf = createExposure();
  const quality = Float32Array.from(days, () => drawQuality(popularityRng));
  const exposure = Float64Array.from(days, (d) => exposureOf(Math.max(d, INTERACTIONS_FROM)));
  const reviewCounts = drawPopularity(popularityRng, exposure, quality, baseInteractions);
  const calendar = calibrateReviewCalendar(days, reviewCounts);
  const plan = planDirtyRows(createRng(seed, "dirty"), sizes, uniqueRecipes, baseInteractions);

  let done = 0;
  const flushIfFull = async (file: CsvFile) => {
    if (file.pending < CHUNK_CHARS) return;
    await file.flush();
    options.onProgress?.(done, totalRows);
  };

  // RAW_recipes.csv, in a shuffled order; duplicates follow their source somewhere later.
  const recipeRng = createRng(seed, "recipes");
  const dirtyRng = createRng(seed, "dirty-values");
  const model = createRecipeModel();
  const keyIngredient: string[] = new Array(uniqueRecipes);
  const otherIngredient: string[] = new Array(uniqueRecipes);
  const duplicates = [...plan.duplicates].sort((a, b) => a.after - b.after || a.source - b.source);
  const sourcePositions = new Set(duplicates.map((d) => d.source));
  const sourceRecipes = new Map<number, Recipe>();
  let nextDuplicate = 0;
  let firstHuge = true;
  const recipes = await openCsv(recipesPath, RECIPES_HEADER);
  try {
    for (let pos = 0; pos < uniqueRecipes; pos++) {
      const i = order[pos];
      const recipe = model(recipeRng, days[i]);
      keyIngredient[i] = recipe.keyIngredient;
      otherIngredient[i] = recipe.ingredients[recipe.ingredients.length - 1] ?? recipe.keyIngredient;
      switch (plan.recipeFlaws[pos]) {
        case RecipeFlaw.MissingName:
          recipe.name = "";
          break;
        case RecipeFlaw.NegativeCalories:
          recipe.nutrition[0] = negativeCalories(dirtyRng);
          break;
        case RecipeFlaw.ZeroMinutes:
          recipe.minutes = 0;
          break;
        case RecipeFlaw.HugeMinutes:
          recipe.minutes = hugeMinutes(dirtyRng, firstHuge);
          firstHuge = false;
          break;
      }
      const contributor = members[contributorOf[i]];
      const submitted = isoDate(days[i]);
      recipes.add(recipeRow(recipe, ids[i], contributor, submitted));
      done++;
      if (sourcePositions.has(pos)) sourceRecipes.set(pos, recipe);
      for (; nextDuplicate < duplicates.length && duplicates[nextDuplicate].after === pos; nextDuplicate++) {
        const d = duplicates[nextDuplicate];
        const original = sourceRecipes.get(d.source)!;
        const j = order[d.source];
        const copy = d.exact ? original : nearCopy(dirtyRng, original);
        recipes.add(recipeRow(copy, ids[j], members[contributorOf[j]], isoDate(days[j])));
        done++;
      }
      await flushIfFull(recipes);
    }
    await recipes.commit();
  } catch (cause) {
    await recipes.abort();
    throw wrapWriteError(cause, recipesPath);
  }
  options.onProgress?.(done, totalRows);

  // RAW_interactions.csv, grouped by recipe in the recipes file's order.
  const reviewRng = createRng(seed, "reviews");
  const interactions = await openCsv(interactionsPath, INTERACTIONS_HEADER);
  try {
    let k = 0;
    // Lines already written for this recipe, by user: only the same user can repeat a line.
    const seen = new Map<number, string[]>();
    for (let pos = 0; pos < uniqueRecipes; pos++) {
      const i = order[pos];
      const count = reviewCounts[i];
      seen.clear();
      for (let j = 0; j < count; j++, k++) {
        const day = calendar.sample(reviewRng, days[i]);
        const date = isoDate(day);
        const user = members[reviewerOf[k]];
        const earlier = count > 1 ? seen.get(user) : undefined;
        let line: string;
        // Two identical rows must only come from the planted duplicates: redraw the rare clash.
        do {
          const rating = drawRating(reviewRng, quality[i], seasonIndex(monthOf(day)), yearOf(day));
          const review = drawReview(reviewRng, rating, keyIngredient[i], otherIngredient[i]);
          line = interactionRow(user, ids[i], date, rating, review);
        } while (earlier?.includes(line));
        if (earlier) earlier.push(line);
        else if (count > 1) seen.set(user, [line]);
        interactions.add(line);
        done++;
        if (plan.repeatedInteractions[k]) {
          interactions.add(line);
          done++;
        }
      }
      await flushIfFull(interactions);
    }
    await interactions.commit();
  } catch (cause) {
    await interactions.abort();
    throw wrapWriteError(cause, interactionsPath);
  }
  options.onProgress?.(done, totalRows);

  return {
    recipesPath,
    interactionsPath,
    recipes: sizes.recipes,
    interactions: sizes.interactions,
    users: sizes.users,
    dirty: sizes.dirty,
  };
}

function wrapWriteError(cause: unknown, path: string): unknown {
  if (cause instanceof Error && "code" in cause) {
    return new StorageError(`Cannot write ${path}: ${(cause as NodeJS.ErrnoException).code}.`, {
      hint: "Check the free space and permissions of the output folder.",
      cause,
    });
  }
  return cause;
}
