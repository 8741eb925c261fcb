// The Trends analyses on generated Food.com-shaped data, ingested for real (scale 0.1, seed 42):
// the page data passes its contract; the exact rarefaction computed in SQL through lgamma equals
// expectedRichness of each year's item incidences at realistic sizes; 300 items with no trend,
// drawn on the data's own yearly recipe counts, give no significant riser or decliner at the
// default level (while their unadjusted p-values would have named some); and the bookkeeping tags
// stay out of the tag rankings unless asked for.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePage } from "../data-loaders/analyses/registry.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import type { TrendsData } from "../src/lib/contracts/trends.js";
import { expectedRichness } from "../src/lib/stats/index.js";
import { ALPHA } from "../src/lib/trends/fit.js";
import { rankItems, summarizeItems, type ItemsInput } from "../src/lib/trends/items.js";
import { isStructuralTag } from "../src/lib/trends/structural-tags.js";
import { tempDir } from "./helpers/s3.js";
import { generatedCsvs } from "./helpers/site.js";

let session: Session;
let data: TrendsData;

beforeAll(async () => {
  const csvs = await generatedCsvs(0.1, 42);
  const { manifest, dir } = await ingest({ ...csvs, outDir: join(tempDir("bttk-trends-"), "snapshot") });
  const snapshot = { datasetId: manifest.datasetId, dir, manifest, manifestSha256: "" };
  session = await openSession(snapshot);
  data = (await computePage("trends", { session, snapshot } as AnalysisContext)) as TrendsData;
}, 300_000);
afterAll(() => session?.close());

/** A seeded uniform generator (mulberry32), so the null items are the same on every run. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Binomial(n, p) draw as the sum of n Bernoulli draws: slow, but plainly right. */
function binomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

describe("the Trends page data on generated data", () => {
  it("spans the generated years and passes the page contract", () => {
    expect(data.volume.perYear.length).toBeGreaterThanOrEqual(15);
    expect(data.ingredients.fullSpan.tested).toBeGreaterThan(100);
    expect(data.duration.fullSpan.headline.mean).not.toBeNull();
  });

  it.each(["ingredients", "tags"] as const)(
    "rarefies %s exactly: each year's SQL value equals expectedRichness of its incidences",
    async (kind) => {
      const { table, column } =
        kind === "ingredients"
          ? { table: "recipe_ingredients", column: "ingredient" }
          : { table: "recipe_tags", column: "tag" };
      const rows = await session.query<{ year: number; recipes: number; incidence: number[] }>(`
        WITH pairs AS (SELECT DISTINCT r.year, x.recipe_id, x.${column} AS item
                       FROM ${table} x JOIN recipes r ON r.id = x.recipe_id),
        totals AS (SELECT year, count(*)::INTEGER AS recipes FROM recipes GROUP BY year),
        incidence AS (SELECT year, item, count(*)::INTEGER AS k FROM pairs GROUP BY year, item)
        SELECT t.year::INTEGER AS year, t.recipes, list(i.k) AS incidence
        FROM totals t JOIN incidence i USING (year) GROUP BY t.year, t.recipes ORDER BY t.year`);
      const items = data[kind];
      const m = items.diversity.sampleSize;
      let compared = 0;
      for (const { year, recipes, incidence } of rows) {
        const j = items.years.indexOf(year);
        const expected = expectedRichness(incidence, recipes, m);
        if (recipes < m) {
          expect(items.diversity.rarefied[j]).toBeNull();
        } else {
          expect(items.diversity.rarefied[j], String(year)).toBeCloseTo(expected, 8);
          expect(items.diversity.rarefied[j]!).toBeLessThanOrEqual(items.diversity.distinct[j]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(15);
    },
  );
});

describe("300 items without a trend, on the data's yearly recipe counts", () => {
  const NULL_ITEMS = 300;

  /** Items with a constant share each (0.5 % to 20 %), counts drawn binomially on each year's recipes. */
  function nullItems(
    recipes: readonly number[],
    seed: number,
    extra: { item: string; share: (j: number) => number }[] = [],
  ) {
    const random = uniform(seed);
    const items: string[] = [];
    const counts: number[][] = [];
    for (let i = 0; i < NULL_ITEMS; i++) {
      const p = 0.005 + 0.195 * random();
      items.push(`null item ${i}`);
      counts.push(recipes.map((n) => binomial(random, n, p)));
    }
    for (const { item, share } of extra) {
      items.push(item);
      counts.push(recipes.map((n, j) => binomial(random, n, share(j))));
    }
    return { items, counts };
  }

  const input = (
    recipes: number[],
    years: number[],
    generated: { items: string[]; counts: number[][] },
  ): ItemsInput => ({
    kind: "ingredients",
    minCount: 50,
    years,
    recipes,
    diversity: { distinct: years.map(() => 0), rarefied: years.map(() => null), sampleSize: 100 },
    items: generated.items,
    totals: generated.counts.map((c) => c.reduce((a, b) => a + b, 0)),
    counts: generated.counts,
  });

  it("yields no significant riser or decliner at the default level, though raw p-values would name some", () => {
    const { years, recipes } = data.ingredients;
    const range = { from: years[0], to: years[years.length - 1] };
    const items = input(recipes, years, nullItems(recipes, 20260512));
    const summary = summarizeItems(items, range);
    expect(summary.tested).toBeGreaterThanOrEqual(290);
    expect(summary.risers).toEqual([]);
    expect(summary.decliners).toEqual([]);
    expect(summary.significantRisers + summary.significantDecliners).toBe(0);
    // Without the correction, about 5 % of them would have been called movers.
    const raw = rankItems(items, range).filter((r) => r.p !== null && r.p < ALPHA);
    expect(raw.length).toBeGreaterThan(0);
  });

  it("still finds the one item whose share really rises among them", () => {
    const { years, recipes } = data.ingredients;
    const range = { from: years[0], to: years[years.length - 1] };
    // From 2 % to 20 % of the recipes over the span: about a point of share a year, like the
    // strongest real riser of the default dataset (kosher salt).
    const rising = { item: "rising item", share: (j: number) => 0.02 + (0.18 * j) / (years.length - 1) };
    const summary = summarizeItems(input(recipes, years, nullItems(recipes, 20260512, [rising])), range);
    expect(summary.risers.map((m) => m.item)).toEqual(["rising item"]);
    expect(summary.decliners).toEqual([]);
    expect(summary.risers[0].q).toBeLessThan(ALPHA);
  });
});

describe("bookkeeping tags on generated data", () => {
  it("are left out of the tag rankings by default and counted; the reader can put them back", () => {
    const tags = data.tags;
    const range = { from: tags.years[0], to: tags.years[tags.years.length - 1] };
    const s = tags.fullSpan;
    expect(s.structuralExcluded).toBeGreaterThan(10);
    for (const { item } of s.top) expect(isStructuralTag(item), item).toBe(false);
    for (const m of [...s.risers, ...s.decliners]) expect(isStructuralTag(m.item), m.item).toBe(false);
    const all = summarizeItems(tags, range, { includeStructural: true });
    // "preparation" is on every recipe the generator writes.
    expect(all.top[0].item).toBe("preparation");
    expect(all.itemsRanked).toBe(s.itemsRanked + s.structuralExcluded);
    expect(all.tested).toBeGreaterThan(s.tested);
  });
});
