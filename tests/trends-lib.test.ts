// The browser side of the Trends page (src/lib/trends): year ranges, recomputation for a range,
// WLS trends, risers and decliners, the choice of takeaway sentences by sign and significance in
// both languages — and the loaders' full-span figures equal to what the page computes for the
// full range, on a deterministic synthetic dataset in a real DuckDB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import { trendsAnalyses } from "../data-loaders/analyses/trends/index.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import type {
  DurationSummary,
  TrendFit,
  TrendsData,
  VolumeSummary,
  YearCount,
} from "../src/lib/contracts/trends.js";
import { translator, type Lang } from "../src/lib/i18n/index.js";
import { wls } from "../src/lib/stats/index.js";
import { summarizeComplexity } from "../src/lib/trends/complexity.js";
import { summarizeDuration } from "../src/lib/trends/duration.js";
import { direction, fitTrend } from "../src/lib/trends/fit.js";
import { diversityRows, shareRows, summarizeItems, type ItemsInput } from "../src/lib/trends/items.js";
import { summarizeNutrition } from "../src/lib/trends/nutrition.js";
import { filterYears, fullRange, yearIndices, yearRange } from "../src/lib/trends/range.js";
import {
  durationTakeaway,
  formatSlope,
  itemsTakeaway,
  renderTakeaway,
  slopeDigits,
  trendSentence,
  volumeTakeaway,
} from "../src/lib/trends/takeaways.js";
import { summarizeVolume } from "../src/lib/trends/volume.js";

const ctx = (lang: Lang) => ({ lang, t: translator(lang) });

