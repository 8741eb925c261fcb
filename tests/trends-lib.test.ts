// The browser side of the Trends page (src/lib/trends): year ranges, recomputation for a range,
// the WLS and headline trends, the pooled "latest" window, concentration of the yearly counts,
// items tested with Benjamini–Hochberg and bookkeeping tags left out, the choice of takeaway
// sentences by sign, significance and number of years in both languages — and the loaders'
// full-span figures equal to what the page computes for the full range, on a deterministic
// synthetic dataset in a real DuckDB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import { pageAnalyses } from "../data-loaders/analyses/registry.js";

const trendsAnalyses = pageAnalyses("trends");
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { CUISINES, GENERIC_TAGS, TIME_TAGS } from "../data-loaders/generate/vocab-tags.js";
import type {
  DurationSummary,
  DurationYear,
  HeadlineFit,
  ItemsSummary,
  MinutesHistogram,
  NutritionYear,
  TrendsData,
  VolumeSummary,
  YearCount,
} from "../src/lib/contracts/trends.js";
import { translator, type Lang } from "../src/lib/i18n/index.js";
import { benjaminiHochberg, holm, quantile, randomEffectsTrend, wls } from "../src/lib/stats/index.js";
import { summarizeComplexity } from "../src/lib/trends/complexity.js";
import {
  histogramQuantile,
  LATEST_YEARS,
  latestWindow,
  summarizeDuration,
} from "../src/lib/trends/duration.js";
import {
  ALPHA,
  direction,
  fitTrend,
  headlineTrend,
  meanVariance,
  MIN_TREND_YEARS,
  trendAt,
} from "../src/lib/trends/fit.js";
import {
  diversityRows,
  rankItems,
  shareRows,
  summarizeItems,
  type ItemsInput,
} from "../src/lib/trends/items.js";
import { nutritionTable, summarizeNutrition } from "../src/lib/trends/nutrition.js";
import { filterYears, fullRange, yearIndices, yearRange } from "../src/lib/trends/range.js";
import { isStructuralTag } from "../src/lib/trends/structural-tags.js";
import {
  durationTakeaway,
  formatSlope,
  itemsTakeaway,
  nutritionTakeaway,
  renderTakeaway,
  slopeDigits,
  trendSentence,
  volumeTakeaway,
} from "../src/lib/trends/takeaways.js";
import { BUSIEST_YEARS, lorenzCurve, summarizeVolume } from "../src/lib/trends/volume.js";

const ctx = (lang: Lang) => ({ lang, t: translator(lang) });

/** A headline fit with the given slope, p and years (other fields plausible). */
const fitOf = (slope: number, p: number, years = 20): HeadlineFit => ({
  slope,
  intercept: 100,
  origin: 1999,
  slopeSE: 0.05,
  seMethod: "knapp-hartung",
  seKnappHartung: 0.05,
  seNeweyWest: 0.04,
  p,
  ci: [slope - 0.1, slope + 0.1],
  years,
  tau2: 0.3,
  i2: 0.8,
  lag1: 0.1,
  durbinWatson: 1.8,
  neweyWestLag: 2,
});

describe("year ranges", () => {
  const rows = [2003, 1999, 2001].map((year) => ({ year }));

  it("spans the data's first and last year, whatever the order", () => {
    expect(fullRange(rows)).toEqual({ from: 1999, to: 2003 });
    expect(() => fullRange([])).toThrow(/no years/);
  });

  it("accepts the two ends in either order", () => {
    expect(yearRange(2010, 2004)).toEqual({ from: 2004, to: 2010 });
  });

  it("filters rows and column indices, both ends included", () => {
    expect(filterYears(rows, { from: 2001, to: 2003 }).map((r) => r.year)).toEqual([2003, 2001]);
    expect(yearIndices([1999, 2000, 2001, 2002], { from: 2000, to: 2001 })).toEqual([1, 2]);
  });
});

