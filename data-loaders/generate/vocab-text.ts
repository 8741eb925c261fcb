// Words and sentence templates for recipe names, descriptions and steps. Steps are lower-case
// with spaces around punctuation (" , ") like the Food.com dump; descriptions are free text and
// sometimes hold commas, quotes, line breaks and accented letters. Templates use {slots} that
// recipe-text.ts fills.
import type { Method } from "./dishes.js";

/** Words in front of a recipe name. */
export const NAME_PREFIXES: readonly string[] = [
  "easy",
  "best",
  "quick",
  "simple",
  "homemade",
  "delicious",
  "creamy",
  "spicy",
  "healthy",
  "low-fat",
  "perfect",
  "yummy",
  "old-fashioned",
  "classic",
  "amazing",
  "super easy",
  "the best",
  "light",
  "fabulous",
  "country",
  "southern",
  "rustic",
  "zesty",
  "tangy",
  "hearty",
  "sweet",
  "savory",
  "copycat",
  "skinny",
  "lazy",
  "family favorite",
  "5-minute",
  "30-minute",
  "one-pot",
  "make-ahead",
  "kittencal's",
  "award-winning",
  "restaurant-style",
  "better than takeout",
  "weeknight",
  "sunday",
];

/** Whose recipe it is ("grandma's"). */
export const NAME_OWNERS: readonly string[] = [
  "grandma's",
  "mom's",
  "nana's",
  "granny's",
  "aunt bea's",
  "uncle bob's",
  "my mother's",
  "dad's",
  "aunt mary's",
  "grandpa's",
  "auntie's",
  "mimi's",
  "betty's",
  "joan's",
  "nonna's",
  "oma's",
];

/** Endings of a recipe name. */
export const NAME_SUFFIXES: readonly string[] = [
  "for two",
  "zwt",
  "ii",
  "iii",
  "supreme",
  "delight",
  "surprise",
  "deluxe",
  "my way",
  "low fat",
  "mexican style",
  "italian style",
  "crock pot",
  "oamc",
  "for a crowd",
  "light",
  "diabetic",
  "vegan",
  "gluten free",
  "ww points",
  "from scratch",
  "with a twist",
  "revisited",
  "redux",
];

/** Names with accents, for the real dump's occasional unicode. */
export const UNICODE_NAMES: readonly string[] = [
  "crème brûlée",
  "jalapeño poppers",
  "café au lait",
  "piña colada",
  "crêpes suzette",
  "pâté de campagne",
  "smørrebrød",
  "bún chả",
  "açaí bowl",
  "gâteau au chocolat",
  "jalapeño cornbread",
  "käsespätzle",
];

/** Sentences of descriptions; {noun}, {flavor}, {who}, {when} are filled in. */
export const DESCRIPTION_SENTENCES: readonly string[] = [
  "this is my {who} recipe and it's always a hit.",
  "a quick and easy weeknight meal.",
  "i found this in an old cookbook and changed it a bit.",
  "great for potlucks!",
  "my family loves these {noun}.",
  "these {noun} are perfect for {when}.",
  "posted for zwt.",
  "from a church cookbook.",
  "adapted from taste of home magazine.",
  "serve with a green salad and crusty bread.",
  "you can make this ahead and freeze it.",
  "my kids ask for this every week.",
  "this recipe was given to me by a friend at work.",
  "the {flavor} really makes this dish.",
  "very easy and very good.",
  "a nice change from the usual {noun}.",
  "i like to double the recipe and freeze half.",
  "perfect for {when}.",
  "a family favorite for years.",
  "prep time does not include chilling time.",
  "cooking time is approximate; every oven is different.",
  "this makes a lot, so invite some friends.",
  "an old family recipe.",
  "i got this recipe from my {who}.",
  "tastes even better the next day.",
  "low in fat but big on flavor.",
  "you won't believe how easy this is!",
  "use fresh {flavor} if you can find it.",
  "these disappear fast at our house.",
  "we had this at a restaurant and i tried to recreate it at home.",
  "a great way to use up leftovers.",
  "this is comfort food at its best.",
  "feel free to adjust the spices to your taste.",
  "my husband's favorite.",
  "i've been making this for over 20 years.",
  "ready in no time.",
  "makes a pretty presentation for company.",
  "a healthier version of a classic.",
  "kid-friendly and freezer-friendly.",
  "the original recipe called for twice the sugar, but i think this is sweet enough.",
];

