// A page's data as the page reads it. In the dev preview a failing analysis does not stop the
// others: the loader lists it under "$errors" (data-loaders/analyses/registry.ts) and leaves its key
// out. Here that key becomes a getter that throws the analysis's error — its name, its file and
// DuckDB's message — so exactly the cells that use it show it, in place, and the rest of the page
// still works. A built site never has "$errors": a failing analysis fails the build.

import { fromBrowserView } from "../lib/browser-data.js";

export interface AnalysisFailure {
  analysis: string;
  source?: string;
  message: string;
}

const ERRORS_KEY = "$errors";

export class AnalysisFailed extends Error {
  constructor(readonly failure: AnalysisFailure) {
    super(`${failure.analysis} failed${failure.source ? ` (${failure.source})` : ""}: ${failure.message}`);
    this.name = "AnalysisFailed";
  }
}

/** Where the dev preview records that the whole page's data failed (e.g. an analysis file does not load). */
const WHOLE_PAGE = "*";

/** The page data with each failed analysis's key turned into a getter that throws its error. */
export function pageData<T extends object>(built: T): T {
  // The built site's data files are their browser view (src/lib/browser-data.ts): decoded first.
  const json = fromBrowserView(built);
  const failures = (json as Record<string, unknown>)[ERRORS_KEY] as
    Record<string, AnalysisFailure> | undefined;
  if (!failures) return json;
  const whole = failures[WHOLE_PAGE];
  if (whole) {
    // Nothing was computed: every use of the data shows the error.
    return new Proxy({} as T, {
      get() {
        throw new AnalysisFailed(whole);
      },
    });
  }
  const data = { ...json } as Record<string, unknown>;
  delete data[ERRORS_KEY];
  for (const [key, failure] of Object.entries(failures)) {
    Object.defineProperty(data, key, {
      enumerable: true,
      get() {
        throw new AnalysisFailed(failure);
      },
    });
  }
  return data as T;
}

/** The failures listed in page data (the dev preview's banner), empty for a built site. */
export function failuresOf(json: object): AnalysisFailure[] {
  return Object.values((json as Record<string, Record<string, AnalysisFailure>>)[ERRORS_KEY] ?? {});
}
