// The files the Explore engine loads, as the site serves them: DuckDB-Wasm's eh build (its wasm and
// its worker script), our worker that starts them (engine-worker.js) and one DuckDB database file
// per table, all under src/explore/engine/ (data-loaders/explore/) and content-hashed by Framework. FileAttachment needs literal paths, so
// each table has its line here; tests/explore-extracts.test.ts checks they match EXPLORE_TABLES.
import { FileAttachment } from "observablehq:stdlib";
import type { ExploreTablesInfo } from "./tables-info.js";

export const engineFiles = {
  wasm: () => FileAttachment("../../explore/engine/duckdb-eh.wasm").url(),
  worker: () => FileAttachment("../../explore/engine/duckdb-browser-eh.worker.js").url(),
  boot: () => FileAttachment("../../explore/engine/engine-worker.js").url(),
  tables: () => FileAttachment("../../explore/engine/tables.json").json() as Promise<ExploreTablesInfo>,
};

export const extractUrls: Record<string, () => Promise<string>> = {
  recipes: () => FileAttachment("../../explore/engine/recipes.duckdb").url(),
  interactions: () => FileAttachment("../../explore/engine/interactions.duckdb").url(),
  recipe_ingredients: () => FileAttachment("../../explore/engine/recipe_ingredients.duckdb").url(),
  recipe_tags: () => FileAttachment("../../explore/engine/recipe_tags.duckdb").url(),
  rejects: () => FileAttachment("../../explore/engine/rejects.duckdb").url(),
};
