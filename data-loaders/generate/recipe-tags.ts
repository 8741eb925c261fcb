// A recipe's tags, consistent with the rest of the recipe: the time tag from its minutes, the
// dietary tags from its nutrition and ingredients, "3-steps-or-less" and "5-ingredients-or-less"
// from its counts, the course and main-ingredient tags from its dish, seasonal and holiday tags
// mostly in their season, and a Zipf-drawn long tail. Order follows Food.com's: the hierarchy
// first (time-to-make, course, main-ingredient, cuisine, preparation, occasion), then details.
import type { Dish } from "./dishes.js";
import { aliasSampler, below, chance, pick, poisson, type Rng, type Sampler } from "./random.js";
import { CONTENT_TAGS, CUISINES, GENERIC_TAGS, TIME_TAGS } from "./vocab-tags.js";

export interface TagInput {
  dish: Dish;
  minutes: number;
  steps: number;
  ingredients: number;
  /** [calories, fat, sugar, sodium, protein, saturated fat, carbohydrates] as written. */
  nutrition: number[];
  animal: boolean;
  dairy: boolean;
  /** The ingredient strings and name words, for the content tags. */
  text: readonly string[];
  year: number;
  month: number;
  /** 0 winter, 1 spring, 2 summer, 3 autumn. */
  season: number;
}

const regions = Object.keys(CUISINES);
const regionSampler = aliasSampler(regions.map((r) => CUISINES[r].weight));
const styleSamplers: Record<string, { styles: string[]; sample: Sampler }> = Object.fromEntries(
  regions.map((r) => [
    r,
    {
      styles: CUISINES[r].styles.map((s) => s[0]),
      sample: aliasSampler(CUISINES[r].styles.map((s) => s[1])),
    },
  ]),
);
const zipf = (tags: readonly string[]) => aliasSampler(tags.map((_, i) => 1 / Math.pow(i + 6, 1.05)));
const genericSampler = zipf(GENERIC_TAGS);
const contentSampler = zipf(CONTENT_TAGS);

/** Crude stem: lower-case word without a final "s" (enough to match "bok-choys" with "bok choy"). */
const stem = (word: string) => (word.endsWith("s") ? word.slice(0, -1) : word);
const STOP = new Set(["and", "the", "main", "dish", "side", "dishe", "2", "easy", "with", "non"]);
/** Content tags indexed by their first significant stem: [tag, all its stems]. */
const contentIndex = new Map<string, [string, string[]][]>();
for (const tag of CONTENT_TAGS) {
  const stems = tag
    .split("-")
    .map(stem)
    .filter((w) => w.length >= 3 && !STOP.has(w));
  if (stems.length === 0) continue;
  const list = contentIndex.get(stems[0]) ?? [];
  list.push([tag, stems]);
  contentIndex.set(stems[0], list);
}

/** Staples in most recipes: they name no dish, so they bring no content tag. */
const STAPLES = new Set([
  "salt",
  "pepper",
  "black pepper",
  "water",
  "butter",
  "sugar",
  "flour",
  "oil",
  "eggs",
  "milk",
  "kosher salt",
  "fresh ground black pepper",
  "olive oil",
  "vegetable oil",
]);

/** Stems of a text, memoised: texts come from fixed vocabularies, so the cache stays small. */
const stemCache = new Map<string, string[]>();
function stemsOf(text: string): string[] {
  let stems = stemCache.get(text);
  if (!stems) {
    stems = STAPLES.has(text)
      ? []
      : text
          .split(/[^a-z]+/)
          .filter((w) => w.length >= 3)
          .map(stem);
    stemCache.set(text, stems);
  }
  return stems;
}

/** Content tags whose every word appears in the recipe's text. */
function contentTags(text: readonly string[]): string[] {
  const stems = new Set<string>();
  for (const t of text) for (const s of stemsOf(t)) stems.add(s);
  const out: string[] = [];
  for (const s of stems) {
    for (const [tag, all] of contentIndex.get(s) ?? []) if (all.every((w) => stems.has(w))) out.push(tag);
  }
  return out;
}

