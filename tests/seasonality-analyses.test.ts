// The Seasonality analyses' SQL and statistics on a crafted dataset in a real in-memory DuckDB
// (tests/helpers/seasonality-data.ts), checked against values computed independently with numpy and
// scipy by tests/fixtures/seasonality/crafted.py: per-season counts and calendar days, both
// chi-square goodness-of-fit tests, ANOVA, Kruskal–Wallis and box plots per documented period,
// and the per-item chi-square tests with BH. Every output is checked against its contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeItems } from "../data-loaders/analyses/seasonality/_items.js";
import { PAGES, pageAnalyses } from "../data-loaders/analyses/registry.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import type { Session } from "../data-loaders/duckdb/session.js";
import {
  complexityDataSchema,
  durationDataSchema,
  nutritionDataSchema,
  volumeDataSchema,
  type ComplexityData,
  type DurationData,
  type NutritionData,
  type VolumeData,
} from "../src/lib/contracts/seasonality.js";
import { CRAFTED, seasonalitySession } from "./helpers/seasonality-data.js";

const E = CRAFTED.expected;
const analyses = pageAnalyses("seasonality");
let session: Session;
const results = new Map<string, unknown>();
const output = <T>(key: string) => results.get(`seasonality/${key}`) as T;

beforeAll(async () => {
  session = await seasonalitySession();
  const context = { session, snapshot: {} as AnalysisContext["snapshot"] };
  for (const a of analyses) results.set(a.name, await a.run(context));
});
afterAll(() => session?.close());

describe("seasonality analyses registry", () => {
  it("finds the six analyses of the page's data file", () => {
    expect(analyses.map((a) => a.name)).toEqual([
      "seasonality/complexity",
      "seasonality/duration",
      "seasonality/ingredients",
      "seasonality/nutrition",
      "seasonality/tags",
      "seasonality/volume",
    ]);
    expect(PAGES.seasonality.file).toBe("data/seasonality.json");
  });

  it("returns results that satisfy the page contract", () => {
    const data = Object.fromEntries(analyses.map((a) => [a.name.split("/")[1], results.get(a.name)]));
    expect(PAGES.seasonality.schema.safeParse(data).success).toBe(true);
  });
});

describe("seasonality/volume", () => {
  it("counts recipes per season and calendar days of the span, every year from first to last", () => {
    const v = volumeDataSchema.parse(output<VolumeData>("volume"));
    expect(v.perYear.map((r) => r.year)).toEqual([
      2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010,
    ]);
    expect(v.perYear.find((r) => r.year === 2005)!.n).toEqual([0, 0, 0, 0]);
    // 2000 is a leap year: its winter (Jan, Feb, Dec) has 91 days.
    expect(v.perYear[0].days).toEqual([91, 92, 92, 91]);
    expect(v.fullSpan.seasons.map((s) => [s.season, s.n])).toEqual([
      ["winter", E.counts[0]],
      ["spring", E.counts[1]],
      ["summer", E.counts[2]],
      ["autumn", E.counts[3]],
    ]);
    expect(v.fullSpan.seasons.map((s) => s.days)).toEqual(E.days);
    expect(v.fullSpan.max).toBe("winter");
    expect(v.fullSpan.min).toBe("spring");
    const mean = E.counts.reduce((a: number, b: number) => a + b, 0) / 4;
    expect(v.fullSpan.seasons[0].deviation).toBeCloseTo((E.counts[0] - mean) / mean, 12);
  });

  it("tests the counts against equal shares and calendar shares as scipy.stats.chisquare", () => {
    const { equalShares, calendar } = output<VolumeData>("volume").fullSpan;
    expect(equalShares.df).toBe(3);
    expect(equalShares.statistic).toBeCloseTo(E.equalShares.statistic, 10);
    expect(equalShares.p).toBeCloseTo(E.equalShares.p, 10);
    expect(calendar!.statistic).toBeCloseTo(E.calendar.statistic, 10);
    expect(calendar!.p).toBeCloseTo(E.calendar.p, 10);
  });
});

describe("seasonality/duration", () => {
  it("offers the full span and the decades with recipes in every season", () => {
    const d = durationDataSchema.parse(output<DurationData>("duration"));
    // 2010 alone has recipes in every season (Feb, Apr, Aug, Nov, Dec), so its decade is offered.
    expect(d.periods.map((p) => [p.kind, p.from, p.to])).toEqual([
      ["full", 2000, 2010],
      ["decade", 2000, 2009],
      ["decade", 2010, 2010],
    ]);
  });

  it("computes Kruskal–Wallis (tie-corrected) and box plots per period as scipy and numpy", () => {
    const d = output<DurationData>("duration");
    for (const [key, period] of [
      ["2000-2010", d.periods[0]],
      ["2000-2009", d.periods[1]],
    ] as const) {
      const e = E.duration[key];
      expect(period.kruskal.n).toBe(e.kruskal.n);
      expect(period.kruskal.H).toBeCloseTo(e.kruskal.H, 10);
      expect(period.kruskal.p).toBeCloseTo(e.kruskal.p, 10);
      expect(period.kruskal.epsilonSquared).toBeCloseTo(e.kruskal.epsilonSquared, 10);
      period.boxes.forEach((b, i) => {
        expect(b).toMatchObject({
          q1: e.boxes[i].q1,
          median: e.boxes[i].median,
          q3: e.boxes[i].q3,
          whiskerLow: e.boxes[i].whiskerLow,
          whiskerHigh: e.boxes[i].whiskerHigh,
          outliers: e.boxes[i].outliers,
        });
      });
    }
  });

  it("pools per-year sums into season means and the ANOVA of scipy.stats.f_oneway", () => {
    const { fullSpan } = output<DurationData>("duration");
    fullSpan.seasons.forEach((s, i) => {
      expect(s.mean).toBeCloseTo(E.anova.minutes.means[i], 10);
      expect(s.sd).toBeCloseTo(E.anova.minutes.sds[i], 10);
    });
    expect(fullSpan.anova!.F).toBeCloseTo(E.anova.minutes.F, 10);
    expect(fullSpan.anova!.p).toBeCloseTo(E.anova.minutes.p, 10);
    expect(fullSpan.anova!.etaSquared).toBeCloseTo(E.anova.minutes.etaSquared, 10);
  });
});

