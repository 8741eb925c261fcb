// Number and date formats of both languages, checked character for character: French groups
// digits with a narrow no-break space (U+202F), negative numbers use the real minus sign (U+2212).
import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCompact,
  formatDate,
  formatDateTime,
  formatInteger,
  formatMinutes,
  formatMonthName,
  formatMonthYear,
  formatNumber,
  formatPercent,
  formatPValue,
  formatShare,
  formatShortDate,
  formatSigned,
  MISSING,
} from "../src/lib/format.js";

const NNBSP = "\u202f"; // narrow no-break space
const NBSP = "\u00a0"; // no-break space
const MINUS = "\u2212";

describe("numbers", () => {
  it("groups digits and uses the decimal comma in French", () => {
    expect(formatNumber(1234.5, "fr")).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  it("keeps up to two decimals by default and exactly `digits` when asked", () => {
    expect(formatNumber(4.66578, "en")).toBe("4.67");
    expect(formatNumber(4.6, "en", 2)).toBe("4.60");
    expect(formatNumber(4.6, "fr", 2)).toBe("4,60");
  });

  it("rounds integers and groups them", () => {
    expect(formatInteger(1132367, "en")).toBe("1,132,367");
    expect(formatInteger(1132367, "fr")).toBe(`1${NNBSP}132${NNBSP}367`);
    expect(formatInteger(29789.6, "en")).toBe("29,790");
  });

  it("writes negative numbers with a real minus sign", () => {
    expect(formatNumber(-12.66, "en")).toBe(`${MINUS}12.66`);
    expect(formatInteger(-18482, "fr")).toBe(`${MINUS}18${NNBSP}482`);
  });

  it("signs both ways, and leaves zero unsigned", () => {
    expect(formatSigned(0.46, "en")).toBe("+0.46");
    expect(formatSigned(-0.46, "fr")).toBe(`${MINUS}0,46`);
    expect(formatSigned(-0.4641, "en", 4)).toBe(`${MINUS}0.4641`);
    expect(formatSigned(0, "en")).toBe("0.00");
  });

  it("formats percentages with the French space before %", () => {
    expect(formatPercent(0.123, "en")).toBe("12.3%");
    expect(formatPercent(0.123, "fr")).toBe(`12,3${NBSP}%`);
    expect(formatPercent(0.0798, "en", 2)).toBe("7.98%");
  });

  it("shows a tiny share as below 0.1 % instead of 0.0 %", () => {
    expect(formatShare(3 / 1132367, "en")).toBe("< 0.1%");
    expect(formatShare(3 / 1132367, "fr")).toBe(`< 0,1${NBSP}%`);
    expect(formatShare(0, "en")).toBe("0.0%");
    expect(formatShare(0.136, "en")).toBe("13.6%");
  });

  it("compacts large numbers", () => {
    expect(formatCompact(29790, "en")).toBe("29.8k");
    expect(formatCompact(29790, "fr")).toBe(`29,8${NBSP}k`);
    expect(formatCompact(1132367, "en")).toBe("1.1M");
    expect(formatCompact(1132367, "fr")).toBe(`1,1${NBSP}M`);
  });

  it("prints missing values as an en dash", () => {
    expect(formatNumber(null, "en")).toBe(MISSING);
    expect(formatInteger(undefined, "fr")).toBe(MISSING);
    expect(formatPercent(Number.NaN, "en")).toBe(MISSING);
    expect(MISSING).toBe("–");
  });
});

describe("p-values", () => {
  it("reports very small p-values as below one in a thousand", () => {
    expect(formatPValue(2.8e-6, "en")).toBe("p < 0.001");
    expect(formatPValue(2.8e-6, "fr")).toBe("p < 0,001");
  });

  it("gives three decimals otherwise", () => {
    expect(formatPValue(0.0742, "en")).toBe("p = 0.074");
    expect(formatPValue(0.869, "fr")).toBe("p = 0,869");
    expect(formatPValue(0.001, "en")).toBe("p = 0.001");
  });
});

describe("durations", () => {
  it("writes minutes below an hour, hours and minutes above", () => {
    expect(formatMinutes(42, "en")).toBe(`42${NBSP}min`);
    expect(formatMinutes(42.4, "fr", 1)).toBe(`42,4${NBSP}min`);
    expect(formatMinutes(90, "en")).toBe(`1${NBSP}h 30${NBSP}min`);
    expect(formatMinutes(180, "fr")).toBe(`3${NBSP}h`);
  });
});

describe("sizes", () => {
  it("uses the language's byte units", () => {
    expect(formatBytes(460_200_000, "en")).toBe("460.2 MB");
    expect(formatBytes(460_200_000, "fr")).toBe(`460,2${NNBSP}Mo`);
    expect(formatBytes(512, "en")).toBe(`512${NBSP}B`);
    expect(formatBytes(512, "fr")).toBe(`512${NBSP}o`);
  });
});

describe("dates", () => {
  it("writes a long date in each language", () => {
    expect(formatDate("2007-03-12", "fr")).toBe("12 mars 2007");
    expect(formatDate("2007-03-12", "en")).toBe("March 12, 2007");
  });

  it("writes the first of the month as an ordinal in French", () => {
    expect(formatDate("2000-08-01", "fr")).toBe("1er août 2000");
    expect(formatDate("2000-08-11", "fr")).toBe("11 août 2000");
  });

  it("never shifts a calendar date by a time zone", () => {
    expect(formatDate("1999-08-06", "en")).toBe("August 6, 1999");
    expect(formatDate(new Date(Date.UTC(2018, 11, 4)), "en")).toBe("December 4, 2018");
  });

  it("writes short dates, months and years", () => {
    expect(formatShortDate("2007-03-12", "en")).toBe("Mar 12, 2007");
    expect(formatMonthYear("2007-03-12", "en")).toBe("March 2007");
    expect(formatMonthYear("2007-03-12", "fr")).toBe("mars 2007");
    expect(formatMonthYear("1999-08-06", "en", { short: true })).toBe("Aug 1999");
    expect(formatMonthName(3, "fr", { long: true })).toBe("mars");
    expect(formatMonthName(12, "en")).toBe("Dec");
  });

  it("writes a build time in UTC", () => {
    expect(formatDateTime("2026-03-12T11:02:41Z", "en")).toBe("March 12, 2026 at 11:02 AM UTC");
    expect(formatDateTime("2026-03-12T11:02:41Z", "fr")).toBe("12 mars 2026 à 11:02 UTC");
  });

  it("prints an unreadable date as missing", () => {
    expect(formatDate("not a date", "en")).toBe(MISSING);
    expect(formatDate(null, "fr")).toBe(MISSING);
  });
});