/** A TrendFit with the given slope and p (other fields plausible). */
const fitOf = (slope: number, p: number): TrendFit => ({
  slope,
  intercept: 100 - slope * 2000,
  r2: 0.71,
  p,
  ci: [slope - 0.1, slope + 0.1],
  slopeSE: 0.05,
  years: 20,
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
  ];

  it("recomputes years, total, mean, the earliest peak and the quartiles for the range", () => {
    const s = summarizeVolume(perYear, { from: 2001, to: 2003 });
    expect(s).toMatchObject({ from: 2001, to: 2003, years: 3, total: 80, peakYear: 2001, peakN: 30 });
    expect(s.mean).toBeCloseTo(80 / 3, 12);
    expect(s.stats).toMatchObject({ min: 20, q1: 25, median: 30, q3: 30, max: 30 });
    expect(s.qq?.points).toHaveLength(3);
  });

  it("has no Q-Q plot below three years, and a null spread for one year", () => {
    const one = summarizeVolume(perYear, { from: 2004, to: 2004 });
    expect(one).toMatchObject({ years: 1, total: 5, peakYear: 2004, qq: null });
    expect(one.stats.std).toBeNull();
    expect(summarizeVolume(perYear, { from: 2000, to: 2001 }).qq).toBeNull();
  });

  it("throws on a range without years", () => {
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

  it("is the statistics module's WLS with the year's recipes as weights", () => {
    const fit = fitTrend(rows, (r) => r.v)!;
    const direct = wls([2000, 2001, 2002, 2003], [5, 9, 4, 2], [10, 1, 5, 8]);
    expect(fit.slope).toBe(direct.slope);
    expect(fit.intercept).toBe(direct.intercept);
    expect(fit.r2).toBe(direct.r2);
    expect(fit.p).toBe(direct.p);
    expect(fit.ci).toEqual(direct.ci);
    expect(fit.years).toBe(4);
  });

  it("leaves out years without a value or a weight, and needs three years", () => {
    const withGaps = [...rows, { year: 2004, n: 0, v: 100 }, { year: 2005, n: 3, v: Number.NaN }];
    expect(fitTrend(withGaps, (r) => r.v)).toEqual(fitTrend(rows, (r) => r.v));
    expect(fitTrend(rows.slice(0, 2), (r) => r.v)).toBeNull();
  });

  it("gives no fit for values that do not vary (no p-value), so JSON never carries NaN", () => {
    expect(fitTrend(rows, () => 3)).toBeNull();
  });

  it("recomputes the preparation-time trends for a range only from that range's years", () => {
    const perYear = [2000, 2001, 2002, 2003, 2004].map((year, i) => ({
      year,
      n: 10 + i,
      mean: 50 - 2 * i + (i % 2),
      median: 40 - i,
      q05: 1,
      q10: 2,
      q25: 3,
      q33: 4,
      q66: 5,
      q75: 6,
      q90: 7,
      q95: 8,
    }));
    const all = summarizeDuration(perYear, { from: 2000, to: 2004 });
    const part = summarizeDuration(perYear, { from: 2001, to: 2003 });
    expect(part).toMatchObject({ years: 3, recipes: 11 + 12 + 13 });
    expect(part.trend.median?.slope).toBeCloseTo(-1, 12);
    expect(part.trend.mean?.slope).not.toBeCloseTo(all.trend.mean!.slope, 6);
  });
});

describe("risers and decliners", () => {
  // Years 2000–2003, 100 recipes a year. Shares: a rises 1 point a year; b rises faster, then
  // stays; c falls 2 points a year; d loses more than c between the end years (8 % → 1 % against
  // 11 % → 5 %) but falls less steeply over the four years; e is rare (under the minimum).
  const data: ItemsInput = {
    kind: "ingredients",
    minCount: 20,
    years: [2000, 2001, 2002, 2003],
    recipes: [100, 100, 100, 100],
    diversity: { distinct: [10, 9, 8, 7], rarefied: [6, 5, 5, 4], sampleSize: 50, samples: 3 },
    items: ["c", "b", "d", "a", "e"],
    totals: [32, 30, 27, 26, 4],
    counts: [
      [11, 9, 7, 5],
      [0, 6, 12, 12],
      [8, 8, 10, 1],
      [5, 6, 7, 8],
      [1, 1, 1, 1],
    ],
  };

  it("ranks by the slope of the yearly share, strongest first, over every year of the range", () => {
    const s = summarizeItems(data, { from: 2000, to: 2003 });
    expect(s.risers.map((m) => m.item)).toEqual(["b", "a"]);
    expect(s.risers[0].slope).toBeCloseTo(0.042, 12);
    expect(s.risers[1].slope).toBeCloseTo(0.01, 12);
    expect(s.decliners.map((m) => m.item)).toEqual(["c", "d"]);
    expect(s.decliners[0].slope).toBeCloseTo(-0.02, 12);
    expect(s.decliners[1].slope).toBeCloseTo(-0.019, 12);
    expect(s.itemsRanked).toBe(4);
    expect(s.top.map((d) => d.item)).toEqual(["c", "b", "d", "a"]);
    expect(s.recipes).toBe(400);
  });

  it("does not rank by last year minus first year", () => {
    const s = summarizeItems(data, { from: 2000, to: 2003 });
    const [c, d] = s.decliners;
    const endDrop = (item: string) => {
      const row = data.counts[data.items.indexOf(item)];
      return row[0] - row[row.length - 1];
    };
    expect(endDrop(d.item)).toBeGreaterThan(endDrop(c.item));
    expect(c.slope).toBeLessThan(d.slope);
  });

  it("applies the minimum count to the chosen range and limits the lists", () => {
    const s = summarizeItems(data, { from: 2001, to: 2003 }, { top: 2, movers: 1 });
    // Over 2001–2003: b 30, c 21, a 21, d 19 → d no longer reaches 20.
    expect(s.itemsRanked).toBe(3);
    expect(s.top).toEqual([
      { item: "b", count: 30 },
      { item: "a", count: 21 },
    ]);
    expect(s.risers.map((m) => m.item)).toEqual(["b"]);
    expect(s.decliners.map((m) => m.item)).toEqual(["c"]);
  });

  it("gives the share rows and diversity rows of a range", () => {
    const rows = shareRows(data, { from: 2002, to: 2003 }, ["b", "missing"]);
    expect(rows).toEqual([
      { item: "b", year: 2002, count: 12, recipes: 100, share: 0.12 },
      { item: "b", year: 2003, count: 12, recipes: 100, share: 0.12 },
    ]);
    expect(diversityRows(data, { from: 2003, to: 2003 })).toEqual([
      { year: 2003, recipes: 100, distinct: 7, rarefied: 4 },
    ]);
    expect(summarizeItems(data, { from: 2000, to: 2003 }).diversityTrend?.slope).toBeCloseTo(-0.6, 12);
  });
});

describe("takeaways choose their words by sign and significance", () => {
  const args = { subject: "Mean preparation time", unit: "min", from: 1999, to: 2018 };

  it.each<[TrendFit | null, string]>([
    [fitOf(-0.4641, 2.8e-6), "trends.sentence.down"],
    [fitOf(0.1002, 1.6e-4), "trends.sentence.up"],
    [fitOf(-0.3, 0.2), "trends.sentence.flat"],
    [null, "trends.sentence.none"],
  ])("picks the key for case %#", (fit, key) => {
    expect(trendSentence(fit, args, ctx("en")).key).toBe(key);
  });

  it("writes the issue's example sentence in English, and its French twin", () => {
    const fit = fitOf(-0.4641, 2.8e-6);
    const en = ctx("en");
    expect(en.t(...asArgs(trendSentence(fit, args, en)))).toBe(
      "Mean preparation time fell by 0.46 min per year between 1999 and 2018 (R² 0.71, p < 0.001).",
    );
    const fr = ctx("fr");
    expect(
      fr.t(...asArgs(trendSentence(fit, { ...args, subject: "Le temps de préparation moyen" }, fr))),
    ).toBe(
      "Le temps de préparation moyen a baissé de 0,46 min par an entre 1999 et 2018 (R² 0,71, p < 0,001).",
    );
  });

  it("prints a non-significant slope signed, with its p-value", () => {
    const text = ctx("en").t(...asArgs(trendSentence(fitOf(0.0123, 0.42), args, ctx("en"))));
    expect(text).toBe(
      "Mean preparation time shows no significant trend between 1999 and 2018 (+0.012 min per year, p = 0.420).",
    );
  });

  it("keeps two significant digits of small slopes", () => {
    expect(slopeDigits(0.4641)).toBe(2);
    expect(slopeDigits(0.0008)).toBe(5);
    expect(formatSlope(-0.0008123, "fr", { signed: true })).toBe("\u22120,00081");
  });

  it("builds both duration sentences in both languages", () => {
    const summary: DurationSummary = {
      from: 1999,
      to: 2018,
      years: 20,
      recipes: 1000,
      trend: { mean: fitOf(-0.4641, 1e-5), median: fitOf(0.2, 0.5) },
    };
    for (const lang of ["en", "fr"] as const) {
      const c = ctx(lang);
      const sentences = durationTakeaway(summary, c);
      expect(sentences.map((s) => s.key)).toEqual(["trends.sentence.down", "trends.sentence.flat"]);
      const text = renderTakeaway(sentences, c.t);
      expect(text).not.toMatch(/[{}]|trends\./);
      expect(text).toContain(lang === "en" ? "0.46" : "0,46");
    }
  });

  it("says how close to normal the yearly counts are", () => {
    const base: VolumeSummary = summarizeVolume(
      [1, 2, 3, 4, 5].map((i) => ({ year: 2000 + i, n: [100, 200, 300, 400, 5000][i - 1] })),
      { from: 2001, to: 2005 },
    );
    const keys = (r2: number) =>
      volumeTakeaway({ ...base, qq: { ...base.qq!, r2 } }, ctx("en")).map((s) => s.key);
    expect(keys(0.97)).toEqual(["trends.volume.takeaway", "trends.volume.normality.close"]);
    expect(keys(0.92)[1]).toBe("trends.volume.normality.rough");
    expect(keys(0.5)[1]).toBe("trends.volume.normality.far");
    expect(renderTakeaway(volumeTakeaway(base, ctx("fr")), translator("fr"))).toContain("5\u202f000");
    const one = summarizeVolume([{ year: 2004, n: 1234 }], { from: 2004, to: 2004 });
    expect(renderTakeaway(volumeTakeaway(one, ctx("en")), translator("en"))).toBe(
      "1,234 recipes were posted in 2004.",
    );
  });

  it("names the strongest riser and decliner, or says there are none", () => {
    const mover = (item: string, slope: number) => ({ item, slope, p: 0.001, r2: 0.9, share: 0.1 });
    const summary = {
      from: 2000,
      to: 2010,
      years: 11,
      recipes: 500,
      itemsRanked: 2,
      top: [],
      risers: [mover("kosher salt", 0.0083)],
      decliners: [mover("sugar", -0.005)],
      diversityTrend: fitOf(-3, 0.001),
    };
    const en = itemsTakeaway(summary, { kind: "ingredients", sampleSize: 100 }, ctx("en"));
    expect(en[0].key).toBe("trends.items.movers.both");
    expect(renderTakeaway(en, translator("en"))).toContain("kosher salt (+0.83 points of share per year");
    const onlyUp = itemsTakeaway({ ...summary, decliners: [] }, { kind: "tags", sampleSize: 100 }, ctx("fr"));
    expect(onlyUp[0].key).toBe("trends.items.movers.riserOnly");
    const none = itemsTakeaway(
      { ...summary, risers: [], decliners: [], diversityTrend: null },
      { kind: "tags", sampleSize: 100 },
      ctx("fr"),
    );
    expect(none.map((s) => s.key)).toEqual(["trends.items.movers.none", "trends.sentence.none"]);
  });

  it("treats a significant slope as a rise or a fall, anything else as flat", () => {
    expect(direction(fitOf(1, 0.049))).toBe("up");
    expect(direction(fitOf(-1, 0.01))).toBe("down");
    expect(direction(fitOf(1, 0.05))).toBe("flat");
    expect(direction(null)).toBe("flat");
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
             'ingredient ' || (hash(id, j) % (20 + 4 * (year - 1999)))::VARCHAR AS ingredient
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
    expect(summarizeDuration(data.duration.perYear, range)).toEqual(data.duration.fullSpan);
    expect(summarizeComplexity(data.complexity.perYear, range)).toEqual(data.complexity.fullSpan);
    expect(summarizeNutrition(data.nutrition.perYear, range)).toEqual(data.nutrition.fullSpan);
    expect(data.duration.fullSpan.trend.mean).not.toBeNull();
  });

  it("ingredients and tags, with movers on both sides", () => {
    for (const items of [data.ingredients, data.tags]) {
      const range = { from: items.years[0], to: items.years[items.years.length - 1] };
      expect(summarizeItems(items, range)).toEqual(items.fullSpan);
      expect(items.fullSpan.risers.length + items.fullSpan.decliners.length).toBeGreaterThan(0);
    }
    // The ingredient pool widens every year: early ingredients lose share.
    expect(data.ingredients.fullSpan.decliners.length).toBeGreaterThan(0);
  });
});
