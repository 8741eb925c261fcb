// The key lists of the Trends contract (src/lib/contracts/trends.ts) as plain constants. They live
// apart from the zod schemas so that browser code (the Trends page, src/lib/trends) can import
// them without pulling zod into the page's bundle: browser code imports only types from the
// schema modules, and constants from here.

/** The complexity measures of trends/complexity, as keys of its per-year rows and trends. */
export const COMPLEXITY_MEASURES = ["score", "steps", "ingredients"] as const;
export type ComplexityMeasure = (typeof COMPLEXITY_MEASURES)[number];

/** The seven nutrition values of a recipe: calories (kcal) and six % of daily value. */
export const NUTRIENTS = [
  "calories",
  "totalFat",
  "sugar",
  "sodium",
  "protein",
  "saturatedFat",
  "carbohydrates",
] as const;
export type Nutrient = (typeof NUTRIENTS)[number];

/** The yearly statistics of trends/nutrition whose trends are fitted. */
export const NUTRITION_STATISTICS = ["mean", "median"] as const;
export type NutritionStatistic = (typeof NUTRITION_STATISTICS)[number];

/** The two item analyses: trends/ingredients and trends/tags. */
export const ITEM_KINDS = ["ingredients", "tags"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The two standard errors of a headline trend's slope; the headline uses the larger (src/lib/stats/trend-fit.ts). */
export const SE_METHODS = ["knapp-hartung", "newey-west"] as const;
export type SeMethod = (typeof SE_METHODS)[number];
