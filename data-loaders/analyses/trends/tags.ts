// trends/tags: the items analysis (items.ts) over recipe_tags.
import { ITEMS_DEFAULTS, itemsAnalysis } from "./_items.js";

export const tags = itemsAnalysis(
  { kind: "tags", ...ITEMS_DEFAULTS },
  "Tags: top, diversity per year (raw and exactly rarefied), share trends tested with BH-adjusted p-values",
);

export default tags;
