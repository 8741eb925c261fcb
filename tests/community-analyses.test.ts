// The Community analyses' SQL against a tiny crafted dataset in a real in-memory DuckDB: five
// members over 2008–2011 (two decades, so two decade periods besides the full span), three recipes
// (one of them set aside: it has interactions but no row in `recipes`). Every expected value is
// worked out by hand from the rows below, in the comments next to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { PAGES, computePage, pageAnalyses } from "../data-loaders/analyses/registry.js";
import {
  communityDataSchema,
  type ActivityData,
  type GrowthData,
  type LeniencyData,
  type PopularityData,
} from "../src/lib/contracts/community.js";
import { PRIOR_WEIGHT } from "../src/lib/community/keys.js";

const repeat = <T>(n: number, row: T): T[] => Array.from({ length: n }, () => row);

// [user, recipe, year, rating]; rating 0 = review without a rating.
const INTERACTIONS: [number, number, number, number][] = [
  // member 1: twelve 5★ on recipe 10 in 2008 (lenient, always 5)
  ...repeat(12, [1, 10, 2008, 5] as [number, number, number, number]),
  // member 2: five 4★ and five 2★ on recipe 20 in 2010 (mean 3)
  ...repeat(5, [2, 20, 2010, 4] as [number, number, number, number]),
  ...repeat(5, [2, 20, 2010, 2] as [number, number, number, number]),
  // member 3: one review without a rating of the set-aside recipe 30 in 2008
  [3, 30, 2008, 0],
  // member 4: 4★ in 2009 and 3★ in 2011 on recipe 10 (cohort 2009, back two years later)
  [4, 10, 2009, 4],
  [4, 10, 2011, 3],
  // member 5: 5★ in 2010, 5★ and an unrated review in 2011, all on recipe 20
  [5, 20, 2010, 5],
  [5, 20, 2011, 5],
  [5, 20, 2011, 0],
];

async function craftedSession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  await session.run(`
    CREATE TABLE interactions AS SELECT user_id::BIGINT AS user_id, recipe_id::INTEGER AS recipe_id,
      year::INTEGER AS year, rating::TINYINT AS rating
    FROM (VALUES ${INTERACTIONS.map((r) => `(${r.join(", ")})`).join(", ")}) t(user_id, recipe_id, year, rating)`);
  await session.run(`
    CREATE TABLE recipes AS SELECT id::INTEGER AS id, name FROM (VALUES (10, 'alpha pie'), (20, 'beta stew')) t(id, name)`);
  return session;
}

const analyses = pageAnalyses("community");
let session: Session;
let context: AnalysisContext;
const results = new Map<string, unknown>();
const output = <T>(key: string) => results.get(`community/${key}`) as T;

beforeAll(async () => {
  session = await craftedSession();
  context = { session, snapshot: {} as AnalysisContext["snapshot"] };
  for (const a of analyses) results.set(a.name, await a.run(context));
});
afterAll(() => session?.close());

describe("community analyses registry", () => {
  it("finds the four analyses under community/ and derives the page data file", () => {
    expect(analyses.map((a) => a.name)).toEqual([
      "community/activity",
      "community/growth",
      "community/leniency",
      "community/popularity",
    ]);
    expect(PAGES.community.file).toBe("data/community.json");
  });

  it("computes page data that the page contract accepts and that survives JSON", async () => {
    const page = await computePage("community", context);
    expect(communityDataSchema.safeParse(page).error?.issues).toBeUndefined();
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });
});

