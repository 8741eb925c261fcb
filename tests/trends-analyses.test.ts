// The Trends analyses' SQL against a tiny crafted dataset in a real in-memory DuckDB, with values
// computed by hand: per-year counts, means, medians and quantiles, item counts, diversity, share
// slopes, and each output checked against the contract's runtime schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import { computeItems } from "../data-loaders/analyses/trends/items.js";
import { trendsAnalyses } from "../data-loaders/analyses/trends/index.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { ANALYSES, PAGE_FILES, computePage } from "../data-loaders/analyses/registry.js";
import type {
  ComplexityData,
  DurationData,
  ItemsData,
  NutritionData,
  VolumeData,
} from "../src/lib/contracts/trends.js";
import { NUTRIENTS } from "../src/lib/contracts/trends.js";

// ── The crafted dataset ─────────────────────────────────────────────────────────────────────
// Years 2000 (4 recipes), 2001 (4), 2002 (2), 2004 (4); no recipe in 2003.
const RECIPES: [
  id: number,
  year: number,
  minutes: number,
  steps: number,
  ingredients: number,
  score: number,
  calories: number | null,
][] = [
  [1, 2000, 10, 2, 3, 10, 100],
  [2, 2000, 20, 4, 3, 12, null],
  [3, 2000, 30, 6, 3, 14, 300],
  [4, 2000, 40, 8, 3, 16, 500],
  [5, 2001, 60, 5, 4, 11, 200],
  [6, 2001, 100, 5, 4, 11, 200],
  [7, 2001, 20, 5, 4, 11, 200],
  [8, 2001, 20, 5, 4, 11, 200],
  [9, 2002, 5, 3, 5, 9, 50],
  [10, 2002, 15, 3, 5, 9, 150],
  [11, 2004, 1, 1, 6, 8, 80],
  [12, 2004, 2, 1, 6, 8, 80],
  [13, 2004, 3, 1, 6, 8, 80],
  [14, 2004, 4, 1, 6, 8, 80],
];

// sugar: 4/4, 3/4, 1/2, 0/4 of the recipes → shares 1, .75, .5, 0: exactly −0.25 per year.
// salt:  0/4, 1/4, 1/2, 4/4 → shares 0, .25, .5, 1: exactly +0.25 per year.
// butter: 1/4, 1/4, 0/2, 1/4; saffron, pepper, thyme: one recipe each (below a minimum of 2).
// Recipe 1 lists sugar twice: it must count once.
const INGREDIENTS: Record<number, string[]> = {
  1: ["sugar", "butter", "sugar", "saffron"],
  2: ["sugar"],
  3: ["sugar"],
  4: ["sugar"],
  5: ["salt", "sugar", "butter"],
  6: ["sugar"],
  7: ["sugar"],
  8: ["pepper"],
  9: ["salt", "sugar"],
  10: ["thyme"],
  11: ["salt", "butter"],
  12: ["salt"],
  13: ["salt"],
  14: ["salt"],
};

// "easy" on every recipe (a constant share: no trend can be fitted); "dessert" on 1, 2 and 11.
const TAGS: Record<number, string[]> = Object.fromEntries(
  RECIPES.map(([id]) => [id, id === 1 || id === 2 || id === 11 ? ["easy", "dessert"] : ["easy"]]),
);