describe("volume for a range", () => {
  const perYear: YearCount[] = [
    { year: 2000, n: 10 },
    { year: 2001, n: 30 },
    { year: 2002, n: 20 },
    { year: 2003, n: 30 },
    { year: 2004, n: 5 },
    { year: 2005, n: 40 },
    { year: 2006, n: 15 },
  ];

  it("recomputes years, total, mean, the earliest peak and the quartiles for the range", () => {
    const s = summarizeVolume(perYear, { from: 2001, to: 2003 });
    expect(s).toMatchObject({ from: 2001, to: 2003, years: 3, total: 80, peakYear: 2001, peakN: 30 });
    expect(s.mean).toBeCloseTo(80 / 3, 12);
    expect(s.stats).toMatchObject({ min: 20, q1: 25, median: 30, q3: 30, max: 30 });
  });

  it("gives the share of the five busiest years only when the range has more than five", () => {
    const all = summarizeVolume(perYear, { from: 2000, to: 2006 });
    // Busiest five: 40 + 30 + 30 + 20 + 15 = 135 of 150.
    expect(all.concentration.busiestShare).toBeCloseTo(135 / 150, 12);
    expect(all.concentration.busiestYears).toBe(BUSIEST_YEARS);
    expect(summarizeVolume(perYear, { from: 2000, to: 2004 }).concentration.busiestShare).toBeNull();
  });

  it("computes the Gini coefficient as the mean absolute difference over twice the mean", () => {
    const counts = perYear.map((d) => d.n);
    let sum = 0;
    for (const a of counts) for (const b of counts) sum += Math.abs(a - b);
    const mean = counts.reduce((x, y) => x + y, 0) / counts.length;
    const s = summarizeVolume(perYear, { from: 2000, to: 2006 });
    expect(s.concentration.gini).toBeCloseTo(sum / (2 * counts.length ** 2 * mean), 12);
  });

  it("draws a Lorenz curve whose area gap to the diagonal is half the Gini coefficient", () => {
    const points = lorenzCurve(perYear);
    expect(points[0]).toMatchObject({ years: 0, recipes: 0 });
    expect(points[points.length - 1]).toMatchObject({ years: 1, recipes: 1 });
    expect(points.map((p) => p.n)).toEqual([0, 5, 10, 15, 20, 30, 30, 40]);
    let area = 0;
    for (let i = 1; i < points.length; i++)
      area += ((points[i].years - points[i - 1].years) * (points[i].recipes + points[i - 1].recipes)) / 2;
    const s = summarizeVolume(perYear, { from: 2000, to: 2006 });
    expect(2 * (0.5 - area)).toBeCloseTo(s.concentration.gini!, 12);
  });

  it("fits the headline trend of the counts with Poisson variances, intercept at the first year", () => {
    const s = summarizeVolume(perYear, { from: 2000, to: 2006 });
    const counts = perYear.map((d) => d.n);
    const direct = randomEffectsTrend(
      perYear.map((d) => d.year),
      counts,
      counts,
      { origin: 2000 },
    );
    expect(s.headline).toMatchObject({ slope: direct.slope, p: direct.p, origin: 2000, years: 7 });
  });

  it("has no concentration or trend for one year, and throws on a range without years", () => {
    const one = summarizeVolume(perYear, { from: 2004, to: 2004 });
    expect(one).toMatchObject({ years: 1, total: 5, peakYear: 2004, headline: null });
    expect(one.concentration).toMatchObject({ busiestShare: null, gini: null });
    expect(one.stats.std).toBeNull();
    expect(() => summarizeVolume(perYear, { from: 1990, to: 1995 })).toThrow(/no year/);
  });
});

describe("WLS trends of yearly values", () => {
  const rows = [
    { year: 2000, n: 10, v: 5 },
    { year: 2001, n: 1, v: 9 },
    { year: 2002, n: 5, v: 4 },
    { year: 2003, n: 8, v: 2 },
  ];

  it("is the statistics module's WLS with the year's recipes as weights, intercept at the first year", () => {
    const fit = fitTrend(rows, (r) => r.v)!;
    const direct = wls([2000, 2001, 2002, 2003], [5, 9, 4, 2], [10, 1, 5, 8]);
    expect(fit.slope).toBeCloseTo(direct.slope, 10);
    expect(fit.r2).toBeCloseTo(direct.r2, 12);
    expect(fit.p).toBeCloseTo(direct.p, 12);
    expect(fit.ci[0]).toBeCloseTo(direct.ci[0], 10);
    expect(fit.years).toBe(4);
    // statsmodels reports the value at year 0; the page reports it at the range's first year.
    expect(fit.origin).toBe(2000);
    expect(fit.intercept).toBeCloseTo(direct.intercept + direct.slope * 2000, 8);
    expect(trendAt(fit, 2003)).toBeCloseTo(direct.intercept + direct.slope * 2003, 8);
    expect(fitTrend(rows, (r) => r.v, { origin: 1990 })!.intercept).toBeCloseTo(
      direct.intercept + direct.slope * 1990,
      8,
    );
  });

  it("leaves out years without a value or a weight, and needs three years", () => {
    const withGaps = [...rows, { year: 2004, n: 0, v: 100 }, { year: 2005, n: 3, v: Number.NaN }];
    expect(fitTrend(withGaps, (r) => r.v)).toEqual(fitTrend(rows, (r) => r.v));
    expect(fitTrend(rows.slice(0, 2), (r) => r.v)).toBeNull();
  });

  it("gives no fit for values that do not vary (no p-value), so JSON never carries NaN", () => {
    expect(fitTrend(rows, () => 3)).toBeNull();
  });
});

