// The hypothesis tests of src/lib/stats against values computed independently by SciPy
// (tests/fixtures/stats/make-hypothesis-reference.py: chisquare, chi2_contingency, f_oneway,
// ttest_ind, kruskal, mannwhitneyu; effect sizes from their definitions on the raw data), plus
// properties that tie the tests to each other and the argument checks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareGoodnessOfFit,
  chiSquareIndependence,
  chiSquareSurvival,
  combineGroups,
  fCdf,
  fSurvival,
  kruskalWallis,
  kruskalWallisCounts,
  mannWhitneyU,
  mannWhitneyUCounts,
  mean,
  moments,
  oneWayAnova,
  twoSidedNormalPValue,
  variance,
  welchT,
  type GroupMoments,
  type GroupSums,
} from "../src/lib/stats/index.js";

// The shape of hypothesis-reference.json (one entry per case; field names as in the results).
interface Reference {
  tails: {
    chiSquare: { x: number; df: number; cdf: number; sf: number }[];
    f: { f: number; df1: number; df2: number; cdf: number; sf: number }[];
    normal: { z: number; p: number }[];
  };
  goodness: ({
    name: string;
    observed: number[];
    shares: number[] | null;
    expected: number[];
    residuals: number[];
  } & Record<"statistic" | "p" | "df" | "n" | "cohensW", number>)[];
  independence: ({
    name: string;
    table: number[][];
    yates: boolean;
    expected: number[][];
    residuals: (number | null)[][];
  } & Record<"statistic" | "p" | "df" | "n" | "cramersV" | "rowsKept" | "columnsKept", number>)[];
  anova: ({ name: string; groups: number[][] } & Record<
    "F" | "p" | "df1" | "df2" | "ssBetween" | "ssWithin" | "etaSquared" | "omegaSquared",
    number
  >)[];
  welch: ({ name: string; a: number[]; b: number[]; ci95: [number, number] } & Record<
    "t" | "df" | "p" | "meanDiff" | "cohensD",
    number
  >)[];
  kruskal: ({ name: string; groups: number[][] } & Record<
    "H" | "p" | "df" | "n" | "epsilonSquared",
    number
  >)[];
  mannWhitney: ({ name: string; a: number[]; b: number[] } & Record<
    "U" | "p" | "rankBiserial" | "probabilityOfSuperiority",
    number
  >)[];
}

const reference: Reference = JSON.parse(
  readFileSync(new URL("./fixtures/stats/hypothesis-reference.json", import.meta.url), "utf8"),
);

function expectClose(actual: number, expected: number, tol = 1e-9): void {
  const bound = tol * Math.max(Number.MIN_VALUE, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expected} (relative ${tol})`);
  }
}

/** [name, case] pairs for it.each, so each reference case is a test of its own, named after it. */
function cases<T extends { name: string }>(list: T[]): [string, T][] {
  return list.map((c) => [c.name, c]);
}

/** Relative closeness for large values, absolute closeness (tol) near 0. */
function expectNear(actual: number, expected: number, tol = 1e-9): void {
  const bound = tol * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expected}`);
  }
}

function sums(xs: number[]): GroupSums {
  return { n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumSquares: xs.reduce((a, b) => a + b * b, 0) };
}

function momentsOf(xs: number[]): GroupMoments {
  return { n: xs.length, mean: mean(xs), variance: variance(xs) };
}

/** Deterministic pseudo-random numbers in (0, 1) (a 31-bit linear congruential sequence). */
function uniforms(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state + 0.5) / 2 ** 31;
  };
}

describe("distribution tails", () => {
  it("gives chi-square CDF and survival like SciPy, down to 1e-219", () => {
    for (const c of reference.tails.chiSquare) {
      expectClose(chiSquareCdf(c.x, c.df), c.cdf, 1e-11);
      expectClose(chiSquareSurvival(c.x, c.df), c.sf, 1e-11);
    }
    expect(chiSquareSurvival(1000, 1)).toBeGreaterThan(0);
  });

  it("gives F CDF and survival like SciPy, down to 1e-126 with 230 000 error df", () => {
    for (const c of reference.tails.f) {
      expectClose(fCdf(c.f, c.df1, c.df2), c.cdf, 1e-10);
      expectClose(fSurvival(c.f, c.df1, c.df2), c.sf, 1e-10);
    }
  });

  it("gives two-sided normal p-values like SciPy, down to 1e-299", () => {
    for (const c of reference.tails.normal) expectClose(twoSidedNormalPValue(c.z), c.p, 1e-12);
  });

  it("handles the edges: 0 and Infinity statistics, bad degrees of freedom", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
    expect(fSurvival(0, 2, 5)).toBe(1);
    expect(fSurvival(Infinity, 2, 5)).toBe(0);
    expect(chiSquareSurvival(3, 0)).toBeNaN();
    expect(fSurvival(1, 2, 0)).toBeNaN();
    expect(twoSidedNormalPValue(NaN)).toBeNaN();
  });
});