const sqlValue = (v: number | string | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`;

async function craftedSession(): Promise<Session> {
  const { instance, connection } = await openConnection({ threads: 1 });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  // Nutrition %DV columns are derived from calories so their expected means follow the same hand math.
  const rows = RECIPES.map(([id, year, minutes, steps, ingredients, score, calories]) => {
    const dv = calories === null ? 1 : calories / 10;
    return `(${[id, year, minutes, steps, ingredients, score, calories, dv, dv, dv, dv, dv, dv].map(sqlValue).join(", ")})`;
  });
  await session.run(`
    CREATE TABLE recipes AS SELECT
      id::INTEGER AS id, year::INTEGER AS year, minutes::INTEGER AS minutes, n_steps::INTEGER AS n_steps,
      n_ingredients::INTEGER AS n_ingredients, complexity_score::DOUBLE AS complexity_score,
      calories::DOUBLE AS calories, total_fat_pct::DOUBLE AS total_fat_pct, sugar_pct::DOUBLE AS sugar_pct,
      sodium_pct::DOUBLE AS sodium_pct, protein_pct::DOUBLE AS protein_pct, sat_fat_pct::DOUBLE AS sat_fat_pct,
      carb_pct::DOUBLE AS carb_pct
    FROM (VALUES ${rows.join(", ")}) t(id, year, minutes, n_steps, n_ingredients, complexity_score, calories,
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

/** Weighted least squares slope in closed form, independent of the statistics module. */
function wlsSlope(x: number[], y: number[], w: number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const xm = x.reduce((a, xi, i) => a + w[i] * xi, 0) / sw;
  const ym = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  const sxy = x.reduce((a, xi, i) => a + w[i] * (xi - xm) * (y[i] - ym), 0);
  const sxx = x.reduce((a, xi, i) => a + w[i] * (xi - xm) ** 2, 0);
  return sxy / sxx;
}

// ── Runtime schemas of the contract (src/lib/contracts/trends.ts) ────────────────────────────
const num = z.number().finite();
const year = z.number().int().min(1900).max(2100);
const count = z.number().int().nonnegative();
const fit = z
  .object({
    slope: num,
    intercept: num,
    r2: num.min(0).max(1 + 1e-12),
    p: num.min(0).max(1),
    ci: z.tuple([num, num]),
    slopeSE: num.nonnegative(),
    years: z.number().int().min(3),
  })
  .strict();
const range = { from: year, to: year };
const summaryBase = { ...range, years: count, recipes: count };

const volumeSchema = z
  .object({
    perYear: z.array(z.object({ year, n: count }).strict()),
    fullSpan: z
      .object({
        ...range,
        years: count,
        total: count,
        mean: num,
        peakYear: year,
        peakN: count,
        stats: z
          .object({
            min: num,
            q1: num,
            median: num,
            mean: num,
            q3: num,
            max: num,
            std: num.nullable(),
            cv: num.nullable(),
          })
          .strict(),
        qq: z
          .object({
            points: z.array(z.object({ theoretical: num, sample: num }).strict()),
            slope: num,
            intercept: num,
            r2: num,
          })
          .strict()
          .nullable(),
      })
      .strict(),
  })
  .strict();

const quantileFields = Object.fromEntries(
  ["q05", "q10", "q25", "q33", "q66", "q75", "q90", "q95"].map((k) => [k, num]),
);
const durationSchema = z
  .object({
    perYear: z.array(z.object({ year, n: count, mean: num, median: num, ...quantileFields }).strict()),
    fullSpan: z
      .object({ ...summaryBase, trend: z.object({ mean: fit.nullable(), median: fit.nullable() }).strict() })
      .strict(),
  })
  .strict();

const complexitySchema = z
  .object({
    perYear: z.array(
      z
        .object({
          year,
          n: count,
          score: num,
          scoreSd: num.nullable(),
          steps: num,
          stepsSd: num.nullable(),
          ingredients: num,
          ingredientsSd: num.nullable(),
        })
        .strict(),
    ),
    fullSpan: z
      .object({
        ...summaryBase,
        trend: z
          .object({ score: fit.nullable(), steps: fit.nullable(), ingredients: fit.nullable() })
          .strict(),
      })
      .strict(),
  })
  .strict();

const nutrientValues = z.object(Object.fromEntries(NUTRIENTS.map((k) => [k, num]))).strict();
const nutrientFits = z.object(Object.fromEntries(NUTRIENTS.map((k) => [k, fit.nullable()]))).strict();
const nutritionSchema = z
  .object({
    perYear: z.array(z.object({ year, n: count, mean: nutrientValues, median: nutrientValues }).strict()),
    fullSpan: z
      .object({ ...summaryBase, trend: z.object({ mean: nutrientFits, median: nutrientFits }).strict() })
      .strict(),
  })
  .strict();

const mover = z.object({ item: z.string(), slope: num, p: num, r2: num, share: num }).strict();
const itemsSchema = z
  .object({
    kind: z.enum(["ingredients", "tags"]),
    minCount: count,
    years: z.array(year),
    recipes: z.array(count),
    diversity: z
      .object({
        distinct: z.array(count),
        rarefied: z.array(num.nullable()),
        sampleSize: count,
        samples: count,
      })
      .strict(),
    items: z.array(z.string()),
    totals: z.array(count),
    counts: z.array(z.array(count)),
    fullSpan: z
      .object({
        ...summaryBase,
        itemsRanked: count,
        top: z.array(z.object({ item: z.string(), count }).strict()),
        risers: z.array(mover),
        decliners: z.array(mover),
        diversityTrend: fit.nullable(),
      })
      .strict(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const n = d.years.length;
    const aligned =
      d.recipes.length === n &&
      d.diversity.distinct.length === n &&
      d.diversity.rarefied.length === n &&
      d.totals.length === d.items.length &&
      d.counts.length === d.items.length &&
      d.counts.every((c) => c.length === n);
    if (!aligned) ctx.addIssue({ code: "custom", message: "columns are not aligned on years/items" });
  });

/** The runtime check of each analysis output, by name. */
const SCHEMAS: Record<string, z.ZodType> = {
  "trends/volume": volumeSchema,
  "trends/duration": durationSchema,
  "trends/complexity": complexitySchema,
  "trends/nutrition": nutritionSchema,
  "trends/ingredients": itemsSchema,
  "trends/tags": itemsSchema,
};

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
      "trends/volume",
      "trends/duration",
      "trends/complexity",
      "trends/nutrition",
      "trends/ingredients",
      "trends/tags",
    ]);
    for (const a of trendsAnalyses) expect(ANALYSES).toContain(a);
    expect(PAGE_FILES["data/trends.json"]).toBe("trends");
  });

  it("computes the page data as one object keyed by analysis", async () => {
    const page = await computePage("trends", context);
    expect(Object.keys(page)).toEqual([
      "volume",
      "duration",
      "complexity",
      "nutrition",
      "ingredients",
      "tags",
    ]);
  });

  it.each(Object.keys(SCHEMAS))("%s matches its contract schema and survives JSON", (name) => {
    const value = output(name);
    expect(() => SCHEMAS[name].parse(value)).not.toThrow();
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });
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
    expect(s.qq?.points.map((p) => p.sample)).toEqual([0, 2, 4, 4, 4]);
  });
});