describe("seasonality/complexity", () => {
  it("tests each measure per period with Kruskal–Wallis and Holm-adjusts the three", () => {
    const c = complexityDataSchema.parse(output<ComplexityData>("complexity"));
    const [span, decade] = c.periods;
    for (const m of ["score", "steps", "ingredients"] as const) {
      expect(span.kruskal[m].H).toBeCloseTo(E.complexity["2000-2010"][m].H, 10);
      expect(decade.kruskal[m].p).toBeCloseTo(E.complexity["2000-2009"][m].p, 10);
    }
    // Holm on three p-values: the smallest times 3, never below an earlier adjusted value.
    const ps = (["score", "steps", "ingredients"] as const).map((m) => span.kruskal[m].p!);
    const smallest = Math.min(...ps);
    expect(Math.min(...Object.values(span.holm).map(Number))).toBeCloseTo(Math.min(1, 3 * smallest), 12);
  });

  it("computes the score's ANOVA from pooled sums as scipy", () => {
    const { fullSpan } = output<ComplexityData>("complexity");
    expect(fullSpan.measures.score.anova!.F).toBeCloseTo(E.anova.score.F, 9);
    expect(fullSpan.measures.score.anova!.p).toBeCloseTo(E.anova.score.p, 9);
  });
});

describe("seasonality/nutrition", () => {
  it("skips missing calories and matches scipy's ANOVA; z-scores of the four means sum to zero", () => {
    const n = nutritionDataSchema.parse(output<NutritionData>("nutrition"));
    const cal = n.fullSpan.nutrients.calories;
    const withCalories = CRAFTED.recipes.filter((r) => r.calories !== null).length;
    expect(cal.seasons.reduce((a, s) => a + s.n, 0)).toBe(withCalories);
    cal.seasons.forEach((s, i) => expect(s.mean).toBeCloseTo(E.anova.calories.means[i], 10));
    expect(cal.anova!.F).toBeCloseTo(E.anova.calories.F, 9);
    expect(cal.z.reduce((a, z) => a! + z!, 0)).toBeCloseTo(0, 12);
    // The %DV columns are calories / 10 in the crafted data: the same test, the same p.
    expect(n.fullSpan.nutrients.protein.anova!.p).toBeCloseTo(cal.anova!.p!, 10);
  });
});

describe("seasonality items", () => {
  it("counts recipes containing each candidate per year and season, once per recipe, and tests them as scipy", async () => {
    const items = await computeItems(session, { kind: "ingredients", minRecipes: 3, maxItems: 300 });
    // "rare" (two recipes) is below the minimum; salt is in every recipe: a candidate with nothing to test.
    expect(items.items).toEqual(["salt", "sugar", "basil"]);
    const y2000 = items.years.indexOf(2000);
    expect(items.recipes[y2000]).toEqual([5, 4, 3, 3]);
    expect(items.counts[0].slice(y2000 * 4, y2000 * 4 + 4)).toEqual([5, 4, 3, 3]);
    const rows = Object.fromEntries(items.fullSpan.rows.map((r) => [r.item, r]));
    expect(items.fullSpan.tested).toBe(2);
    for (const item of ["sugar", "basil"]) {
      const e = E.items[item];
      expect(rows[item].statistic).toBeCloseTo(e.statistic, 10);
      expect(rows[item].p).toBeCloseTo(e.p, 12);
      expect(rows[item].cramersV).toBeCloseTo(e.cramersV, 10);
      expect(rows[item].q).toBeCloseTo(e.q, 12);
      expect(rows[item].significant).toBe(true);
      expect(rows[item].shares.map((s, i) => s * items.fullSpan.recipes[i])).toEqual(
        e.present.map((k: number) => expect.closeTo(k, 9)),
      );
    }
    // Ranked by Cramér's V: sugar (V ≈ 0.82) before basil (≈ 0.75).
    expect(items.fullSpan.rows.map((r) => r.item)).toEqual(["sugar", "basil"]);
  });

  it("leaves structural tags out of the tested family by default", async () => {
    const tags = await computeItems(session, { kind: "tags", minRecipes: 3, maxItems: 300 });
    expect(tags.items).toContain("preparation");
    expect(tags.fullSpan.structuralExcluded).toBe(1);
    expect(tags.fullSpan.rows.map((r) => r.item)).not.toContain("preparation");
  });

  it("keeps at most maxItems candidates, the most frequent first", async () => {
    const items = await computeItems(session, { kind: "ingredients", minRecipes: 1, maxItems: 2 });
    expect(items.items).toEqual(["salt", "sugar"]);
  });
});
