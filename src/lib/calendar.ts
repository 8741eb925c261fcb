// Calendar groups shared by the Seasonality and Weekday/Weekend pages: the season ids in display
// order (the ingest's `season` column: Winter = Dec–Feb, Spring = Mar–May, Summer = Jun–Aug,
// Autumn = Sep–Nov) and the ISO weekday numbers (the ingest's `weekday` column: 1 = Monday …
// 7 = Sunday, Saturday and Sunday being the weekend). Names come from the catalogues
// (seasonName / weekdayName in src/lib/i18n/index.ts).

/** Season ids as the `season` column holds them, in calendar order from the year's start. */
export const SEASONS = ["winter", "spring", "summer", "autumn"] as const;
export type Season = (typeof SEASONS)[number];

/** ISO weekday numbers, Monday first (the order of both languages' weeks). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekend days (Saturday and Sunday). */
export const WEEKEND_DAYS: readonly Weekday[] = [6, 7];
