// seasonality/ingredients: the items-by-season analysis (_items.ts) over recipe_ingredients.
import { ITEMS_DEFAULTS, itemsAnalysis } from "./_items.js";

export default itemsAnalysis(
  { kind: "ingredients", ...ITEMS_DEFAULTS },
  "Ingredients by season: per-year, per-season contingency counts of the top items; chi-square per item, BH-adjusted, ranked by Cramér's V",
);
