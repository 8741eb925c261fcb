// Constants of the Ratings page shared by its analyses (Node) and the page (browser).

/** Fewest ratings (1–5) a month needs to enter the monthly series and its fits (the original's 100). */
export const MIN_MONTHLY = 100;

/** The rating values of the data: 0 = a review without a rating, 1–5 stars. */
export const STARS = [0, 1, 2, 3, 4, 5] as const;

/** Significance level of the words "significant" on the page (after the stated correction). */
export const ALPHA = 0.05;

/** Confidence level of every interval on the page. */
export const CONFIDENCE = 0.95;

/** Seasons in calendar order of the year (winter = December–February, December in its own year). */
export const SEASONS = ["winter", "spring", "summer", "autumn"] as const;
export type Season = (typeof SEASONS)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday; Saturday and Sunday are the weekend. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKEND_DAYS: readonly number[] = [6, 7];

/**
 * Upper bounds (minutes, inclusive) of the preparation-time bands. Fixed rather than derived: 15, 30
 * and 60 are the Food.com time tags readers filter by ("15-minutes-or-less"…), 180 is the cleaning
 * cap on minutes, and 120 splits the long tail in two.
 */
export const MINUTE_BANDS = [15, 30, 60, 120, 180] as const;

/** Quantile cut points of the complexity bands (quintiles of the recipes' complexity score). */
export const COMPLEXITY_QUANTILES = [0.2, 0.4, 0.6, 0.8] as const;

/** Tags shown: the most rated tags, structural (bookkeeping) tags left out. */
export const TOP_TAGS = 10;
