// What an analysis is: a stable name (`trends/duration`), the page whose data file carries it, the
// zod schema of its result (its contract, from src/lib/contracts) and a function from a DuckDB
// session to a JSON-ready result. The result's type is the schema's, so the analysis, the page and
// the build's check cannot disagree.
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
   * The result's contract: the entry `<key>` of the page's schema in src/lib/contracts/<page>.ts
   * (the same object, e.g. `volumeDataSchema` or `overviewDataSchema.shape.kpis`). Every result is
   * checked against it before it is written; a schema must not transform values, since the value
   * the analysis returned is what gets written.
   */
  schema: S;
  run(context: AnalysisContext): Promise<z.output<S>>;
}

/** Declare an analysis; the type of what `run` returns is inferred from `schema`. */
export const defineAnalysis = <S extends z.ZodType>(analysis: Analysis<S>): Analysis<S> => analysis;
