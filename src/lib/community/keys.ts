// The Community page's documented constants, shared by its analyses (Node) and the page (browser).
// Changing one changes the page data and the method notes that quote it.

/** Users need at least this many ratings (1–5) for their mean rating to count as a leniency measure. */
export const MIN_USER_RATINGS = 10;

/** A user whose mean rating (over at least MIN_USER_RATINGS ratings) is at least this is "lenient". */
export const LENIENT_MEAN = 4.75;

/** Width of the bins of users' mean ratings, from 1 to 5 (the last bin holds 5 itself). */
export const MEAN_BIN_WIDTH = 0.25;

/** Bayesian average: the prior weight, in ratings, given to the period's mean rating. */
export const PRIOR_WEIGHT = 20;

/** A recipe needs at least this many ratings (1–5) to be ranked among the best rated. */
export const MIN_RECIPE_RATINGS = 10;

/** How many best-rated recipes each period lists. */
export const TOP_RECIPES = 15;

/** The "top" groups of the concentration figures: the most active 1 % and 10 %. */
export const TOP_FRACTIONS = [0.01, 0.1] as const;

/** Points of the Lorenz curve sent to the page: shares 0, 1/LORENZ_STEPS, …, 1 of the units. */
export const LORENZ_STEPS = 100;