describe("community/activity", () => {
  it("derives the full span and each decade from the data's years", () => {
    const periods = output<ActivityData>("activity").periods;
    expect(periods.map((p) => [p.kind, p.from, p.to])).toEqual([
      ["full", 2008, 2011],
      ["decade", 2008, 2009],
      ["decade", 2010, 2011],
    ]);
  });

  it("counts interactions per member, one-time members, top shares and the Gini of the counts", () => {
    const [full] = output<ActivityData>("activity").periods;
    // counts per member: 12, 10, 1, 2, 3 → 28 interactions, 2 unrated
    expect(full.unrated).toBe(2);
    const u = full.users;
    expect([u.units, u.total, u.once, u.max, u.median]).toEqual([5, 28, 1, 12, 3]);
    expect(u.onceShare).toBeCloseTo(0.2, 12);
    expect(u.mean).toBeCloseTo(5.6, 12);
    // top 1 % and top 10 % of 5 members are ceil(0.05) = ceil(0.5) = 1 member: 12 / 28
    expect(u.top1Share).toBeCloseTo(12 / 28, 12);
    expect(u.top10Share).toBeCloseTo(12 / 28, 12);
    // sorted 1, 2, 3, 10, 12: Σ(2i − n − 1)x = −4 − 4 + 0 + 20 + 48 = 60; G = 60 / (5 · 28)
    expect(u.gini).toBeCloseTo(60 / 140, 12);
    expect(u.bins).toEqual([
      { from: 1, to: 1, units: 1, total: 1 },
      { from: 2, to: 3, units: 2, total: 5 },
      { from: 4, to: 7, units: 0, total: 0 },
      { from: 8, to: 15, units: 2, total: 22 },
    ]);
    // Lorenz: the least active 20 % (member 3) hold 1/28, 40 % hold 3/28, half a member 0.5/28
    expect(u.lorenz).toHaveLength(101);
    expect(u.lorenz[0]).toBe(0);
    expect(u.lorenz[10]).toBeCloseTo(0.5 / 28, 12);
    expect(u.lorenz[20]).toBeCloseTo(1 / 28, 12);
    expect(u.lorenz[40]).toBeCloseTo(3 / 28, 12);
    expect(u.lorenz[100]).toBe(1);
  });

  it("counts each decade's members on that decade's interactions only", () => {
    const [, first, second] = output<ActivityData>("activity").periods;
    // 2008–2009: members 1 (12), 3 (1), 4 (1); 2010–2011: members 2 (10), 4 (1), 5 (3)
    expect([first.users.units, first.users.total, first.users.once, first.unrated]).toEqual([3, 14, 2, 1]);
    expect([second.users.units, second.users.total, second.users.once, second.unrated]).toEqual([
      3, 14, 1, 1,
    ]);
  });
});

describe("community/growth", () => {
  it("counts new members (first interaction ever), active members and interactions per year", () => {
    expect(output<GrowthData>("growth").perYear).toEqual([
      { year: 2008, newUsers: 2, activeUsers: 2, interactions: 13 },
      { year: 2009, newUsers: 1, activeUsers: 1, interactions: 1 },
      { year: 2010, newUsers: 2, activeUsers: 2, interactions: 11 },
      { year: 2011, newUsers: 0, activeUsers: 2, interactions: 3 },
    ]);
  });

  it("counts each cohort's members active k years later up to the last year", () => {
    expect(output<GrowthData>("growth").cohorts).toEqual([
      { cohort: 2008, active: [2, 0, 0, 0] },
      { cohort: 2009, active: [1, 0, 1] },
      { cohort: 2010, active: [2, 1] },
    ]);
  });

  it("pools retention over the cohorts observed k years later", () => {
    const s = output<GrowthData>("growth").fullSpan;
    expect([s.from, s.to, s.newUsers, s.interactions, s.meanActive]).toEqual([2008, 2011, 5, 28, 1.75]);
    expect(s.peak).toEqual({ year: 2008, activeUsers: 2 });
    expect(s.retention).toEqual([
      { yearsLater: 1, cohorts: 3, base: 5, retained: 1, share: 0.2 },
      { yearsLater: 2, cohorts: 2, base: 3, retained: 1, share: 1 / 3 },
      { yearsLater: 3, cohorts: 1, base: 2, retained: 0, share: 0 },
    ]);
  });
});

