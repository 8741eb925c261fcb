// The Ratings analyses' SQL and statistics against crafted interactions in a real in-memory DuckDB:
// 24 months of 2008–2009 with 100–120 ratings each (one month of 40, below the minimum), 37 users,
// ratings 0 (three a month), 1, 2, 4 and 5. Every expected statistic was computed independently
// from the raw rows with numpy/scipy: `python3 tests/fixtures/ratings-expected.py` (the same
// generator written again in Python) prints tests/fixtures/ratings-expected.json.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { PAGES, computePage, pageAnalyses } from "../data-loaders/analyses/registry.js";
import type {
  DistributionData,
  PropertiesData,
  SeasonsData,
  TrendData,
  WeekdaysData,
} from "../src/lib/contracts/ratings.js";

const expected = JSON.parse(
  readFileSync(new URL("./fixtures/ratings-expected.json", import.meta.url), "utf8"),
) as Record<string, number & number[]>;

// Winter = December–February (the ingest's rule, docs/data.md).
const seasonOf = (month: number) => ["winter", "spring", "summer", "autumn"][Math.floor((month % 12) / 3)];

/** The crafted interactions (tests/fixtures/ratings-expected.py writes the same generator). */
export function craftedInteractions() {
  const rows: [
    user: number,
    recipe: number,
    rating: number,
    year: number,
    month: number,
    weekday: number,
    season: string,
  ][] = [];
  for (let i = 0; i < 24; i++) {
    const year = 2008 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const n = i === 5 ? 40 : 100 + 10 * (i % 3);
    const c5 = Math.floor((n * 55) / 100) + i + (i % 2 ? 3 : -3);
    const c1 = 2 + (i % 4);
    const c2 = i % 5 === 0 ? 1 : 0;
    const c4 = n - c5 - c1 - c2;
    const ratings = [
      ...Array<number>(3).fill(0),
      ...Array<number>(c5).fill(5),
      ...Array<number>(c4).fill(4),
      ...Array<number>(c2).fill(2),
      ...Array<number>(c1).fill(1),
    ];
    ratings.forEach((r, j) =>
      rows.push([(i * 7 + j) % 37, j % 11, r, year, month, ((i + j) % 7) + 1, seasonOf(month)]),
    );
  }
  return rows;
}

/**
 * Crafted recipes 0–9 (recipe 10 stays out: its ratings, like a set-aside recipe's, have no
 * properties). Tags: "preparation" (structural, never shown) on all, "easy" on even ids, "dessert"
 * on multiples of 3, "rare" on recipe 1.
 */
export function craftedRecipes() {
  const minutes = [10, 20, 45, 90, 150, 15, 30, 60, 120, 180];
  return minutes.map((m, id) => {
    const steps = 2 + id;
    const ingredients = 3 + (id % 4);
    const tags = [
      "preparation",
      ...(id % 2 === 0 ? ["easy"] : []),
      ...(id % 3 === 0 ? ["dessert"] : []),
      ...(id === 1 ? ["rare"] : []),
    ];
    return { id, minutes: m, steps, ingredients, score: Math.log(1 + m) + steps + 0.5 * ingredients, tags };
  });
}

async function craftedSession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  const values = craftedInteractions().map(
    ([u, r, rating, y, m, d, s]) => `(${u}, ${r}, ${rating}, ${y}, ${m}, ${d}, '${s}')`,
  );
  await session.run(`
    CREATE TABLE interactions AS SELECT user_id::BIGINT AS user_id, recipe_id::INTEGER AS recipe_id,
      rating::TINYINT AS rating, year::INTEGER AS year, month::INTEGER AS month, weekday::INTEGER AS weekday,
      season::VARCHAR AS season
    FROM (VALUES ${values.join(", ")}) t(user_id, recipe_id, rating, year, month, weekday, season)`);
  const recipes = craftedRecipes();
  await session.run(`
    CREATE TABLE recipes AS SELECT id::INTEGER AS id, minutes::INTEGER AS minutes, n_steps::INTEGER AS n_steps,
      n_ingredients::INTEGER AS n_ingredients, complexity_score::DOUBLE AS complexity_score
    FROM (VALUES ${recipes.map((r) => `(${r.id}, ${r.minutes}, ${r.steps}, ${r.ingredients}, ${r.score})`).join(", ")})
      t(id, minutes, n_steps, n_ingredients, complexity_score)`);
  const tags = recipes.flatMap((r) => r.tags.map((tag, i) => `(${r.id}, ${i + 1}, '${tag}')`));
  await session.run(`
    CREATE TABLE recipe_tags AS SELECT recipe_id::INTEGER AS recipe_id, position::INTEGER AS position, tag::VARCHAR AS tag
    FROM (VALUES ${tags.join(", ")}) t(recipe_id, position, tag)`);
  return session;
}

let session: Session;
let page: Record<string, unknown>;

