// Output of the overview page loader (src/data/overview.json.ts): dataset KPIs, the ingest report
// and the manifest, samples of the set-aside rows, all computed from the snapshot at build time.
// One zod schema per analysis; the page's schema is their object, and the types are derived from
// the schemas.
import { z } from "zod";
import { manifestSchema } from "./manifest.js";

const count = z.number().int().nonnegative();
/** ISO dates (YYYY-MM-DD). */
export const dateRangeSchema = z.object({ first: z.string(), last: z.string() });

/**
 * Which rows each KPI counts: recipes = the kept recipes; interactions, users, ratings = every
 * kept interaction, including those whose recipe a recipe rule set aside (flagged
 * recipe_status = 'set_aside'); `interactionsOnKeptRecipes` says how many rate a kept recipe.
 */
export const datasetKpisSchema = z.object({
  recipes: count,
  interactions: count,
  /** Kept interactions whose recipe is among the kept recipes (recipe_status = 'kept'). */
  interactionsOnKeptRecipes: count,
  /** Kept interactions dated before their recipe was posted (flagged, kept). */
  interactionsBeforeRecipe: count,
  users: count,
  contributors: count,
  /** Interactions with a rating 1–5 (rating 0 = review without rating). */
  ratedInteractions: count,
  meanRating: z.number(),
  recipeDates: dateRangeSchema,
  interactionDates: dateRangeSchema,
  /** First and last year with at least one recipe. */
  recipeYears: z.object({ first: z.number().int(), last: z.number().int() }),
});

/** Every year from the first to the last observed year, a year without rows counting 0. */
export const perYearSchema = z.array(z.object({ year: z.number().int(), n: count }));

/** One set-aside row, as rejects.parquet holds it. */
export const rejectRowSchema = z.object({
  sourceFile: z.string(),
  /** CSV record number, header = line 1. */
  sourceLine: z.number().int(),
  column: z.string().nullable(),
  detail: z.string().nullable(),
  /** The raw CSV line (unparsable rows) or the row's raw fields as JSON text, cut to RAW_SAMPLE_CHARS. */
  raw: z.string(),
});

/** The first rows (by source file and line) a rule set aside, and how many it set aside in all. */
export const rejectSampleSchema = z.object({
  table: z.enum(["recipes", "interactions"]),
  rule: z.string(),
  total: count,
  rows: z.array(rejectRowSchema),
});
export const rejectSamplesSchema = z.object({
  /** Most rows kept per rule (the page says "up to n"). */
  rowsPerRule: count,
  /** Longest raw text kept per row, in characters; longer ones end with "…". */
  rawChars: count,
  /** One entry per (table, rule) that set rows aside: recipes first, then interactions. */
  samples: z.array(rejectSampleSchema),
});

/** Rows per rule in a sample, and the longest raw text kept per row (the full rows are in rejects.parquet). */
export const REJECT_SAMPLE_ROWS = 20;
export const RAW_SAMPLE_CHARS = 1000;

export const overviewDataSchema = z.object({
  kpis: datasetKpisSchema,
  manifest: manifestSchema,
  /** Recipes per year, for the overview chart. */
  recipesPerYear: perYearSchema,
  /** Interactions per year, for the overview chart. */
  interactionsPerYear: perYearSchema,
  /** Samples of the rows each cleaning rule set aside, for the Data & methods page's downloads. */
  rejectSamples: rejectSamplesSchema,
});

export type DateRange = z.infer<typeof dateRangeSchema>;
export type DatasetKpis = z.infer<typeof datasetKpisSchema>;
export type RejectRow = z.infer<typeof rejectRowSchema>;
export type RejectSample = z.infer<typeof rejectSampleSchema>;
export type RejectSamples = z.infer<typeof rejectSamplesSchema>;
export type OverviewData = z.infer<typeof overviewDataSchema>;
