// The Overview's analyses on a small crafted dataset, through the real ingest and a real DuckDB:
// per-year series span exactly the kept rows' years (gaps inside filled with 0, nothing invented
// before or after, a 1970 or 2060 date set aside rather than stretching the axis), the KPIs say
// how many interactions rate a kept recipe, and the reject samples hold the rows each rule set
// aside with their source line. Every output is checked against its contract.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePage, pageAnalyses } from "../data-loaders/analyses/registry.js";
import { volume } from "../data-loaders/analyses/trends/volume.js";
import type { AnalysisContext } from "../data-loaders/analyses/types.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { ingest } from "../data-loaders/ingest/ingest.js";
import { readLocalSnapshot } from "../data-loaders/snapshot/cache.js";
import {
  overviewDataSchema,
  RAW_SAMPLE_CHARS,
  type OverviewData,
  type RejectSample,
} from "../src/lib/contracts/overview.js";
import { writeCsvs, type InteractionRow, type RecipeRow } from "./helpers/csv.js";
import { tempDir } from "./helpers/s3.js";

const LONG = "a very long description ".repeat(150);

// Kept recipes in 2001 and 2004 only. Recipe 6 (2002) is set aside by the minutes rule, recipe 7
// by its 1970 date: neither year may appear in the recipes' series.
const RECIPES: RecipeRow[] = [
  { id: 1, submitted: "2001-05-01", contributor_id: 10 },
  { id: 2, submitted: "2001-07-01", contributor_id: 10 },
  { id: 3, submitted: "2004-02-01", contributor_id: 11 },
  { id: 4, submitted: "2004-03-01", contributor_id: 11 },
  { id: 5, submitted: "2004-06-01", contributor_id: 12 },
  { id: 6, submitted: "2002-01-01", minutes: 500, description: LONG },
  { id: 7, submitted: "1970-01-01" },
  ...[8, 9, 10, 11, 12, 13, 14].map((id) => ({ id, submitted: id % 2 ? "2001-09-09" : "2004-09-09" })),
];

// Interaction 2 predates its recipe; 4 rates the set-aside recipe 6 (kept, flagged); 5 rates a
// recipe that never existed (set aside); 12 is dated 2060 (set aside).
const INTERACTIONS: InteractionRow[] = [
  { user_id: 1, recipe_id: 1, date: "2001-06-01", rating: 5 },
  { user_id: 2, recipe_id: 1, date: "2001-04-01", rating: 4 },
  { user_id: 2, recipe_id: 3, date: "2005-01-01", rating: 0 },
  { user_id: 3, recipe_id: 6, date: "2003-01-01", rating: 3 },
  { user_id: 4, recipe_id: 99, date: "2004-01-01", rating: 5 },
  { user_id: 1, recipe_id: 4, date: "2006-01-01", rating: 5 },
  { user_id: 5, recipe_id: 8, date: "2006-02-02", rating: 4 },
  { user_id: 5, recipe_id: 9, date: "2006-03-03", rating: 5 },
  { user_id: 6, recipe_id: 10, date: "2005-04-04", rating: 2 },
  { user_id: 6, recipe_id: 11, date: "2005-05-05", rating: 4 },
  { user_id: 7, recipe_id: 13, date: "2001-12-12", rating: 5 },
  { user_id: 7, recipe_id: 2, date: "2060-01-01", rating: 5 },
];

let session: Session;
let page: OverviewData;

beforeAll(async () => {
  const csvs = writeCsvs(tempDir("bttk-overview-csv-"), RECIPES, INTERACTIONS);
  const { dir } = await ingest({
    ...csvs,
    outDir: tempDir("bttk-overview-snap-"),
    now: new Date("2026-01-15T00:00:00Z"),
  });
  const snapshot = await readLocalSnapshot(dir);
  session = await openSession(snapshot);
  const context: AnalysisContext = { session, snapshot };
  page = overviewDataSchema.parse(await computePage("overview", context));
}, 60_000);
afterAll(() => session?.close());

const sample = (table: RejectSample["table"], rule: string) =>
  page.rejectSamples.samples.find((s) => s.table === table && s.rule === rule);

