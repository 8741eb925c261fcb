// The dirty rows planted in otherwise clean data, so the ingest's cleaning rules have something
// to count: missing names, negative calories, zero and absurd minutes, recipe rows repeating an
// earlier id (an exact or a near copy), and interaction rows repeated exactly. Positions are
// drawn once, up front; each row carries at most one problem.
import { below, exponential, type Rng } from "./random.js";
import type { Sizes } from "./sizes.js";

export const RecipeFlaw = {
  None: 0,
  MissingName: 1,
  NegativeCalories: 2,
  ZeroMinutes: 3,
  HugeMinutes: 4,
} as const;
export type RecipeFlaw = (typeof RecipeFlaw)[keyof typeof RecipeFlaw];

export interface DirtyPlan {
  /** Flaw of each unique recipe row, by position in the file. */
  recipeFlaws: Uint8Array;
  /** Duplicates: copy the row at `source` right after the row at `after` (after ≥ source). */
  duplicates: { source: number; after: number; exact: boolean }[];
  /** 1 where an interaction row (by index among the non-duplicate rows) is written twice. */
  repeatedInteractions: Uint8Array;
}

function freePositions(rng: Rng, taken: Uint8Array, count: number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const p = below(rng, taken.length);
    if (taken[p]) continue;
    taken[p] = 1;
    out.push(p);
  }
  return out;
}

export function planDirtyRows(
  rng: Rng,
  sizes: Sizes,
  uniqueRecipes: number,
  baseInteractions: number,
): DirtyPlan {
  const taken = new Uint8Array(uniqueRecipes);
  const recipeFlaws = new Uint8Array(uniqueRecipes);
  const flaws: [RecipeFlaw, number][] = [
    [RecipeFlaw.MissingName, sizes.dirty.missingName],
    [RecipeFlaw.NegativeCalories, sizes.dirty.negativeCalories],
    [RecipeFlaw.ZeroMinutes, sizes.dirty.zeroMinutes],
    [RecipeFlaw.HugeMinutes, sizes.dirty.hugeMinutes],
  ];
  for (const [flaw, count] of flaws) for (const p of freePositions(rng, taken, count)) recipeFlaws[p] = flaw;
  const duplicates = freePositions(rng, taken, sizes.dirty.duplicateRecipeId).map((source, k) => ({
    source,
    after: source + below(rng, uniqueRecipes - source),
    exact: k % 2 === 0,
  }));
  const repeatedInteractions = new Uint8Array(baseInteractions);
  freePositions(rng, repeatedInteractions, sizes.dirty.duplicateInteraction);
  return { recipeFlaws, duplicates, repeatedInteractions };
}

/** Absurd preparation times: the first is the dump's INT32_MAX, the others 1,000–100,000 minutes. */
export function hugeMinutes(rng: Rng, first: boolean): number {
  if (first) return 2_147_483_647;
  return Math.round((1000 * Math.pow(100, rng())) / 10) * 10;
}

/** A negative calorie count (−1 to about −500 kcal, one decimal). */
export const negativeCalories = (rng: Rng): number => -Math.round(10 + exponential(rng, 1200)) / 10;
