// Every analysis by stable name, and the page data files that group them. A page's data file
// (src/data/<page>.json) is one JSON object: { <key>: <result of "<page>/<key>"> }. Adding an
// analysis = one module + one line here; adding a page = one line in PAGE_FILES + a loader file.
import { AnalysisError } from "../errors.js";
import { logger } from "../logger.js";
import { overviewAnalyses } from "./overview/index.js";
import { trendsAnalyses } from "./trends/index.js";
import type { Analysis, AnalysisContext } from "./types.js";

export const ANALYSES: readonly Analysis[] = [...overviewAnalyses, ...trendsAnalyses];

/** Page data files (paths under src/, as Framework serves them) → the page whose analyses they carry. */
export const PAGE_FILES = {
  "data/overview.json": "overview",
  "data/trends.json": "trends",
} as const satisfies Record<string, string>;

export type PageId = (typeof PAGE_FILES)[keyof typeof PAGE_FILES];

export function findAnalysis(name: string): Analysis {
  const analysis = ANALYSES.find((a) => a.name === name);
  if (!analysis) {
    throw new AnalysisError(`There is no analysis named "${name}".`, {
      hint: `Known analyses: ${ANALYSES.map((a) => a.name).join(", ")} (see docs/analyses.md).`,
    });
  }
  return analysis;
}

export const pageAnalyses = (page: string) => ANALYSES.filter((a) => a.name.startsWith(`${page}/`));

/** A page's data: every analysis of the page, keyed by the part of its name after the slash. */
export async function computePage(page: string, context: AnalysisContext): Promise<Record<string, unknown>> {
  const analyses = pageAnalyses(page);
  if (analyses.length === 0) throw new AnalysisError(`No analysis belongs to page "${page}".`);
  const result: Record<string, unknown> = {};
  for (const a of analyses) {
    const started = performance.now();
    result[a.name.slice(page.length + 1)] = await a.run(context);
    logger.debug(`${a.name} computed in ${Math.round(performance.now() - started)} ms`);
  }
  return result;
}
