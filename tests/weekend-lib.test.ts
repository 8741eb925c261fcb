// The browser summaries of the Weekday / Weekend page (src/lib/weekend): what the page recomputes
// for the reader's range from per-year sufficient statistics must equal the same statistics on the
// pooled raw values, the full range must reproduce the full-span figures, and the box summaries
// and takeaway choices follow their documented rules (the rank-test period: tests/periods.test.ts).
import { describe, expect, it } from "vitest";
import type { ItemsData, MeasureYear, VolumeYear } from "../src/lib/contracts/weekend.js";
import { translator } from "../src/lib/i18n/index.js";
import { boxSummary } from "../src/lib/weekend/box.js";
import { summarizeItems, testItems } from "../src/lib/weekend/items.js";
import { summarizeMeasure } from "../src/lib/weekend/measures.js";
import { summarizeNutrition } from "../src/lib/weekend/nutrition.js";
import { effectSize, itemsTakeaway, volumeTakeaway } from "../src/lib/weekend/takeaways.js";
import { summarizeVolume, weekdayCounts } from "../src/lib/weekend/volume.js";
import { NUTRIENTS } from "../src/lib/weekend/keys.js";

const ctx = { lang: "en" as const, t: translator("en") };

// Raw values per year and group, and their sums as SQL would give them.
const RAW: Record<number, { weekday: number[]; weekend: number[] }> = {
  2001: { weekday: [10, 20, 30, 25], weekend: [40, 35] },
  2002: { weekday: [15, 5, 50], weekend: [60, 45, 30] },
  2003: { weekday: [12, 18], weekend: [22, 90, 41] },
};
const sums = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((a, b) => a + b, 0),
  sumSquares: xs.reduce((a, b) => a + b * b, 0),
});
const PER_YEAR: MeasureYear[] = Object.entries(RAW).map(([year, g]) => ({
  year: Number(year),
  weekday: sums(g.weekday),
  weekend: sums(g.weekend),
}));

const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const varianceOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};

describe("summarizeMeasure", () => {
  it("pools the range's years exactly: means, SDs and Welch's t equal those of the raw values", () => {
    for (const range of [
      { from: 2001, to: 2003 },
      { from: 2002, to: 2003 },
    ]) {
      const years = Object.keys(RAW)
        .map(Number)
        .filter((y) => y >= range.from && y <= range.to);
      const wd = years.flatMap((y) => RAW[y].weekday);
      const we = years.flatMap((y) => RAW[y].weekend);
      const s = summarizeMeasure(PER_YEAR, range);
      expect(s.weekday.n).toBe(wd.length);
      expect(s.weekday.mean).toBeCloseTo(meanOf(wd), 12);
      expect(s.weekend.sd).toBeCloseTo(Math.sqrt(varianceOf(we)), 10);
      const t =
        (meanOf(we) - meanOf(wd)) / Math.sqrt(varianceOf(we) / we.length + varianceOf(wd) / wd.length);
      expect(s.welch!.t).toBeCloseTo(t, 10);
      expect(s.difference).toBeCloseTo(meanOf(we) - meanOf(wd), 12);
      expect(s.relative).toBeCloseTo((meanOf(we) - meanOf(wd)) / meanOf(wd), 12);
    }
  });

  it("gives no Welch test when a group has fewer than two values", () => {
    const s = summarizeMeasure([{ year: 2001, weekday: sums([1, 2, 3]), weekend: sums([4]) }], {
      from: 2001,
      to: 2001,
    });
    expect(s.welch).toBeNull();
    expect(s.weekend.sd).toBeNull();
  });
});

describe("summarizeVolume", () => {
  const perYear: VolumeYear[] = [
    { year: 2001, counts: [5, 4, 3, 3, 2, 1, 2] },
    { year: 2002, counts: [6, 5, 4, 4, 3, 2, 1] },
  ];

  it("adds the range's years and tests the seven counts against equal shares", () => {
    const s = summarizeVolume(perYear, { from: 2001, to: 2002 });
    expect(weekdayCounts(perYear, { from: 2001, to: 2002 })).toEqual([11, 9, 7, 7, 5, 3, 3]);
    expect(s.total).toBe(45);
    expect(s.perDay).toEqual({ weekday: 39 / 5, weekend: 6 / 2 });
    const e = 45 / 7;
    const chi = [11, 9, 7, 7, 5, 3, 3].reduce((a, o) => a + (o - e) ** 2 / e, 0);
    expect(s.chiSquare!.statistic).toBeCloseTo(chi, 12);
    expect(s.busiest).toBe(1);
    expect(s.quietest).toBe(6);
    // One year only: the counts of that year.
    expect(summarizeVolume(perYear, { from: 2002, to: 2002 }).total).toBe(25);
  });

  it("says there is no recipe, rather than testing nothing, on an empty range", () => {
    const s = summarizeVolume(perYear, { from: 1990, to: 1995 });
    expect(s.chiSquare).toBeNull();
    expect(volumeTakeaway(s, ctx).map((x) => x.key)).toEqual(["weekend.volume.none"]);
  });

  it("calls an even week even and an uneven one uneven, by the chi-square p", () => {
    const even = summarizeVolume([{ year: 2001, counts: [10, 10, 10, 10, 10, 10, 10] }], {
      from: 2001,
      to: 2001,
    });
    expect(volumeTakeaway(even, ctx).map((x) => x.key)).toContain("weekend.volume.even");
    const uneven = summarizeVolume([{ year: 2001, counts: [90, 80, 70, 60, 50, 5, 5] }], {
      from: 2001,
      to: 2001,
    });
    expect(volumeTakeaway(uneven, ctx).map((x) => x.key)).toContain("weekend.volume.uneven");
  });
});

