// The distribution functions of src/lib/stats (distributions.ts over src/lib/stats/special)
// against 40-digit values from their definitions (tests/fixtures/stats/make-special-reference.py,
// mpmath, with SciPy's values alongside): Student's t from 0.5 to 1e8 degrees of freedom, tails
// down to 1e-300, quantiles next to 0, ½ and 1, chi-square and F up to 1e6 error df, the normal,
// log-gamma. The tolerances are the accuracy the module documents.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareSurvival,
  fCdf,
  fSurvival,
  logChoose,
  logGamma,
  normalQuantile,
  tCdf,
  tQuantile,
  twoSidedNormalPValue,
  twoSidedTPValue,
} from "../src/lib/stats/index.js";
import { betaIncomplete } from "../src/lib/stats/special/beta.js";
import { gammaIncomplete } from "../src/lib/stats/special/gamma.js";

interface Reference {
  tCdf: { t: number; df: number; lower: number; upper: number; twoSided: number }[];
  tQuantile: { p: number; df: number; t: number | null }[];
  chiSquare: { x: number; df: number; cdf: number; sf: number }[];
  f: { f: number; df1: number; df2: number; cdf: number; sf: number }[];
  normalTwoSided: { z: number; p: number }[];
  normalQuantile: { p: number; z: number }[];
  logGamma: { x: number; value: number }[];
}

const reference: Reference = JSON.parse(
  readFileSync(new URL("./fixtures/stats/special-reference.json", import.meta.url), "utf8"),
);

/** Largest relative error of `actual` against `expected` over a list, with the worst case named. */
function worst<T>(cases: T[], pairs: (c: T) => [number, number][]): { error: number; at?: T } {
  let error = 0;
  let at: T | undefined;
  for (const c of cases) {
    for (const [actual, expected] of pairs(c)) {
      const e = actual === expected ? 0 : Math.abs(actual - expected) / Math.abs(expected);
      if (!(e <= error)) {
        error = e;
        at = c;
      }
    }
  }
  return { error, at };
}

describe("Student's t", () => {
  it("gives both sides of the CDF and the two-sided p to 1e-12, df 0.5 to 1e8, tails to 1e-210", () => {
    const result = worst(reference.tCdf, (c) => [
      [tCdf(-c.t, c.df), c.lower],
      [tCdf(c.t, c.df), c.upper],
      [twoSidedTPValue(c.t, c.df), c.twoSided],
    ]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-12);
    expect(reference.tCdf.some((c) => c.lower < 1e-200)).toBe(true);
    expect(reference.tCdf.some((c) => c.df === 1e8)).toBe(true);
  });

  it("inverts the CDF to 1e-12, for p next to 0, ½ and 1", () => {
    const finite = reference.tQuantile.filter((c) => c.t !== null) as { p: number; df: number; t: number }[];
    const result = worst(finite, (c) => [[tQuantile(c.p, c.df), c.t]]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-12);
    expect(finite.length).toBeGreaterThan(150);
  });

  it("matches the closed forms of the Cauchy (df = 1) and df = 2", () => {
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 14);
    expect(tCdf(-1e-8, 1)).toBeCloseTo(0.5 - Math.atan(1e-8) / Math.PI, 17);
    expect(tQuantile(1e-300, 1)).toBeCloseTo(-1 / (Math.PI * 1e-300), -290);
    expect(tQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 14);
  });

  it("keeps a far tail when t² overflows, and gives ±Infinity beyond the largest double", () => {
    // P(T ≥ 1e160) for df = 1 is 1/(π·1e160) to first order.
    expect(tCdf(-1e160, 1) / (1 / (Math.PI * 1e160))).toBeCloseTo(1, 12);
    expect(tQuantile(1e-300, 0.5)).toBe(-Infinity);
    expect(tQuantile(1 - 1e-16, 0.5)).toBeGreaterThan(1e30);
  });

  it("follows the normal when df is infinite and handles the edges", () => {
    expect(tCdf(1.96, Infinity)).toBeCloseTo(0.9750021048517795, 15);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(tCdf(0, 3)).toBe(0.5);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(tQuantile(0.5, 3)).toBe(0);
    for (const bad of [
      tCdf(NaN, 3),
      tCdf(1, 0),
      tCdf(1, -2),
      tQuantile(1.5, 3),
      tQuantile(-0.1, 3),
      tQuantile(0.3, 0),
    ]) {
      expect(bad).toBeNaN();
    }
  });
});

