// Output of the overview page loader (src/data/overview.json.ts): dataset KPIs, the ingest report
// and the manifest, all computed from the snapshot at build time.
import type { Manifest } from "./manifest.js";

export interface DateRange {
  /** ISO dates (YYYY-MM-DD). */
  first: string;
  last: string;
}

export interface DatasetKpis {
  recipes: number;
  interactions: number;
  users: number;
  contributors: number;
  /** Interactions with a rating 1–5 (rating 0 = review without rating). */
  ratedInteractions: number;
  meanRating: number;
  recipeDates: DateRange;
  interactionDates: DateRange;
  /** Distinct years with at least one recipe. */
  recipeYears: { first: number; last: number };
}

export interface OverviewData {
  kpis: DatasetKpis;
  manifest: Manifest;
  /** Recipes per year, for the overview sparkline. */
  recipesPerYear: { year: number; n: number }[];
  /** Interactions per year, for the overview sparkline. */
  interactionsPerYear: { year: number; n: number }[];
}