beforeAll(async () => {
  session = await craftedSession();
  page = await computePage("ratings", { session } as AnalysisContext);
});
afterAll(() => session.close());

describe("ratings analyses on crafted interactions", () => {
  it("belong to the ratings page and pass its derived contract", () => {
    expect(pageAnalyses("ratings").map((a) => a.name)).toEqual([
      "ratings/distribution",
      "ratings/properties",
      "ratings/seasons",
      "ratings/trend",
      "ratings/weekdays",
    ]);
    expect(PAGES.ratings.schema.safeParse(page).success).toBe(true);
  });

  it("trend: counts ratings 0–5 per month and keeps months with at least 100 ratings", () => {
    const trend = page.trend as TrendData;
    expect(trend.minMonthly).toBe(100);
    expect(trend.months).toHaveLength(24);
    expect(trend.months[0]).toEqual({ year: 2008, month: 1, counts: [3, 2, 1, 0, 45, 52] });
    const s = trend.fullSpan;
    expect(s.monthsKept).toBe(expected.monthsKept);
    expect(s.monthsExcluded).toBe(expected.monthsExcluded);
    expect(s.ratingsExcluded).toBe(expected.ratingsExcluded);
    expect(s.series.find((p) => p.year === 2008 && p.month === 6)).toBeUndefined();
    s.series.forEach((p, i) => expect(p.mean).toBeCloseTo(expected.means[i], 12));
    expect(s.series.reduce((a, p) => a + p.weightShare, 0)).toBeCloseTo(1, 12);
  });

  it("trend: WLS with weights √n gives numpy's slope per year, intercept and weighted R²; OLS scipy's", () => {
    const s = (page.trend as TrendData).fullSpan;
    expect(s.wls?.slope).toBeCloseTo(expected.wlsSlope, 10);
    expect(s.wls?.intercept).toBeCloseTo(expected.wlsIntercept, 10);
    expect(s.wls?.r2).toBeCloseTo(expected.wlsR2, 10);
    expect(s.ols?.slope).toBeCloseTo(expected.olsSlope, 10);
    expect(s.ols?.p).toBeCloseTo(expected.olsP, 12);
    expect(s.spearman).toBeCloseTo(expected.spearman, 10);
    expect(s.slopeShift).toBeCloseTo(
      Math.abs(expected.wlsSlope - expected.olsSlope) / Math.abs(expected.olsSlope),
      8,
    );
    expect(s.headline?.months).toBe(expected.monthsKept);
    expect(s.headline!.ci[0]).toBeLessThan(s.headline!.slope);
  });

  it("distribution: counts every value, and the cluster-by-user SE is numpy's CR1", () => {
    const d = page.distribution as DistributionData;
    expect(d.fullSpan.stats.interactions).toBe(expected.interactions);
    expect(d.fullSpan.stats.n).toBe(expected.ratings);
    expect(d.fullSpan.stats.unrated).toBe(72);
    expect(d.fullSpan.stats.mean).toBeCloseTo(expected.mean, 12);
    expect(d.cluster).toHaveLength(1); // 2008–2009 lie in one decade: the full span only
    const full = d.cluster[0];
    expect(full).toMatchObject({
      kind: "full",
      from: 2008,
      to: 2009,
      users: expected.users,
      n: expected.ratings,
    });
    expect(full.clusterSE).toBeCloseTo(expected.clusterSE, 12);
    expect(full.naiveSE).toBeCloseTo(expected.naiveSE, 12);
  });

  it("seasons: ANOVA and Kruskal–Wallis from counts equal scipy's on the raw ratings", () => {
    const s = page.seasons as SeasonsData;
    expect(s.fullSpan.anova?.F).toBeCloseTo(expected.anovaF, 10);
    expect(s.fullSpan.anova?.p).toBeCloseTo(expected.anovaP, 10);
    expect(s.fullSpan.kruskal?.statistic).toBeCloseTo(expected.kruskalH, 10);
    expect(s.fullSpan.kruskal?.p).toBeCloseTo(expected.kruskalP, 10);
    expect(s.distinct.map((d) => d.users)).toEqual(expected.seasonUsers);
  });

  it("weekdays: Mann–Whitney U and Cohen's d of weekend against weekday equal scipy's", () => {
    const w = (page.weekdays as WeekdaysData).fullSpan.weekend;
    expect(w.mannWhitney?.U).toBe(expected.mannWhitneyU);
    expect(w.mannWhitney?.p).toBeCloseTo(expected.mannWhitneyP, 10);
    expect(w.welch?.cohensD).toBeCloseTo(expected.cohensD, 10);
  });

  // Expected values from the raw rows, without the library: ratings 1–5 of each group listed one
  // by one, textbook mean and Welch t on them, the BH step-up by hand.
  describe("properties", () => {
    const recipes = craftedRecipes();
    const rated = craftedInteractions()
      .filter(([, recipe, rating]) => rating > 0 && recipe < recipes.length)
      .map(([, recipe, rating]) => ({ rating, recipe: recipes[recipe] }));
    const meanOf = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const varOf = (xs: number[]) => {
      const m = meanOf(xs);
      return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const welch = (a: number[], b: number[]) => {
      const va = varOf(a) / a.length;
      const vb = varOf(b) / b.length;
      return {
        t: (meanOf(a) - meanOf(b)) / Math.sqrt(va + vb),
        df: (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1)),
      };
    };
    const data = () => page.properties as PropertiesData;

    it("bands minutes at 15/30/60/120/180 and counts only ratings of recipes in the data", () => {
      const s = data().fullSpan.properties.minutes;
      const bandOf = (m: number) => [15, 30, 60, 120, 180].find((b) => m <= b);
      for (const g of s.groups) {
        const xs = rated.filter((r) => String(bandOf(r.recipe.minutes)) === g.group).map((r) => r.rating);
        expect(g.n).toBe(xs.length);
        expect(g.mean).toBeCloseTo(meanOf(xs), 12);
      }
      expect(s.groups.reduce((a, g) => a + g.n, 0)).toBe(rated.length);
      expect(s.anova).not.toBeNull();
    });

    it("cuts complexity at the recipes' score quintiles (linear interpolation)", () => {
      const scores = recipes.map((r) => r.score).sort((a, b) => a - b);
      const q = (p: number) => {
        const h = (scores.length - 1) * p;
        const lo = Math.floor(h);
        return scores[lo] + (h - lo) * ((scores[lo + 1] ?? scores[lo]) - scores[lo]);
      };
      data().bands.complexity.forEach((b, i) => expect(b).toBeCloseTo(q([0.2, 0.4, 0.6, 0.8][i]), 12));
      const groups = data().fullSpan.properties.complexity.groups;
      expect(groups.map((g) => g.group)).toEqual(["1", "2", "3", "4", "5"]);
      const bounds = [0.2, 0.4, 0.6, 0.8].map(q);
      const band = (score: number) => String(1 + bounds.filter((b) => b < score).length);
      for (const g of groups) expect(g.n).toBe(rated.filter((r) => band(r.recipe.score) === g.group).length);
    });

    it("compares each ingredient count with the rest by Welch t, BH-adjusted across the counts", () => {
      const s = data().fullSpan.properties.ingredients;
      expect(s.vsRest.map((v) => v.group)).toEqual(["3", "4", "5", "6"]);
      for (const v of s.vsRest) {
        const inGroup = rated.filter((r) => String(r.recipe.ingredients) === v.group).map((r) => r.rating);
        const rest = rated.filter((r) => String(r.recipe.ingredients) !== v.group).map((r) => r.rating);
        const w = welch(inGroup, rest);
        expect(v.t).toBeCloseTo(w.t, 9);
        expect(v.df).toBeCloseTo(w.df, 6);
        expect(v.meanDiff).toBeCloseTo(meanOf(inGroup) - meanOf(rest), 12);
      }
      const ps = s.vsRest.map((v) => v.p as number);
      const m = ps.length;
      const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
      order.forEach(({ i }, rank) => {
        const stepUp = Math.min(...order.slice(rank).map((o, k) => (o.p * m) / (rank + k + 1)));
        expect(s.vsRest[i].adjusted).toBeCloseTo(Math.min(1, stepUp), 12);
      });
    });

    it("ranks tags by ratings, leaves structural tags out, and tests them only against the rest", () => {
      const s = data().fullSpan.properties.tags;
      const count = (tag: string) => rated.filter((r) => r.recipe.tags.includes(tag)).length;
      expect(data().groups.tags).toEqual(["easy", "dessert", "rare"].sort((a, b) => count(b) - count(a)));
      expect(s.anova).toBeNull();
      const easy = s.vsRest.find((v) => v.group === "easy");
      const w = welch(
        rated.filter((r) => r.recipe.tags.includes("easy")).map((r) => r.rating),
        rated.filter((r) => !r.recipe.tags.includes("easy")).map((r) => r.rating),
      );
      expect(easy?.t).toBeCloseTo(w.t, 9);
    });

    it("follows the year range: 2009 alone counts only 2009's ratings", async () => {
      const { summarizeProperties } = await import("../src/lib/ratings/properties.js");
      const only2009 = summarizeProperties(data(), { from: 2009, to: 2009 });
      const in2009 = craftedInteractions().filter(
        ([, recipe, rating, year]) => rating > 0 && recipe < recipes.length && year === 2009,
      ).length;
      expect(only2009.properties.minutes.groups.reduce((a, g) => a + g.n, 0)).toBe(in2009);
      expect(only2009.properties.minutes.groups[0].n).toBeLessThan(
        data().fullSpan.properties.minutes.groups[0].n,
      );
    });
  });
});
