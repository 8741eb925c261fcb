// The Seasonality takeaway sentences: which catalogue sentence each card picks for significant,
// not-significant and empty results, and the figures it writes, in English and French.
import { describe, expect, it } from "vitest";
import type {
  ComplexitySummary,
  ItemRow,
  ItemsSummary,
  MeansSummary,
  NutrientSummary,
  NutritionSummary,
  RankPeriod,
  VolumeSummary,
} from "../src/lib/contracts/seasonality.js";
import { COMPLEXITY_MEASURES, NUTRIENTS, SEASONS } from "../src/lib/contracts/seasonality.js";
import { translator, type Lang } from "../src/lib/i18n/index.js";
import {
  complexityTakeaway,
  durationTakeaway,
  isSignificant,
  itemsTakeaway,
  nutritionTakeaway,
  periodSentence,
  sizeOfEta,
  sizeOfW,
  volumeTakeaway,
} from "../src/lib/seasonality/takeaways.js";
import { renderTakeaway, type Sentence } from "../src/lib/trends/takeaways.js";

const ctx = (lang: Lang) => ({ lang, t: translator(lang) });
/** French separates thousands and units with (narrow) no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
/** A sentence as the page shows it (renderTakeaway: with its opening capital). */
const render = (lang: Lang, s: Sentence) => plain(renderTakeaway([s], translator(lang)));

function volume(p: number | null, w: number | null, calendar: VolumeSummary["calendar"]): VolumeSummary {
  const n = [300, 250, 200, 250];
  return {
    from: 2000,
    to: 2009,
    total: 1000,
    mean: 250,
    seasons: SEASONS.map((season, i) => ({
      season,
      n: n[i],
      share: n[i] / 1000,
      deviation: n[i] / 250 - 1,
      days: 90,
      calendarShare: 0.25,
      perDay: n[i] / 90,
    })),
    max: "winter",
    min: "summer",
    equalShares: { statistic: 20, df: 3, p, cohensW: w },
    calendar,
  };
}

const means = (values: (number | null)[]): MeansSummary => ({
  from: 2000,
  to: 2009,
  seasons: SEASONS.map((season, i) => ({ season, n: 10, mean: values[i], sd: 1 })),
  anova: null,
});

const rankPeriod = (p: number | null, epsilonSquared: number | null): RankPeriod => ({
  from: 2000,
  to: 2009,
  kind: "decade",
  boxes: [],
  kruskal: { H: 12, df: 3, p, n: 400, epsilonSquared },
});

describe("effect-size bands and significance", () => {
  it("bands Cohen's w at 0.1, 0.3 and 0.5 and treats a missing w as negligible", () => {
    expect([null, 0.099, 0.1, 0.299, 0.3, 0.5].map(sizeOfW)).toEqual([
      "negligible",
      "negligible",
      "small",
      "small",
      "medium",
      "large",
    ]);
  });

  it("bands η² / ε² at 0.01, 0.06 and 0.14", () => {
    expect([null, 0.005, 0.01, 0.059, 0.06, 0.14].map(sizeOfEta)).toEqual([
      "negligible",
      "negligible",
      "small",
      "small",
      "medium",
      "large",
    ]);
  });

  it("calls significant only a p below 0.05, never a missing one", () => {
    expect([0.049, 0.05, null, undefined].map(isSignificant)).toEqual([true, false, false, false]);
  });
});