describe("per-year series", () => {
  it("span the kept recipes' years only: the 2002 and 2003 gaps count 0, no 1970, nothing after 2004", () => {
    expect(page.recipesPerYear).toEqual([
      { year: 2001, n: 5 },
      { year: 2002, n: 0 },
      { year: 2003, n: 0 },
      { year: 2004, n: 7 },
    ]);
  });

  it("span the kept interactions' years only: the 2060 date is set aside, not an axis to 2060", () => {
    expect(page.interactionsPerYear).toEqual([
      { year: 2001, n: 3 },
      { year: 2002, n: 0 },
      { year: 2003, n: 1 },
      { year: 2004, n: 0 },
      { year: 2005, n: 3 },
      { year: 2006, n: 3 },
    ]);
  });

  it("agree with Trends' yearly volume, which follows the same convention", async () => {
    const trends = await volume.run({ session, snapshot: {} as AnalysisContext["snapshot"] });
    expect(trends.perYear).toEqual(page.recipesPerYear);
  });
});

describe("KPIs", () => {
  it("count kept recipes, every kept interaction, and how many of those rate a kept recipe", () => {
    expect(page.kpis).toMatchObject({
      recipes: 12,
      interactions: 10,
      interactionsOnKeptRecipes: 9,
      interactionsBeforeRecipe: 1,
      users: 6,
      contributors: 4,
      ratedInteractions: 9,
      recipeYears: { first: 2001, last: 2004 },
      recipeDates: { first: "2001-05-01", last: "2004-09-09" },
      interactionDates: { first: "2001-04-01", last: "2006-03-03" },
    });
    // Ratings 5, 4, 3, 5, 4, 5, 2, 4, 5 (the unrated review is left out).
    expect(page.kpis.meanRating).toBeCloseTo(37 / 9, 12);
  });

  it("match the ingest's integrity counts", () => {
    const integrity = page.manifest.report.interactions.integrity;
    expect(integrity).toEqual({ recipeKept: 9, recipeSetAside: 1, beforeRecipe: 1 });
    expect(page.kpis.interactions - page.kpis.interactionsOnKeptRecipes).toBe(integrity.recipeSetAside);
  });
});

describe("reject samples", () => {
  it("hold, per rule, how many rows it set aside and those rows with their source line", () => {
    expect(sample("recipes", "minutes_out_of_range")).toMatchObject({
      total: 1,
      rows: [{ sourceFile: "RAW_recipes.csv", sourceLine: 7 }],
    });
    expect(sample("recipes", "date_out_of_window")).toMatchObject({ total: 1, rows: [{ sourceLine: 8 }] });
    expect(sample("interactions", "unknown_recipe")).toMatchObject({
      total: 1,
      rows: [{ sourceFile: "RAW_interactions.csv", sourceLine: 6 }],
    });
    expect(sample("interactions", "date_out_of_window")).toMatchObject({
      total: 1,
      rows: [{ sourceLine: 13 }],
    });
  });

  it("count the same rows as the ingest report, rule by rule", () => {
    const report = page.manifest.report;
    for (const [table, rules] of [
      ["recipes", report.recipes.rules],
      ["interactions", report.interactions.rules],
    ] as const) {
      for (const { rule, removed } of rules)
        expect(sample(table, rule)?.total ?? 0, `${table}/${rule}`).toBe(removed);
    }
  });

  it("cut long raw rows so the page data stays small, and say so with an ellipsis", () => {
    const raw = sample("recipes", "minutes_out_of_range")!.rows[0].raw;
    expect(raw).toHaveLength(RAW_SAMPLE_CHARS + 1);
    expect(raw.endsWith("…")).toBe(true);
    expect(raw).toContain("500");
    expect(page.rejectSamples).toMatchObject({ rowsPerRule: 20, rawChars: RAW_SAMPLE_CHARS });
  });

  it("are one analysis of the overview page", () => {
    expect(pageAnalyses("overview").map((a) => a.name)).toContain("overview/rejectSamples");
  });
});

describe("the overview fixture (tests/fixtures/overview.json)", () => {
  // The fixture documents the page data's shape for readers of the tests: it must keep to the contract.
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, "fixtures", "overview.json"), "utf8"),
  ) as unknown;

  it("satisfies the overview page's contract", () => {
    expect(overviewDataSchema.safeParse(fixture).error?.issues ?? []).toEqual([]);
  });

  it("adds up: rows in minus every rule's removals equals rows out, kept interactions split by recipe status", () => {
    const { report } = overviewDataSchema.parse(fixture).manifest;
    for (const t of [report.recipes, report.interactions]) {
      expect(t.rowsIn - t.rules.reduce((sum, r) => sum + r.removed, 0)).toBe(t.rowsOut);
    }
    const { integrity } = report.interactions;
    expect(integrity.recipeKept + integrity.recipeSetAside).toBe(report.interactions.rowsOut);
  });
});
