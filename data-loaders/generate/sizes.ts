// How many rows of each kind a scale gives: the real dump's sizes times the scale, and the
// dirty rows planted (a few dozen to a few hundred each at scale 1, at least one each from
// scale 0.01 up).

export const FULL = {
  recipes: 231_637,
  interactions: 1_132_367,
  users: 226_570,
  contributors: 27_926,
} as const;

/** Kinds of dirty rows, each a data problem the real dump has (or the ingest must handle). */
export const DIRTY_KINDS = [
  "missingName",
  "negativeCalories",
  "zeroMinutes",
  "hugeMinutes",
  "duplicateRecipeId",
  "duplicateInteraction",
] as const;
export type DirtyKind = (typeof DIRTY_KINDS)[number];

/** Dirty rows per row of their file (recipes, or interactions for duplicateInteraction). */
export const DIRTY_RATES: Record<DirtyKind, number> = {
  missingName: 0.0003,
  negativeCalories: 0.0004,
  zeroMinutes: 0.0012,
  hugeMinutes: 0.0006,
  duplicateRecipeId: 0.0004,
  duplicateInteraction: 0.0002,
};

export interface Sizes {
  recipes: number;
  interactions: number;
  users: number;
  contributors: number;
  dirty: Record<DirtyKind, number>;
}

export function sizesFor(scale: number): Sizes {
  const recipes = Math.max(1, Math.round(FULL.recipes * scale));
  const interactions = Math.max(recipes, Math.round(FULL.interactions * scale));
  const dirtyCount = (kind: DirtyKind, rows: number) => {
    const n = Math.round(DIRTY_RATES[kind] * rows);
    return scale >= 0.01 ? Math.max(1, n) : n;
  };
  const dirty = Object.fromEntries(
    DIRTY_KINDS.map((kind) => [
      kind,
      dirtyCount(kind, kind === "duplicateInteraction" ? interactions : recipes),
    ]),
  ) as Record<DirtyKind, number>;
  // Duplicates are extra rows inside the totals: the rest must still hold every unique recipe.
  const uniqueRecipes = recipes - dirty.duplicateRecipeId;
  const baseInteractions = interactions - dirty.duplicateInteraction;
  return {
    recipes,
    interactions,
    users: Math.max(1, Math.min(baseInteractions, Math.round(FULL.users * scale))),
    contributors: Math.max(1, Math.min(uniqueRecipes, Math.round(FULL.contributors * scale))),
    dirty,
  };
}