/** Descriptions with quotes, commas or unicode, used now and then. */
export const DESCRIPTION_SPECIALS: readonly string[] = [
  'my kids call these "{noun} of happiness" and ask for them every week.',
  'this is the "famous" {noun} everyone asks me about.',
  "inspired by a crème brûlée i had in paris, but much easier.",
  "a jalapeño kick, a little sweetness, and lots of cheese.",
  "serves 4, or 2 very hungry people.",
  'adapted from "the joy of cooking", with less butter.',
  "perfect for a cold night ❄️",
  "so good 😋",
  'i use a 9" pan, but an 8" works too.',
  "quick, cheap, and tasty.",
];

export const WHO: readonly string[] = [
  "grandmother's",
  "mother's",
  "mom's",
  "aunt's",
  "mother-in-law's",
  "best friend's",
  "neighbor's",
  "sister's",
  "husband's",
];
export const WHEN: readonly string[] = [
  "parties",
  "a busy weeknight",
  "sunday dinner",
  "the holidays",
  "a summer barbecue",
  "brunch",
  "lunch boxes",
  "game day",
  "a cold winter night",
  "christmas morning",
  "thanksgiving",
  "picnics",
];

export const TEMPERATURES: readonly string[] = ["325", "350", "350", "350", "375", "375", "400", "425"];
export const PANS: readonly string[] = [
  "9x13 inch baking dish",
  "8 inch square pan",
  "baking sheet",
  "loaf pan",
  "muffin tin",
  "9 inch pie plate",
  "casserole dish",
  "bundt pan",
  "cookie sheet",
  "2 quart baking dish",
];
export const HEATS: readonly string[] = ["medium", "medium-high", "medium-low", "low", "high", "medium"];
export const SIZES: readonly string[] = ["large", "medium", "small", "large", "mixing"];
export const TIMES: readonly string[] = [
  "5",
  "10",
  "15",
  "20",
  "25-30",
  "30",
  "35-40",
  "45",
  "10-12",
  "8-10",
  "20-25",
  "60",
];

type StepTemplates = { intro: string[]; body: string[]; finish: string[] };

