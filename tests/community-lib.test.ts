// The Community page's pure functions (src/lib/community), which the analyses call in Node and the
// page calls in the browser: concentration from a frequency table, growth over a range,
// leniency figures from sums, the Bayesian average. Expected values are worked out by hand.
import { describe, expect, it } from "vitest";
import { bayesianAverage } from "../src/lib/community/bayes.js";
import {
  concentration,
  expandFrequencies,
  logBins,
  lorenzCurve,
} from "../src/lib/community/concentration.js";
import { pooledRetention, retentionCells, summarizeGrowth } from "../src/lib/community/growth.js";
import { meanBinIndex, summarizeLeniency, type LeniencySums } from "../src/lib/community/leniency.js";
import type { Cohort, GrowthYear } from "../src/lib/contracts/community.js";

describe("community concentration", () => {
  const freq = [
    { n: 1, units: 3 },
    { n: 4, units: 1 },
  ];

  it("expands a frequency table in ascending order and refuses impossible rows", () => {
    expect(
      expandFrequencies([
        { n: 4, units: 1 },
        { n: 1, units: 3 },
      ]),
    ).toEqual([1, 1, 1, 4]);
    expect(() => expandFrequencies([{ n: 0, units: 2 }])).toThrow(/bad frequency row/);
  });

  it("bins counts on powers of two up to the largest, empty bins kept", () => {
    expect(
      logBins([
        { n: 1, units: 2 },
        { n: 9, units: 1 },
      ]),
    ).toEqual([
      { from: 1, to: 1, units: 2, total: 2 },
      { from: 2, to: 3, units: 0, total: 0 },
      { from: 4, to: 7, units: 0, total: 0 },
      { from: 8, to: 15, units: 1, total: 9 },
    ]);
  });

  it("draws the Lorenz curve exactly at each unit and linearly between", () => {
    // [1, 1, 1, 4], total 7: at 1/4 of units 1/7, at 3/4 3/7, half-way through the last unit (7/8) 5/7
    expect(lorenzCurve([1, 1, 1, 4], 8)).toEqual(
      [0, 0.5 / 7, 1 / 7, 1.5 / 7, 2 / 7, 2.5 / 7, 3 / 7, 5 / 7, 1].map((x) => expect.closeTo(x, 12)),
    );
    expect(lorenzCurve([])).toEqual([]);
  });

  it("gives the top shares, one-time units and Gini of the counts", () => {
    const c = concentration(freq);
    expect([c.units, c.total, c.once, c.max, c.median]).toEqual([4, 7, 3, 4, 1]);
    // top 1 % and 10 % of four units: one unit, the 4 of 7
    expect(c.top1Share).toBeCloseTo(4 / 7, 12);
    expect(c.top10Share).toBeCloseTo(4 / 7, 12);
    // sorted 1, 1, 1, 4: Σ(2i − n − 1)x = −3 − 1 + 1 + 12 = 9; G = 9 / (4 · 7)
    expect(c.gini).toBeCloseTo(9 / 28, 12);
    expect(concentration([]).units).toBe(0);
  });
});

describe("community growth over a range", () => {
  const perYear: GrowthYear[] = [
    { year: 2000, newUsers: 10, activeUsers: 10, interactions: 30 },
    { year: 2001, newUsers: 20, activeUsers: 24, interactions: 50 },
    { year: 2002, newUsers: 5, activeUsers: 12, interactions: 20 },
  ];
  const cohorts: Cohort[] = [
    { cohort: 2000, active: [10, 4, 2] },
    { cohort: 2001, active: [20, 5] },
    { cohort: 2002, active: [5] },
  ];

  it("keeps only cohorts of the range and later years inside it", () => {
    expect(retentionCells(cohorts, { from: 2000, to: 2001 })).toEqual([
      { cohort: 2000, yearsLater: 1, active: 4, size: 10, share: 0.4 },
    ]);
    expect(retentionCells(cohorts, { from: 2001, to: 2002 })).toEqual([
      { cohort: 2001, yearsLater: 1, active: 5, size: 20, share: 0.25 },
    ]);
  });

  it("pools retention: Σ active k years later / Σ sizes of the cohorts observed", () => {
    expect(pooledRetention(cohorts, { from: 2000, to: 2002 })).toEqual([
      { yearsLater: 1, cohorts: 2, base: 30, retained: 9, share: 0.3 },
      { yearsLater: 2, cohorts: 1, base: 10, retained: 2, share: 0.2 },
    ]);
  });

  it("sums new members and interactions and finds the busiest year of the range", () => {
    const s = summarizeGrowth(perYear, cohorts, { from: 2001, to: 2002 });
    expect([s.newUsers, s.interactions, s.meanActive]).toEqual([25, 70, 18]);
    expect(s.peak).toEqual({ year: 2001, activeUsers: 24 });
    expect(summarizeGrowth(perYear, cohorts, { from: 2005, to: 2006 }).peak).toBeNull();
  });
});

describe("community leniency", () => {
  it("bins mean ratings by 0.25 from 1, with 5 in the last bin", () => {
    expect([1, 1.24, 1.25, 3, 4.74, 4.75, 5].map((m) => meanBinIndex(m))).toEqual([0, 0, 1, 8, 14, 15, 15]);
  });

  it("turns the sums into means, spread and the lenient members' pull", () => {
    const sums: LeniencySums = {
      kind: "full",
      from: 2000,
      to: 2001,
      ratings: 40,
      ratingSum: 160,
      raters: 6,
      eligibleUsers: 3,
      eligibleRatings: 30,
      meanSum: 12,
      meanSumSquares: 50,
      medianOfMeans: 4,
      allFive: 1,
      lenientUsers: 1,
      lenientRatings: 10,
      lenientSum: 50,
      binCounts: [{ bin: 15, users: 1 }],
    };
    const l = summarizeLeniency(sums);
    expect(l.mean).toBe(4);
    expect(l.eligible.meanOfMeans).toBe(4);
    // variance of means: (50 − 12² / 3) / 2 = 1
    expect(l.eligible.sdOfMeans).toBeCloseTo(1, 12);
    expect(l.eligible.shareOfRatings).toBe(0.75);
    // without the lenient member: (160 − 50) / 30
    expect(l.lenient.meanWithout).toBeCloseTo(110 / 30, 12);
    expect(l.lenient.pull).toBeCloseTo(4 - 110 / 30, 12);
    expect(l.bins[15].users).toBe(1);
    expect(l.bins.reduce((s, b) => s + b.users, 0)).toBe(1);
  });
});

describe("community Bayesian average", () => {
  it("shrinks a recipe's ratings toward the prior mean with the prior's weight", () => {
    // three 5★ with a prior of 4 weighted as 20 ratings: (80 + 15) / 23
    expect(bayesianAverage(15, 3, 4, 20)).toBeCloseTo(95 / 23, 12);
    expect(bayesianAverage(0, 0, 4.2, 20)).toBeCloseTo(4.2, 12);
    expect(() => bayesianAverage(5, 1, 4, 0)).toThrow(/prior weight/);
  });
});
