// The Trends analyses' SQL against a tiny crafted dataset in a real in-memory DuckDB
// (tests/helpers/trends-data.ts: years 2000, 2001, 2002 and 2004, fourteen recipes), with values
// computed by hand: per-year counts, means, standard deviations, medians and their standard errors,
// quantiles, the minutes histogram and the pooled "latest" window, nutrient counts, item counts,
// exact rarefaction (against expectedRichness), share slopes, and each output checked against its
// contract (the schema the analysis declares).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../data-loaders/duckdb/session.js";
import { computeItems } from "../data-loaders/analyses/trends/_items.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { PAGES, computePage, pageAnalyses } from "../data-loaders/analyses/registry.js";

const trendsAnalyses = pageAnalyses("trends");
import {
  trendsDataSchema,
  type ComplexityData,
  type DurationData,
  type ItemsData,
  type NutritionData,
  type VolumeData,
} from "../src/lib/contracts/trends.js";
import { expectedRichness, randomEffectsTrend } from "../src/lib/stats/index.js";
import { rankItems } from "../src/lib/trends/items.js";
import { craftedSession, INGREDIENTS, RECIPES } from "./helpers/trends-data.js";

/** z of the McKean–Schrader standard error (the 97.5 % normal quantile). */
const Z = 1.959963984540054;

