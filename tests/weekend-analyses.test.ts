// The Weekday / Weekend analyses' SQL and statistics against a tiny crafted dataset in a real
// in-memory DuckDB: fifteen recipes over 2008–2011 (two decades, so two decade periods besides the
// full span), nine on weekdays and six on weekends. Expected test statistics were computed with
// scipy/numpy on the same rows: `python3 tests/fixtures/weekend-expected.py` prints every one of
// them (chisquare, ttest_ind(equal_var=False), mannwhitneyu(method="asymptotic"), percentile,
// chi2_contingency(correction=False)); counts and sums are checked by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import { computeItems } from "../data-loaders/analyses/weekend/_items.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { PAGES, computePage, pageAnalyses } from "../data-loaders/analyses/registry.js";
import {
  weekendDataSchema,
  type ComplexityData,
  type DurationData,
  type ItemsData,
  type NutritionData,
  type VolumeData,
} from "../src/lib/contracts/weekend.js";

// id, year, ISO weekday, minutes, steps, ingredients, complexity score, calories (null: unknown)
const RECIPES: [number, number, number, number, number, number, number, number | null][] = [
  [1, 2008, 1, 10, 2, 3, 10, 100],
  [2, 2008, 2, 20, 4, 3, 12, 200],
  [3, 2008, 3, 30, 6, 4, 14, 300],
  [4, 2008, 6, 40, 8, 5, 16, 500],
  [5, 2008, 7, 60, 5, 6, 18, 400],
  [6, 2009, 1, 15, 3, 3, 9, 150],
  [7, 2009, 1, 25, 5, 4, 11, 250],
  [8, 2009, 7, 50, 7, 5, 15, 450],
  [9, 2010, 4, 5, 1, 2, 6, 80],
  [10, 2010, 5, 35, 6, 4, 13, 220],
  [11, 2010, 6, 45, 9, 6, 17, 600],
  [12, 2010, 6, 70, 10, 7, 20, 700],
  [13, 2011, 2, 12, 2, 3, 8, 120],
  [14, 2011, 3, 12, 3, 3, 9, null],
  [15, 2011, 7, 30, 4, 5, 12, 350],
];

// salt is in every recipe (nothing to test); cream leans to the weekend, flour to weekdays;
// egg is even (and listed twice in recipe 1: it counts once); saffron is in one recipe only.
const INGREDIENTS: Record<number, string[]> = {
  1: ["salt", "flour", "egg", "egg"],
  2: ["salt", "cream", "flour"],
  3: ["salt", "flour", "saffron"],
  4: ["salt", "cream", "flour", "egg"],
  5: ["salt", "cream"],
  6: ["salt", "flour"],
  7: ["salt", "flour"],
  8: ["salt", "cream"],
  9: ["salt", "flour", "egg"],
  10: ["salt", "flour"],
  11: ["salt", "cream", "egg"],
  12: ["salt", "cream"],
  13: ["salt", "flour"],
  14: ["salt"],
  15: ["salt", "cream"],
};

// "preparation" is structural (left out by default); "dinner" leans to the weekend.
const TAGS: Record<number, string[]> = Object.fromEntries(
  RECIPES.map(([id, , day]) => [
    id,
    [...(id <= 10 ? ["preparation"] : []), ...(day >= 6 || id === 1 ? ["dinner"] : ["easy"])],
  ]),
);

