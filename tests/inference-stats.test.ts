// The inference statistics of src/lib/stats against values computed independently by
// tests/fixtures/stats/make-inference-reference.py (numpy/scipy matrix algebra, SciPy's own
// Benjamini–Hochberg, brute-force enumeration), plus hand-checked properties.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  benjaminiHochberg,
  expectedRichness,
  gini,
  holm,
  randomEffectsTrend,
  topShare,
  wls,
} from "../src/lib/stats/index.js";

const reference = JSON.parse(
  readFileSync(new URL("./fixtures/stats/inference-reference.json", import.meta.url), "utf8"),
);

function expectClose(actual: number, expected: number, tol = 1e-9): void {
  const bound = tol * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    throw new Error(`expected ${actual} to be within ${bound} of ${expected}`);
  }
}

describe("multiple testing", () => {
  it("adjusts p-values like SciPy's Benjamini–Hochberg", () => {
    const adjusted = benjaminiHochberg(reference.multiple.p);
    reference.multiple.bh.forEach((e: number, i: number) => expectClose(adjusted[i], e, 1e-12));
  });

  it("adjusts p-values by Holm's step-down method", () => {
    const adjusted = holm(reference.multiple.p);
    reference.multiple.holm.forEach((e: number, i: number) => expectClose(adjusted[i], e, 1e-12));
  });

  it("leaves untested items as NaN and leaves them out of the family size", () => {
    // Two real tests: BH of [0.01, 0.04] is [0.02, 0.04]; Holm is [0.02, 0.04].
    expect(benjaminiHochberg([0.01, NaN, 0.04])).toEqual([0.02, NaN, 0.04]);
    expect(holm([0.01, NaN, 0.04])).toEqual([0.02, NaN, 0.04]);
  });

  it("refuses p-values outside [0, 1]", () => {
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow(RangeError);
  });

  it("finds no discovery among 300 null p-values at the 5 % level, though the raw list has some", () => {
    // Uniform p-values from a fixed linear congruential sequence: what pure noise gives.
    let state = 12345;
    const p = Array.from({ length: 300 }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state + 0.5) / 2 ** 31;
    });
    expect(p.filter((x) => x < 0.05).length).toBeGreaterThan(5);
    expect(benjaminiHochberg(p).filter((x) => x < 0.05)).toHaveLength(0);
    expect(holm(p).filter((x) => x < 0.05)).toHaveLength(0);
  });
});

describe("exact rarefaction", () => {
  it("equals the mean over every possible sample, for every sample size", () => {
    const { n, incidence, expected } = reference.rarefaction;
    for (const [m, value] of Object.entries(expected)) {
      expectClose(expectedRichness(incidence, n, Number(m)), value as number, 1e-12);
    }
  });

  it("matches exact integer binomials on a large group", () => {
    const { n, m, incidence, expected } = reference.rarefaction.large;
    expectClose(expectedRichness(incidence, n, m), expected, 1e-10);
  });

  it("gives the item count when the whole group is drawn, and NaN for a sample larger than the group", () => {
    expect(expectedRichness([3, 1, 2], 3, 3)).toBe(3);
    expect(expectedRichness([3, 1, 2], 3, 4)).toBeNaN();
    expect(() => expectedRichness([4], 3, 2)).toThrow(RangeError);
  });
});

describe("random-effects trend", () => {
  for (const c of reference.trend) {
    it(`matches the numpy reference (${c.name})`, () => {
      const fit = randomEffectsTrend(c.x, c.y, c.v, { origin: c.origin });
      const e = c.expected;
      for (const key of [
        "slope",
        "intercept",
        "tau2",
        "qE",
        "i2",
        "seKnappHartung",
        "seNeweyWest",
        "slopeSE",
        "p",
        "lag1",
        "durbinWatson",
      ] as const) {
        expectClose(fit[key], e[key], 1e-7);
      }
      expectClose(fit.ci[0], e.ci[0], 1e-7);
      expectClose(fit.ci[1], e.ci[1], 1e-7);
      expect(fit.lag).toBe(e.lag);
    });
  }

  it("finds no between-year variance when the scatter is sampling noise", () => {
    const c = reference.trend.find((t: { name: string }) => t.name === "homogeneous");
    expect(randomEffectsTrend(c.x, c.y, c.v).tau2).toBe(0);
  });

  it("is not dragged by one busy year the way recipe-weighted least squares is", () => {
    // Ten years on the line 1 + 0.1·year with a fixed between-year wobble (sd ≈ 0.3), each year's
    // mean over 1,000 recipes of sd 10 — except the last, 100,000 recipes and 2 above the line.
    const x = Array.from({ length: 10 }, (_, i) => i);
    const wobble = [0.3, -0.2, 0.4, -0.3, 0.1, -0.4, 0.2, 0.3, -0.1, 2];
    const y = x.map((xi, i) => 1 + 0.1 * xi + wobble[i]);
    const n = x.map((_, i) => (i === 9 ? 100_000 : 1_000));
    const v = n.map((ni) => 100 / ni);
    const old = wls(x, y, n);
    const fit = randomEffectsTrend(x, y, v);
    expect(fit.tau2).toBeGreaterThan(0.1);
    // WLS follows the busy year (slope ≈ 0.37); the random-effects slope stays near the line.
    expect(old.slope).toBeGreaterThan(0.3);
    expect(Math.abs(fit.slope - 0.1)).toBeLessThan(Math.abs(old.slope - 0.1) / 2);
    expect(fit.slopeSE).toBeGreaterThan(old.slopeSE);
  });

  it("reports the intercept at the first year, and NaN estimates for fewer than three years", () => {
    const fit = randomEffectsTrend([2001, 2002, 2003, 2004], [1, 2, 3, 4.5], [0.1, 0.1, 0.1, 0.1]);
    expect(fit.origin).toBe(2001);
    expectClose(fit.intercept + fit.slope * 0, fit.intercept);
    expect(Math.abs(fit.intercept - 0.9)).toBeLessThan(0.5);
    const tiny = randomEffectsTrend([2001, 2002], [1, 2], [0.1, 0.1]);
    expect(tiny.slope).toBeNaN();
    expect(tiny.p).toBeNaN();
  });
});

describe("concentration", () => {
  it("computes the Gini coefficient and the top-5 share like the double-loop reference", () => {
    const { values, gini: g, top5 } = reference.concentration;
    expectClose(gini(values), g, 1e-12);
    expectClose(topShare(values, 5), top5, 1e-12);
  });

  it("is 0 for equal values and (n − 1)/n when one value holds everything", () => {
    expect(gini([4, 4, 4, 4])).toBe(0);
    expectClose(gini([0, 0, 0, 10]), 0.75);
    expect(gini([])).toBeNaN();
  });
});