/** Weighted least squares slope in closed form, independent of the statistics module. */
function wlsSlope(x: number[], y: number[], w: number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const xm = x.reduce((a, xi, i) => a + w[i] * xi, 0) / sw;
  const ym = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  const sxy = x.reduce((a, xi, i) => a + w[i] * (xi - xm) * (y[i] - ym), 0);
  const sxx = x.reduce((a, xi, i) => a + w[i] * (xi - xm) ** 2, 0);
  return sxy / sxx;
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────
let session: Session;
let context: AnalysisContext;
const results = new Map<string, unknown>();
const output = <T>(name: string) => results.get(name) as T;

beforeAll(async () => {
  session = await craftedSession();
  context = { session, snapshot: {} as AnalysisContext["snapshot"] };
  for (const a of trendsAnalyses) results.set(a.name, await a.run(context));
});
afterAll(() => session?.close());

describe("trends analyses registry", () => {
  it("registers the six analyses under trends/ and the page data file", () => {
    expect(trendsAnalyses.map((a) => a.name)).toEqual([
      "trends/complexity",
      "trends/duration",
      "trends/ingredients",
      "trends/nutrition",
      "trends/tags",
      "trends/volume",
    ]);
    expect(trendsAnalyses.map((a) => a.source)).toContain("data-loaders/analyses/trends/volume.ts");
    expect(PAGES.trends.file).toBe("data/trends.json");
  });

  it("computes the page data as one object keyed by analysis", async () => {
    const page = await computePage("trends", context);
    expect(Object.keys(page)).toEqual([
      "complexity",
      "duration",
      "ingredients",
      "nutrition",
      "tags",
      "volume",
    ]);
  });

  it.each(trendsAnalyses.map((a) => [a.name, a] as const))(
    "%s matches the schema it declares, the page contract's entry, and survives JSON",
    (name, analysis) => {
      const value = output(name);
      expect(analysis.schema).toBe(
        trendsDataSchema.shape[name.slice("trends/".length) as keyof typeof trendsDataSchema.shape],
      );
      expect(analysis.schema.safeParse(value).error?.issues).toBeUndefined();
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    },
  );
});

describe("trends/volume", () => {
  it("counts recipes per year and gives a year without recipes a zero", () => {
    const v = output<VolumeData>("trends/volume");
    expect(v.perYear).toEqual([
      { year: 2000, n: 4 },
      { year: 2001, n: 4 },
      { year: 2002, n: 2 },
      { year: 2003, n: 0 },
      { year: 2004, n: 4 },
    ]);
  });

  it("summarises the full span: total, mean, earliest peak on a tie, quartiles, sample sd", () => {
    const s = output<VolumeData>("trends/volume").fullSpan;
    expect(s).toMatchObject({
      from: 2000,
      to: 2004,
      years: 5,
      total: 14,
      mean: 2.8,
      peakYear: 2000,
      peakN: 4,
    });
    // Sorted counts 0, 2, 4, 4, 4.
    expect(s.stats).toMatchObject({ min: 0, q1: 2, median: 4, q3: 4, max: 4 });
    expect(s.stats.mean).toBeCloseTo(2.8, 12);
    expect(s.stats.std).toBeCloseTo(Math.sqrt(3.2), 12);
    expect(s.stats.cv).toBeCloseTo(Math.sqrt(3.2) / 2.8, 12);
  });

  it("describes concentration instead of testing normality: Gini, and no busiest-five share over five years", () => {
    const s = output<VolumeData>("trends/volume").fullSpan;
    // Σ|xi − xj| over ordered pairs of 0, 2, 4, 4, 4 is 40; G = 40 / (2·5²·2.8).
    expect(s.concentration.gini).toBeCloseTo(40 / (2 * 25 * 2.8), 12);
    expect(s.concentration).toMatchObject({ busiestYears: 5, busiestShare: null });
    expect(s).not.toHaveProperty("qq");
  });

  it("fits the headline trend of the counts with Poisson variances (v = n), intercept at the first year", () => {
    const s = output<VolumeData>("trends/volume").fullSpan;
    const counts = [4, 4, 2, 0, 4];
    const direct = randomEffectsTrend([2000, 2001, 2002, 2003, 2004], counts, counts, { origin: 2000 });
    expect(s.headline?.slope).toBeCloseTo(direct.slope, 12);
    expect(s.headline?.p).toBeCloseTo(direct.p, 12);
    expect(s.headline).toMatchObject({ origin: 2000, years: 5 });
  });
});

describe("trends/duration", () => {
  it("gives per-year n, mean, sample sd, median and linearly interpolated quantiles of minutes", () => {
    const [y2000, y2001, y2002, y2004] = output<DurationData>("trends/duration").perYear;
    // 2000: minutes 10, 20, 30, 40 → h = 3p.
    expect(y2000).toMatchObject({ year: 2000, n: 4, mean: 25, median: 25 });
    expect(y2000.sd).toBeCloseTo(Math.sqrt(500 / 3), 12);
    const expected2000 = {
      q05: 11.5,
      q10: 13,
      q25: 17.5,
      q33: 19.9,
      q66: 29.8,
      q75: 32.5,
      q90: 37,
      q95: 38.5,
    };
    for (const [k, v] of Object.entries(expected2000))
      expect(y2000[k as keyof typeof y2000]).toBeCloseTo(v, 9);
    // 2001: minutes 20, 20, 60, 100.
    expect(y2001).toMatchObject({ year: 2001, n: 4, mean: 50, median: 40, q25: 20 });
    expect(y2001.q75).toBeCloseTo(70, 9);
    expect(y2001.q66).toBeCloseTo(59.2, 9);
    expect(y2001.q95).toBeCloseTo(94, 9);
    expect(y2002).toMatchObject({ year: 2002, n: 2, mean: 10, median: 10 });
    expect(y2004).toMatchObject({ year: 2004, n: 4, mean: 2.5, median: 2.5 });
  });

  it("gives the McKean–Schrader standard error of each median from its order statistics", () => {
    const [y2000, y2001, y2002, y2004] = output<DurationData>("trends/duration").perYear;
    // n = 4: c = round(2.5 − z·1) = 1 → (x(4) − x(1)) / 2z. n = 2: c = round(1.5 − z·0.707) = 0 → 1.
    expect(y2000.medianSE).toBeCloseTo((40 - 10) / (2 * Z), 12);
    expect(y2001.medianSE).toBeCloseTo((100 - 20) / (2 * Z), 12);
    expect(y2002.medianSE).toBeCloseTo((15 - 5) / (2 * Z), 12);
    expect(y2004.medianSE).toBeCloseTo((4 - 1) / (2 * Z), 12);
  });

  it("counts recipes per minute value, per year, aligned on the years and the sorted minute values", () => {
    const { histogram, perYear } = output<DurationData>("trends/duration");
    expect(histogram.minutes).toEqual([1, 2, 3, 4, 5, 10, 15, 20, 30, 40, 60, 100]);
    expect(histogram.counts).toEqual([
      [0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 1],
      [0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    histogram.counts.forEach((row, j) => expect(row.reduce((a, b) => a + b, 0)).toBe(perYear[j].n));
  });

  it("pools the last three years with recipes for the 'latest' figures, with DuckDB's own quantiles of them", async () => {
    const { latest } = output<DurationData>("trends/duration").fullSpan;
    expect(latest).toMatchObject({ from: 2001, to: 2004, recipes: 10 });
    expect(latest.mean).toBeCloseTo((200 + 20 + 10) / 10, 12);
    const [direct] = await session.query<{ q: number[] }>(
      `SELECT quantile_cont(minutes, [0.5, 0.05, 0.1, 0.25, 0.33, 0.66, 0.75, 0.9, 0.95])::DOUBLE[] AS q
       FROM recipes WHERE year IN (2001, 2002, 2004)`,
    );
    const keys = ["median", "q05", "q10", "q25", "q33", "q66", "q75", "q90", "q95"] as const;
    keys.forEach((k, i) => expect(latest[k], k).toBeCloseTo(direct.q[i], 12));
    expect(latest.median).toBe(10);
  });

  it("keeps the WLS trends (recipes as weights), intercept at the first year, and adds the headline fits", () => {
    const d = output<DurationData>("trends/duration");
    const x = [2000, 2001, 2002, 2004];
    const w = [4, 4, 2, 4];
    const mean = d.fullSpan.trend.mean!;
    expect(mean.slope).toBeCloseTo(wlsSlope(x, [25, 50, 10, 2.5], w), 10);
    expect(d.fullSpan.trend.median?.slope).toBeCloseTo(wlsSlope(x, [25, 40, 10, 2.5], w), 10);
    // The line through the weighted means: intercept = ȳw − slope·(x̄w − 2000).
    const xw = x.reduce((a, xi, i) => a + w[i] * xi, 0) / 14;
    const yw = (4 * 25 + 4 * 50 + 2 * 10 + 4 * 2.5) / 14;
    expect(mean.origin).toBe(2000);
    expect(mean.intercept).toBeCloseTo(yw - mean.slope * (xw - 2000), 9);
    expect(mean.years).toBe(4);
    const sd = d.perYear.map((r) => r.sd!);
    const direct = randomEffectsTrend(
      x,
      [25, 50, 10, 2.5],
      sd.map((s, i) => (s * s) / w[i]),
      { origin: 2000 },
    );
    expect(d.fullSpan.headline.mean?.slope).toBeCloseTo(direct.slope, 12);
    expect(d.fullSpan.headline.mean?.p).toBeCloseTo(direct.p, 12);
    expect(d.fullSpan.headline.median?.origin).toBe(2000);
    expect(d.fullSpan).toMatchObject({ from: 2000, to: 2004, years: 4, recipes: 14 });
  });
});

describe("trends/complexity", () => {
  it("gives per-year means and sample standard deviations", () => {
    const [y2000, y2001] = output<ComplexityData>("trends/complexity").perYear;
    expect(y2000).toMatchObject({ year: 2000, n: 4, score: 13, steps: 5, ingredients: 3, ingredientsSd: 0 });
    expect(y2000.scoreSd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(y2000.stepsSd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(y2001).toMatchObject({ score: 11, scoreSd: 0, steps: 5, ingredients: 4 });
  });
});

describe("trends/nutrition", () => {
  it("averages each nutrient over its own values per year, skipping null calories, and takes medians", () => {
    const [y2000, , y2002] = output<NutritionData>("trends/nutrition").perYear;
    // 2000 calories 100, null, 300, 500; the %DV columns are calories / 10, or 1 where calories are null.
    expect(y2000.n).toBe(4);
    expect(y2000.count).toMatchObject({ calories: 3, protein: 4, sugar: 4 });
    expect(y2000.mean.calories).toBe(300);
    expect(y2000.sd.calories).toBeCloseTo(200, 12);
    expect(y2000.median.calories).toBe(300);
    // n = 3: c = round(2 − z·0.866) = 0 → 1: the extremes.
    expect(y2000.medianSE.calories).toBeCloseTo((500 - 100) / (2 * Z), 12);
    expect(y2000.mean.protein).toBeCloseTo((10 + 1 + 30 + 50) / 4, 12);
    expect(y2000.median.sugar).toBeCloseTo(20, 12);
    expect(y2002.mean.carbohydrates).toBeCloseTo(10, 12);
  });

  it("weights each nutrient's WLS fit by its own number of values, not by the year's recipes", () => {
    const d = output<NutritionData>("trends/nutrition");
    const x = [2000, 2001, 2002, 2004];
    const calories = d.perYear.map((r) => r.mean.calories!);
    expect(calories).toEqual([300, 200, 100, 80]);
    expect(d.fullSpan.trend.mean.calories?.slope).toBeCloseTo(wlsSlope(x, calories, [3, 4, 2, 4]), 10);
    expect(d.fullSpan.trend.mean.calories?.slope).not.toBeCloseTo(wlsSlope(x, calories, [4, 4, 2, 4]), 6);
  });
});

describe("trends/ingredients and trends/tags", () => {
  const options = { minCount: 2, sampleSize: 4 } as const;

  it("counts recipes containing each item per year, a repeated item once, items under the minimum left out", async () => {
    const d = await computeItems(session, { kind: "ingredients", ...options });
    expect(d.years).toEqual([2000, 2001, 2002, 2004]);
    expect(d.recipes).toEqual([4, 4, 2, 4]);
    expect(d.items).toEqual(["sugar", "salt", "butter"]);
    expect(d.totals).toEqual([8, 6, 3]);
    expect(d.counts).toEqual([
      [4, 3, 1, 0],
      [0, 1, 1, 4],
      [1, 1, 0, 1],
    ]);
  });

  it("counts distinct items per year, all items included; rarefying to the year's size gives them all", async () => {
    const d = await computeItems(session, { kind: "ingredients", ...options });
    expect(d.diversity.distinct).toEqual([3, 4, 3, 2]);
    // Four recipes drawn from four: every item is drawn. 2002 has fewer recipes than four.
    expect(d.diversity.rarefied).toEqual([3, 4, null, 2]);
    expect(d.diversity).not.toHaveProperty("samples");
  });

  it("rarefies exactly: the SQL's lgamma values equal expectedRichness of each year's item incidences", async () => {
    for (const sampleSize of [1, 2, 3]) {
      const d = await computeItems(session, { kind: "ingredients", minCount: 2, sampleSize });
      d.years.forEach((year, j) => {
        const ids = RECIPES.filter((r) => r[1] === year).map((r) => r[0]);
        const incidence = new Map<string, number>();
        for (const id of ids)
          for (const item of new Set(INGREDIENTS[id])) incidence.set(item, (incidence.get(item) ?? 0) + 1);
        const expected = expectedRichness([...incidence.values()], ids.length, sampleSize);
        // A year with fewer recipes than the sample has no rarefied value (expectedRichness: NaN).
        if (ids.length < sampleSize) expect(Number.isNaN(expected) && d.diversity.rarefied[j]).toBeNull();
        else expect(d.diversity.rarefied[j], `${year}, m = ${sampleSize}`).toBeCloseTo(expected, 10);
      });
    }
    // One recipe drawn: the mean number of distinct items per recipe. 2001: 3 + 1 + 1 + 1 items.
    const one = await computeItems(session, { kind: "ingredients", minCount: 2, sampleSize: 1 });
    expect(one.diversity.rarefied[1]).toBeCloseTo(6 / 4, 12);
  });

  it("tests every ranked item's share with the headline fit, adjusts by Benjamini–Hochberg, keeps the WLS slope", async () => {
    const d = await computeItems(session, { kind: "ingredients", ...options });
    const ranked = rankItems(d, { from: 2000, to: 2004 });
    expect(ranked.map((r) => r.item)).toEqual(["sugar", "salt", "butter"]);
    const [sugar, salt, butter] = ranked;
    // sugar's shares 1, .75, .5, 0 and salt's 0, .25, .5, 1 lie exactly on lines of ∓0.25 per year.
    expect(sugar.wlsSlope).toBeCloseTo(-0.25, 12);
    expect(salt.wlsSlope).toBeCloseTo(0.25, 12);
    expect(sugar.slope).toBeCloseTo(-0.25, 12);
    expect(salt.slope).toBeCloseTo(0.25, 12);
    expect(butter.wlsSlope).toBeCloseTo(
      wlsSlope([2000, 2001, 2002, 2004], [0.25, 0.25, 0, 0.25], [4, 4, 2, 4]),
      12,
    );
    // Pooled-share variances p̄(1 − p̄)/N_t for butter (p̄ = 3/14).
    const p = 3 / 14;
    const direct = randomEffectsTrend(
      [2000, 2001, 2002, 2004],
      [0.25, 0.25, 0, 0.25],
      [4, 4, 2, 4].map((n) => (p * (1 - p)) / n),
      { origin: 2000 },
    );
    expect(butter.slope).toBeCloseTo(direct.slope, 12);
    expect(butter.p).toBeCloseTo(direct.p, 12);
    // Benjamini–Hochberg by hand over the three p-values: q(3) = p(3), q(2) = min(q(3), 3/2·p(2)),
    // q(1) = min(q(2), 3·p(1)) in ascending order of p.
    const sorted = [...ranked].sort((a, b) => a.p! - b.p!);
    const q3 = sorted[2].p!;
    const q2 = Math.min(q3, 1.5 * sorted[1].p!);
    const q1 = Math.min(q2, 3 * sorted[0].p!);
    [q1, q2, q3].forEach((q, i) => expect(sorted[i].q).toBeCloseTo(q, 14));
    expect(sorted[2].item).toBe("butter");
  });

  it("calls nobody a riser or a decliner over four years, however clear the line, but says how many were tested", async () => {
    const s = (await computeItems(session, { kind: "ingredients", ...options })).fullSpan;
    expect(s.years).toBe(4);
    expect(s.tested).toBe(3);
    expect(s.risers).toEqual([]);
    expect(s.decliners).toEqual([]);
    expect(s).toMatchObject({ significantRisers: 0, significantDecliners: 0, structuralExcluded: 0 });
    expect(s.top).toEqual([
      { item: "sugar", count: 8 },
      { item: "salt", count: 6 },
      { item: "butter", count: 3 },
    ]);
  });

  it("runs the same analysis on tags; a constant share cannot be tested", async () => {
    const d = await computeItems(session, { kind: "tags", ...options });
    expect(d.kind).toBe("tags");
    expect(d.items).toEqual(["easy", "dessert"]);
    expect(d.counts).toEqual([
      [4, 4, 2, 4],
      [2, 0, 0, 1],
    ]);
    const ranked = rankItems(d, { from: 2000, to: 2004 });
    expect(ranked.find((r) => r.item === "easy")).toMatchObject({ slope: null, p: null, q: null });
    expect(d.fullSpan.tested).toBe(1);
  });

  it("uses the original's minimum of 50 recipes and 100-recipe rarefaction by default", () => {
    expect(output<ItemsData>("trends/ingredients").minCount).toBe(50);
    expect(output<ItemsData>("trends/ingredients").items).toEqual([]);
    expect(output<ItemsData>("trends/ingredients").diversity.sampleSize).toBe(100);
  });
});
