// The dataset manifest: written by the ingest as the last object of a snapshot, read by the cache
// (checksums), the build (snapshot.json) and the Data & methods page (ingest report). One zod
// schema; the TypeScript types are derived from it, so the writer, the readers and the runtime
// check can never disagree.
import { z } from "zod";

export const SCHEMA_VERSION = 2;

/** Cleaning rules, in the order the ingest applies them. The site translates these ids. */
export const RECIPE_RULES = [
  "unparsable_row",
  "id_out_of_range",
  "duplicate_id",
  "bad_list",
  "bad_nutrition",
  "minutes_out_of_range",
  "n_steps_out_of_bounds",
  "n_ingredients_out_of_bounds",
  "missing_name_or_date",
  "date_out_of_window",
] as const;
export const INTERACTION_RULES = [
  "unparsable_row",
  "id_out_of_range",
  "missing_date",
  "date_out_of_window",
  "rating_out_of_range",
  "exact_duplicate",
  "unknown_recipe",
] as const;
export type RecipeRule = (typeof RECIPE_RULES)[number];
export type InteractionRule = (typeof INTERACTION_RULES)[number];

const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const range = z.tuple([z.number(), z.number()]);
/** ISO calendar date, YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Letters, digits, dot, dash, underscore; never `.` or `..` alone (it names a folder in S3). */
export const DATASET_ID_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;
export const datasetIdSchema = z
  .string()
  .regex(DATASET_ID_PATTERN, "may only hold letters, digits, dot, dash and underscore (not . or ..)");

const ruleCount = <R extends readonly [string, ...string[]]>(rules: R) =>
  z.object({
    rule: z.enum(rules),
    /** Rows removed by this rule (after the rules before it). */
    removed: count,
  });

const tableReport = <R extends readonly [string, ...string[]]>(rules: R) =>
  z.object({ rowsIn: count, rules: z.array(ruleCount(rules)), rowsOut: count });

export const recipeReportSchema = tableReport(RECIPE_RULES).extend({
  /** Rows kept whose negative calories were set to null. */
  negativeCaloriesNulled: count,
  /** Bounds actually used (2.5–97.5 % quantiles of the minutes-filtered rows by default). */
  bounds: z.object({ minutes: range, nSteps: range, nIngredients: range }),
  /** How many recipes the original app's cleaning would have kept from the same file. */
  originalRulesKept: count,
});

/** How kept interactions relate to the kept recipes (see docs/data.md for each decision). */
export const integritySchema = z.object({
  /** Kept interactions whose recipe is among the kept recipes. */
  recipeKept: count,
  /** Kept interactions whose recipe exists in the file but was set aside by a recipe rule (flagged). */
  recipeSetAside: count,
  /** Kept interactions dated before their recipe was posted (flagged, not removed). */
  beforeRecipe: count,
});

export const interactionReportSchema = tableReport(INTERACTION_RULES).extend({
  /** Kept rows with rating 0: a review without a rating, counted in volumes, not in rating statistics. */
  unrated: count,
  integrity: integritySchema,
});

export const ingestReportSchema = z.object({
  recipes: recipeReportSchema,
  interactions: interactionReportSchema,
  /** Plausible dates, both ends included: rows dated outside are set aside (`date_out_of_window`). */
  dateWindow: z.object({ from: isoDate, to: isoDate }),
});

/** Where the data came from: the built-in generator, or files given to the ingest. */
export const provenanceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("generated"),
    generator: z.object({ version: z.string(), scale: z.number().positive(), seed: z.number().int() }),
  }),
  z.object({
    kind: z.literal("files"),
    /** Free text given with --source-label, e.g. "Kaggle Food.com Recipes and Interactions". */
    label: z.string().nullable(),
  }),
]);

export const manifestFileSchema = z.object({
  /** Table name (`recipes`…) or a side file (`rejects`). */
  name: z.string(),
  /** File name inside the snapshot folder, e.g. `recipes.parquet`. */
  file: z.string().regex(/^[\w.-]+$/),
  rows: count,
  bytes: count,
  sha256,
});

export const manifestSourceSchema = z.object({ name: z.string(), bytes: count, sha256 });

export const manifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  datasetId: datasetIdSchema,
  createdAt: z.iso.datetime(),
  provenance: provenanceSchema,
  sources: z.array(manifestSourceSchema),
  files: z.array(manifestFileSchema),
  report: ingestReportSchema,
});

export type RuleCount<R extends string = string> = { rule: R; removed: number };
export type TableReport<R extends string = string> = {
  rowsIn: number;
  rules: RuleCount<R>[];
  rowsOut: number;
};
export type Integrity = z.infer<typeof integritySchema>;
export type IngestReport = z.infer<typeof ingestReportSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type ManifestSource = z.infer<typeof manifestSourceSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