/** Share of rare draws redrawn from the head, by year: the tail thins after 2007 like the ingredients'. */
const thinning = (year: number) => Math.min(0.6, Math.max(0, (year - 2007) * 0.055));

const SEASON_NAME_TAG = ["winter", "spring", "summer", "fall"] as const;

/** Holidays: [tag, month → probability]. */
const HOLIDAYS: [string, Record<number, number>][] = [
  ["christmas", { 12: 0.13, 11: 0.04, 1: 0.01 }],
  ["thanksgiving", { 11: 0.09, 10: 0.02 }],
  ["halloween", { 10: 0.04, 9: 0.005 }],
  ["easter", { 3: 0.03, 4: 0.035 }],
  ["valentines-day", { 2: 0.035, 1: 0.008 }],
  ["st-patricks-day", { 3: 0.025 }],
  ["independence-day", { 7: 0.025, 6: 0.012 }],
  ["new-years", { 12: 0.025, 1: 0.02 }],
  ["super-bowl", { 1: 0.02, 2: 0.025 }],
  ["mothers-day", { 5: 0.02 }],
  ["cinco-de-mayo", { 5: 0.012, 4: 0.004 }],
  ["hanukkah", { 12: 0.008 }],
  ["passover", { 4: 0.006, 3: 0.003 }],
  ["oktoberfest", { 9: 0.006, 10: 0.006 }],
];

/** From 1999 (0) to 2018 (1). */
const progress = (year: number) => (year - 1999) / 19;

function cuisineTags(rng: Rng, forced: string | undefined, out: string[]): void {
  let region: string;
  let style: string;
  if (forced === "mexican") {
    region = "north-american";
    style = "mexican";
  } else if (forced === "asian") {
    region = "asian";
    const s = styleSamplers.asian;
    style = s.styles[s.sample(rng)];
  } else {
    region = regions[regionSampler(rng)];
    const s = styleSamplers[region];
    style = s.styles[s.sample(rng)];
  }
  out.push(region);
  if (chance(rng, 0.85)) out.push(style);
}

