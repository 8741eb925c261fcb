// The frequency-table versions of the concentration figures (src/lib/community/frequency.ts) give
// exactly what src/lib/stats gives on the expanded values — same numbers to the last bit — on
// tables shaped like the Community page's (a long tail of heavy users) and on the edge cases.
import { describe, expect, it } from "vitest";
import { expandFrequencies, lorenzCurve } from "../src/lib/community/concentration.js";
import {
  giniOfFrequencies,
  lorenzOfFrequencies,
  medianOfFrequencies,
  quantileOfFrequencies,
  sortedFrequencies,
  topShareOfFrequencies,
  type FrequencyRow,
} from "../src/lib/community/frequency.js";
import { gini, median, quantile, topShare } from "../src/lib/stats/index.js";

/** A seeded heavy-tailed table: many units with 1–3 interactions, a few with hundreds. */
function heavyTail(seed: number, rows: number): FrequencyRow[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: FrequencyRow[] = [];
  for (let i = 0; i < rows; i++) {
    const n = 1 + Math.floor(Math.pow(next(), 4) * 900);
    out.push({ n, units: Math.floor(5000 / n) + Math.floor(next() * 7) });
  }
  return out; // unsorted, with repeated n: the functions must not care
}

const tables: Record<string, FrequencyRow[]> = {
  "a heavy tail": heavyTail(42, 120),
  "another heavy tail": heavyTail(7, 41),
  "one unit": [{ n: 5, units: 1 }],
  "two units (even count)": [
    { n: 3, units: 1 },
    { n: 8, units: 1 },
  ],
  "all equal": [{ n: 2, units: 9 }],
  "empty rows among full ones": [
    { n: 4, units: 0 },
    { n: 1, units: 3 },
    { n: 10, units: 2 },
  ],
};

describe("concentration from a frequency table equals src/lib/stats on the expanded values", () => {
  for (const [name, rows] of Object.entries(tables)) {
    it(`gives the same Gini, top shares, quantiles and Lorenz curve for ${name}`, () => {
      const values = expandFrequencies(rows);
      const sorted = sortedFrequencies(rows);
      expect(giniOfFrequencies(sorted)).toBe(gini(values));
      for (const k of [
        0,
        1,
        2,
        Math.ceil(values.length / 100),
        Math.ceil(values.length / 10),
        values.length + 3,
      ])
        expect(topShareOfFrequencies(sorted, k)).toBe(topShare(values, k));
      expect(medianOfFrequencies(sorted)).toBe(median(values));
      for (const p of [0, 0.1, 0.25, 0.9, 0.99, 1])
        expect(quantileOfFrequencies(sorted, p)).toBe(quantile(values, p));
      for (const steps of [100, 7])
        expect(lorenzOfFrequencies(sorted, steps)).toEqual(lorenzCurve(values, steps));
    });
  }

  it("returns NaN for an empty table, as the stats functions do for no values", () => {
    expect(giniOfFrequencies([])).toBeNaN();
    expect(topShareOfFrequencies([], 1)).toBeNaN();
    expect(medianOfFrequencies([])).toBeNaN();
    expect(lorenzOfFrequencies([])).toEqual([]);
  });

  it("refuses impossible rows and bad arguments like the stats functions", () => {
    expect(() => sortedFrequencies([{ n: 0, units: 2 }])).toThrow(/bad frequency row/);
    expect(() => sortedFrequencies([{ n: 2, units: 1.5 }])).toThrow(/bad frequency row/);
    expect(() => topShareOfFrequencies(sortedFrequencies(tables["all equal"]), 1.5)).toThrow(/whole number/);
    expect(() => quantileOfFrequencies(sortedFrequencies(tables["all equal"]), 1.5)).toThrow(RangeError);
  });
});
