// The constants of the Weekday / Weekend page, importable by browser code (no zod): the two day
// types, the measures compared, and the thresholds the analyses and the page share. Weekday
// numbers and the weekend days come from src/lib/calendar.ts (ISO: 1 = Monday … 7 = Sunday).
import { WEEKDAYS, WEEKEND_DAYS, type Weekday } from "../calendar.js";

export { COMPLEXITY_MEASURES, NUTRIENTS, ITEM_KINDS } from "../contracts/trends-keys.js";
export type { ComplexityMeasure, Nutrient, ItemKind } from "../contracts/trends-keys.js";
export { WEEKDAYS, WEEKEND_DAYS, type Weekday };

/** The two groups compared throughout the page, weekday (Monday–Friday) first. */
export const DAY_TYPES = ["weekday", "weekend"] as const;
export type DayType = (typeof DAY_TYPES)[number];

export const isWeekendDay = (day: number): boolean => (WEEKEND_DAYS as readonly number[]).includes(day);

/** Days of each group in a week: the divisor of "recipes per day". */
export const DAYS_PER_TYPE: Record<DayType, number> = {
  weekday: WEEKDAYS.length - WEEKEND_DAYS.length,
  weekend: WEEKEND_DAYS.length,
};

/** Significance level of every test on the page, applied to BH- or Holm-adjusted p-values. */
export const ALPHA = 0.05;

/** Whisker reach of the box plots, in interquartile ranges (Tukey's 1.5). */
export const WHISKER_IQR = 1.5;

/** Item analyses: how many of the most frequent items SQL keeps (keeps the page data small). */
export const ITEM_CANDIDATES = 300;
/** Item analyses: recipes an item must be in, over the full span and in the reader's range. */
export const ITEM_MIN_COUNT = 50;
/** Item analyses: minimum share of the range's recipes containing an item for it to be tested. */
export const ITEM_MIN_SHARE = 0.01;
/** Items listed per direction (weekend-leaning, weekday-leaning). */
export const ITEM_TOP = 10;