const sqlValue = (v: number | string | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`;

async function craftedSession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  const rows = RECIPES.map(([id, year, day, minutes, steps, ingredients, score, calories]) => {
    const dv = calories === null ? null : calories / 10;
    return `(${[id, year, day, minutes, steps, ingredients, score, calories, dv, dv, dv, dv, dv, dv].map(sqlValue).join(", ")})`;
  });
  await session.run(`
    CREATE TABLE recipes AS SELECT
      id::INTEGER AS id, year::INTEGER AS year, weekday::INTEGER AS weekday, minutes::INTEGER AS minutes,
      n_steps::INTEGER AS n_steps, n_ingredients::INTEGER AS n_ingredients, complexity_score::DOUBLE AS complexity_score,
      calories::DOUBLE AS calories, total_fat_pct::DOUBLE AS total_fat_pct, sugar_pct::DOUBLE AS sugar_pct,
      sodium_pct::DOUBLE AS sodium_pct, protein_pct::DOUBLE AS protein_pct, sat_fat_pct::DOUBLE AS sat_fat_pct,
      carb_pct::DOUBLE AS carb_pct
    FROM (VALUES ${rows.join(", ")}) t(id, year, weekday, minutes, n_steps, n_ingredients, complexity_score, calories,
      total_fat_pct, sugar_pct, sodium_pct, protein_pct, sat_fat_pct, carb_pct)`);
  const links = (table: string, column: string, lists: Record<number, string[]>) => {
    const values = Object.entries(lists).flatMap(([id, items]) =>
      items.map((item, i) => `(${id}, ${i + 1}, ${sqlValue(item)})`),
    );
    return session.run(`
      CREATE TABLE ${table} AS SELECT recipe_id::INTEGER AS recipe_id, position::INTEGER AS position, item AS ${column}
      FROM (VALUES ${values.join(", ")}) t(recipe_id, position, item)`);
  };
  await links("recipe_ingredients", "ingredient", INGREDIENTS);
  await links("recipe_tags", "tag", TAGS);
  return session;
}

const analyses = pageAnalyses("weekend");
let session: Session;
let context: AnalysisContext;
const results = new Map<string, unknown>();
const output = <T>(key: string) => results.get(`weekend/${key}`) as T;

beforeAll(async () => {
  session = await craftedSession();
  context = { session, snapshot: {} as AnalysisContext["snapshot"] };
  for (const a of analyses) results.set(a.name, await a.run(context));
});
afterAll(() => session?.close());

/** Holm by hand: sorted ascending, (m − k)·p, running maximum, capped at 1. */
function holmByHand(p: number[]): number[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(p.length);
  let running = 0;
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (p.length - k) * p[i]));
    q[i] = running;
  });
  return q;
}

/** Benjamini–Hochberg by hand: min over j ≥ i of m·p(j)/j in ascending order. */
function bhByHand(p: number[]): number[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(p.length);
  let running = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    running = Math.min(running, (p.length * p[order[k]]) / (k + 1));
    q[order[k]] = running;
  }
  return q;
}

describe("weekend analyses registry", () => {
  it("finds the six analyses under weekend/ and derives the page data file", () => {
    expect(analyses.map((a) => a.name)).toEqual([
      "weekend/complexity",
      "weekend/duration",
      "weekend/ingredients",
      "weekend/nutrition",
      "weekend/tags",
      "weekend/volume",
    ]);
    expect(PAGES.weekend.file).toBe("data/weekend.json");
  });

  it("computes page data that the page contract accepts and that survives JSON", async () => {
    const page = await computePage("weekend", context);
    expect(weekendDataSchema.safeParse(page).error?.issues).toBeUndefined();
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });
});

describe("weekend/volume", () => {
  it("counts recipes per ISO weekday and year, Monday first, a missing day as 0", () => {
    const v = output<VolumeData>("volume");
    expect(v.perYear).toEqual([
      { year: 2008, counts: [1, 1, 1, 0, 0, 1, 1] },
      { year: 2009, counts: [2, 0, 0, 0, 0, 0, 1] },
      { year: 2010, counts: [0, 0, 0, 1, 1, 2, 0] },
      { year: 2011, counts: [0, 1, 1, 0, 0, 0, 1] },
    ]);
  });

  it("gives per-weekday n, per-day averages and the equal-shares chi-square of scipy", () => {
    const s = output<VolumeData>("volume").fullSpan;
    expect(s.weekdays.map((d) => [d.weekday, d.n])).toEqual([
      [1, 3],
      [2, 2],
      [3, 2],
      [4, 1],
      [5, 1],
      [6, 3],
      [7, 3],
    ]);
    expect(s.weekdays.map((d) => d.weekend)).toEqual([false, false, false, false, false, true, true]);
    expect(s.total).toBe(15);
    expect(s.perDay).toEqual({ weekday: 9 / 5, weekend: 6 / 2 });
    expect(s.weekendVsWeekday).toBeCloseTo((3 - 1.8) / 1.8, 12);
    expect(s.weekdays[0].deviation).toBeCloseTo((3 - 15 / 7) / (15 / 7), 12);
    expect(s.busiest).toBe(1); // Monday, first of the days with 3
    expect(s.quietest).toBe(4);
    expect(s.chiSquare!.df).toBe(6);
    expect(s.chiSquare!.statistic).toBeCloseTo(2.2666666666666666, 12);
    expect(s.chiSquare!.p).toBeCloseTo(0.8936130692234605, 10);
    expect(s.chiSquare!.cohensW).toBeCloseTo(Math.sqrt(2.2666666666666666 / 15), 12);
  });
});

describe("weekend/duration", () => {
  it("sums each group's minutes and squares per year", () => {
    const d = output<DurationData>("duration");
    expect(d.perYear[0]).toEqual({
      year: 2008,
      weekday: { n: 3, sum: 60, sumSquares: 100 + 400 + 900 },
      weekend: { n: 2, sum: 100, sumSquares: 1600 + 3600 },
    });
    expect(d.perYear.map((r) => r.year)).toEqual([2008, 2009, 2010, 2011]);
  });

  it("gives the full-span means, Welch t and Cohen's d of scipy", () => {
    const s = output<DurationData>("duration").fullSpan;
    expect(s.weekday.n).toBe(9);
    expect(s.weekday.mean).toBeCloseTo(164 / 9, 12);
    expect(s.weekend.mean).toBeCloseTo(295 / 6, 12);
    expect(s.welch!.t).toBeCloseTo(4.606138104794855, 10);
    expect(s.welch!.p).toBeCloseTo(0.0016082419677368814, 10);
    expect(s.welch!.cohensD).toBeCloseTo(2.615003522447622, 10);
  });

  it("precomputes box summaries and Mann–Whitney U for the full span and each decade", () => {
    const { periods } = output<DurationData>("duration");
    expect(periods.map((p) => [p.kind, p.from, p.to])).toEqual([
      ["full", 2008, 2011],
      ["decade", 2008, 2009],
      ["decade", 2010, 2011],
    ]);
    const expected = [
      { U: 52.5, p: 0.0031617966413701763, wd: [12, 15, 25], we: [41.25, 47.5, 57.5] },
      { U: 15, p: 0.03688842570704987, wd: [15, 20, 25], we: [45, 50, 55] },
      { U: 11, p: 0.10840829998146513, wd: [10.25, 12, 17.75], we: [37.5, 45, 57.5] },
    ];
    periods.forEach((p, i) => {
      expect(p.mannWhitney!.U).toBe(expected[i].U);
      expect(p.mannWhitney!.p).toBeCloseTo(expected[i].p, 10);
      expect(p.mannWhitney!.rankBiserial).toBeCloseTo(
        (2 * expected[i].U) / (p.mannWhitney!.n1 * p.mannWhitney!.n2) - 1,
        12,
      );
      expect([p.weekday.q1, p.weekday.median, p.weekday.q3]).toEqual(expected[i].wd);
      expect([p.weekend.q1, p.weekend.median, p.weekend.q3]).toEqual(expected[i].we);
    });
    // Full span, weekday: 5 10 12 12 15 20 25 30 35; IQR 13, so whiskers reach 5 and 35, no outlier.
    expect(periods[0].weekday).toMatchObject({
      n: 9,
      min: 5,
      max: 35,
      whiskerLow: 5,
      whiskerHigh: 35,
      outliers: 0,
    });
  });
});

describe("weekend/complexity", () => {
  it("compares the three measures with Welch t, Holm-adjusted together", () => {
    const c = output<ComplexityData>("complexity");
    const welch = {
      score: 0.0013215619228652295,
      steps: 0.010553726109026156,
      ingredients: 0.00015721298320161547,
    };
    const s = c.fullSpan;
    expect(s.measures.score.welch!.t).toBeCloseTo(4.364529572349043, 10);
    expect(s.measures.steps.welch!.t).toBeCloseTo(3.2187685252327385, 10);
    expect(s.measures.ingredients.welch!.t).toBeCloseTo(6.101702158477521, 10);
    const q = holmByHand([welch.score, welch.steps, welch.ingredients]);
    expect(s.holm.score).toBeCloseTo(q[0], 10);
    expect(s.holm.steps).toBeCloseTo(q[1], 10);
    expect(s.holm.ingredients).toBeCloseTo(q[2], 10);
  });

  it("precomputes each measure's Mann–Whitney U per period", () => {
    const c = output<ComplexityData>("complexity");
    expect(c.measures.steps.periods.map((p) => p.mannWhitney!.U)).toEqual([48, 13.5, 11]);
    expect(c.measures.steps.periods[0].mannWhitney!.p).toBeCloseTo(0.015232381144279869, 10);
    expect(c.measures.ingredients.periods[2].weekend.median).toBe(6);
  });
});

describe("weekend/nutrition", () => {
  it("leaves unknown values out and tests each value with Welch t, BH across the seven", () => {
    const n = output<NutritionData>("nutrition");
    const y2011 = n.perYear.calories.find((r) => r.year === 2011)!;
    expect(y2011.weekday).toEqual({ n: 1, sum: 120, sumSquares: 14400 });
    const s = n.fullSpan;
    expect(s.nutrients.calories.weekday.n).toBe(8);
    expect(s.nutrients.calories.welch!.t).toBeCloseTo(5.385473031923463, 10);
    expect(s.nutrients.calories.welch!.p).toBeCloseTo(0.0007718253793728219, 10);
    expect(s.nutrients.calories.welch!.cohensD).toBeCloseTo(3.1330127317064957, 10);
    // The six %DV values are calories / 10: same t, and the relative difference is scale-free.
    expect(s.nutrients.sugar.welch!.t).toBeCloseTo(5.385473031923463, 10);
    expect(s.nutrients.sugar.relative).toBeCloseTo(s.nutrients.calories.relative!, 12);
    expect(s.nutrients.calories.relative).toBeCloseTo((3000 / 6 - 1420 / 8) / (1420 / 8), 12);
    // Seven equal p-values: BH leaves each unchanged.
    expect(s.nutrients.protein.q).toBeCloseTo(0.0007718253793728219, 10);
    expect(s.significant).toBe(7);
  });
});

describe("weekend/ingredients and weekend/tags", () => {
  it("counts recipes containing each candidate item per year and group, an item listed twice once", async () => {
    const d = await computeItems(session, {
      kind: "ingredients",
      minCount: 2,
      minShare: 0.01,
      candidates: 300,
    });
    expect(d.years).toEqual([2008, 2009, 2010, 2011]);
    expect(d.recipes).toEqual({ weekday: [3, 2, 2, 2], weekend: [2, 1, 2, 1] });
    const egg = d.items.find((i) => i.item === "egg")!;
    expect(egg).toEqual({ item: "egg", weekday: [1, 0, 1, 0], weekend: [1, 0, 1, 0] });
  });

  it("tests each item's 2×2 table as scipy does, BH-adjusts, ranks by Cramér's V in both directions", async () => {
    const d = await computeItems(session, {
      kind: "ingredients",
      minCount: 2,
      minShare: 0.01,
      candidates: 300,
    });
    const s = d.fullSpan;
    // salt (in every recipe) has nothing to test; saffron is under the minimum of 2 recipes.
    expect(d.items.map((i) => i.item).sort()).toEqual(["cream", "egg", "flour", "salt"]);
    expect(s.tested).toBe(3);
    const p = { cream: 0.0007232327164301923, flour: 0.005155485148346529, egg: 0.6335534753768334 };
    const q = bhByHand([p.cream, p.flour, p.egg]);
    // egg is in 2 of 6 weekend recipes against 2 of 9 weekday ones: weekend-leaning, not significant.
    expect(s.weekendLeaning.map((r) => r.item)).toEqual(["cream", "egg"]);
    expect(s.weekdayLeaning.map((r) => r.item)).toEqual(["flour"]);
    const [cream] = s.weekendLeaning;
    expect(cream).toMatchObject({ weekday: 1, weekend: 6, significant: true });
    expect(cream.statistic).toBeCloseTo(11.42857142857143, 10);
    expect(cream.p).toBeCloseTo(p.cream, 10);
    expect(cream.q).toBeCloseTo(q[0], 10);
    expect(cream.cramersV).toBeCloseTo(0.8728715609439697, 10);
    expect(cream.difference).toBeCloseTo(6 / 6 - 1 / 9, 12);
    const [flour] = s.weekdayLeaning;
    expect(flour.q).toBeCloseTo(q[1], 10);
    expect(flour.cramersV).toBeCloseTo(0.7222222222222222, 10);
    expect(s.significant).toBe(2); // egg: q ≈ 0.63
  });

  it("keeps only items in at least the minimum of recipes over the span (default 50: none here)", () => {
    expect(output<ItemsData>("ingredients").items).toEqual([]);
    expect(output<ItemsData>("ingredients").minCount).toBe(50);
  });

  it("leaves structural tags out of the tag test by default and counts them", async () => {
    const d = await computeItems(session, { kind: "tags", minCount: 2, minShare: 0.01, candidates: 300 });
    expect(d.items.map((i) => i.item).sort()).toEqual(["dinner", "easy", "preparation"]);
    expect(d.fullSpan.structuralExcluded).toBe(1);
    expect(d.fullSpan.tested).toBe(2);
    expect(d.fullSpan.weekendLeaning[0].item).toBe("dinner");
  });
});