describe("chi-square goodness of fit", () => {
  it.each(cases(reference.goodness))("matches scipy.stats.chisquare: %s", (_, c) => {
    const r = chiSquareGoodnessOfFit(c.observed, c.shares ?? undefined);
    expectClose(r.statistic, c.statistic);
    expectClose(r.p, c.p);
    expect(r.df).toBe(c.df);
    expect(r.n).toBe(c.n);
    c.expected.forEach((e: number, i: number) => expectClose(r.expected[i], e, 1e-12));
    c.residuals.forEach((e: number, i: number) => expectNear(r.residuals[i], e, 1e-12));
    expectClose(r.cohensW, c.cohensW);
  });

  it("keeps a p-value of order 1e-28 instead of rounding it to 0", () => {
    const r = chiSquareGoodnessOfFit([500, 820, 500, 500]);
    expect(r.p).toBeGreaterThan(1e-29);
    expect(r.p).toBeLessThan(1e-27);
  });

  it("gives NaN for an all-zero count vector, and 1 when counts equal the expected ones", () => {
    const empty = chiSquareGoodnessOfFit([0, 0, 0]);
    expect(empty.statistic).toBeNaN();
    expect(empty.p).toBeNaN();
    const perfect = chiSquareGoodnessOfFit([25, 50, 25], [0.25, 0.5, 0.25]);
    expect(perfect.statistic).toBe(0);
    expect(perfect.p).toBe(1);
    expect(perfect.cohensW).toBe(0);
  });

  it("refuses negative or NaN counts, one category, and shares that do not fit", () => {
    expect(() => chiSquareGoodnessOfFit([3, -1, 4])).toThrow(/observed\[1\] is a negative count/);
    expect(() => chiSquareGoodnessOfFit([3, NaN, 4])).toThrow(/observed\[1\] is not a finite number/);
    expect(() => chiSquareGoodnessOfFit([7])).toThrow(/at least 2/);
    expect(() => chiSquareGoodnessOfFit([3, 4], [0.5, 0.6])).toThrow(/must sum to 1 \(they sum to 1.1/);
    expect(() => chiSquareGoodnessOfFit([3, 4], [1, 0])).toThrow(/expectedShares\[1\] must be > 0/);
    expect(() => chiSquareGoodnessOfFit([3, 4, 5], [0.5, 0.5])).toThrow(/2 entries, observed has 3/);
  });
});

describe("chi-square test of independence", () => {
  it.each(cases(reference.independence))("matches scipy.stats.chi2_contingency: %s", (_, c) => {
    const r = chiSquareIndependence(c.table, { yates: c.yates });
    expectClose(r.statistic, c.statistic);
    expectClose(r.p, c.p);
    expect(r.df).toBe(c.df);
    expect(r.n).toBe(c.n);
    expectClose(r.cramersV, c.cramersV);
    expect([r.rowsKept, r.columnsKept]).toEqual([c.rowsKept, c.columnsKept]);
    c.expected.forEach((row: number[], i: number) =>
      row.forEach((e, j) => expectNear(r.expected[i][j], e, 1e-12)),
    );
    c.residuals.forEach((row: (number | null)[], i: number) =>
      row.forEach((e, j) =>
        e === null ? expect(r.residuals[i][j]).toBeNaN() : expectNear(r.residuals[i][j], e, 1e-12),
      ),
    );
  });

  it("applies no Yates correction unless asked, and only to a 2×2 table", () => {
    const table = [
      [12, 5],
      [9, 21],
    ];
    const plain = chiSquareIndependence(table);
    const corrected = chiSquareIndependence(table, { yates: true });
    expect(plain.yates).toBe(false);
    expect(corrected.yates).toBe(true);
    expect(corrected.statistic).toBeLessThan(plain.statistic);
    // Cramér's V comes from the uncorrected X² either way.
    expect(corrected.cramersV).toBe(plain.cramersV);
    expect(
      chiSquareIndependence(
        [
          [20, 15, 30],
          [25, 25, 25],
        ],
        { yates: true },
      ).yates,
    ).toBe(false);
  });

  it("cannot test an item present in no recipe: NaN, not an error", () => {
    const r = chiSquareIndependence([
      [0, 0, 0, 0],
      [2500, 2600, 2500, 2500],
    ]);
    expect(r.rowsKept).toBe(1);
    expect(r.statistic).toBeNaN();
    expect(r.p).toBeNaN();
    expect(r.df).toBeNaN();
    expect(r.cramersV).toBeNaN();
  });

  it("refuses ragged tables, negative or NaN counts and tables smaller than 2×2", () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(/row 1 has 1 columns, row 0 has 2/);
    expect(() =>
      chiSquareIndependence([
        [1, 2],
        [3, -4],
      ]),
    ).toThrow(/table\[1\]\[1\] is a negative count/);
    expect(() =>
      chiSquareIndependence([
        [1, NaN],
        [3, 4],
      ]),
    ).toThrow(/table\[0\]\[1\] is not a finite number/);
    expect(() => chiSquareIndependence([[1, 2]])).toThrow(/table rows needs at least 2/);
    expect(() => chiSquareIndependence([[1], [2]])).toThrow(/table columns needs at least 2/);
  });
});