export function drawTags(rng: Rng, input: TagInput): string[] {
  const { dish, minutes, nutrition, year, month, season } = input;
  const [calories, fat, , sodium, protein, saturated, carbs] = nutrition;
  const head: string[] = [];
  const details: string[] = [];

  // Time: nearly all recipes are under "time-to-make"; the time tag itself was set more often in
  // later years (60-minutes-or-less rises by ≈ 0.1).
  if (chance(rng, 0.97)) {
    const time = TIME_TAGS.find(([, limit]) => minutes <= limit);
    if (time && chance(rng, 0.7 + 0.29 * progress(year))) head.push(time[0]);
    head.push("time-to-make");
  }
  if (chance(rng, 0.97)) {
    head.push("course");
    details.push(dish.courses[0]);
    for (const c of dish.courses.slice(1)) if (chance(rng, 0.6)) details.push(c);
  }
  if (dish.mainTags.length > 0 ? chance(rng, 0.88) : chance(rng, 0.3)) {
    head.push("main-ingredient");
    for (const t of dish.mainTags) if (chance(rng, 0.75)) details.push(t);
  }
  const forcedCuisine = dish.extraTags.find(([t]) => t.startsWith("cuisine:"));
  if (forcedCuisine ? chance(rng, forcedCuisine[1]) : chance(rng, 0.33)) {
    head.push("cuisine");
    cuisineTags(rng, forcedCuisine?.[0].slice("cuisine:".length), details);
  }
  head.push("preparation");

  // Occasions: the season's tags and holidays, mostly in their season.
  const occasion: string[] = [];
  for (const [tag, months] of HOLIDAYS) if (chance(rng, months[month] ?? 0.002)) occasion.push(tag);
  if (occasion.length > 0) occasion.push("holiday-event");
  for (let s = 0; s < 4; s++) {
    if (chance(rng, s === season ? 0.11 : 0.015)) {
      occasion.push(SEASON_NAME_TAG[s], "seasonal");
    }
  }
  if (season === 2 && chance(rng, 0.06)) occasion.push("grilling");
  if (chance(rng, 0.12))
    occasion.push(
      pick(rng, ["dinner-party", "weeknight", "potluck", "brunch", "picnic", "romantic", "to-go"]),
    );
  if (occasion.length > 0 || chance(rng, 0.22)) head.push("occasion");

  // Easy: short recipes more often, and more so over the years.
  const easy = 0.4 + 0.2 * progress(year) + (input.steps <= 6 ? 0.2 : 0) - (input.steps > 14 ? 0.3 : 0);
  if (chance(rng, easy)) details.push("easy");
  if (input.steps <= 3 && chance(rng, 0.85)) details.push("3-steps-or-less");
  if (input.ingredients <= 5 && chance(rng, 0.85)) details.push("5-ingredients-or-less");

  // Dietary tags follow the nutrition as written.
  const dietary: string[] = [];
  const low: string[] = [];
  if (sodium <= 5 && chance(rng, 0.8)) low.push("low-sodium");
  if (carbs <= 4 && chance(rng, year >= 2003 && year <= 2005 ? 0.95 : 0.8)) low.push("low-carb");
  if (saturated <= 12 && chance(rng, 0.7)) low.push("low-cholesterol");
  if (calories <= 200 && chance(rng, 0.6)) low.push("low-calorie");
  if (saturated <= 8 && chance(rng, 0.6)) low.push("low-saturated-fat");
  if (fat <= 8 && chance(rng, 0.6)) low.push("low-fat");
  if (protein <= 5 && chance(rng, 0.55)) low.push("low-protein");
  dietary.push(...low);
  if (calories < 400 && chance(rng, 0.25 + 0.1 * progress(year))) dietary.push("healthy");
  if (protein >= 70 && chance(rng, 0.5)) dietary.push("high-protein", "high-in-something");
  if (!input.animal && chance(rng, 0.35)) {
    dietary.push("vegetarian");
    if (!input.dairy && chance(rng, 0.15 + 0.3 * progress(year))) dietary.push("vegan");
  }
  if (chance(rng, year >= 2009 ? 0.08 : 0.02)) dietary.push("gluten-free");
  if (chance(rng, 0.03)) dietary.push("diabetic");
  if (dietary.length > 0) {
    details.push("dietary");
    details.push(...dietary);
    if (low.length > 0) details.push("low-in-something");
  }

  for (const [tag, p] of dish.extraTags) if (!tag.startsWith("cuisine:") && chance(rng, p)) details.push(tag);
  if (chance(rng, 0.3)) details.push("equipment");
  if (chance(rng, 0.2)) details.push("number-of-servings");
  if (chance(rng, 0.22)) details.push("taste-mood");
  // Tags naming what is in the recipe, then a few generic ones and a rare random content tag;
  // after 2007 rare draws are often redrawn from the head, so the yearly tag count shrinks.
  for (const tag of contentTags(input.text)) if (chance(rng, 0.35)) details.push(tag);
  const thin = thinning(year);
  for (let k = poisson(rng, 2.2); k > 0; k--) {
    const t = genericSampler(rng);
    details.push(GENERIC_TAGS[t >= 30 && rng() < thin ? below(rng, 30) : t]);
  }
  if (chance(rng, 0.25)) {
    const t = contentSampler(rng);
    if (!(t >= 60 && rng() < thin)) details.push(CONTENT_TAGS[t]);
  }

  const out: string[] = [];
  for (const tag of [...head, ...occasion, ...details]) if (!out.includes(tag)) out.push(tag);
  return out;
}
