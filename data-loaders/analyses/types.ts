// What an analysis is: a stable name (`trends/duration`), the page whose data file carries it, and
// a function from a DuckDB session to a JSON-ready result whose type lives in src/lib/contracts.
import type { Session } from "../duckdb/session.js";
import type { Snapshot } from "../snapshot/cache.js";

export interface AnalysisContext {
  session: Session;
  snapshot: Snapshot;
}

export interface Analysis<T = unknown> {
  /** `<page>/<key>`: the page groups analyses into one data file; the key names it inside. */
  name: `${string}/${string}`;
  description: string;
  run(context: AnalysisContext): Promise<T>;
}

/** Helper that keeps each analysis module's export typed. */
export const defineAnalysis = <T>(analysis: Analysis<T>): Analysis<T> => analysis;
