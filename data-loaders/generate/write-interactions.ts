// RAW_interactions.csv: each recipe's reviews grouped together, in the recipes file's order, each
// dated on or after the recipe's submission, with the planted exact duplicate rows.
import { isoDate, monthOf, seasonIndex, yearOf } from "./calendar.js";
import { openCsv, type WrittenFile } from "./csv-writer.js";
import { drawRating, drawReview } from "./interaction-model.js";
import type { Population } from "./population.js";
import { flushIfFull, type Progress } from "./progress.js";
import { createRng } from "./random.js";
import { INTERACTIONS_HEADER, interactionRow } from "./rows.js";
import type { RecipeWords } from "./write-recipes.js";

export async function writeInteractions(
  path: string,
  seed: number,
  population: Population,
  words: RecipeWords,
  progress: Progress,
): Promise<WrittenFile> {
  const { uniqueRecipes, order, days, ids, members, reviewerOf, quality, reviewCounts, calendar } =
    population;
  const repeated = population.dirty.repeatedInteractions;
  const rng = createRng(seed, "reviews");
  const file = await openCsv(path, INTERACTIONS_HEADER);
  try {
    let k = 0;
    // Lines already written for this recipe, by user: only the same user can repeat a line.
    const seen = new Map<number, string[]>();
    for (let pos = 0; pos < uniqueRecipes; pos++) {
      const i = order[pos];
      const count = reviewCounts[i];
      seen.clear();
      for (let j = 0; j < count; j++, k++) {
        const day = calendar.sample(rng, days[i]);
        const date = isoDate(day);
        const user = members[reviewerOf[k]];
        const earlier = count > 1 ? seen.get(user) : undefined;
        let line: string;
        // Two identical rows must only come from the planted duplicates: redraw the rare clash.
        do {
          const rating = drawRating(rng, quality[i], seasonIndex(monthOf(day)), yearOf(day));
          const review = drawReview(rng, rating, words.keyIngredient[i], words.otherIngredient[i]);
          line = interactionRow(user, ids[i], date, rating, review);
        } while (earlier?.includes(line));
        if (earlier) earlier.push(line);
        else if (count > 1) seen.set(user, [line]);
        file.add(line);
        progress.done++;
        if (repeated[k]) {
          file.add(line);
          progress.done++;
        }
      }
      await flushIfFull(file, progress);
    }
    const written = await file.commit();
    progress.report();
    return written;
  } catch (cause) {
    await file.abort();
    throw cause;
  }
}
