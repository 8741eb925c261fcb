// The Weekday / Weekend takeaways and the complexity family: the sentences chosen for significant,
// small, not significant and empty results, the figures they write (English and French), and the
// Holm adjustment across the three complexity measures on real pooled sums.
import { describe, expect, it } from "vitest";
import type {
  Box,
  ItemResult,
  ItemsSummary,
  ComplexityData,
  GroupSums,
  MeasureSummary,
  NutritionSummary,
  RankPeriod,
  VolumeSummary,
} from "../src/lib/contracts/weekend.js";
import { translator, type Lang } from "../src/lib/i18n/index.js";
import { holm } from "../src/lib/stats/index.js";
import { complexityRanks, holmOrNull, summarizeComplexity } from "../src/lib/weekend/complexity.js";
import { NUTRIENTS } from "../src/lib/weekend/keys.js";
import {
  complexityTakeaway,
  durationTakeaway,
  formatPoints,
  formatQ,
  itemsTakeaway,
  nutritionTakeaway,
  periodLabel,
  periodNote,
  renderSentences,
  volumeTakeaway,
} from "../src/lib/weekend/takeaways.js";

const ctx = (lang: Lang) => ({ lang, t: translator(lang) });
const en = translator("en");
/** French separates thousands and units with (narrow) no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const box: Box = {
  n: 10,
  mean: 30,
  min: 1,
  q1: 10,
  median: 25,
  q3: 40,
  max: 90,
  whiskerLow: 1,
  whiskerHigh: 80,
  outliers: 1,
};
const period = (
  kind: "full" | "decade",
  from: number,
  to: number,
  mw: RankPeriod["mannWhitney"],
): RankPeriod => ({
  kind,
  from,
  to,
  weekday: box,
  weekend: box,
  mannWhitney: mw,
});

const measure = (
  weekday: number | null,
  weekend: number | null,
  welch: MeasureSummary["welch"],
  relative: number | null = null,
): MeasureSummary => ({
  from: 2000,
  to: 2009,
  weekday: { n: 500, mean: weekday, sd: 10 },
  weekend: { n: 200, mean: weekend, sd: 10 },
  difference: weekday === null || weekend === null ? null : weekend - weekday,
  relative,
  welch,
});
const welch = (p: number, cohensD: number, meanDiff = 2.5) => ({
  t: 3.456,
  df: 400,
  p,
  meanDiff,
  ci95: [meanDiff - 1, meanDiff + 1] as [number, number],
  cohensD,
});

describe("formatting helpers", () => {
  it("writes an adjusted p-value as q and share differences as signed percentage points", () => {
    expect(formatQ(0.0421, "en")).toBe("q = 0.042");
    expect(formatQ(0.00001, "fr")).toBe("q < 0,001");
    expect(formatPoints(0.01234, "en")).toBe("+1.23");
    expect(formatPoints(-0.008, "fr")).toBe("−0,80");
  });

  it("labels the full span and a decade differently", () => {
    expect(periodLabel(period("full", 1999, 2018, null), en)).toBe("the full span 1999–2018");
    expect(periodLabel(period("decade", 2000, 2009, null), en)).toBe("2000–2009");
  });
});

describe("volumeTakeaway", () => {
  const weekdays = [100, 90, 80, 70, 60, 150, 200].map((n, i) => ({
    weekday: i + 1,
    weekend: i >= 5,
    n,
    share: n / 750,
    deviation: 0,
  }));
  const volume = (chiSquare: VolumeSummary["chiSquare"]): VolumeSummary => ({
    from: 2000,
    to: 2009,
    total: 750,
    weekdays,
    perDay: { weekday: 80, weekend: 175 },
    weekendVsWeekday: 1.1875,
    busiest: 7,
    quietest: 5,
    chiSquare,
  });

  it("adds the even-spread sentence when the chi-square test is not significant", () => {
    const s = volumeTakeaway(volume({ statistic: 4.56, df: 6, p: 0.6, cohensW: 0.05 }), ctx("en"));
    expect(s.map((x) => x.key)).toEqual(["weekend.volume.takeaway", "weekend.volume.even"]);
    expect(s[0].params).toMatchObject({ busiestN: "200", quietestN: "60", difference: "+118.8 %" });
    expect(s[1].params).toMatchObject({
      statistic: "4.6",
      df: "6",
      p: "p = 0.600",
      w: "0.05",
      size: "negligible",
    });
  });

  it("writes a dash for the weekend difference when it cannot be computed and skips a missing test", () => {
    const s = volumeTakeaway({ ...volume(null), weekendVsWeekday: null }, ctx("en"));
    expect(s).toHaveLength(1);
    expect(s[0].params.difference).toBe("–");
  });
});

describe("durationTakeaway", () => {
  const mw = { U: 1000, z: 3, p: 0.0002, rankBiserial: -0.12, n1: 500, n2: 200 };

  it("adds the 'significant but small' caveat and the rank-test sentence", () => {
    const s = durationTakeaway(
      measure(40, 42.5, welch(0.001, 0.25)),
      period("decade", 2000, 2009, mw),
      ctx("en"),
    );
    expect(s.map((x) => x.key)).toEqual([
      "weekend.duration.takeaway",
      "weekend.duration.significant",
      "weekend.duration.rank",
    ]);
    expect(renderSentences(s, en)).toBe(
      "Weekend recipes take 42.5\u00a0min on average and weekday recipes 40.0\u00a0min (+2.5 min; Welch t = 3.46, p = 0.001; Cohen's d = +0.25, small). " +
        "The difference is significant but small. " +
        "Over 2000–2009, the Mann–Whitney U test gives p < 0.001 (rank-biserial r = −0.12, small).",
    );
  });

  it("gives no caveat for a medium effect and no rank sentence without a rank test, in French", () => {
    const s = durationTakeaway(
      measure(40, 45, welch(0.001, 0.6, 5)),
      period("full", 1999, 2018, null),
      ctx("fr"),
    );
    expect(s.map((x) => x.key)).toEqual(["weekend.duration.takeaway"]);
    expect(plain(renderSentences(s, translator("fr")))).toContain("45,0 min");
  });

  it("gives no caveat when the difference is not significant", () => {
    const s = durationTakeaway(
      measure(40, 40.5, welch(0.3, 0.05)),
      period("full", 1999, 2018, null),
      ctx("en"),
    );
    expect(s.map((x) => x.key)).toEqual(["weekend.duration.takeaway"]);
  });

  it("says there are too few recipes when a group is empty", () => {
    const s = durationTakeaway(measure(40, null, null), period("full", 1999, 2018, mw), ctx("en"));
    expect(s).toEqual([{ key: "weekend.duration.takeawayNone", params: { from: "2000", to: "2009" } }]);
  });
});

/** Per-year sums of a list of values, the form the loaders write. */
const sums = (values: number[]): GroupSums => ({
  n: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  sumSquares: values.reduce((a, b) => a + b * b, 0),
});
const spread = (center: number, n: number) => Array.from({ length: n }, (_, i) => center + ((i % 5) - 2));