describe("one-way ANOVA from sufficient statistics", () => {
  it.each(cases(reference.anova))("matches scipy.stats.f_oneway: %s", (_, c) => {
    const fromSums = oneWayAnova(c.groups.map(sums));
    const fromMoments = oneWayAnova(c.groups.map(momentsOf));
    for (const r of [fromSums, fromMoments]) {
      expectClose(r.F, c.F, 1e-9);
      expectClose(r.p, c.p, 1e-8);
      expect([r.df1, r.df2]).toEqual([c.df1, c.df2]);
      expectClose(r.ssBetween, c.ssBetween, 1e-9);
      expectClose(r.ssWithin, c.ssWithin, 1e-9);
      expectClose(r.etaSquared, c.etaSquared, 1e-9);
      expectNear(r.omegaSquared, c.omegaSquared, 1e-9);
    }
  });

  it("gives the same test from per-year parts combined as from the whole groups", () => {
    // Each group split into three "years"; the browser adds the years of the selected range.
    const c = reference.anova[0];
    const parts = c.groups.map((g: number[]) => {
      const third = Math.ceil(g.length / 3);
      return [g.slice(0, third), g.slice(third, 2 * third), g.slice(2 * third)];
    });
    const combined = parts.map((ps: number[][]) =>
      combineGroups([sums(ps[0]), momentsOf(ps[1]), sums(ps[2])]),
    );
    const r = oneWayAnova(combined);
    expectClose(r.F, c.F, 1e-9);
    expectClose(r.p, c.p, 1e-8);
  });

  it("pools moments exactly and turns sums into mean and sample variance", () => {
    const xs = [12, 30, 45, 45, 60, 90, 7];
    const m = moments(xs.length, sums(xs).sum, sums(xs).sumSquares);
    expectClose(m.mean, mean(xs), 1e-14);
    expectClose(m.variance, variance(xs), 1e-12);
    const pooled = combineGroups([
      momentsOf(xs.slice(0, 3)),
      { n: 0, sum: 0, sumSquares: 0 },
      sums(xs.slice(3)),
    ]);
    expect(pooled.n).toBe(7);
    expectClose(pooled.mean, mean(xs), 1e-14);
    expectClose(pooled.variance, variance(xs), 1e-12);
    expect(moments(1, 5, 25).variance).toBeNaN();
    expect(combineGroups([]).mean).toBeNaN();
  });

  it("gives F = Infinity and p = 0 for groups that differ without any spread, NaN with no variation", () => {
    const apart = oneWayAnova([sums([1, 1, 1]), sums([2, 2])]);
    expect(apart.F).toBe(Infinity);
    expect(apart.p).toBe(0);
    const flat = oneWayAnova([sums([3, 3]), sums([3, 3, 3])]);
    expect(flat.F).toBeNaN();
    expect(flat.p).toBeNaN();
  });

  it("refuses an empty group, a single group, and negative or non-finite statistics", () => {
    expect(() => oneWayAnova([sums([1, 2]), { n: 0, sum: 0, sumSquares: 0 }])).toThrow(
      /groups\[1\] is empty/,
    );
    expect(() => oneWayAnova([sums([1, 2])])).toThrow(/at least 2/);
    expect(() => oneWayAnova([sums([1, 2]), { n: 3, mean: 1, variance: -2 }])).toThrow(
      /groups\[1\]\.variance is negative/,
    );
    expect(() => oneWayAnova([sums([1, 2]), { n: 3, mean: NaN, variance: 2 }])).toThrow(
      /groups\[1\]\.mean is not a finite/,
    );
    expect(() => oneWayAnova([sums([1, 2]), { n: 2.5, sum: 3, sumSquares: 5 }])).toThrow(
      /groups\[1\]\.n must be an integer/,
    );
  });
});

