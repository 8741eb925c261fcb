// Which ingredients a recipe lists: the flavour's and the noun's key ingredients, the dish's usual
// ones, a seasonal extra now and then, slots filled from ingredient categories, and the rest from
// the sweet or savoury pantry (Zipf-like weights). Year trends swap strings (salt → kosher
// salt…), and after 2007 rare strings are drawn less, so the yearly number of distinct
// ingredients collapses faster than the recipe count.
import type { Dish, Flavor } from "./dishes.js";
import { SEASONS } from "./calendar.js";
import { aliasSampler, chance, pick, type Rng, type Sampler } from "./random.js";
import {
  INGREDIENT_TRENDS,
  SEASONAL_INGREDIENTS,
  VOCABULARY,
  ingredientId,
  isAnimal,
  type IngredientCategory,
} from "./vocab-ingredients.js";

export interface IngredientList {
  ids: number[];
  /** Holds meat, poultry or seafood. */
  animal: boolean;
  /** Holds dairy or eggs (so not vegan). */
  dairy: boolean;
}

const names = VOCABULARY.names;
const categories = VOCABULARY.categories;

/** A sampler over the strings of some categories, with their global weights. */
function pantrySampler(from: IngredientCategory[]): Sampler {
  const ids = from.flatMap((c) => VOCABULARY.byCategory[c].ids);
  const sample = aliasSampler(ids.map((id) => VOCABULARY.weights[id]));
  return (rng) => ids[sample(rng)];
}
const sweetFill = pantrySampler([
  "baking",
  "sweet",
  "dairy",
  "nut",
  "fruit",
  "spice",
  "liquid",
  "alcohol",
  "brand",
]);
const savoryFill = pantrySampler([
  "veg",
  "herb",
  "spice",
  "sauce",
  "oil",
  "liquid",
  "cheese",
  "dairy",
  "grain",
  "bread",
  "alcohol",
  "brand",
]);
const categorySamplers = Object.fromEntries(
  Object.entries(VOCABULARY.byCategory).map(([category, { ids, weights }]) => {
    const sample = aliasSampler(weights);
    return [category, (rng: Rng) => ids[sample(rng)]];
  }),
) as Record<IngredientCategory, Sampler>;

/** Rank of each string by global weight (0 = most common): the "long tail" is rank ≥ 1,200. */
const rank = (() => {
  const order = Array.from(VOCABULARY.weights.keys()).sort(
    (a, b) => VOCABULARY.weights[b] - VOCABULARY.weights[a] || a - b,
  );
  const r = new Int32Array(order.length);
  order.forEach((id, i) => (r[id] = i));
  return r;
})();
const LONG_TAIL_RANK = 1200;

/** Share of long-tail draws redrawn, by year: 0 until 2007, then up to 60 % by 2018. */
const thinning = (year: number) => Math.min(0.6, Math.max(0, (year - 2007) * 0.055));

const trends = new Map(
  INGREDIENT_TRENDS.map((t) => [
    ingredientId(t.name),
    { to: ingredientId(t.becomes), from: t.from, span: t.to - t.from },
  ]),
);

/** Apply the year trends to a drawn string (one hop, so a swap never cascades). */
function trended(rng: Rng, id: number, year: number): number {
  const trend = trends.get(id);
  if (trend && rng() < trend.from + trend.span * ((year - 1999) / 19) ** 2) return trend.to;
  return id;
}

const seasonal = Object.fromEntries(
  SEASONS.map((s) => [
    s,
    {
      sweet: SEASONAL_INGREDIENTS[s].sweet.map(ingredientId),
      savory: SEASONAL_INGREDIENTS[s].savory.map(ingredientId),
    },
  ]),
) as Record<(typeof SEASONS)[number], { sweet: number[]; savory: number[] }>;

/** Ids of a dish's model ingredients, resolved once. */
export interface ResolvedDish {
  core: [number, number][];
  flavors: number[][];
  /** Per noun (same order as dish.nouns). */
  nouns: number[][];
}

export function resolveDish(dish: Dish): ResolvedDish {
  return {
    core: dish.core.map(([name, p]) => [ingredientId(name), p]),
    flavors: dish.flavors.map((f: Flavor) => f[1].map(ingredientId)),
    nouns: dish.nouns.map((noun) => (dish.nounIngredients?.[noun] ?? []).map(ingredientId)),
  };
}

const DAIRY = /milk|cream|butter|cheese|yogurt|egg|whey|ghee|custard/;
const animalFlags = Uint8Array.from(names, (name, id) => (isAnimal(name, categories[id]) ? 1 : 0));
const dairyFlags = Uint8Array.from(names, (name, id) =>
  categories[id] === "dairy" || categories[id] === "cheese" || DAIRY.test(name) ? 1 : 0,
);

export function drawIngredients(
  rng: Rng,
  dish: Dish,
  resolved: ResolvedDish,
  flavor: number,
  noun: number,
  count: number,
  year: number,
  season: number,
): IngredientList {
  const ids: number[] = [];
  const thin = thinning(year);
  const add = (id: number) => {
    if (ids.length >= count) return;
    const t = trended(rng, id, year);
    if (!ids.includes(t)) ids.push(t);
  };
  const draw = (sample: Sampler) => {
    let id = sample(rng);
    if (rank[id] >= LONG_TAIL_RANK && rng() < thin) id = sample(rng);
    return id;
  };
  for (const id of resolved.flavors[flavor]) add(id);
  for (const id of resolved.nouns[noun]) add(id);
  for (const [id, p] of resolved.core) if (rng() < p) add(id);
  if (chance(rng, 0.3)) {
    const list = seasonal[SEASONS[season]];
    add(pick(rng, dish.sweet ? list.sweet : list.savory));
  }
  for (const [category, p] of dish.roles) if (rng() < p) add(draw(categorySamplers[category]));
  // Fill from the pantry of sweet or savoury cooking (never meat: a dessert gets no tuna, and a
  // vegetarian dish stays so); a few attempts per slot in case of repeats.
  const fillSampler = dish.sweet ? sweetFill : savoryFill;
  for (let attempts = 0; ids.length < count && attempts < count * 4; attempts++) add(draw(fillSampler));
  let animal = false;
  let dairy = false;
  for (const id of ids) {
    if (animalFlags[id]) animal = true;
    if (dairyFlags[id]) dairy = true;
  }
  return { ids, animal, dairy };
}

export const ingredientName = (id: number): string => names[id];
