// The Ratings page's pure functions (src/lib/ratings) and its two statistics
// (src/lib/stats/weighted-spearman.ts, cluster-mean.ts). The statistics are checked against
// numpy/scipy values computed from raw data by tests/fixtures/stats/make-ratings-reference.py;
// the rest against hand-computed values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GroupYear, Month, YearCounts } from "../src/lib/contracts/ratings.js";
import { addCounts, expandRatings, ratingStats } from "../src/lib/ratings/counts.js";
import { summarizeDistribution } from "../src/lib/ratings/distribution.js";
import { summarizeGroups, weekendTest } from "../src/lib/ratings/groups.js";
import { summarizeProperties, summarizeProperty } from "../src/lib/ratings/properties.js";
import { holmAdjusted, propertiesTakeaway } from "../src/lib/ratings/takeaways.js";
import { translator } from "../src/lib/i18n/index.js";
import { summarizeTrend } from "../src/lib/ratings/trend.js";
import { clusterMean, type ClusterSums } from "../src/lib/stats/cluster-mean.js";
import { averageRanks, weightedSpearman } from "../src/lib/stats/weighted-spearman.js";

interface Reference {
  spearman: { name: string; x: number[]; y: number[]; w: number[]; rho: number }[];
  clusters: {
    name: string;
    input: ClusterSums;
    mean: number;
    naiveSE: number;
    clusterSE: number;
    ci: [number, number];
    designEffect: number;
  }[];
}
const reference = JSON.parse(
  readFileSync(new URL("./fixtures/stats/ratings-reference.json", import.meta.url), "utf8"),
) as Reference;

describe("weightedSpearman", () => {
  it.each(reference.spearman.map((c) => [c.name, c] as const))("matches scipy/numpy on %s", (_, c) => {
    expect(weightedSpearman(c.x, c.y, c.w)).toBeCloseTo(c.rho, 12);
  });
  it("gives tied values the mean of their ranks, as scipy's rankdata", () => {
    expect(averageRanks([10, 20, 10, 30])).toEqual([1.5, 3, 1.5, 4]);
  });
  it("is 1 for a monotone relation whatever the weights, NaN without spread", () => {
    expect(weightedSpearman([1, 2, 3, 4], [1, 8, 27, 64], [1, 5, 2, 9])).toBeCloseTo(1, 14);
    expect(weightedSpearman([1, 1, 1], [1, 2, 3], [1, 1, 1])).toBeNaN();
  });
});

describe("clusterMean", () => {
  it.each(reference.clusters.map((c) => [c.name, c] as const))("matches numpy's CR1 on %s", (_, c) => {
    const r = clusterMean(c.input);
    expect(r.mean).toBeCloseTo(c.mean, 12);
    expect(r.naiveSE).toBeCloseTo(c.naiveSE, 12);
    expect(r.clusterSE).toBeCloseTo(c.clusterSE, 12);
    expect(r.ci[0]).toBeCloseTo(c.ci[0], 10);
    expect(r.ci[1]).toBeCloseTo(c.ci[1], 10);
    expect(r.designEffect).toBeCloseTo(c.designEffect, 10);
  });
  it("throws on a negative count and gives NaN with fewer than two clusters", () => {
    const base = {
      n: 2,
      sum: 9,
      sumSquares: 41,
      clusters: 1,
      clusterSumSquares: 81,
      clusterSumCount: 18,
      clusterCountSquares: 4,
    };
    expect(clusterMean(base).clusterSE).toBeNaN();
    expect(() => clusterMean({ ...base, n: -1 })).toThrow(RangeError);
  });
});

