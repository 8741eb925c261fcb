// One recipe, from its submission day: pick a dish (by year trend, season and holiday peaks) and
// a flavour (seasonal flavours peak in their months), then draw counts, ingredients, minutes,
// nutrition, tags and text, each consistent with the others.
import { FIRST_YEAR, LAST_YEAR, isWeekend, monthOf, seasonIndex, yearOf } from "./calendar.js";
import { DISHES, type Dish, type Peak } from "./dishes.js";
import { aliasSampler, type Rng, type Sampler } from "./random.js";
import { drawIngredients, ingredientName, resolveDish, type ResolvedDish } from "./recipe-ingredients.js";
import { drawIngredientCount, drawMinutes, drawNutrition, drawStepCount } from "./recipe-measures.js";
import { drawTags } from "./recipe-tags.js";
import { drawDescription, drawName, drawSteps } from "./recipe-text.js";

export interface Recipe {
  name: string;
  minutes: number;
  tags: string[];
  nutrition: number[];
  steps: string[];
  description: string | null;
  ingredients: string[];
  /** The ingredient reviews talk about ("I added extra …"). */
  keyIngredient: string;
}

/** Month multipliers of each peak (months not listed: 1). */
const PEAK_MONTHS: Record<Peak, Record<number, number>> = {
  wi: { 12: 3, 1: 3, 2: 3 },
  sp: { 3: 3, 4: 3, 5: 3 },
  su: { 6: 3, 7: 3, 8: 3 },
  au: { 9: 3, 10: 3, 11: 3 },
  xmas: { 12: 8, 11: 2 },
  thx: { 11: 8, 10: 1.5 },
  hal: { 10: 6, 9: 1.5 },
  grill: { 5: 2.5, 6: 3.5, 7: 3.5, 8: 3 },
};

/** Weight of a seasonal flavour outside its peak, relative to an all-year flavour. */
const OFF_PEAK = 0.35;

interface DishModel {
  dish: Dish;
  resolved: ResolvedDish;
  /** Flavour sampler per month (index 1–12). */
  flavorByMonth: Sampler[];
}

export type RecipeModel = (rng: Rng, day: number) => Recipe;

export function createRecipeModel(): RecipeModel {
  const models: DishModel[] = DISHES.map((dish) => ({
    dish,
    resolved: resolveDish(dish),
    flavorByMonth: Array.from({ length: 13 }, (_, month) =>
      aliasSampler(dish.flavors.map(([, , peak]) => (peak ? OFF_PEAK * (PEAK_MONTHS[peak][month] ?? 1) : 1))),
    ),
  }));
  // Dish sampler per (year, month): share × season × damped holiday peak × year trend.
  const dishSamplers = new Map<number, Sampler>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let month = 1; month <= 12; month++) {
      const season = seasonIndex(month);
      dishSamplers.set(
        year * 100 + month,
        aliasSampler(
          DISHES.map(
            (d) =>
              d.share *
              d.seasons[season] *
              Math.pow(d.peak ? (PEAK_MONTHS[d.peak][month] ?? 1) : 1, 0.3) *
              Math.exp(d.trend * (year - 2008)),
          ),
        ),
      );
    }
  }

  return (rng, day) => {
    const year = yearOf(day);
    const month = monthOf(day);
    const season = seasonIndex(month);
    const { dish, resolved, flavorByMonth } = models[dishSamplers.get(year * 100 + month)!(rng)];
    const flavor = flavorByMonth[month](rng);
    const noun = Math.floor(rng() * dish.nouns.length);
    const nIngredients = drawIngredientCount(rng, dish, year);
    const list = drawIngredients(rng, dish, resolved, flavor, noun, nIngredients, year, season);
    const ingredients = list.ids.map(ingredientName);
    const nSteps = drawStepCount(rng, dish, year, ingredients.length);
    const minutes = drawMinutes(rng, dish, year, season, nSteps);
    const nutrition = drawNutrition(rng, dish, year, season, isWeekend(day));
    const tags = drawTags(rng, {
      dish,
      minutes,
      steps: nSteps,
      ingredients: ingredients.length,
      nutrition,
      animal: list.animal,
      dairy: list.dairy,
      text: [...ingredients, dish.nouns[noun], dish.flavors[flavor][0]],
      year,
      month,
      season,
    });
    const keyIngredient = ingredients[0] ?? "salt";
    return {
      name: drawName(
        rng,
        dish,
        flavor,
        dish.nouns[noun],
        ingredients[ingredients.length - 1] ?? keyIngredient,
      ),
      minutes,
      tags,
      nutrition,
      steps: drawSteps(rng, dish, ingredients, nSteps),
      description: drawDescription(rng, dish, flavor),
      ingredients,
      keyIngredient,
    };
  };
}
