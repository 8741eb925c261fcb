// "Open in Explore" on the reader's side. An analysis card links to the Explore page with the
// analysis named in the hash (`./explore#analysis=trends/volume`); the Explore page turns that hash
// into a notebook: one cell per query the analysis ran when the build computed the card's data,
// exactly as it ran (parameters inlined), named after the analysis. The queries come from the
// page data's queries file (query-files.ts), fetched only then. The card's side (the link, or why
// there is none) is explore-link.ts.
import type { AnalysisQueries, Blocker, PageQueries } from "./analysis-queries.js";
import { analysisFromHash } from "./explore-link.js";

export { analysisFromHash, blockerText } from "./explore-link.js";

export interface AnalysisCell {
  /** A table name for the cell's result: the analysis (`trends_volume`), numbered when it ran several queries. */
  name: string;
  sql: string;
}

export interface AnalysisNotebook {
  /** `trends/volume`. */
  analysis: string;
  cells: AnalysisCell[];
  runnable: boolean;
  /** Why not, when not runnable (blockerText gives the sentence). */
  blocker?: Blocker;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, "_");

/** One cell per query of the analysis, in the order the analysis ran them. */
export function cellsOf(entry: AnalysisQueries): AnalysisCell[] {
  const [page, key] = entry.analysis.split("/");
  const base = `${snake(page)}_${snake(key)}`;
  return entry.queries.map((q, i) => ({
    name: entry.queries.length > 1 ? `${base}_${i + 1}` : base,
    sql: q.sql,
  }));
}

/** Loads the queries file of one page data (the page's own: QUERY_FILES from query-files.ts). */
export type QueriesLoader = (page: string) => Promise<PageQueries>;

/** The notebook of one analysis, from its page data's queries file. */
export async function analysisNotebook(analysis: string, load: QueriesLoader): Promise<AnalysisNotebook> {
  const [page, key] = analysis.split("/");
  const file = await load(page);
  const entry = file.analyses[key];
  if (!entry) throw new Error(`There is no analysis "${analysis}" in the queries of page data "${page}".`);
  return { analysis, cells: cellsOf(entry), runnable: entry.runnable, blocker: entry.blocker };
}

/**
 * What the Explore page calls with `location.hash`: the notebook of the analysis the hash names, or
 * undefined when it names none. Its queries file is fetched now (and only now).
 */
export async function notebookFromHash(
  hash: string,
  load?: QueriesLoader,
): Promise<AnalysisNotebook | undefined> {
  const analysis = analysisFromHash(hash);
  if (!analysis) return undefined;
  return analysisNotebook(analysis, load ?? (await defaultLoader()));
}

/** The built site's queries files; imported lazily so a page that never opens one never loads it. */
async function defaultLoader(): Promise<QueriesLoader> {
  const { QUERY_FILES } = await import("./query-files.js");
  return async (page) => {
    const file = QUERY_FILES[page];
    if (!file) throw new Error(`There is no page data "${page}" with queries to open in Explore.`);
    return (await file()) as PageQueries;
  };
}