describe("Welch's t-test from sufficient statistics", () => {
  it.each(cases(reference.welch))("matches scipy.stats.ttest_ind(equal_var=False): %s", (_, c) => {
    for (const r of [welchT(sums(c.a), sums(c.b)), welchT(momentsOf(c.a), momentsOf(c.b))]) {
      expectClose(r.t, c.t, 1e-9);
      expectClose(r.df, c.df, 1e-9);
      expectClose(r.p, c.p, 1e-8);
      expectClose(r.meanDiff, c.meanDiff, 1e-10);
      expectNear(r.ci95[0], c.ci95[0], 1e-9);
      expectNear(r.ci95[1], c.ci95[1], 1e-9);
      expectClose(r.cohensD, c.cohensD, 1e-9);
    }
  });

  it("gives NaN for a group of one value and refuses an empty group", () => {
    const r = welchT(sums([4]), sums([1, 2, 3]));
    expect(r.t).toBeNaN();
    expect(r.p).toBeNaN();
    expect(() => welchT({ n: 0, sum: 0, sumSquares: 0 }, sums([1, 2]))).toThrow(/a is empty/);
    expect(() => welchT(sums([1, 2]), { n: 3, sum: Infinity, sumSquares: 1 })).toThrow(
      /b\.sum is not a finite/,
    );
  });
});

describe("Kruskal–Wallis", () => {
  it.each(cases(reference.kruskal))("matches scipy.stats.kruskal: %s", (_, c) => {
    const r = kruskalWallis(c.groups);
    expectClose(r.H, c.H, 1e-10);
    expectClose(r.p, c.p, 1e-9);
    expect(r.df).toBe(c.df);
    expect(r.n).toBe(c.n);
    expectClose(r.epsilonSquared, c.epsilonSquared, 1e-10);
  });

  it("gives NaN when every value is tied, and refuses empty groups, NaN and a single group", () => {
    const tied = kruskalWallis([[5, 5], [5], [5, 5, 5]]);
    expect(tied.H).toBeNaN();
    expect(tied.p).toBeNaN();
    expect(() => kruskalWallis([[1, 2], []])).toThrow(/groups\[1\] is empty/);
    expect(() =>
      kruskalWallis([
        [1, 2],
        [3, NaN],
      ]),
    ).toThrow(/groups\[1\]\[1\] is not a finite number/);
    expect(() => kruskalWallis([[1, 2]])).toThrow(/at least 2/);
  });
});

describe("Mann–Whitney U", () => {
  it.each(cases(reference.mannWhitney))(
    "matches scipy.stats.mannwhitneyu(method='asymptotic'), effect sizes counted over all pairs: %s",
    (_, c) => {
      const r = mannWhitneyU(c.a, c.b);
      expect(r.U).toBe(c.U);
      expectClose(r.p, c.p, 1e-10);
      expectNear(r.rankBiserial, c.rankBiserial, 1e-12);
      expectNear(r.probabilityOfSuperiority, c.probabilityOfSuperiority, 1e-12);
      expect([r.n1, r.n2]).toEqual([c.a.length, c.b.length]);
    },
  );

  it("signs z and the rank-biserial correlation towards the first sample being larger", () => {
    const r = mannWhitneyU([10, 11, 12, 13], [1, 2, 3]);
    expect(r.U).toBe(12);
    expect(r.rankBiserial).toBe(1);
    expect(r.z).toBeGreaterThan(0);
    const swapped = mannWhitneyU([1, 2, 3], [10, 11, 12, 13]);
    expect(swapped.U).toBe(0);
    expect(swapped.rankBiserial).toBe(-1);
    expect(swapped.z).toBe(-r.z);
    expect(swapped.p).toBe(r.p);
  });

  it("gives NaN when every value is tied, and refuses empty samples and NaN", () => {
    expect(mannWhitneyU([2, 2], [2, 2, 2]).p).toBeNaN();
    expect(() => mannWhitneyU([], [1])).toThrow(/a is empty/);
    expect(() => mannWhitneyU([1], [Infinity])).toThrow(/b\[0\] is not a finite number/);
  });
});

