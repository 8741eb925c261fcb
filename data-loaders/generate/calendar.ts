// Dates as whole days since 1970-01-01 (UTC), with precomputed ISO strings and calendar parts for
// the years the dataset covers: formatting a date is a table lookup, never a locale-dependent call.

export const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export const dayOf = (year: number, month: number, day: number): number =>
  Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);

export const FIRST_YEAR = 1999;
export const LAST_YEAR = 2018;

/** Bounds of the real Food.com data (reference/original-app.md §2.1). */
export const RECIPES_FROM = dayOf(1999, 8, 6);
export const RECIPES_TO = dayOf(2018, 12, 4);
export const INTERACTIONS_FROM = dayOf(2000, 1, 25);
export const INTERACTIONS_TO = dayOf(2018, 12, 20);

const TABLE_FROM = dayOf(FIRST_YEAR, 1, 1);
const TABLE_TO = dayOf(LAST_YEAR, 12, 31);
const size = TABLE_TO - TABLE_FROM + 1;
const iso: string[] = new Array(size);
const years = new Int16Array(size);
const months = new Int8Array(size);
for (let i = 0; i < size; i++) {
  const date = new Date((TABLE_FROM + i) * MS_PER_DAY);
  iso[i] = date.toISOString().slice(0, 10);
  years[i] = date.getUTCFullYear();
  months[i] = date.getUTCMonth() + 1;
}

function index(day: number): number {
  const i = day - TABLE_FROM;
  if (i < 0 || i >= size) throw new RangeError(`day ${day} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return i;
}

export const isoDate = (day: number): string => iso[index(day)];
export const yearOf = (day: number): number => years[index(day)];
export const monthOf = (day: number): number => months[index(day)];

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export const isWeekend = (day: number): boolean => weekdayOf(day) >= 6;

export type Season = "winter" | "spring" | "summer" | "autumn";
export const SEASONS: readonly Season[] = ["winter", "spring", "summer", "autumn"];

/** Winter = Dec–Feb (December stays in its calendar year), as in the cleaning rules. */
export function seasonOfMonth(month: number): Season {
  if (month === 12 || month <= 2) return "winter";
  if (month <= 5) return "spring";
  if (month <= 8) return "summer";
  return "autumn";
}

/** 0 = winter, 1 = spring, 2 = summer, 3 = autumn (index into per-season weight arrays). */
export const seasonIndex = (month: number): number => SEASONS.indexOf(seasonOfMonth(month));
