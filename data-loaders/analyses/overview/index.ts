// Overview page data (src/data/overview.json = OverviewData): the dataset's KPIs, recipes and
// interactions per year, and the manifest (ingest report, files, sources) for Data & methods.
import type { DatasetKpis, OverviewData } from "../../../src/lib/contracts/overview.js";
import type { Session } from "../../duckdb/session.js";
import { defineAnalysis, type Analysis } from "../types.js";

const KPIS_SQL = `
  WITH r AS (
    SELECT count(*)::INTEGER AS recipes,
           count(DISTINCT contributor_id)::INTEGER AS contributors,
           min(submitted)::VARCHAR AS r_first, max(submitted)::VARCHAR AS r_last,
           min(year)::INTEGER AS y_first, max(year)::INTEGER AS y_last
    FROM recipes),
  i AS (
    SELECT count(*)::INTEGER AS interactions,
           count(DISTINCT user_id)::INTEGER AS users,
           count(*) FILTER (WHERE rating BETWEEN 1 AND 5)::INTEGER AS rated,
           avg(rating) FILTER (WHERE rating BETWEEN 1 AND 5)::DOUBLE AS mean_rating,
           min(date)::VARCHAR AS i_first, max(date)::VARCHAR AS i_last
    FROM interactions)
  SELECT * FROM r, i`;

interface KpiRow {
  recipes: number;
  contributors: number;
  r_first: string;
  r_last: string;
  y_first: number;
  y_last: number;
  interactions: number;
  users: number;
  rated: number;
  mean_rating: number;
  i_first: string;
  i_last: string;
}

const perYear = (session: Session, table: "recipes" | "interactions") =>
  session.query<{ year: number; n: number }>(
    `SELECT year::INTEGER AS year, count(*)::INTEGER AS n FROM ${table} GROUP BY year ORDER BY year`,
  );

export const kpis = defineAnalysis<DatasetKpis>({
  name: "overview/kpis",
  description:
    "Dataset KPIs: recipes, interactions, users, contributors, rated interactions, mean rating, date ranges",
  async run({ session }) {
    const [k] = await session.query<KpiRow>(KPIS_SQL);
    return {
      recipes: k.recipes,
      interactions: k.interactions,
      users: k.users,
      contributors: k.contributors,
      ratedInteractions: k.rated,
      meanRating: k.mean_rating,
      recipeDates: { first: k.r_first, last: k.r_last },
      interactionDates: { first: k.i_first, last: k.i_last },
      recipeYears: { first: k.y_first, last: k.y_last },
    };
  },
});

export const manifest = defineAnalysis<OverviewData["manifest"]>({
  name: "overview/manifest",
  description: "The snapshot's manifest: sources, files with sha256, and the ingest report",
  run: async ({ snapshot }) => snapshot.manifest,
});

export const recipesPerYear = defineAnalysis<OverviewData["recipesPerYear"]>({
  name: "overview/recipesPerYear",
  description: "Recipes submitted per year",
  run: ({ session }) => perYear(session, "recipes"),
});

export const interactionsPerYear = defineAnalysis<OverviewData["interactionsPerYear"]>({
  name: "overview/interactionsPerYear",
  description: "Interactions (reviews and ratings) per year",
  run: ({ session }) => perYear(session, "interactions"),
});

export const overviewAnalyses: Analysis[] = [kpis, manifest, recipesPerYear, interactionsPerYear];
