// seasonality/tags: the items-by-season analysis (_items.ts) over recipe_tags; structural tags are
// left out of the tested family by default (src/lib/seasonality/items.ts).
import { ITEMS_DEFAULTS, itemsAnalysis } from "./_items.js";

export default itemsAnalysis(
  { kind: "tags", ...ITEMS_DEFAULTS },
  "Tags by season: per-year, per-season contingency counts of the top tags; chi-square per tag (structural tags excluded), BH-adjusted, ranked by Cramér's V",
);