describe("community/leniency", () => {
  it("measures members with at least ten ratings 1–5 and the pull of the lenient ones", () => {
    const [full] = output<LeniencyData>("leniency").periods;
    // ratings 1–5: 12 (Σ60) + 10 (Σ30) + 2 (Σ7) + 2 (Σ10) = 26, Σ107, four raters
    expect([full.ratings, full.raters]).toEqual([26, 4]);
    expect(full.mean).toBeCloseTo(107 / 26, 12);
    // eligible: member 1 (mean 5) and member 2 (mean 3)
    expect([full.eligible.users, full.eligible.ratings, full.eligible.allFive]).toEqual([2, 22, 1]);
    expect(full.eligible.shareOfRatings).toBeCloseTo(22 / 26, 12);
    expect(full.eligible.meanOfMeans).toBeCloseTo(4, 12);
    expect(full.eligible.sdOfMeans).toBeCloseTo(Math.SQRT2, 12);
    expect(full.eligible.medianOfMeans).toBeCloseTo(4, 12);
    // lenient: member 1 only; without their 12 ratings: (107 − 60) / 14
    expect([full.lenient.users, full.lenient.ratings]).toEqual([1, 12]);
    expect(full.lenient.shareOfEligible).toBeCloseTo(0.5, 12);
    expect(full.lenient.shareOfRatings).toBeCloseTo(12 / 26, 12);
    expect(full.lenient.meanWithout).toBeCloseTo(47 / 14, 12);
    expect(full.lenient.pull).toBeCloseTo(107 / 26 - 47 / 14, 12);
    // mean 3 falls in [3, 3.25) (bin 8), mean 5 in the last bin [4.75, 5]
    expect(full.bins).toHaveLength(16);
    expect(full.bins.filter((b) => b.users > 0)).toEqual([
      { from: 3, to: 3.25, users: 1 },
      { from: 4.75, to: 5, users: 1 },
    ]);
  });

  it("gives no spread for a decade with a single eligible member", () => {
    const [, , second] = output<LeniencyData>("leniency").periods;
    // 2010–2011: member 2 (10 ratings, Σ30), member 4 (3), member 5 (5, 5): 13 ratings, Σ43
    expect([second.ratings, second.raters, second.eligible.users, second.lenient.users]).toEqual([
      13, 3, 1, 0,
    ]);
    expect(second.mean).toBeCloseTo(43 / 13, 12);
    expect(second.eligible.sdOfMeans).toBeNull();
    expect(second.lenient.pull).toBeCloseTo(0, 12);
  });
});

describe("community/popularity", () => {
  it("spreads every interaction over recipes, the set-aside recipe included", () => {
    const [full] = output<PopularityData>("popularity").periods;
    // recipe 10: 14, recipe 20: 13, recipe 30: 1
    expect([full.recipes.units, full.recipes.total, full.recipes.once, full.recipes.max]).toEqual([
      3, 28, 1, 14,
    ]);
  });

  it("ranks kept recipes with at least ten ratings by the Bayesian average toward the period's mean", () => {
    const [full, first, second] = output<PopularityData>("popularity").periods;
    const m = 107 / 26;
    expect(full.priorMean).toBeCloseTo(m, 12);
    expect([full.priorWeight, full.minRatings, full.eligible]).toEqual([PRIOR_WEIGHT, 10, 2]);
    expect(full.best.map((r) => [r.rank, r.name, r.ratings, r.interactions])).toEqual([
      [1, "alpha pie", 14, 14],
      [2, "beta stew", 12, 13],
    ]);
    expect(full.best[0].mean).toBeCloseTo(67 / 14, 12);
    expect(full.best[0].bayesian).toBeCloseTo((PRIOR_WEIGHT * m + 67) / (PRIOR_WEIGHT + 14), 12);
    expect(full.best[1].bayesian).toBeCloseTo((PRIOR_WEIGHT * m + 40) / (PRIOR_WEIGHT + 12), 12);
    // 2008–2009: recipe 10 alone (13 ratings, Σ64) — its mean is the prior, so its average is too
    expect(first.best).toHaveLength(1);
    expect(first.best[0].bayesian).toBeCloseTo(64 / 13, 12);
    // 2010–2011: recipe 10 has one rating (below the minimum); recipe 20 has 12 (Σ40)
    expect(second.eligible).toBe(1);
    expect(second.best.map((r) => r.name)).toEqual(["beta stew"]);
    expect(second.priorMean).toBeCloseTo(43 / 13, 12);
  });
});