describe("headline trends of yearly values", () => {
  const rows = [
    { year: 2000, n: 40, v: 5, sd: 2 },
    { year: 2001, n: 1, v: 9, sd: null },
    { year: 2002, n: 50, v: 4, sd: 3 },
    { year: 2003, n: 80, v: 2, sd: 2.5 },
    { year: 2004, n: 60, v: 2.5, sd: 1 },
  ];
  const variance = (r: (typeof rows)[number]) => meanVariance(r.sd, r.n);

  it("is the random-effects trend with v = sd²/n, over the years that have a variance", () => {
    const fit = headlineTrend(rows, (r) => r.v, variance, { origin: 2000 })!;
    const kept = rows.filter((r) => r.sd !== null);
    const direct = randomEffectsTrend(
      kept.map((r) => r.year),
      kept.map((r) => r.v),
      kept.map((r) => (r.sd! * r.sd!) / r.n),
      { origin: 2000 },
    );
    expect(fit).toMatchObject({
      slope: direct.slope,
      intercept: direct.intercept,
      origin: 2000,
      slopeSE: direct.slopeSE,
      seMethod: direct.seMethod,
      p: direct.p,
      years: 4,
      tau2: direct.tau2,
      i2: direct.i2,
      lag1: direct.lag1,
      durbinWatson: direct.durbinWatson,
      neweyWestLag: direct.lag,
    });
    expect(fit.slopeSE).toBe(Math.max(fit.seKnappHartung, fit.seNeweyWest));
  });

  it("has no sampling variance for a single value, and no fit for values that do not vary", () => {
    expect(meanVariance(null, 1)).toBeNull();
    expect(meanVariance(2, 1)).toBeNull();
    expect(meanVariance(2, 4)).toBe(1);
    expect(headlineTrend(rows, () => 7, variance)).toBeNull();
    expect(headlineTrend(rows.slice(0, 3), (r) => r.v, variance)).toBeNull();
  });

  it("calls a slope a rise or a fall only when p < α over at least five years", () => {
    expect(MIN_TREND_YEARS).toBe(5);
    expect(direction(fitOf(1, 0.001, 5))).toBe("up");
    expect(direction(fitOf(-1, 0.001, 5))).toBe("down");
    expect(direction(fitOf(-1, 0.001, 4))).toBe("flat");
    expect(direction(fitOf(1, 0.05))).toBe("flat");
    expect(direction(fitOf(1, 0.049))).toBe("up");
    expect(direction(null)).toBe("flat");
  });
});

/** Per-year rows and a histogram built from explicit minutes, so every expectation is a plain computation. */
function durationData(minutes: Record<number, number[]>): {
  perYear: DurationYear[];
  histogram: MinutesHistogram;
} {
  const years = Object.keys(minutes)
    .map(Number)
    .sort((a, b) => a - b);
  const values = [...new Set(Object.values(minutes).flat())].sort((a, b) => a - b);
  const perYear = years.map((year) => {
    const xs = minutes[year];
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : null;
    const q = (p: number) => quantile(xs, p);
    return {
      year,
      n,
      mean,
      sd,
      median: q(0.5),
      medianSE: sd === null ? null : sd / Math.sqrt(n),
      q05: q(0.05),
      q10: q(0.1),
      q25: q(0.25),
      q33: q(0.33),
      q66: q(0.66),
      q75: q(0.75),
      q90: q(0.9),
      q95: q(0.95),
    };
  });
  const histogram = {
    minutes: values,
    counts: years.map((year) => values.map((v) => minutes[year].filter((x) => x === v).length)),
  };
  return { perYear, histogram };
}