describe("volumeTakeaway", () => {
  it("names the busiest and quietest seasons with shares, effect size and the calendar test when significant", () => {
    const s = volumeTakeaway(volume(0.0001, 0.2, { statistic: 5, df: 3, p: 0.2, cohensW: 0.07 }), ctx("en"));
    expect(s.key).toBe("seasonality.volume.takeaway.significant");
    expect(s.params).toMatchObject({
      max: "winter",
      min: "summer",
      maxShare: "30.0%",
      minShare: "20.0%",
      total: "1,000",
      p: "p < 0.001",
      w: "0.200",
      size: "small",
      calendarP: "p = 0.200, w = 0.070",
    });
  });

  it("says the calendar test is not computable when the range has a season without days, in French", () => {
    const s = volumeTakeaway(volume(0.01, 0.6, null), ctx("fr"));
    const text = render("fr", s);
    expect(s.key).toBe("seasonality.volume.takeaway.significant");
    expect(text).toContain("30,0 % sur 1 000");
    expect(text).toContain("p = 0,010");
    expect(text).toContain("effet fort");
    expect(text).toContain(translator("fr")("seasonality.tests.none"));
  });

  it("picks the not-significant sentence at p ≥ 0.05 and gives no effect-size word", () => {
    const s = volumeTakeaway(volume(0.3, 0.05, null), ctx("en"));
    expect(s.key).toBe("seasonality.volume.takeaway.notSignificant");
    expect(s.params).not.toHaveProperty("size");
    expect(render("en", s)).toContain("p = 0.300");
  });

  it("names seasons as a sentence does: lower case inside it, a capital when one opens it", () => {
    const s = volumeTakeaway(volume(0.3, 0.05, null), ctx("en"));
    expect(render("en", s)).toMatch(/^Winter has the most recipes \(30\.0% of 1,000\) and summer the fewest/);
    expect(render("fr", volumeTakeaway(volume(0.3, 0.05, null), ctx("fr")))).toMatch(
      /^La saison la plus fournie est l'hiver \(30,0 % sur 1 000\) et la moins fournie l'été \(20,0 %\)/,
    );
  });
});

describe("durationTakeaway", () => {
  it("reports the longest and shortest seasons in minutes and the Kruskal–Wallis effect when significant", () => {
    const s = durationTakeaway(means([40, 35.25, 30, null]), rankPeriod(0.002, 0.07), ctx("en"))!;
    expect(s.key).toBe("seasonality.duration.takeaway.significant");
    expect(s.params).toMatchObject({
      max: "winter",
      min: "summer",
      maxMean: "40.0 min",
      minMean: "30.0 min",
      from: "2000",
      to: "2009",
      p: "p = 0.002",
      epsilon: "0.0700",
      size: "medium",
    });
  });

  it("uses the not-significant sentence in French with comma decimals", () => {
    const s = durationTakeaway(means([40, 35.25, 30, 31]), rankPeriod(0.5, 0.001), ctx("fr"))!;
    expect(s.key).toBe("seasonality.duration.takeaway.notSignificant");
    const text = render("fr", s);
    // A season inside a French sentence is named as French writes it there: with its article, in
    // lower case.
    expect(text).toContain("en moyenne : l'hiver (40,0 min) ; les plus courtes : l'été (30,0 min)");
    expect(text).toContain("ε² = 0,0010");
  });

  it("has nothing to say when no season has a mean", () => {
    expect(durationTakeaway(means([null, null, null, null]), rankPeriod(0.01, 0.1), ctx("en"))).toBeNull();
  });
});

function complexity(
  etas: Record<string, number | null>,
  holm: Record<string, number | null>,
): ComplexitySummary {
  const measures = Object.fromEntries(
    COMPLEXITY_MEASURES.map((m) => [
      m,
      {
        ...means(m === "score" ? [5, 6, 7, 6.5] : [1, 1, 1, 1]),
        anova: etas[m] === null ? null : { F: 3, df1: 3, df2: 100, p: 0.01, etaSquared: etas[m] },
      },
    ]),
  ) as ComplexitySummary["measures"];
  return { from: 2000, to: 2009, measures, holm: holm as ComplexitySummary["holm"] };
}

describe("complexityTakeaway", () => {
  it("lists the significant measures after Holm and names the largest η² and the season with the top score", () => {
    const s = complexityTakeaway(
      complexity(
        { score: 0.02, steps: 0.08, ingredients: null },
        { score: 0.01, steps: 0.03, ingredients: 0.4 },
      ),
      ctx("en"),
    );
    expect(s.key).toBe("seasonality.complexity.takeaway.some");
    expect(s.params).toMatchObject({
      measures: "complexity score, steps",
      size: "medium",
      eta: "0.0800",
      measure: "steps",
      max: "summer",
    });
  });

  it("says no measure differs when none survives the correction, with the largest η² in French", () => {
    const s = complexityTakeaway(
      complexity(
        { score: 0.004, steps: 0.001, ingredients: 0.002 },
        { score: 0.2, steps: null, ingredients: 0.06 },
      ),
      ctx("fr"),
    );
    expect(s.key).toBe("seasonality.complexity.takeaway.none");
    expect(render("fr", s)).toContain("plus grand η² = 0,0040");
  });
});

