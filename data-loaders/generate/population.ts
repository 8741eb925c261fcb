// Everything the rows need that is drawn before any row is written, kept in typed arrays: when
// each recipe was submitted and its id, the file order, who contributed and who reviewed what,
// each recipe's quality and review count, the review calendar, and where the dirty rows go.
import { INTERACTIONS_FROM } from "./calendar.js";
import { planDirtyRows, type DirtyPlan } from "./dirty.js";
import { drawPopularity, drawQuality } from "./interaction-model.js";
import { drawActivity, drawMemberIds, slotsOf } from "./people.js";
import { createRng, exponential, shuffle, type Rng } from "./random.js";
import { calibrateReviewCalendar, createExposure, type ReviewCalendar } from "./review-dates.js";
import type { Sizes } from "./sizes.js";
import { drawSubmissionDays } from "./timeline.js";

/** Per unique recipe i (sorted by submission day), and per review slot k. */
export interface Population {
  uniqueRecipes: number;
  baseInteractions: number;
  /** Submission day of recipe i (ascending). */
  days: Int32Array;
  /** Id of recipe i (ascending with the day). */
  ids: Int32Array;
  /** order[pos] = the recipe written at position pos of the file. */
  order: Int32Array;
  /** Member ids; contributors and reviewers index into it. */
  members: Int32Array;
  contributorOf: Int32Array;
  /** reviewerOf[k] = member writing the k-th review (reviews numbered in file order). */
  reviewerOf: Int32Array;
  quality: Float32Array;
  reviewCounts: Int32Array;
  calendar: ReviewCalendar;
  dirty: DirtyPlan;
}

/** Recipe ids grow with submission date, with gaps (ids of deleted recipes), from 38 like the dump. */
function recipeIds(rng: Rng, count: number): Int32Array {
  const ids = new Int32Array(count);
  let id = 37;
  for (let i = 0; i < count; i++) ids[i] = id += 1 + Math.floor(exponential(rng, 1.7));
  return ids;
}

export function drawPopulation(seed: number, sizes: Sizes): Population {
  const uniqueRecipes = sizes.recipes - sizes.dirty.duplicateRecipeId;
  const baseInteractions = sizes.interactions - sizes.dirty.duplicateInteraction;
  const days = drawSubmissionDays(createRng(seed, "submissions"), uniqueRecipes);
  const ids = recipeIds(createRng(seed, "recipe-ids"), uniqueRecipes);
  const order = shuffle(
    createRng(seed, "file-order"),
    Int32Array.from({ length: uniqueRecipes }, (_, i) => i),
  );
  // A few contributors post most recipes; most reviewers write one review, a few thousands.
  const people = createRng(seed, "people");
  const members = drawMemberIds(people, sizes.users);
  const recipesPerContributor = drawActivity(people, sizes.contributors, uniqueRecipes, {
    single: 0.45,
    alpha: 1.1,
    cap: 0.007,
  });
  const contributorOf = slotsOf(people, recipesPerContributor, uniqueRecipes);
  const reviewsPerUser = drawActivity(people, sizes.users, baseInteractions, {
    single: 0.67,
    alpha: 0.95,
    cap: 0.006,
  });
  const reviewerOf = slotsOf(people, reviewsPerUser, baseInteractions);
  const popularity = createRng(seed, "popularity");
  const exposureOf = createExposure();
  const quality = Float32Array.from(days, () => drawQuality(popularity));
  const exposure = Float64Array.from(days, (d) => exposureOf(Math.max(d, INTERACTIONS_FROM)));
  const reviewCounts = drawPopularity(popularity, exposure, quality, baseInteractions);
  return {
    uniqueRecipes,
    baseInteractions,
    days,
    ids,
    order,
    members,
    contributorOf,
    reviewerOf,
    quality,
    reviewCounts,
    calendar: calibrateReviewCalendar(days, reviewCounts),
    dirty: planDirtyRows(createRng(seed, "dirty"), sizes, uniqueRecipes, baseInteractions),
  };
}