function complexityData(): Pick<ComplexityData, "measures"> {
  const perYear = (weekday: number, weekend: number) =>
    [2000, 2001].map((year) => ({
      year,
      weekday: sums(spread(weekday, 60)),
      weekend: sums(spread(weekend, 40)),
    }));
  const mw = (p: number, r: number) => ({ U: 100, z: 2, p, rankBiserial: r, n1: 120, n2: 80 });
  return {
    measures: {
      // A clear weekend gap, a slight one, none.
      score: { perYear: perYear(20, 23), periods: [period("full", 2000, 2001, mw(0.001, 0.4))] },
      steps: { perYear: perYear(9, 9.3), periods: [period("full", 2000, 2001, mw(0.03, 0.05))] },
      ingredients: { perYear: perYear(8, 8), periods: [period("full", 2000, 2001, null)] },
    },
  };
}

describe("complexity family", () => {
  it("keeps a missing test out of the Holm family and leaves it null", () => {
    expect(holmOrNull([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
  });

  it("pools each measure over the range and Holm-adjusts the three Welch p-values together", () => {
    const c = summarizeComplexity(complexityData(), { from: 2000, to: 2001 });
    expect(c.measures.score.weekday).toMatchObject({ n: 120, mean: 20 });
    expect(c.measures.score.weekend).toMatchObject({ n: 80, mean: 23 });
    const raw = (["score", "steps", "ingredients"] as const).map((m) => c.measures[m].welch!.p);
    expect(raw[2]).toBeCloseTo(1, 10);
    expect([c.holm.score, c.holm.steps, c.holm.ingredients]).toEqual(holm(raw));
    expect(c.holm.score!).toBeLessThan(0.001);
    expect(c.holm.steps!).toBeGreaterThan(raw[1]);
  });

  it("takes each measure's rank period for the range and Holm-adjusts only the tests that exist", () => {
    const r = complexityRanks(complexityData(), { from: 2000, to: 2001 });
    expect(r.periods.score.kind).toBe("full");
    expect(r.holm).toEqual({ score: 0.002, steps: 0.03, ingredients: null });
  });

  it("counts the significant measures, details each one and lists the rank tests", () => {
    const data = complexityData();
    const range = { from: 2000, to: 2001 };
    const s = complexityTakeaway(summarizeComplexity(data, range), complexityRanks(data, range), ctx("en"));
    expect(s.map((x) => x.key)).toEqual([
      "weekend.complexity.takeaway",
      "weekend.complexity.detail",
      "weekend.complexity.detail",
      "weekend.complexity.detail",
      "weekend.complexity.rank",
    ]);
    expect(s[0].params.count).toBe("1");
    expect(s[1].params).toMatchObject({
      measure: "Complexity score",
      weekend: "23.00",
      weekday: "20.00",
      q: "q < 0.001",
    });
    expect(s[4].params).toEqual({
      period: "the full span 2000–2001",
      list: "Complexity score q = 0.002, r = +0.40; Steps q = 0.030, r = +0.05",
    });
  });

  it("says there are too few recipes when the score cannot be compared", () => {
    const data = complexityData();
    const c = summarizeComplexity(data, { from: 2000, to: 2001 });
    const empty = { ...c, measures: { ...c.measures, score: measure(null, null, null) } };
    const s = complexityTakeaway(empty, complexityRanks(data, { from: 2000, to: 2001 }), ctx("en"));
    expect(s).toEqual([{ key: "weekend.complexity.takeawayNone", params: { from: "2000", to: "2009" } }]);
  });
});

function nutrition(
  rel: Record<string, number | null>,
  significant: Record<string, boolean>,
): NutritionSummary {
  const nutrients = Object.fromEntries(
    NUTRIENTS.map((k) => [
      k,
      {
        ...measure(100, 100 * (1 + (rel[k] ?? 0)), rel[k] == null ? null : welch(0.01, 0.15), rel[k] ?? null),
        q: rel[k] == null ? null : significant[k] ? 0.01 : 0.3,
        significant: significant[k] ?? false,
      },
    ]),
  ) as NutritionSummary["nutrients"];
  return { from: 2000, to: 2009, nutrients, significant: Object.values(significant).filter(Boolean).length };
}

describe("nutritionTakeaway", () => {
  it("names the largest significant gap, not a larger non-significant one", () => {
    const s = nutritionTakeaway(
      nutrition({ calories: 0.05, sugar: -0.2, sodium: 0.08 }, { calories: true, sodium: true }),
      ctx("en"),
    );
    expect(s.map((x) => x.key)).toEqual([
      "weekend.nutrition.takeaway",
      "weekend.nutrition.largestSignificant",
    ]);
    expect(s[0].params.count).toBe("2");
    expect(s[1].params).toMatchObject({
      nutrient: "Sodium",
      relative: "+8.0 %",
      d: "+0.15",
      size: "negligible",
      q: "q = 0.010",
    });
  });

  it("names the largest gap as not significant when none is, in French", () => {
    const s = nutritionTakeaway(nutrition({ calories: 0.05, sugar: -0.2 }, {}), ctx("fr"));
    expect(s[1].key).toBe("weekend.nutrition.largestNot");
    expect(plain(renderSentences(s, translator("fr")))).toContain("−20,0 %");
  });

  it("says there are too few recipes when no nutrient could be tested", () => {
    expect(nutritionTakeaway(nutrition({}, {}), ctx("en"))[0].key).toBe("weekend.nutrition.takeawayNone");
  });
});

describe("periodNote", () => {
  const periods = [
    period("full", 1999, 2018, null),
    period("decade", 2000, 2009, null),
    period("decade", 2010, 2018, null),
  ];

  it("says the rank test covers the reader's range when it does, listing the decades", () => {
    expect(periodNote(periods[1], periods, { from: 2000, to: 2009 }, ctx("en"))).toBe(
      "The rank test and the box plots cover 2000–2009, your range. They need every recipe's value, so they are computed at build time for the full span and for each decade of the data (2000–2009, 2010–2018).",
    );
  });

  it("says the period differs from the range, and that there are no decades when the data lies in one", () => {
    const note = periodNote(periods[0], [periods[0]], { from: 2003, to: 2005 }, ctx("en"));
    expect(note).toContain("cover the full span 1999–2018, not your range 2003–2005");
    expect(note).toContain("(none: the data's years lie in one decade)");
  });
});

const item = (name: string, difference: number, cramersV: number, significant: boolean): ItemResult => ({
  item: name,
  weekday: 100,
  weekend: 50,
  shareWeekday: 0.1,
  shareWeekend: 0.1 + difference,
  difference,
  statistic: 5,
  p: 0.01,
  q: significant ? 0.02 : 0.4,
  cramersV,
  significant,
  structural: false,
});
const itemsOf = (weekendLeaning: ItemResult[], weekdayLeaning: ItemResult[]): ItemsSummary => ({
  from: 2000,
  to: 2009,
  recipes: { weekday: 1000, weekend: 400 },
  tested: 250,
  significant: [...weekendLeaning, ...weekdayLeaning].filter((r) => r.significant).length,
  structuralExcluded: 3,
  weekendLeaning,
  weekdayLeaning,
});

describe("itemsTakeaway", () => {
  it("names a significant leader on each side, and calls the effects tiny when V stays below 0.1", () => {
    const s = itemsTakeaway(
      itemsOf([item("bacon", 0.0123, 0.045, true)], [item("lunch", -0.02, 0.061, true)]),
      "ingredients",
      ctx("en"),
    );
    expect(s.map((x) => x.key)).toEqual([
      "weekend.items.takeaway",
      "weekend.items.leaders",
      "weekend.items.small",
    ]);
    expect(s[1].params).toEqual({
      weekendItem: "bacon",
      weekendDiff: "+1.23",
      weekendV: "0.045",
      weekdayItem: "lunch",
      weekdayDiff: "−2.00",
      weekdayV: "0.061",
    });
    expect(s[2].params).toEqual({ v: "0.061" });
  });

  it("names the only significant leader, skipping non-significant ones, and no tiny-effect sentence at V ≥ 0.1", () => {
    const s = itemsTakeaway(
      itemsOf(
        [item("brunch", 0.05, 0.3, false)],
        [item("quick", -0.01, 0.12, false), item("soup", -0.03, 0.15, true)],
      ),
      "tags",
      ctx("fr"),
    );
    expect(s.map((x) => x.key)).toEqual(["weekend.items.takeaway", "weekend.items.leaderOne"]);
    expect(s[1].params).toEqual({ item: "soup", diff: "−3,00", v: "0,150" });
  });

  it("names no leader when none survives the correction", () => {
    const s = itemsTakeaway(itemsOf([item("brunch", 0.05, 0.2, false)], []), "tags", ctx("en"));
    expect(s.map((x) => x.key)).toEqual(["weekend.items.takeaway"]);
    expect(s[0].params).toMatchObject({ tested: "250", significant: "0", unit: "tags" });
  });
});