describe("ratingStats", () => {
  it("computes the mean, sd, shares and t interval of counts by hand", () => {
    // ratings: 1, 2, 5, 5 and two reviews without a rating
    const s = ratingStats([2, 1, 1, 0, 0, 2]);
    expect(s).toMatchObject({ interactions: 6, n: 4, unrated: 2, mean: 3.25, shareFive: 0.5, shareLow: 0.5 });
    expect(s.unratedShare).toBeCloseTo(1 / 3, 14);
    expect(s.sd).toBeCloseTo(Math.sqrt(12.75 / 3), 12); // Σ(x − 3.25)² = 5.0625 + 1.5625 + 3.0625·2
    const half = (3.182446305284263 * (s.sd as number)) / 2; // t(0.975, 3)
    expect(s.ci?.[0]).toBeCloseTo(3.25 - half, 10);
  });
  it("has no mean without ratings, and expands counts into sorted ratings", () => {
    expect(ratingStats([3, 0, 0, 0, 0, 0])).toMatchObject({
      n: 0,
      mean: null,
      sd: null,
      ci: null,
      shareFive: null,
    });
    expect(Array.from(expandRatings([9, 1, 0, 2, 0, 1]))).toEqual([1, 3, 3, 5]);
    expect(
      addCounts([
        [1, 2, 3, 4, 5, 6],
        [1, 1, 1, 1, 1, 1],
      ]),
    ).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

// Two years of months; 2010 has means drifting up, 2011 flat; month 2010-03 below the minimum.
const months: Month[] = [2010, 2011].flatMap((year) =>
  Array.from({ length: 12 }, (_, i) => {
    const five = year === 2010 ? 50 + 2 * i : 60;
    const n = year === 2010 && i === 2 ? 5 : 100;
    return { year, month: i + 1, counts: [1, 0, 0, 0, n - Math.min(five, n), Math.min(five, n)] };
  }),
);

describe("summarizeTrend", () => {
  it("follows the range: months outside it leave the series, fits and counts", () => {
    const full = summarizeTrend(months, { from: 2010, to: 2011 }, 100);
    expect(full).toMatchObject({ monthsKept: 23, monthsExcluded: 1, ratingsExcluded: 5 });
    const late = summarizeTrend(months, { from: 2011, to: 2011 }, 100);
    expect(late.monthsKept).toBe(12);
    expect(late.series[0]).toMatchObject({ year: 2011, month: 1, t: 0, mean: 4.6 });
    // Every 2011 month has mean 4.6: values that do not vary have no R² and no trend to test.
    expect(late.wls).toBeNull();
    expect(late.headline).toBeNull();
    const early = summarizeTrend(months, { from: 2010, to: 2010 }, 100);
    // 2010: mean = 4 + (50 + 2i)/100 → +0.02 a month, 0.24 a year, exactly (any weights).
    expect(early.wls?.slope).toBeCloseTo(0.24, 10);
    expect(early.ols?.slope).toBeCloseTo(0.24, 10);
    expect(early.wls?.intercept).toBeCloseTo(4.5, 10);
    expect(early.slopeShift).toBeCloseTo(0, 8);
  });
});

describe("distribution and groups follow the year range", () => {
  const perYear: YearCounts[] = [
    { year: 2000, counts: [1, 0, 0, 0, 0, 4] },
    { year: 2001, counts: [0, 2, 0, 0, 2, 0] },
  ];
  it("adds up the years of the range", () => {
    expect(summarizeDistribution(perYear, { from: 2000, to: 2001 }).counts).toEqual([1, 2, 0, 0, 2, 4]);
    const one = summarizeDistribution(perYear, { from: 2001, to: 2001 });
    expect(one.stats.mean).toBe(2.5);
    expect(one.years).toHaveLength(1);
  });
  it("compares groups over the range only, and weekend against weekday", () => {
    const rows: GroupYear[] = [
      { year: 2000, group: "6", counts: [0, 0, 0, 0, 0, 3] },
      { year: 2000, group: "1", counts: [0, 3, 0, 0, 0, 0] },
      { year: 2001, group: "6", counts: [0, 3, 0, 0, 0, 0] },
      { year: 2001, group: "1", counts: [0, 0, 0, 0, 0, 3] },
    ];
    const both = weekendTest(rows, { from: 2000, to: 2001 });
    expect(both.welch?.meanDiff).toBe(0);
    const first = weekendTest(rows, { from: 2000, to: 2000 });
    expect(first.weekend.mean).toBe(5);
    expect(first.weekday.mean).toBe(1);
    expect(first.mannWhitney?.rankBiserial).toBe(1);
    const g = summarizeGroups(rows, { from: 2000, to: 2000 }, ["1", "6"]);
    expect(g.groups.map((x) => x.mean)).toEqual([1, 5]);
    expect(g.volumeRatio).toBe(1);
  });
  it("Holm-adjusts the tests present and leaves missing ones null", () => {
    expect(holmAdjusted([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
  });
});

describe("summarizeProperty: groups of a recipe property against the rest", () => {
  // 2000: a = 4, 4, 5, 5; b = 1, 2; one more 5★ from a recipe in neither group (and one rating 0).
  // 2001: a = 5, 5, 5 only.
  const perYear: GroupYear[] = [
    { year: 2000, group: "a", counts: [1, 0, 0, 0, 2, 2] },
    { year: 2000, group: "b", counts: [0, 1, 1, 0, 0, 0] },
    { year: 2001, group: "a", counts: [0, 0, 0, 0, 0, 3] },
  ];
  const totals: GroupYear[] = [
    { year: 2000, group: "all", counts: [1, 1, 1, 0, 2, 3] },
    { year: 2001, group: "all", counts: [0, 0, 0, 0, 0, 3] },
  ];
  const range = { from: 2000, to: 2000 };

  it("tests each group against all other ratings by Welch t (hand-computed) and BH-adjusts", () => {
    const s = summarizeProperty(perYear, totals, range, ["a", "b"], false);
    expect(s.groups.map((g) => g.mean)).toEqual([4.5, 1.5]);
    // a against the rest 1, 2, 5: means 4.5 and 8/3, variances 1/3 and 13/3.
    const se = Math.sqrt(1 / 3 / 4 + 13 / 3 / 3);
    expect(s.vsRest[0].meanDiff).toBeCloseTo(4.5 - 8 / 3, 12);
    expect(s.vsRest[0].t).toBeCloseTo((4.5 - 8 / 3) / se, 12);
    const df = se ** 4 / ((1 / 12) ** 2 / 3 + (13 / 9) ** 2 / 2);
    expect(s.vsRest[0].df).toBeCloseTo(df, 10);
    // b (1, 2) against 4, 4, 5, 5, 5: means 1.5 and 4.6.
    expect(s.vsRest[1].meanDiff).toBeCloseTo(1.5 - 4.6, 12);
    const [p0, p1] = s.vsRest.map((v) => v.p as number);
    const low = Math.min(p0, p1);
    const high = Math.max(p0, p1);
    expect(s.vsRest.map((v) => v.adjusted).sort()).toEqual([Math.min(2 * low, high), high].sort());
    // overlapping groups (tags): no ANOVA
    expect(s.anova).toBeNull();
    // a partition: grand mean 3.5, SSB = 4·1² + 2·2² = 12, SSW = 1 + 0.5, F = 12 / (1.5 / 4) = 32
    const anova = summarizeProperty(perYear, totals, range, ["a", "b"], true).anova;
    expect(anova?.F).toBeCloseTo(32, 12);
    expect([anova?.df1, anova?.df2]).toEqual([1, 4]);
    expect(anova?.etaSquared).toBeCloseTo(12 / 13.5, 12);
  });

  it("leaves a group without two ratings on each side untested, and follows the range", () => {
    const s = summarizeProperty(perYear, totals, { from: 2001, to: 2001 }, ["a", "b"], true);
    expect(s.groups.map((g) => g.n)).toEqual([3, 0]);
    expect(s.vsRest.every((v) => v.p === null && v.adjusted === null)).toBe(true);
  });

  it("fills the card's sentence from the results", () => {
    const data = {
      perYear: { minutes: perYear, complexity: perYear, ingredients: perYear, tags: perYear },
      groups: { minutes: ["a", "b"], complexity: ["a", "b"], ingredients: ["a", "b"], tags: ["a", "b"] },
      totals,
    };
    const s = summarizeProperties(data, range);
    expect(s.properties.tags.anova).toBeNull();
    expect(s.properties.minutes.anova).not.toBeNull();
    const sentence = propertiesTakeaway(s, (p, g) => `${p}:${g}`, { lang: "en", t: translator("en") });
    expect(sentence).toContain("0 of 8 groups");
    expect(sentence).toContain("Best rated: minutes:a (4.500");
    // equal means: the first listed is best, the last listed lowest (a stable sort)
    expect(sentence).toContain("lowest: tags:b (1.500, −3.100)");
  });
});
