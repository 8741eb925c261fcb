// Number and date formats of the site, one set per language, all through Intl so French gets its
// conventions for free (narrow no-break space between digit groups, decimal comma, "12 mars 2007").
// Pure functions without Node APIs: shared by pages, components, the config and the tests.
// Missing values (null, undefined, NaN) print as an en dash so tables never show "NaN".
import type { Lang } from "./i18n/index.js";

/** Intl locale of each site language. */
export const LOCALES: Record<Lang, string> = { en: "en-US", fr: "fr-FR" };

/** What a missing value prints as. */
export const MISSING = "–";

/** U+2212: the typographic minus, wider and aligned with "+" (Intl prints a hyphen-minus). */
const MINUS = "\u2212";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], options)));
  return f;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  // Dates in the data are calendar dates: format them in UTC so no time zone shifts a day.
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: "UTC", ...options })));
  return f;
}

function isMissing(x: number | null | undefined): x is null | undefined {
  return x == null || Number.isNaN(x);
}

function withMinus(s: string): string {
  return s.replace(/-/g, MINUS);
}

function fractionDigits(digits: number | undefined): Intl.NumberFormatOptions {
  return digits === undefined
    ? { maximumFractionDigits: 2 }
    : { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

/** `1234.5` → `1,234.5` / `1 234,5`. `digits` fixes the decimals; by default up to two. */
export function formatNumber(x: number | null | undefined, lang: Lang, digits?: number): string {
  if (isMissing(x)) return MISSING;
  return withMinus(numberFormat(lang, fractionDigits(digits)).format(x));
}

/** Rounded to a whole number: `1132367` → `1,132,367` / `1 132 367`. */
export function formatInteger(x: number | null | undefined, lang: Lang): string {
  if (isMissing(x)) return MISSING;
  return withMinus(numberFormat(lang, { maximumFractionDigits: 0 }).format(x));
}

/** A share in [0, 1]: `0.123` → `12.3%` / `12,3 %`. */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (isMissing(x)) return MISSING;
  return withMinus(
    numberFormat(lang, {
      style: "percent",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(x),
  );
}

/**
 * A share for a sentence: one decimal, but a tiny non-zero share reads "< 0.1%" instead of a
 * misleading "0.0%".
 */
export function formatShare(x: number | null | undefined, lang: Lang): string {
  if (isMissing(x)) return MISSING;
  if (x > 0 && x < 0.001) return `< ${formatPercent(0.001, lang, 1)}`;
  return formatPercent(x, lang, 1);
}

/** Always signed: `+0.46` / `−0,46` (real minus sign); zero prints unsigned. */
export function formatSigned(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (isMissing(x)) return MISSING;
  return withMinus(
    numberFormat(lang, {
      signDisplay: "exceptZero",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(x),
  );
}

/** `29790` → `29.8k` / `29,8 k`; `1132367` → `1.1M` / `1,1 M`. */
export function formatCompact(x: number | null | undefined, lang: Lang): string {
  if (isMissing(x)) return MISSING;
  const s = withMinus(numberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(x));
  // Intl writes "29.8K" in English; the lower-case k is the SI prefix and reads lighter.
  return lang === "en" ? s.replace(/K$/, "k") : s;
}

/**
 * A p-value as it is reported: `p < 0.001` below one in a thousand, otherwise `p = 0.042`
 * (three decimals), in the language's decimal style.
 */
export function formatPValue(p: number | null | undefined, lang: Lang): string {
  if (isMissing(p)) return MISSING;
  if (p < 0.001) return `p < ${formatNumber(0.001, lang, 3)}`;
  return `p = ${formatNumber(p, lang, 3)}`;
}

/**
 * A duration in minutes: `42 min`; from an hour on, hours and minutes (`1 h 30 min`, `3 h`).
 * `digits` keeps decimals for averages below an hour (`42.4 min`).
 */
export function formatMinutes(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (isMissing(x)) return MISSING;
  const nbsp = "\u00a0";
  if (Math.abs(x) < 60) return `${formatNumber(x, lang, digits)}${nbsp}min`;
  const total = Math.round(Math.abs(x));
  const sign = x < 0 ? MINUS : "";
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${sign}${formatInteger(h, lang)}${nbsp}h${m ? ` ${m}${nbsp}min` : ""}`;
}

/** A byte count with the language's units: `460.2 MB` / `460,2 Mo`. */
export function formatBytes(x: number | null | undefined, lang: Lang): string {
  if (isMissing(x)) return MISSING;
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
  let value = x;
  let i = 0;
  while (Math.abs(value) >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  // Intl spells plain bytes out ("512 byte"); the symbols read better in a table.
  if (i === 0) return `${formatInteger(value, lang)}\u00a0${lang === "fr" ? "o" : "B"}`;
  return withMinus(
    numberFormat(lang, {
      style: "unit",
      unit: units[i],
      unitDisplay: "short",
      maximumFractionDigits: i === 0 ? 0 : 1,
    }).format(value),
  );
}

/** Parse an ISO date (`2007-03-12`) or date-time as UTC; a Date passes through. */
export function parseDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

function formatWith(
  value: string | Date | null | undefined,
  lang: Lang,
  options: Intl.DateTimeFormatOptions,
) {
  if (value == null) return MISSING;
  const date = parseDate(value);
  return Number.isNaN(date.getTime()) ? MISSING : dateFormat(lang, options).format(date);
}

/** `March 12, 2007` / `12 mars 2007`. */
/** French writes the first day of a month as an ordinal: "1er mars 2007". */
function ordinalFirst(s: string, lang: Lang): string {
  return lang === "fr" ? s.replace(/^1 /, "1er ") : s;
}

export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  return ordinalFirst(formatWith(value, lang, { dateStyle: "long" }), lang);
}

/** `Mar 12, 2007` / `12 mars 2007`: for axes and tooltips where space is short. */
export function formatShortDate(value: string | Date | null | undefined, lang: Lang): string {
  return formatWith(value, lang, { dateStyle: "medium" });
}

/** `March 2007` / `mars 2007`; `short` gives `Mar 2007` / `mars 2007`. */
export function formatMonthYear(
  value: string | Date | null | undefined,
  lang: Lang,
  { short = false }: { short?: boolean } = {},
): string {
  return formatWith(value, lang, { month: short ? "short" : "long", year: "numeric" });
}

/** A moment in UTC: `March 12, 2007 at 2:03 PM UTC` / `12 mars 2007 à 14:03 UTC`. */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  const s = formatWith(value, lang, { dateStyle: "long", timeStyle: "short" });
  return s === MISSING ? s : `${ordinalFirst(s, lang)} UTC`;
}

/** A short month name from its number (1 = January): `Mar` / `mars`. */
export function formatMonthName(
  month: number,
  lang: Lang,
  { long = false }: { long?: boolean } = {},
): string {
  return dateFormat(lang, { month: long ? "long" : "short" }).format(new Date(Date.UTC(2001, month - 1, 1)));
}