describe("rank tests on counts of levels", () => {
  // Counts of ratings 1–5 of the size the Ratings page has (a million ratings, most of them 5).
  const random = uniforms(20261201);
  const counts = (n: number, skew: number) => {
    const c = [0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) c[Math.min(4, Math.floor(5 * random() ** skew))]++;
    return c;
  };
  const expand = (c: number[]) =>
    Float64Array.from(c.flatMap((n, level) => Array<number>(n).fill(level + 1)));

  it("give exactly the numbers of the tests on the expanded values, ties and all", () => {
    const groups = [
      counts(300_000, 0.3),
      counts(250_000, 0.32),
      [0, 7, 0, 2_000, 90_000],
      counts(280_000, 0.3),
    ];
    expect(kruskalWallisCounts(groups)).toStrictEqual(kruskalWallis(groups.map(expand)));
    for (const continuity of [true, false]) {
      const [a, b] = [counts(330_000, 0.3), counts(800_000, 0.31)];
      expect(mannWhitneyUCounts(a, b, { continuity })).toStrictEqual(
        mannWhitneyU(expand(a), expand(b), { continuity }),
      );
    }
    // Small samples with empty levels, and every value tied (NaN, as on the values).
    expect(mannWhitneyUCounts([0, 2, 0, 1], [3, 0, 0, 4])).toStrictEqual(
      mannWhitneyU([2, 2, 4], [1, 1, 1, 4, 4, 4, 4]),
    );
    expect(
      kruskalWallisCounts([
        [0, 2],
        [0, 1],
      ]),
    ).toStrictEqual(kruskalWallis([[2, 2], [2]]));
  });

  it("refuse a group with no value, counts that are not whole or not aligned, and a single group", () => {
    expect(() =>
      kruskalWallisCounts([
        [1, 2],
        [0, 0],
      ]),
    ).toThrow(/groups\[1\] is empty/);
    expect(() =>
      kruskalWallisCounts([
        [1, 2],
        [1.5, 0],
      ]),
    ).toThrow(/groups\[1\]\[0\] is not a whole count/);
    expect(() =>
      kruskalWallisCounts([
        [1, 2],
        [1, -1],
      ]),
    ).toThrow(/groups\[1\]\[1\] is a negative count/);
    expect(() => mannWhitneyUCounts([1, 2, 3], [1, 2])).toThrow(
      /groups\[1\] has 2 levels, groups\[0\] has 3/,
    );
    expect(() => kruskalWallisCounts([[1, 2]])).toThrow(/at least 2/);
  });
});

describe("rank tests on 230 000 values", () => {
  // Recipe minutes of two groups: whole minutes (heavy ties) with a small shift, like weekend/weekday.
  const random = uniforms(20261130);
  const draw = (n: number, scale: number) =>
    Float64Array.from({ length: n }, () => Math.round(-scale * Math.log(random())));
  const weekend = draw(66_000, 38);
  const weekday = draw(164_000, 36);

  it("agree with each other: for two groups, Kruskal–Wallis H = z² of Mann–Whitney without continuity", () => {
    let started = performance.now();
    const kw = kruskalWallis([weekend, weekday]);
    const kwMs = performance.now() - started;
    started = performance.now();
    const mw = mannWhitneyU(weekend, weekday, { continuity: false });
    const mwMs = performance.now() - started;
    process.stderr.write(
      `[hypothesis-stats] 230 000 values: kruskalWallis ${kwMs.toFixed(0)} ms, mannWhitneyU ${mwMs.toFixed(0)} ms\n`,
    );
    expectClose(kw.H, mw.z * mw.z, 1e-9);
    expectClose(kw.p, mw.p, 1e-7);
    // The shift of two minutes in scale is detected at this size.
    expect(mw.p).toBeLessThan(1e-6);
    expect(mw.rankBiserial).toBeGreaterThan(0);
  });

  it("splits the 230 000 values into four seasons and finds no difference where there is none", () => {
    const all = Float64Array.from([...weekend, ...weekday]);
    const seasons = [0, 1, 2, 3].map((s) => all.filter((_, i) => i % 4 === s));
    const started = performance.now();
    const r = kruskalWallis(seasons);
    process.stderr.write(
      `[hypothesis-stats] kruskalWallis, 4 groups of 57 500: ${(performance.now() - started).toFixed(0)} ms\n`,
    );
    expect(r.n).toBe(230_000);
    // Seasons assigned round-robin carry no signal: H is of the order of its df.
    expect(r.H).toBeLessThan(15);
    expect(r.p).toBeGreaterThan(0.001);
  });
});