describe("preparation time for a range", () => {
  const minutes: Record<number, number[]> = {
    2000: [10, 20, 30, 40, 50],
    2001: [15, 25, 35, 45],
    2002: [5, 5, 60, 90, 120, 30],
    2003: [20, 20, 20, 25],
    2004: [60],
    2005: [10, 30],
  };
  const { perYear, histogram } = durationData(minutes);

  it("pools the last three years of the range that have recipes, with exact quantiles", () => {
    expect(LATEST_YEARS).toBe(3);
    const w = latestWindow(perYear, histogram, { from: 2000, to: 2005 });
    const pooled = [...minutes[2003], ...minutes[2004], ...minutes[2005]];
    expect(w).toMatchObject({ from: 2003, to: 2005, recipes: pooled.length });
    expect(w.mean).toBeCloseTo(pooled.reduce((a, b) => a + b, 0) / pooled.length, 12);
    for (const [k, p] of [
      ["median", 0.5],
      ["q05", 0.05],
      ["q25", 0.25],
      ["q33", 0.33],
      ["q66", 0.66],
      ["q95", 0.95],
    ] as const)
      expect(w[k], k).toBeCloseTo(quantile(pooled, p), 12);
    // A shorter range pools what it has.
    const short = latestWindow(perYear, histogram, { from: 2001, to: 2002 });
    expect(short).toMatchObject({ from: 2001, to: 2002, recipes: 10 });
    expect(short.median).toBeCloseTo(quantile([...minutes[2001], ...minutes[2002]], 0.5), 12);
  });

  it("takes quantiles of (value, count) pairs like the quantiles of the values repeated", () => {
    const values = [1, 3, 4, 10];
    const counts = [2, 0, 5, 1];
    const expanded = [1, 1, 4, 4, 4, 4, 4, 10];
    for (const p of [0, 0.05, 0.1, 0.33, 0.5, 0.66, 0.9, 0.99, 1])
      expect(histogramQuantile(values, counts, p), String(p)).toBeCloseTo(quantile(expanded, p), 12);
    expect(histogramQuantile(values, [0, 0, 0, 0], 0.5)).toBeNaN();
  });

  it("recomputes the WLS and headline trends from the range's years only", () => {
    const all = summarizeDuration(perYear, histogram, { from: 2000, to: 2005 });
    const part = summarizeDuration(perYear, histogram, { from: 2001, to: 2003 });
    expect(part).toMatchObject({ years: 3, recipes: 14 });
    const rows = perYear.filter((r) => r.year >= 2001 && r.year <= 2003);
    const direct = randomEffectsTrend(
      rows.map((r) => r.year),
      rows.map((r) => r.median),
      rows.map((r) => r.medianSE! ** 2),
      { origin: 2001 },
    );
    expect(part.headline.median?.slope).toBeCloseTo(direct.slope, 12);
    expect(part.trend.mean?.origin).toBe(2001);
    expect(part.trend.mean?.slope).not.toBeCloseTo(all.trend.mean!.slope, 6);
    // 2004 has one recipe: no variance, so it is in the WLS fit but not in the headline one.
    expect(all.trend.mean?.years).toBe(6);
    expect(all.headline.mean?.years).toBe(5);
  });
});

describe("nutrition for a range", () => {
  const nutrients = [
    "calories",
    "totalFat",
    "sugar",
    "sodium",
    "protein",
    "saturatedFat",
    "carbohydrates",
  ] as const;
  const perYear: NutritionYear[] = [2000, 2001, 2002, 2003, 2004, 2005].map((year, i) => {
    const per = <T>(f: (k: (typeof nutrients)[number], j: number) => T) =>
      Object.fromEntries(nutrients.map((k, j) => [k, f(k, j)])) as Record<(typeof nutrients)[number], T>;
    return {
      year,
      n: 100,
      count: per((k) => (k === "calories" ? 50 + 10 * i : 100)),
      mean: per((_, j) => 100 + j * 10 - (j + 1) * i + (i % 2) * (j % 3)),
      sd: per(() => 20),
      median: per((_, j) => 90 + j * 10 - j * i + ((i + j) % 2)),
      medianSE: per(() => 2),
    };
  });

  it("weights each nutrient's WLS fit by its own count of values", () => {
    const s = summarizeNutrition(perYear, { from: 2000, to: 2005 });
    const direct = wls(
      perYear.map((r) => r.year - 2000),
      perYear.map((r) => r.mean.calories!),
      perYear.map((r) => r.count.calories),
    );
    expect(s.trend.mean.calories?.slope).toBeCloseTo(direct.slope, 12);
    const headline = randomEffectsTrend(
      perYear.map((r) => r.year),
      perYear.map((r) => r.mean.calories!),
      perYear.map((r) => 400 / r.count.calories),
      { origin: 2000 },
    );
    expect(s.headline.mean.calories?.slope).toBeCloseTo(headline.slope, 12);
  });

  it("adjusts the seven headline p-values by Holm, and counts moves with the adjusted ones", () => {
    const s = summarizeNutrition(perYear, { from: 2000, to: 2005 });
    for (const statistic of ["mean", "median"] as const) {
      const p = nutrients.map((k) => s.headline[statistic][k]!.p);
      const adjusted = holm(p);
      nutrients.forEach((k, i) => expect(s.holm[statistic][k]).toBeCloseTo(adjusted[i], 14));
    }
    const [count] = nutritionTakeaway(s, "mean", ctx("en"));
    const moved = nutrients.filter((k) => s.holm.mean[k]! < ALPHA).length;
    expect(Number(count.params.down) + Number(count.params.up)).toBe(moved);
  });

  it("gives the CSV one row per year with each nutrient's value, count and spread", () => {
    const [row] = nutritionTable(perYear, "median");
    expect(row).toMatchObject({ year: 2000, n: 100, calories: 90, caloriesCount: 50, caloriesSE: 2 });
    expect(nutritionTable(perYear, "mean")[0]).toMatchObject({ calories: 100, caloriesSd: 20 });
  });
});

