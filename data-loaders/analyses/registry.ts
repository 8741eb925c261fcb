// Every analysis by stable name, and the pages whose data files group them. A page's data file
// (src/data/<page>.json) is one JSON object: { <key>: <result of "<page>/<key>"> }, and its
// contract is one zod object schema with the same keys, each the schema its analysis declares.
// Adding an analysis = one module + one line here + its key in the page's schema; adding a page =
// one line in PAGES + a loader file. Everything that computes page data takes a Registry, so tests
// can hand it one with a deliberately broken analysis.
import type { z } from "zod";
import { overviewDataSchema } from "../../src/lib/contracts/overview.js";
import { trendsDataSchema } from "../../src/lib/contracts/trends.js";
import { AnalysisError } from "../errors.js";
import { logger } from "../logger.js";
import { checkPage, checkResult } from "./contract.js";
import { overviewAnalyses } from "./overview/index.js";
import { trendsAnalyses } from "./trends/index.js";
import type { Analysis, AnalysisContext } from "./types.js";

export interface PageContract {
  /** The data file's path under src/, as Framework serves it. */
  file: `data/${string}.json`;
  /** The page data's schema: one key per analysis `<page>/<key>`. */
  schema: z.ZodObject;
}

export interface Registry {
  analyses: readonly Analysis[];
  pages: Readonly<Record<string, PageContract>>;
}

export const ANALYSES: readonly Analysis[] = [...overviewAnalyses, ...trendsAnalyses];

export const PAGES = {
  overview: { file: "data/overview.json", schema: overviewDataSchema },
  trends: { file: "data/trends.json", schema: trendsDataSchema },
} as const satisfies Record<string, PageContract>;

export type PageId = keyof typeof PAGES;

export const REGISTRY: Registry = { analyses: ANALYSES, pages: PAGES };

export function findAnalysis(name: string, registry: Registry = REGISTRY): Analysis {
  const analysis = registry.analyses.find((a) => a.name === name);
  if (!analysis) {
    throw new AnalysisError(`There is no analysis named "${name}".`, {
      hint: `Known analyses: ${registry.analyses.map((a) => a.name).join(", ")} (see docs/analyses.md).`,
    });
  }
  return analysis;
}

export const pageAnalyses = (page: string, registry: Registry = REGISTRY) =>
  registry.analyses.filter((a) => a.name.startsWith(`${page}/`));

/** The key of an analysis inside its page's data: the part of its name after the slash. */
export const analysisKey = (analysis: Analysis) => analysis.name.slice(analysis.name.indexOf("/") + 1);

export function pageContract(page: string, registry: Registry = REGISTRY): PageContract {
  const contract = registry.pages[page];
  if (!contract) {
    throw new AnalysisError(`There is no page "${page}".`, {
      hint: `Known pages: ${Object.keys(registry.pages).join(", ")} (PAGES in data-loaders/analyses/registry.ts).`,
    });
  }
  return contract;
}

/** The page's analyses and its schema's keys must match one to one, or some data goes unchecked. */
function checkPageKeys(page: string, contract: PageContract, analyses: readonly Analysis[]): void {
  const keys = new Set(Object.keys(contract.schema.shape));
  for (const a of analyses) {
    if (!keys.has(analysisKey(a))) {
      throw new AnalysisError(
        `Analysis ${a.name} has no key "${analysisKey(a)}" in the contract of page "${page}".`,
        { hint: `Add it to the page's schema in src/lib/contracts/${page}.ts (docs/authoring.md).` },
      );
    }
    keys.delete(analysisKey(a));
  }
  const [missing] = keys;
  if (missing !== undefined) {
    throw new AnalysisError(
      `The contract of page "${page}" has a key "${missing}" but no analysis ${page}/${missing} is registered.`,
      { hint: "Register the analysis in data-loaders/analyses/registry.ts, or remove the key." },
    );
  }
}

/** Run one analysis and check its result against its schema. */
export async function runAnalysis(analysis: Analysis, context: AnalysisContext): Promise<unknown> {
  const started = performance.now();
  const result = await analysis.run(context);
  checkResult(analysis, result);
  logger.debug(`${analysis.name} computed and checked in ${Math.round(performance.now() - started)} ms`);
  return result;
}

/** A page's data: every analysis of the page, keyed by the part of its name after the slash, checked. */
export async function computePage(
  page: string,
  context: AnalysisContext,
  registry: Registry = REGISTRY,
): Promise<Record<string, unknown>> {
  const contract = pageContract(page, registry);
  const analyses = pageAnalyses(page, registry);
  if (analyses.length === 0) throw new AnalysisError(`No analysis belongs to page "${page}".`);
  checkPageKeys(page, contract, analyses);
  const result: Record<string, unknown> = {};
  for (const a of analyses) result[analysisKey(a)] = await runAnalysis(a, context);
  // Each result passed its own schema; this catches a page schema that names another one.
  checkPage(page, contract.schema, result);
  return result;
}