function nutrition(q: (k: string) => number | null, eta: (k: string) => number | null): NutritionSummary {
  const nutrients = Object.fromEntries(
    NUTRIENTS.map((k) => [
      k,
      {
        ...means(k === "sugar" ? [10, 14, 9, 12] : [1, 2, 3, 4]),
        anova: eta(k) === null ? null : { F: 2, df1: 3, df2: 50, p: 0.01, etaSquared: eta(k) },
        z: [0, 0, 0, 0],
        q: q(k),
      } satisfies NutrientSummary,
    ]),
  ) as NutritionSummary["nutrients"];
  return { from: 2000, to: 2009, nutrients };
}

describe("nutritionTakeaway", () => {
  it("counts the nutrients significant after BH and names the one with the largest η² and its extreme seasons", () => {
    const s = nutritionTakeaway(
      nutrition(
        (k) => (k === "sugar" || k === "sodium" ? 0.01 : 0.3),
        (k) => (k === "sugar" ? 0.03 : 0.001),
      ),
      ctx("en"),
    );
    expect(s.key).toBe("seasonality.nutrition.takeaway.some");
    expect(s.params).toMatchObject({
      significant: "2",
      count: "7",
      nutrient: translator("en")("seasonality.nutrition.nutrients.sugar"),
      eta: "0.0300",
      max: "spring",
      min: "summer",
    });
  });

  it("says none differs when every q is at or above 0.05 (or missing), in French", () => {
    const s = nutritionTakeaway(
      nutrition(
        (k) => (k === "calories" ? null : 0.05),
        (k) => (k === "protein" ? 0.012 : null),
      ),
      ctx("fr"),
    );
    expect(s.key).toBe("seasonality.nutrition.takeaway.none");
    expect(render("fr", s)).toContain("plus grand η² = 0,0120, Protéines");
  });
});

const row = (item: string, significant: boolean, shares: number[], cramersV: number): ItemRow => ({
  item,
  shares,
  meanShare: 0.1,
  range: 0.05,
  statistic: 10,
  p: 0.001,
  q: significant ? 0.01 : 0.2,
  cramersV,
  significant,
});

const items = (tested: number, significant: number, rows: ItemRow[]): ItemsSummary => ({
  from: 2000,
  to: 2009,
  recipes: [100, 100, 100, 100],
  candidates: 50,
  structuralExcluded: 2,
  tested,
  significant,
  rows,
});

describe("itemsTakeaway", () => {
  it("names the strongest significant item and the season where it is most frequent", () => {
    const s = itemsTakeaway(
      items(1234, 3, [
        row("pumpkin", false, [0.3, 0.1, 0.1, 0.1], 0.2),
        row("grill", true, [0.05, 0.1, 0.256, 0.1], 0.1234),
      ]),
      "tags",
      ctx("en"),
    );
    expect(s.key).toBe("seasonality.items.takeaway.some");
    expect(s.params).toMatchObject({
      significant: "3",
      tested: "1,234",
      unit: "tags",
      alpha: "0.05",
      item: "grill",
      v: "0.123",
      season: "summer",
      share: "25.6%",
    });
  });

  it("says none of the tested items varies when nothing is significant, in French", () => {
    const s = itemsTakeaway(
      items(1500, 0, [row("sel", false, [0.5, 0.5, 0.5, 0.5], 0.01)]),
      "ingredients",
      ctx("fr"),
    );
    expect(s.key).toBe("seasonality.items.takeaway.none");
    expect(render("fr", s)).toBe(
      "Aucun des 1 500 ingrédients testés ne varie significativement avec la saison après correction de Benjamini–Hochberg.",
    );
  });

  it("says there is nothing to test when no item reaches the minimum share", () => {
    const s = itemsTakeaway(items(0, 0, []), "ingredients", ctx("en"));
    expect(s).toEqual({ key: "seasonality.items.takeaway.empty", params: { unit: "ingredients" } });
  });
});

describe("periodSentence", () => {
  it("distinguishes a rank test over exactly the reader's years from another period", () => {
    const period = { from: 2000, to: 2009, kind: "decade" as const };
    expect(periodSentence(period, { from: 2000, to: 2009 })).toEqual({
      key: "seasonality.period.exact",
      params: { from: "2000", to: "2009" },
    });
    expect(periodSentence(period, { from: 2003, to: 2005 }).key).toBe("seasonality.period.other");
  });
});
