// The numbers of a recipe: how many ingredients and steps, how many minutes, and its nutrition.
// Every distribution and trend here is documented in docs/generator.md; the targets are the
// original app's reference numbers (minutes median 35 / mean ≈ 42 inside [1, 180], falling
// ≈ 0.46 min a year; steps median 8; ingredients median 9; calories mean ≈ 450 falling ≈ 12 kcal
// a year; complexity rising ≈ 0.1 a year).
import type { Dish } from "./dishes.js";
import { chance, gamma, lognormal, normal, type Rng } from "./random.js";

/** Years from the 2008 centre of the data: trends are multiplicative per year around it. */
const fromCentre = (year: number) => year - 2008;

/** Natural times stay below this; larger values are planted dirty rows only. */
export const MAX_NATURAL_MINUTES = 990;

/**
 * Minutes multiplier per season (winter, spring, summer, autumn). The dish mix already makes
 * autumn and winter slower (soups, stews, slow cookers); this tempers it to the observed ±4 %.
 */
const SEASON_MINUTES = [0.99, 1, 1.02, 0.985] as const;

/** Calories multiplier per season: autumn is the richest, summer the lightest. */
const SEASON_CALORIES = [1.01, 0.99, 0.98, 1.05] as const;

/** n_ingredients ~ round(Gamma(7.5) · θ), mean ≈ 9.8 for an average dish, +0.6 % a year. */
export function drawIngredientCount(rng: Rng, dish: Dish, year: number): number {
  const mean = 9.8 * (0.62 + 0.38 * dish.steps) * Math.exp(0.006 * fromCentre(year));
  const n = Math.round((gamma(rng, 7.5) * mean) / 7.5);
  return Math.max(1, Math.min(43, n));
}

/**
 * n_steps ~ round(lognormal(median 9 · dish · (n_ingredients / 9)^0.35, σ 0.52)), +1.1 % a
 * year; one recipe in 300 is a long one (×3), giving the real tail past 100 steps.
 */
export function drawStepCount(rng: Rng, dish: Dish, year: number, ingredients: number): number {
  let median = 9 * dish.steps * Math.pow(ingredients / 9, 0.35) * Math.exp(0.011 * fromCentre(year));
  if (chance(rng, 1 / 300)) median *= 3;
  return Math.max(1, Math.min(145, Math.round(lognormal(rng, median, 0.52))));
}

/** How people write times: round numbers, mostly multiples of 5 and 15. */
function heap(rng: Rng, minutes: number): number {
  if (minutes < 10) return Math.max(1, Math.round(minutes));
  if (minutes < 60) return chance(rng, 0.85) ? Math.round(minutes / 5) * 5 : Math.round(minutes);
  if (minutes < 180) return chance(rng, 0.8) ? Math.round(minutes / 15) * 15 : Math.round(minutes / 5) * 5;
  return chance(rng, 0.8) ? Math.round(minutes / 60) * 60 : Math.round(minutes / 10) * 10;
}

/**
 * minutes ~ lognormal(median 0.8 · dish.minutes · (steps / 8)^0.3 · season · e^(−0.015·(year − 2008)), σ 0.5),
 * and 8 % of recipes count a long wait (marinating, chilling, rising, soaking: ×3–12); heaped on
 * round numbers, 1 ≤ minutes ≤ 990.
 */
export function drawMinutes(rng: Rng, dish: Dish, year: number, season: number, steps: number): number {
  let median =
    0.8 *
    dish.minutes *
    Math.pow(steps / 8, 0.3) *
    SEASON_MINUTES[season] *
    Math.exp(-0.015 * fromCentre(year));
  if (chance(rng, 0.08)) median *= 3 + 9 * rng();
  const m = heap(rng, lognormal(rng, median, 0.5));
  return Math.max(1, Math.min(MAX_NATURAL_MINUTES, m));
}

/**
 * Grams (mg for sodium) per 100 %DV. Fat, saturated fat, carbohydrates and protein are the US
 * daily values; sugar and sodium are set so the medians match the dump's (sugar ≈ 25 %DV,
 * sodium ≈ 15 %DV): the dish tables give their relative levels only.
 */
const DV = { fat: 65, saturatedFat: 20, carbohydrates: 300, sugar: 30, protein: 50, sodiumMg: 3200 } as const;

/**
 * [calories, total fat %DV, sugar %DV, sodium %DV, protein %DV, saturated fat %DV, carbohydrates %DV].
 * Calories ~ lognormal(1.1 · dish median · season · e^(−0.027·(year − 2008)), σ 0.55), with 0.3 % of
 * recipes counted for the whole dish (×3–10) and 0.01 % absurd (10,000–420,000 kcal). The %DV
 * come from the dish's macronutrient split (jittered), so they follow calories; protein's share
 * rises and carbohydrates' falls slightly over the years, and weekend recipes carry 3 % less protein.
 */
export function drawNutrition(
  rng: Rng,
  dish: Dish,
  year: number,
  season: number,
  weekend: boolean,
): number[] {
  const t = fromCentre(year);
  let calories = lognormal(rng, 1.1 * dish.calories * SEASON_CALORIES[season] * Math.exp(-0.027 * t), 0.55);
  if (chance(rng, 0.003)) calories *= 3 + 7 * rng();
  if (chance(rng, 0.0001)) calories = 10_000 * Math.pow(42, rng());
  const [f0, c0, p0] = dish.macros;
  const fat = f0 * Math.exp(0.3 * normal(rng) - 0.003 * t);
  const carbs = c0 * Math.exp(0.3 * normal(rng) - 0.009 * t);
  const protein = 0.85 * p0 * Math.exp(0.3 * normal(rng) + 0.016 * t) * (weekend ? 0.97 : 1);
  const total = fat + carbs + protein;
  const fatG = (calories * fat) / total / 9;
  const carbsG = (calories * carbs) / total / 4;
  const proteinG = (calories * protein) / total / 4;
  const saturatedG = fatG * Math.min(0.9, dish.satFat * Math.exp(0.25 * normal(rng)));
  const sugarG = carbsG * Math.min(1, dish.sugar * Math.exp(0.4 * normal(rng)));
  const sodiumMg = calories * dish.sodium * Math.exp(0.5 * normal(rng));
  const pct = (value: number, dv: number) => Math.round((100 * value) / dv);
  return [
    Math.round(calories * 10) / 10,
    pct(fatG, DV.fat),
    pct(sugarG, DV.sugar),
    pct(sodiumMg, DV.sodiumMg),
    pct(proteinG, DV.protein),
    pct(saturatedG, DV.saturatedFat),
    pct(carbsG, DV.carbohydrates),
  ];
}
