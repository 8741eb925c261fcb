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
