// A recipe's words: its name (flavour + dish noun, sometimes with a prefix, an owner or a
// suffix), its description (a few sentences, sometimes missing, sometimes with line breaks,
// quotes or accents) and its steps (method templates filled with the recipe's own ingredients).
import type { Dish } from "./dishes.js";
import { below, chance, pick, type Rng } from "./random.js";
import {
  COMPILED_DESCRIPTIONS,
  COMPILED_DESCRIPTION_SPECIALS,
  COMPILED_STEPS,
  HEATS,
  NAME_OWNERS,
  NAME_PREFIXES,
  NAME_SUFFIXES,
  PANS,
  SIZES,
  TEMPERATURES,
  TIMES,
  UNICODE_NAMES,
  WHEN,
  WHO,
  fill,
  type Compiled,
} from "./vocab-text.js";

export function drawName(rng: Rng, dish: Dish, flavor: number, noun: string, mainIngredient: string): string {
  if (chance(rng, 0.0015)) return pick(rng, UNICODE_NAMES);
  const words = dish.flavors[flavor][0];
  const base = noun.includes(words) ? noun : `${words} ${noun}`;
  const u = rng();
  let name: string;
  if (u < 0.5) name = base;
  else if (u < 0.76) name = `${pick(rng, NAME_PREFIXES)} ${base}`;
  else if (u < 0.86) name = `${base} ${pick(rng, NAME_SUFFIXES)}`;
  else if (u < 0.92) name = `${pick(rng, NAME_OWNERS)} ${base}`;
  else if (u < 0.97) name = `${base} with ${mainIngredient}`;
  else if (u < 0.985) name = `${words} and ${mainIngredient} ${noun}`;
  else name = `${noun}, ${words} style`; // commas make the field need quoting
  // The dump's names lost some characters and kept the spaces around them ("arriba   baked…").
  if (chance(rng, 0.012)) {
    const cut = name.indexOf(" ");
    if (cut > 0) name = `${name.slice(0, cut)}   ${name.slice(cut + 1)}`;
  }
  if (chance(rng, 0.002)) name = `"the best" ${name}`;
  return name;
}

/** Share of recipes without a description (the dump: 4,979 of 231,637). */
const MISSING_DESCRIPTION = 0.0215;

export function drawDescription(rng: Rng, dish: Dish, flavor: number): string | null {
  if (chance(rng, MISSING_DESCRIPTION)) return null;
  const slot = (name: string): string => {
    switch (name) {
      case "noun":
        return pick(rng, dish.nouns);
      case "flavor":
        return dish.flavors[flavor][0];
      case "who":
        return pick(rng, WHO);
      case "when":
        return pick(rng, WHEN);
      default:
        return name;
    }
  };
  const sentences = 1 + below(rng, 3);
  let text = "";
  for (let i = 0; i < sentences; i++) {
    const template: Compiled = chance(rng, 0.04)
      ? pick(rng, COMPILED_DESCRIPTION_SPECIALS)
      : pick(rng, COMPILED_DESCRIPTIONS);
    const sentence = fill(template, slot);
    if (i === 0) text = sentence;
    else {
      const u = rng();
      // Food.com descriptions often hold line breaks between sentences (CRLF in some).
      text += u < 0.08 ? "\n" : u < 0.1 ? "\r\n" : " ";
      text += sentence;
    }
  }
  return text;
}

/** `count` steps: an opening step, body steps, a closing step, using the ingredients in order. */
const FAT = /oil|butter|margarine|shortening|lard|ghee/;

export function drawSteps(rng: Rng, dish: Dish, ingredients: readonly string[], count: number): string[] {
  const templates = COMPILED_STEPS[pick(rng, dish.methods)];
  let cursor = 0;
  const slot = (name: string): string => {
    switch (name) {
      case "ing":
        return ingredients.length === 0 ? "the mixture" : ingredients[cursor++ % ingredients.length];
      case "fat":
        return ingredients.find((i) => FAT.test(i)) ?? "oil";
      case "temp":
        return pick(rng, TEMPERATURES);
      case "pan":
        return pick(rng, PANS);
      case "heat":
        return pick(rng, HEATS);
      case "size":
        return pick(rng, SIZES);
      case "time":
        return pick(rng, TIMES);
      default:
        return name;
    }
  };
  if (count === 1) return [fill(pick(rng, templates.body), slot)];
  const steps: string[] = [fill(pick(rng, templates.intro), slot)];
  let previous = -1;
  for (let i = 2; i < count; i++) {
    let k = below(rng, templates.body.length);
    if (k === previous) k = (k + 1) % templates.body.length;
    previous = k;
    steps.push(fill(templates.body[k], slot));
  }
  steps.push(fill(pick(rng, templates.finish), slot));
  return steps;
}
