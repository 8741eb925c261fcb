// What an analysis is: a stable name (`trends/duration`), the zod schema of its result (its
// contract, from src/lib/contracts) and a function from a DuckDB session to a JSON-ready result.
// The result's type is the schema's, so the analysis, the page and the build's check cannot
// disagree.
//
// An analysis is found from where it lives (registry.ts): `data-loaders/analyses/<page>/<file>`
// belongs to page <page> under the key camelCase(<file>) — `overview/recipes-per-year.ts` is
// `overview/recipesPerYear`, carried by src/data/overview.json under "recipesPerYear". A module
// default-exports `defineAnalysis({ description, schema, run })`; a plain `.sql` file is an analysis
// too (sql.ts). So the name is never written by hand and cannot disagree with the file.
import type { z } from "zod";
import type { Session } from "../duckdb/session.js";
import type { Snapshot } from "../snapshot/cache.js";

export interface AnalysisContext {
  session: Session;
  snapshot: Snapshot;
}

export interface Analysis<S extends z.ZodType = z.ZodType> {
  /** `<page>/<key>`: the page groups analyses into one data file; the key names it inside. */
  name: `${string}/${string}`;
  description: string;
  /**
   * The result's contract (e.g. `volumeDataSchema` from src/lib/contracts/trends.ts). Every result is
   * checked against it before it is written; a schema must not transform values, since the value
   * the analysis returned is what gets written.
   */
  schema: S;
  run(context: AnalysisContext): Promise<z.output<S>>;
  /** The file that defines it, relative to the project root (for messages and the dev preview). */
  source?: string;
}

/** What an analysis module default-exports: the name comes from the module's place (registry.ts). */
export type AnalysisDefinition<S extends z.ZodType = z.ZodType> = Omit<Analysis<S>, "name" | "source">;

/** Declare an analysis; the type of what `run` returns is inferred from `schema`. */
export const defineAnalysis = <S extends z.ZodType>(analysis: AnalysisDefinition<S>): AnalysisDefinition<S> =>
  analysis;
