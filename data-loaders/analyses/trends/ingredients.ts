// trends/ingredients: the items analysis (items.ts) over recipe_ingredients.
import { ITEMS_DEFAULTS, itemsAnalysis } from "./_items.js";

export const ingredients = itemsAnalysis(
  { kind: "ingredients", ...ITEMS_DEFAULTS },
  "Ingredients: top, diversity per year (raw and exactly rarefied), share trends tested with BH-adjusted p-values",
);

export default ingredients;