describe("box summaries", () => {
  it("puts Tukey whiskers at the most extreme values within 1.5 IQR and counts the rest", () => {
    expect(boxSummary([1, 2, 3, 4, 100])).toEqual({
      n: 5,
      mean: 22,
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 100,
      whiskerLow: 1,
      whiskerHigh: 4,
      outliers: 1,
    });
  });
});

describe("summarizeNutrition", () => {
  it("BH-adjusts the seven Welch p-values and marks only those below 0.05", () => {
    const perYear = Object.fromEntries(
      NUTRIENTS.map((k, i) => [
        k,
        [
          {
            year: 2001,
            weekday: sums([10, 11, 12, 13, 14, 15]),
            weekend: sums([10 + i, 11 + i, 12 + i, 13 + i, 14 + i, 15 + i]),
          },
        ],
      ]),
    ) as Parameters<typeof summarizeNutrition>[0];
    const s = summarizeNutrition(perYear, { from: 2001, to: 2001 });
    // Calories: identical groups, no difference and p = 1.
    expect(s.nutrients.calories.welch!.t).toBe(0);
    expect(s.nutrients.calories.significant).toBe(false);
    const p = NUTRIENTS.map((k) => s.nutrients[k].welch!.p);
    const q = NUTRIENTS.map((k) => s.nutrients[k].q!);
    // Every q is at least its p, and q is monotone in p.
    p.forEach((pi, i) => expect(q[i]).toBeGreaterThanOrEqual(pi));
    expect(s.significant).toBe(NUTRIENTS.filter((k) => s.nutrients[k].q! < 0.05).length);
    expect(s.significant).toBeGreaterThan(0);
  });
});

describe("items", () => {
  const data: Omit<ItemsData, "fullSpan"> = {
    kind: "tags",
    minCount: 5,
    minShare: 0.01,
    candidates: 300,
    years: [2001, 2002],
    recipes: { weekday: [100, 100], weekend: [40, 40] },
    items: [
      { item: "brunch", weekday: [5, 5], weekend: [15, 15] },
      { item: "lunch", weekday: [30, 30], weekend: [5, 5] },
      { item: "soup", weekday: [10, 10], weekend: [4, 4] },
      { item: "preparation", weekday: [50, 50], weekend: [30, 30] },
      { item: "rare", weekday: [1, 1], weekend: [1, 0] },
    ],
  };

  it("tests the range's 2×2 tables, BH-adjusts and ranks by Cramér's V in both directions", () => {
    const s = summarizeItems(data, { from: 2001, to: 2002 });
    expect(s.recipes).toEqual({ weekday: 200, weekend: 80 });
    expect(s.structuralExcluded).toBe(1);
    expect(s.tested).toBe(3); // rare: 3 recipes < 5
    expect(s.weekendLeaning.map((r) => r.item)).toEqual(["brunch"]);
    expect(s.weekdayLeaning.map((r) => r.item)).toEqual(["lunch"]);
    const brunch = s.weekendLeaning[0];
    // Pearson X² of [[10, 190], [30, 50]] by hand.
    const table = [
      [10, 190],
      [30, 50],
    ];
    const n = 280;
    const rows = table.map((r) => r[0] + r[1]);
    const cols = [40, 240];
    const chi = table.reduce(
      (a, r, i) =>
        a + r.reduce((b, o, j) => b + (o - (rows[i] * cols[j]) / n) ** 2 / ((rows[i] * cols[j]) / n), 0),
      0,
    );
    expect(brunch.statistic).toBeCloseTo(chi, 10);
    expect(brunch.cramersV).toBeCloseTo(Math.sqrt(chi / n), 12);
    expect(brunch.difference).toBeCloseTo(30 / 80 - 10 / 200, 12);
    // soup: 20/200 vs 8/80, no difference at all: not significant.
    const soup = testItems(data, { from: 2001, to: 2002 }).results.find((r) => r.item === "soup")!;
    expect(soup.statistic).toBeCloseTo(0, 12);
    expect(soup.significant).toBe(false);
  });

  it("equals, over the full range, the test of the summed table (years pool exactly)", () => {
    const oneYear = {
      ...data,
      years: [2001],
      recipes: { weekday: [200], weekend: [80] },
      items: data.items.map((i) => ({
        item: i.item,
        weekday: [i.weekday[0] + i.weekday[1]],
        weekend: [i.weekend[0] + i.weekend[1]],
      })),
    };
    const a = summarizeItems(data, { from: 2001, to: 2002 });
    const b = summarizeItems(oneYear, { from: 2001, to: 2001 });
    expect({ ...a, from: 0, to: 0 }).toEqual({ ...b, from: 0, to: 0 });
  });

  it("puts structural tags back when asked", () => {
    const s = summarizeItems(data, { from: 2001, to: 2002 }, { includeStructural: true });
    expect(s.structuralExcluded).toBe(0);
    expect(s.tested).toBe(4);
  });

  it("names leaders only when significant, and says how small the effects are", () => {
    const s = summarizeItems(data, { from: 2001, to: 2002 });
    const keys = itemsTakeaway(s, "tags", ctx).map((x) => x.key);
    expect(keys).toContain("weekend.items.leaders");
    expect(effectSize(0.05, "v")).toBe("negligible");
    expect(effectSize(0.35, "d")).toBe("small");
  });
});