describe("trends/duration", () => {
  it("gives per-year n, mean, median and linearly interpolated quantiles of minutes", () => {
    const [y2000, y2001, y2002, y2004] = output<DurationData>("trends/duration").perYear;
    // 2000: minutes 10, 20, 30, 40 → h = 3p.
    expect(y2000).toMatchObject({ year: 2000, n: 4, mean: 25, median: 25 });
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

  it("fits the full-span WLS trends of mean and median with recipes as weights", () => {
    const d = output<DurationData>("trends/duration");
    const x = [2000, 2001, 2002, 2004];
    const w = [4, 4, 2, 4];
    expect(d.fullSpan.trend.mean?.slope).toBeCloseTo(wlsSlope(x, [25, 50, 10, 2.5], w), 10);
    expect(d.fullSpan.trend.median?.slope).toBeCloseTo(wlsSlope(x, [25, 40, 10, 2.5], w), 10);
    expect(d.fullSpan.trend.mean?.years).toBe(4);
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
  it("averages each nutrient per year, skipping null calories, and takes medians", () => {
    const [y2000, , y2002] = output<NutritionData>("trends/nutrition").perYear;
    // 2000 calories 100, null, 300, 500; the %DV columns are calories / 10, or 1 where calories are null.
    expect(y2000.n).toBe(4);
    expect(y2000.mean.calories).toBe(300);
    expect(y2000.median.calories).toBe(300);
    expect(y2000.mean.protein).toBeCloseTo((10 + 1 + 30 + 50) / 4, 12);
    expect(y2000.median.sugar).toBeCloseTo(20, 12);
    expect(y2002.mean.carbohydrates).toBeCloseTo(10, 12);
  });
});

describe("trends/ingredients and trends/tags", () => {
  const options = { minCount: 2, sampleSize: 4, samples: 3 } as const;

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

  it("counts distinct items per year, all items included, and rarefies to a fixed sample size", async () => {
    const d = await computeItems(session, { kind: "ingredients", ...options });
    expect(d.diversity.distinct).toEqual([3, 4, 3, 2]);
    // Four-recipe samples take the whole year; 2002 has fewer recipes than the sample size.
    expect(d.diversity.rarefied).toEqual([3, 4, null, 2]);
    const smaller = await computeItems(session, { kind: "ingredients", ...options, sampleSize: 2 });
    expect(smaller.diversity.rarefied[2]).toBe(3);
    smaller.diversity.rarefied.forEach((r, j) =>
      expect(r).toBeLessThanOrEqual(smaller.diversity.distinct[j]),
    );
    const again = await computeItems(session, { kind: "ingredients", ...options, sampleSize: 2 });
    expect(again.diversity.rarefied).toEqual(smaller.diversity.rarefied);
  });

  it("ranks risers and decliners by the WLS slope of their yearly share", async () => {
    const s = (await computeItems(session, { kind: "ingredients", ...options })).fullSpan;
    expect(s.risers.map((m) => m.item)).toEqual(["salt"]);
    expect(s.risers[0].slope).toBeCloseTo(0.25, 12);
    expect(s.risers[0].r2).toBeCloseTo(1, 12);
    expect(s.decliners.map((m) => m.item)).toEqual(["sugar", "butter"]);
    expect(s.decliners[0].slope).toBeCloseTo(-0.25, 12);
    const butter = wlsSlope([2000, 2001, 2002, 2004], [0.25, 0.25, 0, 0.25], [4, 4, 2, 4]);
    expect(s.decliners[1].slope).toBeCloseTo(butter, 12);
    expect(s.top).toEqual([
      { item: "sugar", count: 8 },
      { item: "salt", count: 6 },
      { item: "butter", count: 3 },
    ]);
    expect(s.decliners[0].share).toBeCloseTo(8 / 14, 12);
  });

  it("runs the same analysis on tags; a constant share has no trend and is neither riser nor decliner", async () => {
    const d = await computeItems(session, { kind: "tags", ...options });
    expect(d.kind).toBe("tags");
    expect(d.items).toEqual(["easy", "dessert"]);
    expect(d.counts).toEqual([
      [4, 4, 2, 4],
      [2, 0, 0, 1],
    ]);
    expect(d.fullSpan.risers).toEqual([]);
    expect(d.fullSpan.decliners.map((m) => m.item)).toEqual(["dessert"]);
  });

  it("uses the original's minimum of 50 recipes by default", () => {
    expect(output<ItemsData>("trends/ingredients").minCount).toBe(50);
    expect(output<ItemsData>("trends/ingredients").items).toEqual([]);
  });
});
