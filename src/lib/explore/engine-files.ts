// The files the Explore engine loads, as the site serves them: DuckDB-Wasm's eh build (its wasm and
// its worker) and one Arrow stream per table, all written by the build under src/data/explore/
// (data-loaders/explore/) and content-hashed by Framework. FileAttachment needs literal paths, so
// each table has its line here; tests/explore-extracts.test.ts checks they match EXPLORE_TABLES.
import { FileAttachment } from "observablehq:stdlib";
import type { ExploreTablesInfo } from "./tables-info.js";

export const engineFiles = {
  wasm: () => FileAttachment("../../data/explore/duckdb-eh.wasm").url(),
  worker: () => FileAttachment("../../data/explore/duckdb-browser-eh.worker.js").url(),
  tables: () => FileAttachment("../../data/explore/tables.json").json() as Promise<ExploreTablesInfo>,
};

export const extractUrls: Record<string, () => Promise<string>> = {
  recipes: () => FileAttachment("../../data/explore/recipes.arrows").url(),
  interactions: () => FileAttachment("../../data/explore/interactions.arrows").url(),
  recipe_ingredients: () => FileAttachment("../../data/explore/recipe_ingredients.arrows").url(),
  recipe_tags: () => FileAttachment("../../data/explore/recipe_tags.arrows").url(),
  rejects: () => FileAttachment("../../data/explore/rejects.arrows").url(),
};
