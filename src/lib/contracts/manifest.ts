// The dataset manifest: written by the ingest as the last object of a snapshot, read by the cache
// (checksums), the build (snapshot.json) and the Data & methods page (ingest report).

export const SCHEMA_VERSION = 1;

/** Cleaning rules, in the order the ingest applies them. The site translates these ids. */
export const RECIPE_RULES = [
  "unparsable_row",
  "duplicate_id",
  "minutes_out_of_range",
  "n_steps_out_of_bounds",
  "n_ingredients_out_of_bounds",
  "missing_name_or_date",
] as const;
export const INTERACTION_RULES = [
  "unparsable_row",
  "missing_date",
  "rating_out_of_range",
  "exact_duplicate",
] as const;
export type RecipeRule = (typeof RECIPE_RULES)[number];
export type InteractionRule = (typeof INTERACTION_RULES)[number];

export interface RuleCount<R extends string = string> {
  rule: R;
  /** Rows removed by this rule (after the rules before it). */
  removed: number;
}

export interface TableReport<R extends string = string> {
  rowsIn: number;
  rules: RuleCount<R>[];
  rowsOut: number;
}

export interface IngestReport {
  recipes: TableReport<RecipeRule> & {
    /** Rows kept whose negative calories were set to null. */
    negativeCaloriesNulled: number;
    /** Bounds actually used (2.5–97.5 % quantiles of the minutes-filtered rows by default). */
    bounds: { minutes: [number, number]; nSteps: [number, number]; nIngredients: [number, number] };
  };
  interactions: TableReport<InteractionRule> & {
    /** Kept rows with rating 0: a review without a rating, counted in volumes, not in rating statistics. */
    unrated: number;
  };
}

export interface ManifestFile {
  /** Table name (`recipes`…) or a side file (`rejects`). */
  name: string;
  /** File name inside the snapshot folder, e.g. `recipes.parquet`. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ManifestSource {
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  schemaVersion: typeof SCHEMA_VERSION;
  datasetId: string;
  createdAt: string;
  sources: ManifestSource[];
  files: ManifestFile[];
  report: IngestReport;
}
