// Phrases reviews are assembled from, by rating: an opener, sometimes a detail about what the
// reviewer changed, sometimes a closing thanks. {ing} is one of the recipe's ingredients, {name}
// another member's handle. Some phrases carry commas, quotes, accents and emoji on purpose: the
// real reviews do, and the CSV writer and the ingest must cope.
import { compile, type Compiled } from "./vocab-text.js";

const OPENERS: Record<number, string[]> = {
  5: [
    "Delicious!", "This was excellent.", "Wow, what a great recipe!", "Absolutely wonderful.",
    "My family loved this!", "So easy and so good.", "Five stars!", "This is a keeper.",
    "Made this for dinner tonight and it was a hit.", "Yum!", "Perfect!", "Fantastic recipe.",
    "This is the best {ing} recipe I have ever tried.", "Oh my, this was good.", "Loved it!",
    "Great recipe!", "Excellent flavor.", "Super easy and tasty.", "We really enjoyed this.",
    "This was a huge hit at our party.", "Made this for the ZWT and loved it.", "Amazing 😋",
    "Simply the best.", "I'm so glad I found this recipe.", "Very, very good.", "Outstanding!",
  ],
  4: [
    "Very good.", "Pretty good recipe.", "We liked this a lot.", "Good, but not great.",
    "Tasty and easy.", "Nice recipe.", "This was good.", "Solid weeknight meal.",
    "Good flavor, a little bland for us.", "My husband liked it more than I did.", "Quite good.",
  ],
  3: [
    "It was ok.", "This was fine, nothing special.", "Just average for us.", "Not bad.",
    "It was alright.", "Hmm, not sure about this one.", "OK, but needs something.",
  ],
  2: [
    "Sorry, we didn't care for this.", "Not for us.", "This was disappointing.",
    "Too bland for our taste.", "Way too salty.", "Not what I expected.",
  ],
  1: [
    "Sorry, this didn't work at all.", "Terrible, I'm afraid.", "This was inedible.",
    "Did not work for me.", "Something is wrong with the measurements.", "Awful.",
  ],
  0: [
    "I haven't made this yet, but it looks great.", "Can I use {ing} instead?",
    "How many does this serve?", "Is the oven temperature right?", "Looks yummy, will try soon.",
    "Bookmarked!", "Saving this one for later.", "What size pan did you use?",
    "I made this a while ago and forgot to rate it.", "Question: can this be frozen?",
  ],
};

const DETAILS: Record<"good" | "bad" | "neutral", string[]> = {
  good: [
    "I added a little extra {ing}.", "I used {ing} instead of {ing2} and it worked great.",
    "Next time I will double the recipe.", "The {ing} really makes it.", "Even my picky kids ate it.",
    "I cut the recipe in half for the two of us.", "I served it with rice and a salad.",
    "I followed the recipe exactly.", "It came together in no time.", "The leftovers were even better.",
    "I made it the night before and it was perfect.", "My husband had thirds!",
    "I used low-fat {ing} and nobody noticed.", "I left out the {ing} because I didn't have any.",
    "Everyone asked for the recipe.", "I added some {ing} for color.", "Will definitely make this again.",
    "I baked it a few minutes longer.", "The sauce is to die for.", "It tasted like a crème brûlée!",
    "I used fresh {ing} from the garden.", "Easy, fast, and cheap.",
  ],
  neutral: [
    "I think it needs more {ing}.", "I might add {ing} next time.", "The cooking time was a bit off for me.",
    "It was a little dry.", "It needed more seasoning.", "I had to add extra {ing}.",
  ],
  bad: [
    "The {ing} overpowered everything.", "It came out very dry.", "It was far too sweet.",
    "It never set up.", "I followed the recipe exactly and it was a mess.", "Way too much {ing}.",
  ],
};

const CLOSERS: readonly string[] = [
  "Thanks for posting!", "Thanks for sharing.", "Thanks, {name}!", "Will make again.",
  "Made for Photo Tag.", "Made for ZWT.", "Made for Newest Tag.", "Thank you!", "Thanks {name} 👍",
  "Made for PAC Spring.", "Made for Best of 2008.", "Thanks for a great recipe.", "❤️",
];

/** Made-up member handles (reviews thank the recipe author by name). */
export const HANDLES: readonly string[] = [
  "chefmike", "nana jo", "bakerbella", "kitchenwitch", "spicegirl", "mamabear", "cookin' carol",
  "dee", "lorac", "pam-i-am", "kate's kitchen", "sharon123", "chef jean", "mommyluvs2cook",
  "rita", "bonnie g", "zaarchef", "sue l", "gourmet gal", "papa d",
];

const compiled = (list: readonly string[]): Compiled[] => list.map(compile);

export const REVIEW_OPENERS: Record<number, Compiled[]> = Object.fromEntries(
  Object.entries(OPENERS).map(([rating, list]) => [rating, compiled(list)]),
) as Record<number, Compiled[]>;
export const REVIEW_DETAILS = {
  good: compiled(DETAILS.good),
  neutral: compiled(DETAILS.neutral),
  bad: compiled(DETAILS.bad),
};
export const REVIEW_CLOSERS: Compiled[] = compiled(CLOSERS);