/** Step templates per cooking method; {ing} takes the recipe's next ingredient, {fat} its oil or butter. */
export const STEP_TEMPLATES: Record<Method, StepTemplates> = {
  bake: {
    intro: [
      "preheat oven to {temp} degrees",
      "preheat the oven to {temp}f",
      "grease a {pan}",
      "heat oven to {temp} degrees f",
      "spray a {pan} with cooking spray",
      "line a baking sheet with parchment paper",
    ],
    body: [
      "in a {size} bowl , combine {ing} and {ing}",
      "stir in {ing}",
      "add {ing} and mix well",
      "beat {ing} and {ing} until light and fluffy",
      "fold in {ing}",
      "pour into prepared pan",
      "spread {ing} evenly over the top",
      "sprinkle with {ing}",
      "mix {ing} , {ing} and {ing} in a separate bowl",
      "whisk together {ing} and {ing}",
      "cut in {ing} until mixture resembles coarse crumbs",
      "drop by rounded teaspoonfuls onto ungreased cookie sheets",
      "cover with foil",
      "gradually add the dry ingredients to the wet ingredients",
      "add {ing} , one at a time , beating well after each addition",
      "do not overmix",
      "place {ing} in the bottom of the dish",
      "top with {ing}",
    ],
    finish: [
      "bake for {time} minutes or until golden brown",
      "bake {time} minutes , until a toothpick inserted in the center comes out clean",
      "let cool for 10 minutes before serving",
      "cool on a wire rack",
      "serve warm",
      "remove from oven and let stand 5 minutes before cutting",
      "enjoy !",
    ],
  },
  roast: {
    intro: [
      "preheat oven to {temp} degrees",
      "line a roasting pan with foil",
      "pat {ing} dry with paper towels",
    ],
    body: [
      "toss {ing} with {ing} and {ing}",
      "rub {ing} all over",
      "arrange in a single layer on a baking sheet",
      "roast for {time} minutes , turning once",
      "baste with the pan juices every 20 minutes",
      "season with {ing} and {ing}",
      "add {ing} to the pan",
    ],
    finish: ["let rest 10 minutes before carving", "serve hot", "sprinkle with {ing} and serve"],
  },
  stovetop: {
    intro: [
      "heat {fat} in a large skillet over {heat} heat",
      "melt {fat} in a large saucepan",
      "bring a large pot of salted water to a boil",
      "season {ing} with salt and pepper on both sides",
    ],
    body: [
      "add {ing} and cook until softened , about 5 minutes",
      "saute {ing} and {ing} until tender",
      "stir in {ing}",
      "add {ing} and cook , stirring occasionally , for {time} minutes",
      "reduce heat to low and simmer",
      "cook for 4-5 minutes per side , until no longer pink",
      "remove from pan and keep warm",
      "deglaze the pan with {ing}",
      "whisk in {ing}",
      "toss with {ing}",
      "add {ing} and {ing} and bring to a simmer",
      "cook until the sauce has thickened",
      "return to the pan",
      "drain well",
    ],
    finish: [
      "serve over rice",
      "garnish with {ing} and serve",
      "serve immediately",
      "season to taste with salt and pepper",
      "serve hot",
    ],
  },
  simmer: {
    intro: [
      "in a large pot , heat {fat} over {heat} heat",
      "melt {fat} in a dutch oven",
      "combine {ing} and {ing} in a heavy saucepan",
    ],
    body: [
      "add {ing} , {ing} and {ing} and cook until tender",
      "stir in {ing} and bring to a boil",
      "reduce heat , cover and simmer for {time} minutes",
      "add {ing} and simmer 10 minutes more",
      "puree with an immersion blender until smooth",
      "remove bay leaf",
      "skim off any foam",
      "stir occasionally so it doesn't stick",
      "add {ing} and heat through",
    ],
    finish: [
      "ladle into bowls and top with {ing}",
      "season with salt and pepper to taste",
      "serve with crusty bread",
      "pour into sterilized jars and seal",
    ],
  },
  raw: {
    intro: [
      "in a {size} bowl , combine {ing} and {ing}",
      "wash and dry {ing}",
      "chop {ing} into bite-size pieces",
    ],
    body: [
      "chop {ing} and add to the bowl",
      "whisk together {ing} , {ing} and {ing}",
      "pour dressing over salad and toss to coat",
      "add {ing} and mix gently",
      "mix well",
      "stir in {ing}",
      "layer {ing} on top",
      "season with {ing}",
    ],
    finish: [
      "cover and refrigerate for at least 1 hour",
      "chill before serving",
      "serve immediately",
      "sprinkle with {ing} just before serving",
      "serve with crackers or chips",
    ],
  },
  grill: {
    intro: [
      "preheat grill to {heat}-high heat",
      "combine {ing} , {ing} and {ing} in a zip-lock bag",
      "prepare a charcoal fire",
      "soak wooden skewers in water for 30 minutes",
    ],
    body: [
      "add {ing} and marinate in the refrigerator for at least 2 hours",
      "remove from marinade and discard marinade",
      "grill for {time} minutes per side",
      "brush with {ing} during the last few minutes",
      "thread {ing} and {ing} onto skewers",
      "oil the grill rack",
      "turn once halfway through",
    ],
    finish: ["let rest 5 minutes before slicing", "serve with extra sauce", "garnish with {ing}"],
  },
  slowcook: {
    intro: [
      "place {ing} in the bottom of a crock pot",
      "spray slow cooker with cooking spray",
      "brown {ing} in a skillet and drain",
    ],
    body: [
      "mix {ing} , {ing} and {ing} and pour over",
      "add {ing} around the meat",
      "cover and cook on low for 8 hours or high for 4 hours",
      "shred with two forks",
      "stir in {ing} during the last 30 minutes",
      "layer {ing} on top",
    ],
    finish: ["serve over {ing}", "serve with the juices", "serve on buns"],
  },
  blend: {
    intro: ["place {ing} and {ing} in a blender", "fill a glass with ice", "chill glasses in the freezer"],
    body: [
      "add {ing}",
      "blend until smooth",
      "pour into glasses",
      "stir in {ing}",
      "shake well",
      "strain into a chilled glass",
      "top with {ing}",
    ],
    finish: ["garnish with {ing}", "serve immediately", "enjoy !"],
  },
  fry: {
    intro: [
      "heat {fat} in a deep fryer to 375 degrees",
      "heat 1 inch of {fat} in a heavy skillet",
      "pat {ing} dry",
    ],
    body: [
      "dip {ing} in {ing} , then dredge in {ing}",
      "fry in batches until golden brown , about {time} minutes",
      "drain on paper towels",
      "season with {ing} while still hot",
      "do not crowd the pan",
    ],
    finish: ["serve hot with {ing}", "serve immediately"],
  },
  chill: {
    intro: [
      "in a {size} bowl , beat {ing} until smooth",
      "line a pan with plastic wrap",
      "press {ing} into the bottom of a {pan}",
    ],
    body: [
      "fold in {ing}",
      "spread over the crust",
      "stir in {ing} until well blended",
      "pour into the prepared pan",
      "cover and refrigerate for at least 4 hours",
      "top with {ing}",
      "freeze until firm",
    ],
    finish: ["cut into squares and serve", "keep refrigerated", "garnish with {ing} before serving"],
  },
  yeast: {
    intro: [
      "dissolve {ing} in warm water and let stand until foamy , about 5 minutes",
      "place ingredients in bread machine pan in the order recommended by the manufacturer",
      "in a large bowl , combine {ing} and {ing}",
    ],
    body: [
      "add {ing} and enough flour to make a soft dough",
      "knead on a floured surface until smooth and elastic , about 8 minutes",
      "place in a greased bowl , cover and let rise until doubled , about 1 hour",
      "punch dough down",
      "shape into a loaf",
      "shape into rolls and place on a greased baking sheet",
      "cover and let rise 30 minutes",
      "brush with {ing}",
      "sprinkle with {ing}",
      "select dough cycle",
    ],
    finish: [
      "bake at {temp} degrees for {time} minutes until golden",
      "remove from pan and cool on a wire rack",
      "brush tops with melted butter",
    ],
  },
  candy: {
    intro: ["line a {pan} with foil and butter the foil", "in a heavy saucepan , combine {ing} and {ing}"],
    body: [
      "cook over medium heat , stirring constantly , until the sugar dissolves",
      "bring to a boil",
      "cook without stirring until a candy thermometer reads 240 degrees",
      "remove from heat and stir in {ing}",
      "beat until thick",
      "pour into the prepared pan",
      "drop by teaspoonfuls onto waxed paper",
      "melt {ing} in the microwave",
    ],
    finish: [
      "let cool completely and cut into squares",
      "store in an airtight container",
      "let set before serving",
    ],
  },
};

/** A template cut into literal text and slot names: parts[odd] are slots. */
export type Compiled = readonly string[];

export const compile = (template: string): Compiled => template.split(/\{(\w+)\}/);

export const COMPILED_STEPS: Record<Method, { intro: Compiled[]; body: Compiled[]; finish: Compiled[] }> =
  Object.fromEntries(
    Object.entries(STEP_TEMPLATES).map(([method, t]) => [
      method,
      { intro: t.intro.map(compile), body: t.body.map(compile), finish: t.finish.map(compile) },
    ]),
  ) as Record<Method, { intro: Compiled[]; body: Compiled[]; finish: Compiled[] }>;

export const COMPILED_DESCRIPTIONS: readonly Compiled[] = DESCRIPTION_SENTENCES.map(compile);
export const COMPILED_DESCRIPTION_SPECIALS: readonly Compiled[] = DESCRIPTION_SPECIALS.map(compile);

/** Fill a compiled template: slot(name) gives the text for each {name}. */
export function fill(parts: Compiled, slot: (name: string) => string): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += slot(parts[i]) + parts[i + 1];
  return out;
}
