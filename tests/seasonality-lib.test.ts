// The browser-side summaries of the Seasonality page (src/lib/seasonality): for the full range they
// reproduce the analyses' precomputed full-span results exactly; for a sub-range they equal the
// analyses run on only those years' recipes (a real DuckDB over the crafted data); and the periods,
// period choice and box summaries behave as documented.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeItems } from "../data-loaders/analyses/seasonality/_items.js";
import { pageAnalyses } from "../data-loaders/analyses/registry.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import type { Session } from "../data-loaders/duckdb/session.js";
import type {
  ComplexityData,
  DurationData,
  ItemsData,
  NutritionData,
  VolumeData,
} from "../src/lib/contracts/seasonality.js";
import { boxSummary } from "../src/lib/seasonality/box.js";
import { summarizeItems, topItems } from "../src/lib/seasonality/items.js";
import {
  summarizeComplexity,
  summarizeDuration,
  summarizeNutrition,
  zScores,
} from "../src/lib/seasonality/means.js";
import { summarizeVolume } from "../src/lib/seasonality/volume.js";
import { seasonalitySession } from "./helpers/seasonality-data.js";

let session: Session;
const full = new Map<string, unknown>();
/** The analyses run on the recipes of 2000–2001 only (the crafted data's first decade). */
const sub = new Map<string, unknown>();
const SUB = { from: 2000, to: 2001 };

async function runAll(target: Map<string, unknown>) {
  const context = { session, snapshot: {} as AnalysisContext["snapshot"] };
  for (const a of pageAnalyses("seasonality")) target.set(a.name.split("/")[1], await a.run(context));
  target.set("items", await computeItems(session, { kind: "ingredients", minRecipes: 3, maxItems: 300 }));
}

beforeAll(async () => {
  session = await seasonalitySession();
  await runAll(full);
  // The same session restricted to 2000–2001: the recipes of later years removed.
  await session.run("DELETE FROM recipes WHERE year > 2001");
  await runAll(sub);
});
afterAll(() => session?.close());

describe("range summaries", () => {
  it("reproduce the precomputed full span for the full range", () => {
    const v = full.get("volume") as VolumeData;
    expect(summarizeVolume(v.perYear, { from: 2000, to: 2010 })).toEqual(v.fullSpan);
    const d = full.get("duration") as DurationData;
    expect(summarizeDuration(d.perYear, { from: 2000, to: 2010 })).toEqual(d.fullSpan);
    const c = full.get("complexity") as ComplexityData;
    expect(summarizeComplexity(c.perYear, { from: 2000, to: 2010 })).toEqual(c.fullSpan);
    const n = full.get("nutrition") as NutritionData;
    expect(summarizeNutrition(n.perYear, { from: 2000, to: 2010 })).toEqual(n.fullSpan);
    const i = full.get("items") as ItemsData;
    expect(summarizeItems(i, { from: 2000, to: 2010 })).toEqual(i.fullSpan);
  });

  it("equal the analyses run on only the range's recipes, and change with the range", () => {
    const v = summarizeVolume((full.get("volume") as VolumeData).perYear, SUB);
    const vSub = (sub.get("volume") as VolumeData).fullSpan;
    expect(v.seasons.map((s) => s.n)).toEqual(vSub.seasons.map((s) => s.n));
    expect(v.equalShares.statistic).toBeCloseTo(vSub.equalShares.statistic!, 12);
    expect(v.equalShares.statistic).not.toBeCloseTo(
      (full.get("volume") as VolumeData).fullSpan.equalShares.statistic!,
      3,
    );
    const d = summarizeDuration((full.get("duration") as DurationData).perYear, SUB);
    const dSub = (sub.get("duration") as DurationData).fullSpan;
    expect(d.anova!.F).toBeCloseTo(dSub.anova!.F!, 10);
    d.seasons.forEach((s, i) => expect(s.mean).toBeCloseTo(dSub.seasons[i].mean!, 12));
    const n = summarizeNutrition((full.get("nutrition") as NutritionData).perYear, SUB);
    const nSub = (sub.get("nutrition") as NutritionData).fullSpan;
    expect(n.nutrients.calories.q).toBeCloseTo(nSub.nutrients.calories.q!, 12);
    const items = summarizeItems(full.get("items") as ItemsData, SUB);
    const itemsSub = (sub.get("items") as ItemsData).fullSpan;
    expect(items.recipes).toEqual(itemsSub.recipes);
    expect(items.rows.map((r) => [r.item, r.statistic])).toEqual(
      itemsSub.rows.map((r) => [r.item, expect.closeTo(r.statistic!, 10)]),
    );
  });

  it("has no calendar test for a range with a season of no days", () => {
    const perYear = [{ year: 2020, n: [3, 0, 0, 0], days: [31, 0, 0, 0] }];
    const s = summarizeVolume(perYear, { from: 2020, to: 2020 });
    expect(s.calendar).toBeNull();
    expect(s.equalShares.statistic).toBeCloseTo(9, 12); // (3 − ¾)²/¾ + 3 · (¾)²/¾ = 6.75 + 2.25
  });

  it("throws on a range without years", () => {
    expect(() =>
      summarizeVolume((full.get("volume") as VolumeData).perYear, { from: 1990, to: 1991 }),
    ).toThrow(/no year between 1990 and 1991/);
  });
});

describe("boxSummary", () => {
  it("gives type-7 quartiles, 1.5 IQR whiskers and the count of values beyond them", () => {
    // 1..9 and 100: q1 = 3.25, q3 = 7.75, IQR 4.5, upper fence 14.5 → whisker 9, one outlier.
    const b = boxSummary("summer", [100, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(b).toEqual({
      season: "summer",
      n: 10,
      min: 1,
      q1: 3.25,
      median: 5.5,
      q3: 7.75,
      max: 100,
      mean: 14.5,
      whiskerLow: 1,
      whiskerHigh: 9,
      outliers: 1,
    });
  });
});

describe("z-scores and top items", () => {
  it("standardises season means with the population sd", () => {
    const seasons = [1, 2, 3, 4].map((m, i) => ({ season: "winter" as const, n: 1 + i, mean: m, sd: null }));
    const sd = Math.sqrt(1.25);
    expect(zScores(seasons)).toEqual(
      [-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd].map((z) => expect.closeTo(z, 12)),
    );
  });

  it("shows only items whose shares span at least half a percentage point", () => {
    const s = (full.get("items") as ItemsData).fullSpan;
    expect(topItems(s).map((r) => r.item)).toEqual(["sugar", "basil"]);
    expect(topItems({ ...s, rows: s.rows.map((r) => ({ ...r, range: 0.001 })) })).toEqual([]);
  });
});
