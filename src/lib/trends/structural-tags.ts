// Bookkeeping tags of the Food.com tag format: tags that say where a recipe sits in the site's tag
// tree, or repeat a figure the recipe already has in its own columns, rather than anything about
// its cooking. They top every frequency list ("preparation" is on nearly every recipe) and their
// shares move with how the site set tags, not with what people cooked, so the Trends page leaves
// them out of the tag rankings by default (a toggle puts them back). docs/analyses.md lists them
// with these reasons. Built from the tag vocabulary of data-loaders/generate/vocab-tags.ts and
// recipe-tags.ts, which follow the real dataset's tag tree.

/** Headers of the tag tree: a recipe carries one whenever it carries any tag below it. */
export const TREE_HEADERS: readonly string[] = [
  "preparation",
  "time-to-make",
  "course",
  "main-ingredient",
  "cuisine",
  "dietary",
  "occasion",
  "holiday-event",
  "seasonal",
  "equipment",
  "number-of-servings",
  "technique",
  "taste-mood",
  "low-in-something",
  "high-in-something",
  "free-of-something",
];

/**
 * Patterns of tags derived from a recipe's own columns: time limits from `minutes`, step and
 * ingredient limits from `n_steps` and `n_ingredients`, nutrition thresholds from `nutrition`
 * ("low-sodium", "very-low-carbs", "high-protein"…, and the "low-in-something" /
 * "high-in-something" headers above).
 */
export const DERIVED_PATTERNS: readonly RegExp[] = [
  /^\d+-(minutes|hours)-or-less$/,
  /^\d+-days?-or-more$/,
  /^\d+-steps-or-less$/,
  /^\d+-ingredients-or-less$/,
  /^(very-)?low-/,
  /^high-/,
];

const headers = new Set(TREE_HEADERS);

/** True for a bookkeeping tag (a tree header, or a tag derived from the recipe's own columns). */
export const isStructuralTag = (tag: string): boolean =>
  headers.has(tag) || DERIVED_PATTERNS.some((pattern) => pattern.test(tag));
