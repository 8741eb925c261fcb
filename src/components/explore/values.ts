// Values of a query result as the page shows and draws them. The engine hands plain JS values
// (numbers, strings, booleans, null; dates and timestamps as Date or epoch milliseconds, wide
// integers possibly as bigint); the column's DuckDB type says what they mean.
import { formatNumber, LOCALES, MISSING } from "../../lib/format.js";
import type { Lang } from "../../lib/i18n/index.js";

export type ColumnKind = "number" | "temporal" | "boolean" | "text";

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC|INT\d*)\b/i;

/** What a DuckDB type is for the table (alignment) and the chart (scale). */
export function columnKind(type: string): ColumnKind {
  if (NUMERIC.test(type)) return "number";
  if (/^DATE\b|^TIMESTAMP/i.test(type)) return "temporal";
  if (/^BOOL/i.test(type)) return "boolean";
  return "text";
}

/** A number for sorting and drawing: bigint and decimals as numbers, dates as their time. */
export function toNumber(value: unknown): number | null {
  if (value == null) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A Date for a temporal value (Date, epoch milliseconds or ISO text); null when missing. */
export function toDate(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A value as plain JS for a chart: numbers, Dates, strings. */
export function chartValue(value: unknown, kind: ColumnKind): number | Date | string | null {
  if (value == null) return null;
  if (kind === "number") return toNumber(value);
  if (kind === "temporal") return toDate(value);
  return String(value);
}

/** Text of a value in a table cell: numbers in the language's format (ids and years ungrouped). */
export function displayValue(value: unknown, type: string, lang: Lang): string {
  if (value == null) return MISSING;
  const kind = columnKind(type);
  if (kind === "number") {
    const n = toNumber(value);
    if (typeof value === "bigint" && Math.abs(n ?? 0) > Number.MAX_SAFE_INTEGER) return value.toString();
    if (n === null) return String(value);
    // Whole numbers print as they are (ids, years); others in the language's format.
    return Number.isInteger(n) && !/DOUBLE|FLOAT|REAL|DECIMAL/i.test(type)
      ? String(n).replace("-", "\u2212")
      : Math.abs(n) < 1 && n !== 0
        ? new Intl.NumberFormat(LOCALES[lang], { maximumSignificantDigits: 3 })
            .format(n)
            .replace("-", "\u2212")
        : formatNumber(n, lang);
  }
  if (kind === "temporal") {
    const d = toDate(value);
    if (!d) return String(value);
    const iso = d.toISOString();
    return /^DATE\b/i.test(type) ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  if (kind === "boolean") return String(value);
  if (typeof value === "object")
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  return String(value);
}

/** Compare two values of a column for sorting; missing values last either way. */
export function compareValues(a: unknown, b: unknown, kind: ColumnKind, lang: Lang): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  if (kind === "number" || kind === "temporal" || kind === "boolean") {
    const x = kind === "temporal" ? (toDate(a)?.getTime() ?? null) : toNumber(a);
    const y = kind === "temporal" ? (toDate(b)?.getTime() ?? null) : toNumber(b);
    return (x ?? 0) - (y ?? 0);
  }
  return collator(lang).compare(String(a), String(b));
}

const collators = new Map<Lang, Intl.Collator>();
function collator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(LOCALES[lang], { numeric: true })));
  return c;
}
