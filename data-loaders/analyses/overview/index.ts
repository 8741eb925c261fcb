// Overview page data (src/data/overview.json = OverviewData): the dataset's KPIs, recipes and
// interactions per year, the manifest (ingest report, files, sources, provenance) and samples of
// the set-aside rows for Data & methods. One module per analysis; the page's order is this list's.
import type { Analysis } from "../types.js";
import { kpis } from "./kpis.js";
import { manifest } from "./manifest.js";
import { interactionsPerYear, recipesPerYear } from "./per-year.js";
import { rejectSamples } from "./reject-samples.js";

export { interactionsPerYear, kpis, manifest, recipesPerYear, rejectSamples };

export const overviewAnalyses: Analysis[] = [
  kpis,
  manifest,
  recipesPerYear,
  interactionsPerYear,
  rejectSamples,
];