describe("items tested for a change of share", () => {
  // Years 2000–2005, 1,000 recipes a year. Shares on exact lines: a +1 point a year, b +3, c −2;
  // d wanders without a trend; f loses more than c between the end years but falls less steeply
  // over the six; e is rare (under the minimum); preparation is a bookkeeping tag on every recipe
  // but a few.
  const data: ItemsInput = {
    kind: "tags",
    minCount: 100,
    years: [2000, 2001, 2002, 2003, 2004, 2005],
    recipes: [1000, 1000, 1000, 1000, 1000, 1000],
    diversity: { distinct: [10, 9, 8, 7, 7, 6], rarefied: [6, 5, 5, 4, 4.5, 4], sampleSize: 50 },
    items: ["preparation", "c", "b", "d", "a", "f", "60-minutes-or-less", "e"],
    totals: [5950, 1500, 1050, 606, 450, 570, 700, 12],
    counts: [
      [990, 995, 990, 995, 990, 990],
      [300, 280, 260, 240, 220, 200],
      [100, 130, 160, 190, 220, 250],
      [100, 103, 98, 101, 99, 105],
      [50, 60, 70, 80, 90, 100],
      [110, 100, 100, 90, 100, 70],
      [100, 110, 120, 120, 120, 130],
      [2, 2, 2, 2, 2, 2],
    ],
  };
  const full = { from: 2000, to: 2005 };

  it("ranks every item above the minimum, bookkeeping tags left out, most frequent first", () => {
    const s = summarizeItems(data, full);
    expect(s.top.map((d) => d.item)).toEqual(["c", "b", "d", "f", "a"]);
    expect(s).toMatchObject({ itemsRanked: 5, structuralExcluded: 2, tested: 5 });
    const all = summarizeItems(data, full, { includeStructural: true });
    expect(all.top.map((d) => d.item)).toEqual([
      "preparation",
      "c",
      "b",
      "60-minutes-or-less",
      "d",
      "f",
      "a",
    ]);
    expect(all).toMatchObject({ itemsRanked: 7, structuralExcluded: 0, tested: 7 });
  });

  it("leaves ingredient lists alone: only tags have bookkeeping entries", () => {
    const s = summarizeItems({ ...data, kind: "ingredients" }, full);
    expect(s.structuralExcluded).toBe(0);
    expect(s.itemsRanked).toBe(7);
  });

  it("adjusts the tested items' p-values by Benjamini–Hochberg, the family being the items ranked", () => {
    const ranked = rankItems(data, full);
    const q = benjaminiHochberg(ranked.map((r) => r.p!));
    ranked.forEach((r, i) => expect(r.q).toBeCloseTo(q[i], 14));
    const wider = rankItems(data, full, { includeStructural: true });
    // A larger family: the same item's q can only stay or grow.
    const d = (list: typeof ranked) => list.find((r) => r.item === "d")!;
    expect(d(wider).p).toBe(d(ranked).p);
    expect(d(wider).q!).toBeGreaterThanOrEqual(d(ranked).q!);
  });

  it("calls only items with q < α risers or decliners, strongest slope first, with their WLS slopes", () => {
    const s = summarizeItems(data, full);
    expect(s.risers.map((m) => m.item)).toEqual(["b", "a"]);
    expect(s.risers[0].slope).toBeCloseTo(0.03, 12);
    expect(s.risers[1].slope).toBeCloseTo(0.01, 12);
    expect(s.risers[0].wlsSlope).toBeCloseTo(0.03, 12);
    expect(s.decliners[0]).toMatchObject({ item: "c" });
    expect(s.decliners[0].slope).toBeCloseTo(-0.02, 12);
    for (const m of [...s.risers, ...s.decliners]) expect(m.q).toBeLessThan(ALPHA);
    const d = rankItems(data, full).find((r) => r.item === "d")!;
    expect(d.q!).toBeGreaterThanOrEqual(ALPHA);
    expect([...s.risers, ...s.decliners].map((m) => m.item)).not.toContain("d");
    expect(s.significantRisers).toBe(2);
  });

  it("ranks by the slope over every year, not by last year minus first year", () => {
    const ranked = rankItems(data, full);
    const slope = (item: string) => ranked.find((r) => r.item === item)!.slope!;
    const row = (item: string) => data.counts[data.items.indexOf(item)];
    const drop = (item: string) => row(item)[0] - row(item)[5];
    expect(drop("f")).toBeLessThan(drop("c"));
    expect(slope("c")).toBeLessThan(slope("f"));
  });

  it("calls no item a riser or a decliner over fewer than five years, but still tests and counts them", () => {
    const s = summarizeItems(data, { from: 2001, to: 2004 });
    expect(s.years).toBe(4);
    expect(s.tested).toBeGreaterThan(0);
    expect(s.risers).toEqual([]);
    expect(s.decliners).toEqual([]);
    expect(itemsTakeaway(s, { kind: "tags", sampleSize: 50 }, ctx("en"))[0].key).toBe(
      "trends.items.movers.short",
    );
  });

  it("gives the share rows and diversity rows of a range, and the diversity trends", () => {
    const rows = shareRows(data, { from: 2004, to: 2005 }, ["b", "missing"]);
    expect(rows).toEqual([
      { item: "b", year: 2004, count: 220, recipes: 1000, share: 0.22 },
      { item: "b", year: 2005, count: 250, recipes: 1000, share: 0.25 },
    ]);
    expect(diversityRows(data, { from: 2003, to: 2003 })).toEqual([
      { year: 2003, recipes: 1000, distinct: 7, rarefied: 4 },
    ]);
    const s = summarizeItems(data, full);
    const ols = wls([0, 1, 2, 3, 4, 5], [6, 5, 5, 4, 4.5, 4], [1, 1, 1, 1, 1, 1]);
    expect(s.diversityTrend?.slope).toBeCloseTo(ols.slope, 12);
    // No sampling variance: the headline has the same slope, and an SE at least the classical one.
    expect(s.diversityHeadline?.slope).toBeCloseTo(ols.slope, 9);
    expect(s.diversityHeadline!.slopeSE).toBeGreaterThanOrEqual(ols.slopeSE * (1 - 1e-9));
  });
});

