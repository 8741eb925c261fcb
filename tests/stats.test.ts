// Unit tests for src/lib/stats against hand-computed cases and published reference values
// (numpy, scipy, Anscombe 1973, Student t tables). Each expected value is derived in a comment
// independently of the code under test; exact cases are checked to 1e-9 relative error or better.
import { describe, expect, it } from "vitest";
import {
  coefficientOfVariation,
  fillibenMedians,
  finiteValues,
  mean,
  median,
  normalQQ,
  normalQuantile,
  ols,
  pearson,
  quantile,
  quantiles,
  std,
  sum,
  summarize,
  tCdf,
  tQuantile,
  trendDirection,
  twoSidedTPValue,
  variance,
  weightedMean,
  weightedStd,
  weightedVariance,
  wls,
  type LinearFit,
} from "../src/lib/stats/index.js";

/** |actual − expected| ≤ tol·max(1, |expected|): relative for big numbers, absolute near 0. */
function expectClose(actual: number, expected: number, tol = 1e-9): void {
  const err = Math.abs(actual - expected);
  const bound = tol * Math.max(1, Math.abs(expected));
  if (!(err <= bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expected} (off by ${err})`);
  }
}

function expectAllNaN(values: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) expect(values[k], k).toBeNaN();
}

describe("sum / mean / variance / std", () => {
  it("handles a small exact case", () => {
    // [1,2,3,4]: mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5.
    expect(sum([1, 2, 3, 4])).toBe(10);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expectClose(variance([1, 2, 3, 4]), 5 / 3); // ddof 1 by default
    expectClose(variance([1, 2, 3, 4], { ddof: 0 }), 1.25);
    expectClose(std([1, 2, 3, 4]), Math.sqrt(5 / 3));
  });

  it("matches the classic population-σ = 2 example", () => {
    // [2,4,4,4,5,5,7,9]: mean 5, Σ(x−5)² = 9+1+1+1+0+0+4+16 = 32 → σ₀ = sqrt(32/8) = 2, s² = 32/7.
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(std(xs, { ddof: 0 })).toBe(2);
    expectClose(variance(xs), 32 / 7);
  });

  it("is stable for large offsets and compensates sums", () => {
    // Deviations from 1e9+10 are −6,−3,3,6: Σd² = 90, /3 = 30 (naive Σx² − n·x̄² fails here).
    expectClose(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30, 1e-12);
    // Neumaier's example: naive left-to-right summation returns 0.
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect(sum([1, Infinity])).toBe(Infinity);
    expect(sum([])).toBe(0);
  });

  it("returns NaN for empty or too-small input and propagates NaN", () => {
    expect(mean([])).toBeNaN();
    expect(variance([])).toBeNaN();
    expect(variance([7])).toBeNaN(); // n − ddof = 0
    expect(variance([7], { ddof: 0 })).toBe(0);
    expect(std([7])).toBeNaN();
    expect(mean([1, NaN])).toBeNaN();
    expect(variance([1, NaN, 3])).toBeNaN();
    expect(() => variance([1, 2], { ddof: -1 })).toThrow(RangeError);
  });

  it("accepts typed arrays", () => {
    expect(mean(Float64Array.of(1, 2, 3, 4))).toBe(2.5);
  });

  it("finiteValues drops missing values", () => {
    expect(finiteValues([1, NaN, null, undefined, Infinity, 2])).toEqual([1, 2]);
  });
});

describe("coefficientOfVariation", () => {
  it("is std/mean as a fraction", () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expectClose(coefficientOfVariation(xs, { ddof: 0 }), 0.4); // 2 / 5
    expectClose(coefficientOfVariation(xs), Math.sqrt(32 / 7) / 5);
  });

  it("is NaN for a zero mean, empty input or n = 1; signed for a negative mean", () => {
    expect(coefficientOfVariation([-1, 1])).toBeNaN();
    expect(coefficientOfVariation([])).toBeNaN();
    expect(coefficientOfVariation([3])).toBeNaN();
    expectClose(coefficientOfVariation([-1, -3]), Math.SQRT2 / -2);
  });
});

describe("weighted statistics", () => {
  // x = [1,2,3], w = [3,2,1]: Σw = 6, x̄w = (3+4+3)/6 = 5/3,
  // Σw(x−x̄w)² = 3·(4/9) + 2·(1/9) + 1·(16/9) = 30/9 = 10/3, V2 = Σw² = 14.
  const x = [1, 2, 3];
  const w = [3, 2, 1];

  it("weightedMean", () => {
    expectClose(weightedMean(x, w), 5 / 3);
    expect(weightedMean([], [])).toBeNaN();
    expect(weightedMean([1, 2], [0, 0])).toBeNaN();
    expect(weightedMean([1, NaN, 3], [1, 0, 1])).toBe(2); // zero weight drops the NaN row
  });

  it("frequency weights: (10/3)/(Σw − 1) = 2/3 = np.cov(x, fweights=w) = variance of the expanded data", () => {
    expectClose(weightedVariance(x, w), 2 / 3);
    expectClose(weightedVariance(x, w), variance([1, 1, 1, 2, 2, 3]));
    expectClose(weightedStd(x, w), Math.sqrt(2 / 3));
  });

  it("analytic weights: (10/3)/(V1 − V2/V1) = (10/3)/(11/3) = 10/11 = np.cov(x, aweights=w)", () => {
    expectClose(weightedVariance(x, w, { weights: "analytic" }), 10 / 11);
    // Only ratios matter for analytic weights.
    expectClose(weightedVariance(x, [30, 20, 10], { weights: "analytic" }), 10 / 11);
  });

  it("ddof = 0 gives Σw(x−x̄)²/Σw = 5/9 for both kinds", () => {
    expectClose(weightedVariance(x, w, { ddof: 0 }), 5 / 9);
    expectClose(weightedVariance(x, w, { ddof: 0, weights: "analytic" }), 5 / 9);
  });

  it("equal unit weights reduce to the unweighted statistics", () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    const ones = xs.map(() => 1);
    expectClose(weightedMean(xs, ones), 5);
    expectClose(weightedVariance(xs, ones), 32 / 7);
    expectClose(weightedVariance(xs, ones, { weights: "analytic" }), 32 / 7);
  });

  it("validates input", () => {
    expect(() => weightedMean([1, 2], [1])).toThrow(RangeError);
    expect(() => weightedMean([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => weightedVariance([1, 2], [1, -1])).toThrow(RangeError);
    expect(weightedVariance([5], [1])).toBeNaN(); // Σw − 1 = 0
    expect(weightedVariance([5], [1], { weights: "analytic" })).toBeNaN(); // V1 − V2/V1 = 0
  });
});

describe("quantile", () => {
  // Expected values are numpy 2.x np.percentile(a, q, method=...) outputs; for [1,2,3,4] numpy's
  // documentation-style example gives np.percentile([1,2,3,4], 25) = 1.75.
  const ps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

  it("linear (R type 7) on [1,2,3,4]", () => {
    // h = 3p: p=.25 → h=.75 → 1 + .75·1 = 1.75; p=.1 → h=.3 → 1.3; p=.9 → h=2.7 → 3.7.
    const got = quantiles([1, 2, 3, 4], ps);
    [1, 1.3, 1.75, 2.5, 3.25, 3.7, 4].forEach((e, i) => expectClose(got[i], e, 1e-12));
  });

  it("nearest on [1,2,3,4] rounds the index half to even", () => {
    // h = .75 → 1 → 2; h = 1.5 → 2 (even) → 3; h = 2.25 → 2 → 3; h = .3 → 0 → 1; h = 2.7 → 3 → 4.
    expect(quantiles([1, 2, 3, 4], ps, { method: "nearest" })).toEqual([1, 1, 2, 3, 3, 4, 4]);
  });

  it("linear and nearest on the unsorted [3,1,4,1,5,9,2,6]", () => {
    // sorted [1,1,2,3,4,5,6,9], h = 7p: p=.25 → 1.75 → 1+.75·(2−1) = 1.75; p=.5 → 3.5 → 3.5;
    // p=.75 → 5.25 → 5.25; p=.9 → 6.3 → 6 + .3·3 = 6.9.
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    const lin = quantiles(a, ps);
    [1, 1, 1.75, 3.5, 5.25, 6.9, 9].forEach((e, i) => expectClose(lin[i], e, 1e-12));
    // nearest: h=1.75 → 2 → 2; h=3.5 → 4 (even) → 4; h=5.25 → 5 → 5; h=6.3 → 6 → 6.
    expect(quantiles(a, ps, { method: "nearest" })).toEqual([1, 1, 2, 4, 5, 6, 9]);
    expect(a).toEqual([3, 1, 4, 1, 5, 9, 2, 6]); // input not mutated
  });

  it("lower / higher / midpoint match numpy", () => {
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(quantiles(a, ps, { method: "lower" })).toEqual([1, 1, 1, 3, 5, 6, 9]);
    expect(quantiles(a, ps, { method: "higher" })).toEqual([1, 1, 2, 4, 6, 9, 9]);
    expect(quantiles(a, ps, { method: "midpoint" })).toEqual([1, 1, 1.5, 3.5, 5.5, 7.5, 9]);
  });

  it("numpy docs: np.percentile([[10,7,4],[3,2,1]], 50) = 3.5", () => {
    expect(median([10, 7, 4, 3, 2, 1])).toBe(3.5);
  });

  it("single-value and sorted fast path", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 3, 2, 1].reverse(), 0.25, { sorted: true })).toBe(1.75);
    expect(quantile([42], 0.3)).toBe(42);
    expect(quantile([42], 0.3, { method: "nearest" })).toBe(42);
    expect(quantile([-Infinity, -Infinity, 1], 0.25)).toBe(-Infinity);
  });

  it("edge cases", () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantiles([], [0.1, 0.9])).toEqual([NaN, NaN]);
    expect(quantile([1, NaN, 3], 0.5)).toBeNaN();
    expect(quantile([1, 2, 3], NaN)).toBeNaN();
    expect(() => quantile([1, 2, 3], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2, 3], -0.1)).toThrow(RangeError);
    expect(() => quantiles([1, NaN], [2])).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("[1,2,3,4] with linear quartiles and ddof = 1", () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s).toMatchObject({ n: 4, min: 1, median: 2.5, mean: 2.5, max: 4 });
    expectClose(s.q1, 1.75);
    expectClose(s.q3, 3.25);
    expectClose(s.std, Math.sqrt(5 / 3)); // Σd² = 5, /3
    expectClose(s.cv, Math.sqrt(5 / 3) / 2.5);
  });

  it("[2,4,4,4,5,5,7,9]", () => {
    // sorted, h = 7p: q1 at h = 1.75 → 4 + .75·0 = 4; q3 at h = 5.25 → 5 + .25·2 = 5.5; median 4.5.
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s).toMatchObject({ n: 8, min: 2, q1: 4, median: 4.5, mean: 5, q3: 5.5, max: 9 });
    expectClose(s.std, Math.sqrt(32 / 7));
    expectClose(s.cv, Math.sqrt(32 / 7) / 5);
  });

  it("empty → n 0 and NaN; n = 1 → NaN spread; NaN data → NaN", () => {
    const empty = summarize([]);
    expect(empty.n).toBe(0);
    expectAllNaN({ ...empty }, ["min", "q1", "median", "mean", "q3", "max", "std", "cv"]);
    const one = summarize([7]);
    expect(one).toMatchObject({ n: 1, min: 7, q1: 7, median: 7, mean: 7, q3: 7, max: 7 });
    expectAllNaN({ ...one }, ["std", "cv"]);
    const withNaN = summarize([1, NaN, 3]);
    expect(withNaN.n).toBe(3);
    expectAllNaN({ ...withNaN }, ["min", "q1", "median", "mean", "q3", "max", "std", "cv"]);
  });
});

describe("distribution wrappers against closed forms", () => {
  it("t with 1 df is Cauchy: the tabled 97.5 % point 12.7062047 has two-sided p = 0.05", () => {
    const t975 = Math.tan(Math.PI * (0.975 - 0.5)); // Cauchy quantile, closed form
    expectClose(t975, 12.706204736174707, 1e-12);
    expectClose(tQuantile(0.975, 1), t975, 1e-9);
    expectClose(twoSidedTPValue(12.706204736174707, 1), 0.05, 1e-9);
    expectClose(tCdf(1, 1), 0.75, 1e-12); // 1/2 + atan(1)/π
  });

  it("t with 2 df: quantile (2p−1)/sqrt(2p(1−p)) → 4.302652729749464 at p = .975", () => {
    expectClose(tQuantile(0.975, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-9);
    expectClose(0.95 / Math.sqrt(2 * 0.975 * 0.025), 4.302652729749464, 1e-12);
  });

  it("normal quantile: Φ⁻¹(0.975) = 1.959963984540054", () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-12);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("two-sided p edge cases", () => {
    expect(twoSidedTPValue(NaN, 3)).toBeNaN();
    expect(twoSidedTPValue(1, 0)).toBeNaN();
    expect(twoSidedTPValue(Infinity, 3)).toBe(0);
    expect(twoSidedTPValue(0, 3)).toBe(1);
  });
});

describe("pearson", () => {
  it("perfect, hand-computed and undefined cases", () => {
    expectClose(pearson([1, 2, 3], [2, 4, 6]), 1);
    expectClose(pearson([1, 2, 3], [6, 4, 2]), -1);
    // x=[1..5], y=[2,4,5,4,5]: Sxy = 6, Sxx = 10, Syy = 6 → r = 6/sqrt(60) = sqrt(0.6).
    expectClose(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), Math.sqrt(0.6));
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [1])).toBeNaN();
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
  });
});

describe("ols", () => {
  it("hand-computed x=[1..5], y=[2,4,5,4,5]", () => {
    // x̄ = 3, ȳ = 4; Sxx = 4+1+0+1+4 = 10; Sxy = (−2)(−2)+(−1)(0)+0+(1)(0)+(2)(1) = 6; Syy = 4+0+1+0+1 = 6.
    // slope = 6/10 = 0.6; intercept = 4 − 0.6·3 = 2.2.
    // ŷ = 2.8, 3.4, 4.0, 4.6, 5.2; e = −0.8, 0.6, 1.0, −0.6, −0.2; SSE = .64+.36+1+.36+.04 = 2.4.
    // r2 = 1 − 2.4/6 = 0.6; σ̂² = 2.4/3 = 0.8; SE(slope) = sqrt(0.8/10) = sqrt(0.08) = 0.28284271…;
    // SE(intercept) = sqrt(0.8·(1/5 + 9/10)) = sqrt(0.88); t = 0.6/sqrt(0.08) = 3/√2 = 2.1213203…
    // Two-sided p for 3 df in closed form (Student 3-df CDF): with θ = atan(t/√3),
    // p = 1 − (2/π)(θ + sinθ·cosθ); t/√3 = sqrt(1.5) so sinθcosθ = u/(1+u²) = sqrt(1.5)/2.5.
    // → p = 0.12402706265755… (scipy.stats.linregress agrees: 0.12402706265755445).
    const f = ols([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(f.n).toBe(5);
    expect(f.df).toBe(3);
    expectClose(f.slope, 0.6);
    expectClose(f.intercept, 2.2);
    expectClose(f.r2, 0.6);
    expectClose(f.sigma, Math.sqrt(0.8));
    expectClose(f.slopeSE, Math.sqrt(0.08));
    expectClose(f.interceptSE, Math.sqrt(0.88));
    expectClose(f.t, 3 / Math.SQRT2);
    const u = Math.sqrt(1.5);
    const pClosed = 1 - (2 / Math.PI) * (Math.atan(u) + u / 2.5);
    expectClose(f.p, pClosed);
    expectClose(f.p, 0.12402706265755445);
    // 95 % CI: t_{.975,3} = 3.182446305284263 (tables: 3.182).
    expect(f.level).toBe(0.95);
    expectClose(f.ci[0], 0.6 - 3.182446305284263 * Math.sqrt(0.08));
    expectClose(f.ci[1], 0.6 + 3.182446305284263 * Math.sqrt(0.08));
  });

  it("level option: 90 % CI uses t_{.95,3} = 2.3533634348018 (tables: 2.353)", () => {
    const f = ols([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], { level: 0.9 });
    expect(f.level).toBe(0.9);
    expectClose(f.ci[0], 0.6 - 2.3533634348018233 * Math.sqrt(0.08));
    expectClose(f.ci[1], 0.6 + 2.3533634348018233 * Math.sqrt(0.08));
    expect(() => ols([1, 2, 3], [1, 2, 3], { level: 1 })).toThrow(RangeError);
    expect(() => ols([1, 2, 3], [1, 2, 3], { level: 0 })).toThrow(RangeError);
  });

  it("1 df case with an exact p: x=[0,1,2], y=[0,1,1] → t = √3, p = 1/3", () => {
    // x̄ = 1, ȳ = 2/3, Sxx = 2, Sxy = (−1)(−2/3) + (1)(1/3) = 1 → slope 1/2, intercept 1/6.
    // e = −1/6, 1/3, −1/6 → SSE = 6/36 = 1/6, σ̂² = 1/6 (df 1), SE = sqrt(1/12), t = 0.5·√12 = √3.
    // Cauchy: p = 1 − (2/π)·atan(√3) = 1 − (2/π)(π/3) = 1/3.
    const f = ols([0, 1, 2], [0, 1, 1]);
    expectClose(f.slope, 0.5);
    expectClose(f.intercept, 1 / 6);
    expectClose(f.slopeSE, Math.sqrt(1 / 12));
    expectClose(f.t, Math.sqrt(3));
    expectClose(f.p, 1 / 3);
    expectClose(f.ci[1] - f.slope, 12.706204736174707 * Math.sqrt(1 / 12));
    // Syy = 4/9 + 1/9 + 1/9 = 2/3 → r2 = 1 − (1/6)/(2/3) = 3/4.
    expectClose(f.r2, 0.75);
  });

  it("Anscombe's quartet, set I (published: 3.0001 + 0.5001x, r² 0.6665, SE 0.1179, p 0.00217)", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const f = ols(x, y);
    // Exact: x̄ = 9, Sxx = 110, Σy = 82.51, Sxy = 55.01 → slope = 55.01/110, intercept = 82.51/11 − 9·slope.
    expectClose(f.slope, 55.01 / 110, 1e-12);
    expectClose(f.intercept, 82.51 / 11 - (9 * 55.01) / 110, 1e-12);
    expect(f.slope).toBeCloseTo(0.5001, 4);
    expect(f.intercept).toBeCloseTo(3.0001, 4);
    expect(f.r2).toBeCloseTo(0.6665, 4);
    expect(f.slopeSE).toBeCloseTo(0.1179, 4);
    expect(f.interceptSE).toBeCloseTo(1.1247, 4);
    expect(f.t).toBeCloseTo(4.241, 3);
    expect(f.p).toBeCloseTo(0.00217, 5);
    expect(f.df).toBe(9);
    // R² equals the squared Pearson correlation for OLS with an intercept.
    expectClose(f.r2, pearson(x, y) ** 2, 1e-12);
  });

  it("exact fit with n ≥ 3 gives SE 0 and p 0", () => {
    const f = ols([1, 2, 3, 4], [3, 5, 7, 9]);
    expectClose(f.slope, 2);
    expectClose(f.intercept, 1);
    expect(f.r2).toBe(1);
    expect(f.slopeSE).toBe(0);
    expect(f.p).toBe(0);
  });

  it("small n and degenerate data give NaN instead of throwing", () => {
    const two = ols([1, 3], [2, 6]);
    expect(two).toMatchObject({ n: 2, df: 0, slope: 2, intercept: 0, r2: 1 });
    expectAllNaN({ ...two }, ["slopeSE", "interceptSE", "t", "p", "sigma"]);
    expect(two.ci[0]).toBeNaN();
    expect(two.ci[1]).toBeNaN();

    for (const f of [ols([], []), ols([5], [1])]) {
      expect(f.df).toBe(0);
      expectAllNaN({ ...f }, ["slope", "intercept", "slopeSE", "interceptSE", "t", "p", "r2", "sigma"]);
    }

    const constX = ols([2, 2, 2, 2], [1, 2, 3, 4]);
    expect(constX.n).toBe(4);
    expectAllNaN({ ...constX }, ["slope", "intercept", "slopeSE", "t", "p"]);

    const constY = ols([1, 2, 3, 4], [5, 5, 5, 5]);
    expect(constY.slope).toBe(0);
    expect(constY.intercept).toBe(5);
    expect(constY.r2).toBeNaN(); // 0/0
    expect(constY.p).toBeNaN(); // t = 0/0

    expect(ols([1, 2, 3], [1, NaN, 3]).slope).toBeNaN();
    expect(() => ols([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe("wls", () => {
  const fields: (keyof LinearFit)[] = [
    "n",
    "df",
    "slope",
    "intercept",
    "slopeSE",
    "interceptSE",
    "t",
    "p",
    "r2",
    "sigma",
  ];

  it("unit weights reproduce OLS exactly", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const a = ols(x, y);
    const b = wls(
      x,
      y,
      x.map(() => 1),
    );
    for (const k of fields) expectClose(b[k] as number, a[k] as number, 1e-12);
    expectClose(b.ci[0], a.ci[0], 1e-12);
    expectClose(b.ci[1], a.ci[1], 1e-12);
  });

  it("integer frequency weights: same line and R² as repeated rows, SE differs by sqrt((Σw−2)/(n−2))", () => {
    const x = [1, 2, 3, 4];
    const y = [1, 3, 2, 5];
    const w = [1, 2, 3, 1];
    const weighted = wls(x, y, w);
    const expanded = ols([1, 2, 2, 3, 3, 3, 4], [1, 3, 3, 2, 2, 2, 5]);
    expectClose(weighted.slope, expanded.slope, 1e-12);
    expectClose(weighted.intercept, expanded.intercept, 1e-12);
    expectClose(weighted.r2, expanded.r2, 1e-12);
    // Same SSE and Sxx, but σ̂² divides by n − 2 = 2 rows versus Σw − 2 = 5 expanded rows.
    expect(weighted.df).toBe(2);
    expect(expanded.df).toBe(5);
    expectClose(weighted.slopeSE, expanded.slopeSE * Math.sqrt(5 / 2), 1e-12);
    expectClose(weighted.interceptSE, expanded.interceptSE * Math.sqrt(5 / 2), 1e-12);
  });

  it("hand-computed weighted fit: x=[0,1,2], y=[0,2,1], w=[1,2,1]", () => {
    // Σw = 4, x̄w = (0+2+2)/4 = 1, ȳw = (0+4+1)/4 = 5/4.
    // Sxx = 1·1 + 2·0 + 1·1 = 2; Sxy = 1·(−1)(−5/4) + 2·0·(3/4) + 1·(1)(−1/4) = 1 → slope 1/2,
    // intercept = 5/4 − 1/2 = 3/4. ŷ = 3/4, 5/4, 7/4 → e = −3/4, 3/4, −3/4.
    // SSE_w = (1+2+1)·9/16 = 9/4; SST_w = 1·25/16 + 2·9/16 + 1·1/16 = 44/16 = 11/4.
    // r2 = 1 − (9/4)/(11/4) = 2/11. σ̂² = (9/4)/1 = 9/4 → sigma 3/2; SE(slope) = sqrt((9/4)/2) = 1.5/√2;
    // SE(intercept) = sqrt(9/4·(1/4 + 1/2)) = 1.5·sqrt(3/4); t = 0.5/(1.5/√2) = √2/3;
    // 1 df → p = 1 − (2/π)·atan(√2/3) = 0.7195622019924565.
    const f = wls([0, 1, 2], [0, 2, 1], [1, 2, 1]);
    expect(f.n).toBe(3);
    expect(f.df).toBe(1);
    expectClose(f.slope, 0.5);
    expectClose(f.intercept, 0.75);
    expectClose(f.r2, 2 / 11);
    expectClose(f.sigma, 1.5);
    expectClose(f.slopeSE, 1.5 / Math.SQRT2);
    expectClose(f.interceptSE, 1.5 * Math.sqrt(0.75));
    expectClose(f.t, Math.SQRT2 / 3);
    expectClose(f.p, 1 - (2 / Math.PI) * Math.atan(Math.SQRT2 / 3));
    expectClose(f.p, 0.7195622019924565);
  });

  it("rescaling all weights changes only sigma (inverse-variance weights are relative)", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const a = wls(x, y, [1, 2, 1, 3, 1]);
    const b = wls(x, y, [10, 20, 10, 30, 10]);
    for (const k of ["slope", "intercept", "slopeSE", "interceptSE", "t", "p", "r2"] as const) {
      expectClose(b[k], a[k], 1e-12);
    }
    expectClose(b.sigma, a.sigma * Math.sqrt(10), 1e-12);
  });

  it("a zero weight drops the row, n and df included", () => {
    const dropped = wls([1, 2, 3, 4, 5, 6], [2, 4, 5, 4, 5, 100], [1, 1, 1, 1, 1, 0]);
    const ref = ols([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    for (const k of fields) expectClose(dropped[k] as number, ref[k] as number, 1e-12);
    // Even a NaN value carries no weight once w = 0.
    expectClose(wls([1, 2, 3, 4, 5, 6], [2, 4, 5, 4, 5, NaN], [1, 1, 1, 1, 1, 0]).slope, 0.6);
    const allZero = wls([1, 2, 3], [1, 2, 3], [0, 0, 0]);
    expect(allZero.n).toBe(0);
    expect(allZero.slope).toBeNaN();
  });

  it("rejects negative weights and mismatched lengths", () => {
    expect(() => wls([1, 2, 3], [1, 2, 3], [1, -1, 1])).toThrow(RangeError);
    expect(() => wls([1, 2, 3], [1, 2, 3], [1, 1])).toThrow(RangeError);
    expect(() => wls([1, 2, 3], [1, 2], [1, 1, 1])).toThrow(RangeError);
  });

  it("small n: p and CI NaN", () => {
    const f = wls([1, 2], [1, 3], [1, 5]);
    expect(f.slope).toBe(2);
    expect(f.p).toBeNaN();
    expect(f.ci[0]).toBeNaN();
  });
});

describe("normalQQ", () => {
  it("Filliben medians for n = 5", () => {
    // m5 = 0.5^(1/5), m1 = 1 − m5, m_i = (i − 0.3175)/5.365: m2 = 1.6825/5.365, m3 = 2.6825/5.365 = 0.5, m4 = 3.6825/5.365.
    const m = fillibenMedians(5);
    expectClose(m[4], Math.pow(0.5, 0.2), 1e-15);
    expectClose(m[0], 1 - Math.pow(0.5, 0.2), 1e-15);
    expectClose(m[1], 1.6825 / 5.365, 1e-15);
    expectClose(m[2], 0.5, 1e-15);
    expectClose(m[3], 3.6825 / 5.365, 1e-15);
    expect(fillibenMedians(1)).toEqual([0.5]);
    expect(fillibenMedians(0)).toEqual([]);
  });

  it("[1,2,3,4,5] matches scipy.stats.probplot", () => {
    // Theoretical quantiles are symmetric: (−a, −b, 0, b, a) with a = Φ⁻¹(0.5^(1/5)) = 1.1289975352961017
    // and b = Φ⁻¹(3.6825/5.365) = 0.48565270657569204 (scipy values). With sample 1..5 (x̄ = 3):
    // Σt(x−3) = 2·2a + 2·b = 4a + 2b, Σt² = 2a² + 2b², Σ(x−3)² = 10, so
    // slope = (2a + b)/(a² + b²) = 1.816391063055823, intercept = 3 − slope·0 = 3,
    // r = (4a + 2b)/sqrt((2a² + 2b²)·10) = (2a + b)/sqrt(5(a² + b²)) = 0.9983523729245841 (scipy's r).
    const a = 1.1289975352961017;
    const b = 0.48565270657569204;
    const qq = normalQQ([5, 3, 1, 4, 2]);
    expect(qq.points.map((p) => p.sample)).toEqual([1, 2, 3, 4, 5]);
    [-a, -b, 0, b, a].forEach((t, i) => expectClose(qq.points[i].theoretical, t, 1e-12));
    expectClose(qq.slope, (2 * a + b) / (a * a + b * b), 1e-12);
    expectClose(qq.slope, 1.816391063055823, 1e-12);
    expectClose(qq.intercept, 3, 1e-12);
    expectClose(qq.r, 0.9983523729245841, 1e-12);
    expectClose(qq.r2, 0.9983523729245841 ** 2, 1e-12);
  });

  it("a sample equal to 2 + 3·(normal order-statistic medians) fits perfectly", () => {
    const n = 12;
    const ideal = fillibenMedians(n).map((m) => 2 + 3 * normalQuantile(m));
    const shuffled = [...ideal].reverse(); // order must not matter
    const qq = normalQQ(shuffled);
    expectClose(qq.slope, 3, 1e-12);
    expectClose(qq.intercept, 2, 1e-12);
    expectClose(qq.r2, 1, 1e-12);
  });

  it("edge cases", () => {
    const empty = normalQQ([]);
    expect(empty.points).toEqual([]);
    expect(empty.r2).toBeNaN();
    const one = normalQQ([4]);
    expect(one.points).toEqual([{ theoretical: 0, sample: 4 }]);
    expect(one.slope).toBeNaN();
    const constant = normalQQ([2, 2, 2]);
    expect(constant.slope).toBe(0);
    expect(constant.r2).toBeNaN();
  });
});

describe("trendDirection", () => {
  it("reads significance at alpha", () => {
    expect(trendDirection({ slope: 1.5, p: 0.01 })).toBe("up");
    expect(trendDirection({ slope: -0.2, p: 0.049 })).toBe("down");
    expect(trendDirection({ slope: 1.5, p: 0.05 })).toBe("flat"); // p ≥ alpha
    expect(trendDirection({ slope: 1.5, p: 0.07 }, 0.1)).toBe("up");
    expect(trendDirection({ slope: NaN, p: 0.01 })).toBe("flat");
    expect(trendDirection({ slope: 1, p: NaN })).toBe("flat");
    expect(trendDirection(ols([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))).toBe("flat"); // p ≈ 0.124
    expect(trendDirection(ols([1, 2, 3, 4], [9, 7.1, 5, 2.9]))).toBe("down");
    expect(() => trendDirection({ slope: 1, p: 0.01 }, 0)).toThrow(RangeError);
  });
});
