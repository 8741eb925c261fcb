// The generator's building blocks, on hand-checked values: Python literals, CSV quoting, the
// seeded random streams and exact allocations, calendar helpers, sizes per scale, option parsing.
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../data-loaders/errors.js";
import { dayOf, isoDate, seasonOfMonth, weekdayOf } from "../data-loaders/generate/calendar.js";
import { csvField } from "../data-loaders/generate/csv-writer.js";
import { parseScale, parseSeed } from "../data-loaders/generate/options.js";
import { pyFloatList, pyList, pyStr } from "../data-loaders/generate/python-literal.js";
import { aliasSampler, allocate, apportion, createRng } from "../data-loaders/generate/random.js";
import { sizesFor } from "../data-loaders/generate/sizes.js";

describe("Python literals", () => {
  it("quotes like repr(): single quotes, double quotes around an apostrophe, escapes otherwise", () => {
    expect(pyStr("winter squash")).toBe("'winter squash'");
    expect(pyStr("mom's")).toBe(`"mom's"`);
    expect(pyStr('9" pan')).toBe(`'9" pan'`);
    expect(pyStr(`it's a 9" pan`)).toBe(`'it\\'s a 9" pan'`);
    expect(pyStr("a\\b\nc")).toBe("'a\\\\b\\nc'");
    expect(pyStr("crème brûlée")).toBe("'crème brûlée'");
  });

  it("writes lists and the nutrition floats like the Kaggle dump", () => {
    expect(pyList([])).toBe("[]");
    expect(pyList(["salt", "mom's sauce", "olive oil"])).toBe(`['salt', "mom's sauce", 'olive oil']`);
    expect(pyFloatList([51.5, 0, 13, 0, 2, 0, 4])).toBe("[51.5, 0.0, 13.0, 0.0, 2.0, 0.0, 4.0]");
    expect(pyFloatList([-12.3, 434360.2])).toBe("[-12.3, 434360.2]");
  });
});

describe("CSV fields", () => {
  it("quotes only fields with a comma, a double quote, CR or LF, doubling inner quotes", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("")).toBe("");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("it's")).toBe("it's");
  });
});

describe("random streams", () => {
  it("repeats for the same seed and label, and differs otherwise", () => {
    const draw = (seed: number, label: string) => {
      const rng = createRng(seed, label);
      return Array.from({ length: 5 }, () => rng());
    };
    expect(draw(42, "x")).toEqual(draw(42, "x"));
    expect(draw(42, "x")).not.toEqual(draw(43, "x"));
    expect(draw(42, "x")).not.toEqual(draw(42, "y"));
    expect(draw(2 ** 40, "x")).not.toEqual(draw(0, "x")); // high bits of the seed count too
    for (const u of draw(1, "range")) expect(u >= 0 && u < 1).toBe(true);
  });

  it("allocates an exact total in proportion to weights (floor or ceiling of each share)", () => {
    const counts = allocate(createRng(1, "a"), [1, 2, 3, 4], 1000);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(1000);
    [100, 200, 300, 400].forEach((expected, i) =>
      expect(Math.abs(counts[i] - expected)).toBeLessThanOrEqual(1),
    );
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([3, 1], 7).reduce((s, c) => s + c, 0)).toBe(7);
  });

  it("samples indices in proportion to weights (alias method)", () => {
    const sample = aliasSampler([1, 0, 3]);
    const rng = createRng(5, "alias");
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sample(rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.8);
    expect(counts[2] / counts[0]).toBeLessThan(3.2);
  });
});

describe("calendar", () => {
  it("formats days and finds ISO weekdays and seasons without locale", () => {
    const day = dayOf(2005, 9, 16);
    expect(isoDate(day)).toBe("2005-09-16");
    expect(weekdayOf(day)).toBe(5); // a Friday
    expect(weekdayOf(dayOf(2007, 1, 1))).toBe(1); // a Monday
    expect(weekdayOf(dayOf(1999, 8, 7))).toBe(6); // a Saturday
    expect(seasonOfMonth(12)).toBe("winter");
    expect(seasonOfMonth(3)).toBe("spring");
    expect(seasonOfMonth(8)).toBe("summer");
    expect(seasonOfMonth(11)).toBe("autumn");
  });
});

describe("sizes", () => {
  it("rounds the real sizes times the scale, with at least one dirty row of each kind from 1 %", () => {
    const full = sizesFor(1);
    expect([full.recipes, full.interactions, full.users]).toEqual([231_637, 1_132_367, 226_570]);
    const small = sizesFor(0.01);
    expect([small.recipes, small.interactions]).toEqual([2316, 11324]);
    for (const n of Object.values(small.dirty)) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of Object.values(full.dirty)) expect(n >= 30 && n <= 500).toBe(true);
    expect(sizesFor(0.5).recipes).toBe(115_819); // 115,818.5 rounds up
    expect(Object.values(sizesFor(0.001).dirty).every((n) => n === 0)).toBe(true);
  });
});

describe("command-line options", () => {
  it("accepts a scale in (0, 1] and a whole seed", () => {
    expect(parseScale(undefined)).toBe(1);
    expect(parseScale("0.05")).toBe(0.05);
    expect(parseScale("1e-2")).toBe(0.01);
    expect(parseSeed(undefined)).toBe(42);
    expect(parseSeed("7")).toBe(7);
  });

  it("names the option and its range when the value is bad", () => {
    for (const raw of ["0", "1.5", "abc", "-0.2", ""]) {
      expect(() => parseScale(raw)).toThrow(ConfigurationError);
      expect(() => parseScale(raw)).toThrow(/--scale=.* greater than 0 and at most 1/);
    }
    for (const raw of ["-1", "1.5", "x", "99999999999999999"]) {
      expect(() => parseSeed(raw)).toThrow(/--seed=.* whole number from 0/);
    }
  });
});