describe("bookkeeping tags", () => {
  it("are the headers of the tag tree and the tags that repeat a recipe's own figures", () => {
    for (const tag of [
      "preparation",
      "time-to-make",
      "course",
      "main-ingredient",
      "cuisine",
      "dietary",
      "occasion",
    ])
      expect(isStructuralTag(tag), tag).toBe(true);
    for (const [tag] of TIME_TAGS) expect(isStructuralTag(tag), tag).toBe(true);
    for (const tag of [
      "3-steps-or-less",
      "5-ingredients-or-less",
      "low-sodium",
      "very-low-carbs",
      "high-protein",
      "1-day-or-more",
    ])
      expect(isStructuralTag(tag), tag).toBe(true);
  });

  it("leave every tag about the food, the cuisine or the cooking in the rankings", () => {
    for (const tag of [
      "easy",
      "vegetarian",
      "main-dish",
      "desserts",
      "gluten-free",
      "slow-cooker",
      "for-1-or-2",
    ])
      expect(isStructuralTag(tag), tag).toBe(false);
    for (const { styles } of Object.values(CUISINES))
      for (const [style] of styles) expect(isStructuralTag(style), style).toBe(false);
    for (const region of Object.keys(CUISINES)) expect(isStructuralTag(region), region).toBe(false);
    const generic = GENERIC_TAGS.filter(isStructuralTag);
    expect(generic).toEqual([
      "equipment",
      "taste-mood",
      "number-of-servings",
      "technique",
      "high-in-something",
      "free-of-something",
      "very-low-carbs",
      "high-fiber",
      "high-calcium",
      "low-protein",
    ]);
  });
});