describe("chi-square and F", () => {
  it("gives chi-square CDF and survival to 1e-12, df 1 to 1e5, tails to 1e-300", () => {
    const result = worst(reference.chiSquare, (c) => [
      [chiSquareCdf(c.x, c.df), c.cdf],
      [chiSquareSurvival(c.x, c.df), c.sf],
    ]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-12);
    expect(reference.chiSquare.some((c) => c.sf < 1e-250)).toBe(true);
  });

  it("gives F CDF and survival to 1e-11, error df 1 to 1e6", () => {
    const result = worst(reference.f, (c) => [
      [fCdf(c.f, c.df1, c.df2), c.cdf],
      [fSurvival(c.f, c.df1, c.df2), c.sf],
    ]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-11);
    expect(reference.f.some((c) => c.df2 === 1e6 && c.sf < 1e-100)).toBe(true);
  });

  it("computes each tail on its own side: 1 − cdf would round these to 0", () => {
    expect(chiSquareSurvival(1000, 1)).toBeGreaterThan(0);
    expect(1 - chiSquareCdf(1000, 1)).toBe(0);
    expect(fSurvival(100, 6, 230000)).toBeGreaterThan(0);
    expect(1 - fCdf(100, 6, 230000)).toBe(0);
  });
});

describe("normal", () => {
  it("gives two-sided p-values to 1e-13, down to 1e-299", () => {
    const result = worst(reference.normalTwoSided, (c) => [[twoSidedNormalPValue(c.z), c.p]]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-13);
    expect(twoSidedNormalPValue(0)).toBe(1);
    expect(twoSidedNormalPValue(-1.96)).toBe(twoSidedNormalPValue(1.96));
  });

  it("inverts the CDF to 1e-15 from p = 1e-300 to 1 − 1e-10 (AS 241)", () => {
    const result = worst(reference.normalQuantile, (c) => [[normalQuantile(c.p), c.z]]);
    expect(result.error, JSON.stringify(result.at)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.2)).toBeNaN();
  });
});

describe("log-gamma", () => {
  it("agrees to 1e-14 (relative, or absolute below 1) from 1e-300 to 1e100 and for negative x", () => {
    for (const c of reference.logGamma) {
      expect(Math.abs(logGamma(c.x) - c.value), `x = ${c.x}`).toBeLessThan(
        1e-14 * Math.max(1, Math.abs(c.value)),
      );
    }
  });

  it("is exact at 1 and 2, infinite at the poles, and gives log C(n, k)", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 10);
    expect(logChoose(5, 6)).toBe(-Infinity);
  });
});

describe("the special functions themselves", () => {
  it("refuse arguments outside their domain with NaN", () => {
    expect(betaIncomplete(0, 1, 0.5, 0.5, false)).toBeNaN();
    expect(betaIncomplete(1, 1, 1.5, -0.5, false)).toBeNaN();
    expect(gammaIncomplete(-1, 1, true)).toBeNaN();
    expect(gammaIncomplete(1, -1, true)).toBeNaN();
  });

  it("give I_x(1, 1) = x and P(1, x) = 1 − e^(−x) exactly enough, and stay in [0, 1]", () => {
    for (const x of [1e-300, 0.001, 0.3, 0.5, 0.9]) {
      expect(betaIncomplete(1, 1, x, 1 - x, false)).toBeCloseTo(x, 15);
      expect(gammaIncomplete(1, x, false) / -Math.expm1(-x)).toBeCloseTo(1, 14);
    }
    // A tiny shape: Q(a, x) ≈ a·E₁(x), not 1 − P rounded to 0 or below.
    const q = gammaIncomplete(1e-10, 0.25, true);
    expect(q).toBeGreaterThan(0);
    expect(q / (1e-10 * 1.0442826344437381)).toBeCloseTo(1, 4);
  });
});
