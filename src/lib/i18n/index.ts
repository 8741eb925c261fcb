// The site's two languages: catalogues, typed message keys and the translator.
//
// Catalogues are plain nested objects of strings, one file per namespace and language
// (en/shell.ts, fr/shell.ts…), gathered by en/index.ts and fr/index.ts. English is the reference:
// every French namespace is typed against its English twin, and the French catalogue as a whole
// against the English one, so a missing or extra key fails `tsc`.
//
// Adding a namespace (e.g. "trends"): write en/trends.ts (`export const trends = {…};
// export type TrendsMessages = typeof trends;`) and fr/trends.ts (`export const trends:
// TrendsMessages = {…}`), then add one line to each language's index:
//   en/index.ts:  export { trends } from "./trends.js";
//   fr/index.ts:  export { trends } from "./trends.js";
// Keys are then available as t("trends.…") everywhere, and tests/i18n.test.ts checks them.
import { formatInteger, formatNumber } from "../format.js";
import * as en from "./en/index.js";
import * as fr from "./fr/index.js";

export type Lang = "en" | "fr";
export const LANGS: readonly Lang[] = ["en", "fr"];

export function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

/** The shape of a catalogue: the English one, namespace by namespace. */
export type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };

/** Dotted paths to every string of a nested object: "shell.nav.overview"… */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

export type MessageKey = Paths<Catalogue>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// The French catalogue must have the English shape: this line is the compile-time check.
const french: Catalogue = fr;
export const CATALOGUES: Record<Lang, Catalogue> = { en, fr: french };

/** Flatten a catalogue into "a.b.c" → string (for lookups and tests). */
export function flatten(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object") for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The `{name}` placeholders of a message, sorted (tests compare them across languages). */
export function placeholders(message: string): string[] {
  return [...new Set(Array.from(message.matchAll(/\{(\w+)\}/g), (m) => m[1]))].sort();
}

const flat = new Map<Lang, Map<string, string>>();

function messages(lang: Lang): Map<string, string> {
  let m = flat.get(lang);
  if (!m) flat.set(lang, (m = flatten(CATALOGUES[lang])));
  return m;
}

/**
 * The translator of a language. `{name}` placeholders are filled from `params`; numbers are
 * formatted with the language's number format (integers grouped, others up to two decimals),
 * so pass years and identifiers as strings. Pages are not type-checked, so an unknown key or a
 * missing parameter throws: the page's browser test then fails instead of showing a raw key.
 */
export function translator(lang: Lang): Translate {
  const table = messages(lang);
  return (key, params) => {
    const message = table.get(key);
    if (message === undefined) throw new Error(`i18n: no message "${key}" in the ${lang} catalogue.`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params?.[name];
      if (value === undefined) throw new Error(`i18n: message "${key}" needs the parameter {${name}}.`);
      if (typeof value === "string") return value;
      return Number.isInteger(value) ? formatInteger(value, lang) : formatNumber(value, lang);
    });
  };
}

const SEASONS = ["winter", "spring", "summer", "autumn"] as const;
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function seasonKey(season: string): (typeof SEASONS)[number] {
  const s = season.toLowerCase() === "fall" ? "autumn" : season.toLowerCase();
  const key = SEASONS.find((x) => x === s);
  if (!key) throw new Error(`i18n: "${season}" is not a season (${SEASONS.join(", ")}).`);
  return key;
}

/** A season's name from the catalogue, as a label; accepts "Winter", "winter"… ("fall" means autumn). */
export function seasonName(season: string, lang: Lang): string {
  return translator(lang)(`common.seasons.${seasonKey(season)}`);
}

/** A season as a sentence names it: "winter" in English, « l'hiver » in French. */
export function seasonInSentence(season: string, lang: Lang): string {
  return translator(lang)(`common.seasonsInSentence.${seasonKey(season)}`);
}

/**
 * The sentence with its first letter in upper case (a name in lower case may open it: "winter
 * recipes take longest…", « l'été a la note… »). Not locale-dependent: the site's languages have
 * no letter whose capital depends on the locale.
 */
export function upperFirst(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A weekday's name from its ISO number (1 = Monday … 7 = Sunday). */
export function weekdayName(isoDay: number, lang: Lang, { short = false }: { short?: boolean } = {}): string {
  const key = WEEKDAYS[isoDay - 1];
  if (!key) throw new Error(`i18n: ${isoDay} is not an ISO weekday (1 = Monday … 7 = Sunday).`);
  return translator(lang)(short ? `common.weekdaysShort.${key}` : `common.weekdays.${key}`);
}