describe("takeaways choose their words by sign, significance and years", () => {
  const args = { subject: "Mean preparation time", unit: "min", from: 1999, to: 2018 };

  it.each<[HeadlineFit | null, string]>([
    [fitOf(-0.4641, 2.8e-6), "trends.sentence.down"],
    [fitOf(0.1002, 1.6e-4), "trends.sentence.up"],
    [fitOf(-0.3, 0.2), "trends.sentence.flat"],
    [fitOf(-0.3, 0.001, 4), "trends.sentence.short"],
    [null, "trends.sentence.none"],
  ])("picks the key for case %#", (fit, key) => {
    expect(trendSentence(fit, args, ctx("en")).key).toBe(key);
  });

  it("writes the slope with its confidence interval and p in English, and its French twin", () => {
    const fit = fitOf(-0.4641, 2.8e-6);
    const en = ctx("en");
    expect(en.t(...asArgs(trendSentence(fit, args, en)))).toBe(
      "Mean preparation time fell by 0.46 min per year between 1999 and 2018 (95% CI \u22120.56 to \u22120.36, p < 0.001).",
    );
    const fr = ctx("fr");
    expect(
      fr.t(...asArgs(trendSentence(fit, { ...args, subject: "Le temps de préparation moyen" }, fr))),
    ).toBe(
      "Le temps de préparation moyen a baissé de 0,46 min par an entre 1999 et 2018 (IC à 95\u00a0% \u22120,56 à \u22120,36, p < 0,001).",
    );
  });

  it("prints a non-significant slope signed, and a short series without calling it a trend", () => {
    const text = ctx("en").t(...asArgs(trendSentence(fitOf(0.0123, 0.42), args, ctx("en"))));
    expect(text).toBe(
      "Mean preparation time shows no significant trend between 1999 and 2018 (+0.012 min per year, 95% CI \u22120.088 to +0.112, p = 0.420).",
    );
    const short = ctx("en").t(
      ...asArgs(trendSentence(fitOf(-2, 0.001, 4), { ...args, from: 2015 }, ctx("en"))),
    );
    expect(short).toBe(
      "Mean preparation time: 4 years between 2015 and 2018 are too few to call a trend (at least 5); the fitted slope is \u22122.00 min per year (p = 0.001).",
    );
    expect(short).not.toMatch(/fell|rose/);
  });

  it("keeps two significant digits of small slopes", () => {
    expect(slopeDigits(0.4641)).toBe(2);
    expect(slopeDigits(0.0008)).toBe(5);
    expect(formatSlope(-0.0008123, "fr", { signed: true })).toBe("\u22120,00081");
  });

  it("builds both duration sentences from the headline fits, in both languages", () => {
    const summary = {
      from: 1999,
      to: 2018,
      years: 20,
      recipes: 1000,
      trend: { mean: null, median: null },
      headline: { mean: fitOf(-0.4641, 1e-5), median: fitOf(0.2, 0.5) },
    } as unknown as DurationSummary;
    for (const lang of ["en", "fr"] as const) {
      const c = ctx(lang);
      const sentences = durationTakeaway(summary, c);
      expect(sentences.map((s) => s.key)).toEqual(["trends.sentence.down", "trends.sentence.flat"]);
      const text = renderTakeaway(sentences, c.t);
      expect(text).not.toMatch(/[{}]|trends\./);
      expect(text).toContain(lang === "en" ? "0.46" : "0,46");
    }
  });

  it("describes the spread of the yearly counts without a normality verdict or a cause", () => {
    const s: VolumeSummary = summarizeVolume(
      [1, 2, 3, 4, 5, 6].map((i) => ({ year: 2000 + i, n: [100, 200, 300, 400, 5000, 600][i - 1] })),
      { from: 2001, to: 2006 },
    );
    const keys = volumeTakeaway(s, ctx("en")).map((x) => x.key);
    expect(keys).toEqual(["trends.volume.takeaway", "trends.volume.concentration", "trends.sentence.flat"]);
    const text = renderTakeaway(volumeTakeaway(s, ctx("en")), translator("en"));
    expect(text).toContain("The 5 busiest years hold 98% of these recipes");
    expect(text).not.toMatch(/normal|carry most/);
    expect(renderTakeaway(volumeTakeaway(s, ctx("fr")), translator("fr"))).toContain("5\u202f000");
    const one = summarizeVolume([{ year: 2004, n: 1234 }], { from: 2004, to: 2004 });
    expect(renderTakeaway(volumeTakeaway(one, ctx("en")), translator("en"))).toBe(
      "1,234 recipes were posted in 2004.",
    );
  });

  it("says how many items were tested and names the strongest significant movers with their q", () => {
    const mover = (item: string, slope: number, q: number) => ({
      item,
      slope,
      p: q / 10,
      q,
      share: 0.1,
      wlsSlope: slope,
      wlsP: 0.001,
      wlsR2: 0.9,
    });
    const summary: ItemsSummary = {
      from: 2000,
      to: 2010,
      years: 11,
      recipes: 500,
      itemsRanked: 300,
      structuralExcluded: 0,
      tested: 300,
      significantRisers: 4,
      significantDecliners: 1,
      top: [],
      risers: [mover("kosher salt", 0.0083, 0.0004)],
      decliners: [mover("sugar", -0.005, 0.012)],
      diversityTrend: null,
      diversityHeadline: fitOf(-3, 0.001),
    };
    const en = itemsTakeaway(summary, { kind: "ingredients", sampleSize: 100 }, ctx("en"));
    expect(en.map((s) => s.key)).toEqual([
      "trends.items.movers.counts",
      "trends.items.movers.both",
      "trends.sentence.down",
    ]);
    const text = renderTakeaway(en, translator("en"));
    expect(text).toContain(
      "Of 300 ingredients tested between 2000 and 2010, 4 rose and 1 fell significantly",
    );
    expect(text).toContain("kosher salt (+0.83 points of share per year, q < 0.001)");
    expect(text).toContain("sugar (\u22120.50 points per year, q = 0.012)");
    const onlyUp = itemsTakeaway(
      { ...summary, decliners: [], significantDecliners: 0 },
      { kind: "tags", sampleSize: 100 },
      ctx("fr"),
    );
    expect(onlyUp[1].key).toBe("trends.items.movers.riserOnly");
    const none = itemsTakeaway(
      {
        ...summary,
        risers: [],
        decliners: [],
        significantRisers: 0,
        significantDecliners: 0,
        diversityHeadline: null,
      },
      { kind: "tags", sampleSize: 100 },
      ctx("fr"),
    );
    expect(none.map((s) => s.key)).toEqual(["trends.items.movers.countsNone", "trends.sentence.none"]);
    expect(renderTakeaway(none, translator("fr"))).toContain("Sur 300 tags testés");
  });
});

