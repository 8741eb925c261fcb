// The queries behind each analysis card, as "open in Explore" needs them: the SQL each analysis ran
// when the build computed its page's data (parameters inlined as literals, so it is plain SQL), and
// whether it can run on the browser tables (src/lib/explore/tables.ts). The build writes one such
// file per page data (`explore/queries/<page>.json`, data-loaders/explore/queries.ts); the Explore
// page fetches it only when a reader opens an analysis (from-analysis.ts). Types only: no zod here.

/** Why an analysis cannot be opened in Explore. */
export type Blocker =
  /** Its SQL needs columns (or tables) the browser tables leave out: `recipes.tags, …`. */
  | { kind: "columns"; detail: string }
  /** Its SQL calls what the browser's DuckDB lacks (Parquet/JSON functions, remote files): `read_parquet, …`. */
  | { kind: "functions"; detail: string }
  /** It runs no SQL (e.g. it reads the dataset's manifest). */
  | { kind: "none" }
  /** DuckDB refused to bind it over the browser tables for another reason: its message. */
  | { kind: "error"; detail: string };

export interface RecordedQuery {
  /** The statement exactly as the analysis ran it, its `$parameters` replaced by SQL literals. */
  sql: string;
  runnable: boolean;
  /** Set when not runnable. */
  blocker?: Blocker;
}

export interface AnalysisQueries {
  /** `<page>/<key>`, e.g. `trends/volume`. */
  analysis: string;
  queries: RecordedQuery[];
  /** Every query runnable (and at least one). */
  runnable: boolean;
  blocker?: Blocker;
}

/** `explore/queries/<page>.json`. */
export interface PageQueries {
  page: string;
  /** By analysis key (the part of its name after the slash). */
  analyses: Record<string, AnalysisQueries>;
}