/** A sentence as translator arguments. */
const asArgs = (s: {
  key: Parameters<ReturnType<typeof translator>>[0];
  params: Record<string, string | number>;
}) => [s.key, s.params] as const;

describe("loader full span equals the page's full range", () => {
  let session: Session;
  const data = {} as TrendsData;

  beforeAll(async () => {
    const { instance, connection } = await openConnection({ threads: 1 });
    session = wrapConnection(connection, () => {
      connection.closeSync();
      instance.closeSync();
    });
    // 3,000 deterministic recipes over twelve years; later years draw from a wider pool of
    // ingredients and tags, so shares move and diversity changes.
    await session.run(`
      CREATE TABLE recipes AS
      WITH base AS (
        SELECT i AS id,
               (1999 + hash(i, 'y') % 12)::INTEGER AS year,
               (1 + hash(i, 'm') % 180)::INTEGER AS minutes,
               (2 + hash(i, 's') % 20)::INTEGER AS n_steps,
               (3 + hash(i, 'g') % 12)::INTEGER AS n_ingredients,
               (hash(i, 'c') % 2000)::DOUBLE AS calories
        FROM range(1, 3001) t(i))
      SELECT id::INTEGER AS id, year, minutes, n_steps, n_ingredients,
             ln(1 + minutes) + n_steps + 0.5 * n_ingredients AS complexity_score,
             calories, calories / 40 AS total_fat_pct, calories / 50 AS sugar_pct, calories / 30 AS sodium_pct,
             calories / 45 AS protein_pct, calories / 60 AS sat_fat_pct, calories / 80 AS carb_pct
      FROM base;
      CREATE TABLE recipe_ingredients AS
      SELECT id AS recipe_id, j::INTEGER AS position,
             'ingredient ' || (hash(id || '-' || j || '-i') % (20 + 4 * (year - 1999)))::VARCHAR AS ingredient
      FROM recipes, range(1, 6) t(j);
      CREATE TABLE recipe_tags AS
      SELECT id AS recipe_id, j::INTEGER AS position,
             'tag-' || (hash(id, j, 't') % (30 - 2 * (year - 1999)))::VARCHAR AS tag
      FROM recipes, range(1, 4) t(j);`);
    const context = { session, snapshot: {} as AnalysisContext["snapshot"] };
    for (const a of trendsAnalyses) {
      // Through JSON, as the page receives it.
      (data as unknown as Record<string, unknown>)[a.name.slice("trends/".length)] = JSON.parse(
        JSON.stringify(await a.run(context)),
      );
    }
  });
  afterAll(() => session?.close());

  it("volume, duration, complexity and nutrition", () => {
    const range = fullRange(data.volume.perYear);
    expect(range).toEqual({ from: 1999, to: 2010 });
    expect(summarizeVolume(data.volume.perYear, range)).toEqual(data.volume.fullSpan);
    expect(summarizeDuration(data.duration.perYear, data.duration.histogram, range)).toEqual(
      data.duration.fullSpan,
    );
    expect(summarizeComplexity(data.complexity.perYear, range)).toEqual(data.complexity.fullSpan);
    expect(summarizeNutrition(data.nutrition.perYear, range)).toEqual(data.nutrition.fullSpan);
    expect(data.duration.fullSpan.trend.mean).not.toBeNull();
    expect(data.duration.fullSpan.headline.mean).not.toBeNull();
    expect(data.nutrition.fullSpan.headline.mean.calories).not.toBeNull();
  });

  it("ingredients and tags, with significant movers", () => {
    for (const items of [data.ingredients, data.tags]) {
      const range = { from: items.years[0], to: items.years[items.years.length - 1] };
      expect(summarizeItems(items, range)).toEqual(items.fullSpan);
      expect(items.fullSpan.tested).toBeGreaterThan(0);
      expect(items.fullSpan.risers.length + items.fullSpan.decliners.length).toBeGreaterThan(0);
    }
    // The ingredient pool widens every year: early ingredients lose share, significantly.
    expect(data.ingredients.fullSpan.decliners.length).toBeGreaterThan(0);
    for (const m of data.ingredients.fullSpan.decliners) expect(m.q).toBeLessThan(ALPHA);
  });
});
