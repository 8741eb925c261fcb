// Every analysis, found from where it lives — nothing to register. `data-loaders/analyses/<page>/`
// holds the analyses of one page's data file (src/data/<page>.json, served by the loader
// src/data/[page].json.ts); each file in it is one analysis:
//   - `<name>.ts` default-exports `defineAnalysis({ description, schema, run })`;
//   - `<name>.sql` alone is an analysis returning its rows (sql.ts); next to a `<name>.ts` it is that
//     module's query (`readQuery(import.meta.url)`);
//   - files starting with `_` are helpers, not analyses.
// The analysis `<page>/<key>` has key = camelCase(<name>) (`recipes-per-year.ts` → `recipesPerYear`).
// A page's data is one JSON object { <key>: result }, and its contract is derived: one zod object
// with each analysis's schema under its key. Everything that computes page data takes a Registry,
// so tests can hand it one with a deliberately broken analysis.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { AnalysisError, errorMessage } from "../errors.js";
import { logger } from "../logger.js";
import { checkPage, checkResult } from "./contract.js";
import { camelKey, NAME_PATTERN } from "./names.js";
import { sqlAnalysis } from "./sql.js";

export { camelKey, kebabName, NAME_PATTERN } from "./names.js";
import type { Analysis, AnalysisContext, AnalysisDefinition } from "./types.js";

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

/** data-loaders/analyses: one folder per page's data. */
export const ANALYSES_DIR = import.meta.dirname;
const PROJECT_ROOT = join(ANALYSES_DIR, "..", "..");

const isHelper = (entry: string) => entry.startsWith("_") || entry.startsWith(".");

function checkName(name: string, where: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new AnalysisError(`${where}: "${name}" is not a valid name.`, {
      hint: "Use lower-case words joined by hyphens (e.g. recipes-per-year); start helpers' names with _.",
    });
  }
}

function isDefinition(value: unknown): value is AnalysisDefinition {
  const v = value as Partial<AnalysisDefinition> | undefined;
  return !!v && typeof v === "object" && typeof v.run === "function" && typeof v.description === "string";
}

/** The analyses of one page folder, in file-name order. */
async function loadPageFolder(dir: string, page: string): Promise<Analysis[]> {
  const entries = readdirSync(dir).sort();
  const analyses: Analysis[] = [];
  for (const entry of entries) {
    if (isHelper(entry) || entry.endsWith(".d.ts") || entry.endsWith(".test.ts")) continue;
    const match = /^(.*)\.(ts|sql)$/.exec(entry);
    if (!match) continue;
    const [, base, ext] = match;
    const source = relative(PROJECT_ROOT, join(dir, entry));
    if (ext === "sql" && entries.includes(`${base}.ts`)) continue; // that module's query
    checkName(base, source);
    let definition: unknown;
    if (ext === "sql") definition = sqlAnalysis(join(dir, entry));
    else {
      try {
        definition = ((await import(pathToFileURL(join(dir, entry)).href)) as { default?: unknown }).default;
      } catch (cause) {
        throw new AnalysisError(`Cannot load the analysis ${source}: ${errorMessage(cause)}`, { cause });
      }
    }
    if (!isDefinition(definition)) {
      throw new AnalysisError(`${source} is not an analysis: it has no default export from defineAnalysis.`, {
        hint: "End it with `export default defineAnalysis({ description, schema, run })`, or start its file name with _ if it is a helper (docs/authoring.md).",
      });
    }
    analyses.push({ ...definition, name: `${page}/${camelKey(base)}`, source });
  }
  return analyses;
}

/** The page's contract, derived from its analyses: one key per analysis, each with its schema. */
export function derivePageContract(page: string, analyses: readonly Analysis[]): PageContract {
  const shape = Object.fromEntries(analyses.map((a) => [analysisKey(a), a.schema]));
  return { file: `data/${page}.json`, schema: z.object(shape) };
}

/** Find every analysis under `dir` (default: data-loaders/analyses). */
export async function discoverRegistry(dir: string = ANALYSES_DIR): Promise<Registry> {
  const analyses: Analysis[] = [];
  const pages: Record<string, PageContract> = {};
  if (!existsSync(dir)) throw new AnalysisError(`There is no analyses folder ${dir}.`);
  for (const page of readdirSync(dir).sort()) {
    if (isHelper(page) || !statSync(join(dir, page)).isDirectory()) continue;
    checkName(page, relative(PROJECT_ROOT, join(dir, page)));
    const found = await loadPageFolder(join(dir, page), page);
    if (found.length === 0) continue;
    analyses.push(...found);
    pages[page] = derivePageContract(page, found);
  }
  return { analyses, pages };
}

/** A registry with its page contracts derived again from its analyses (tests swap analyses). */
export function registryOf(analyses: readonly Analysis[]): Registry {
  const pages: Record<string, PageContract> = {};
  for (const page of new Set(analyses.map((a) => a.name.slice(0, a.name.indexOf("/"))))) {
    pages[page] = derivePageContract(
      page,
      analyses.filter((a) => a.name.startsWith(`${page}/`)),
    );
  }
  return { analyses, pages };
}

export function findAnalysis(name: string, registry: Registry = REGISTRY): Analysis {
  // `overview/recipes-per-year` (the file's name) finds `overview/recipesPerYear` too.
  const [page, key = ""] = name.split("/");
  const wanted = `${page}/${camelKey(key)}`;
  const analysis = registry.analyses.find((a) => a.name === name || a.name === wanted);
  if (!analysis) {
    throw new AnalysisError(`There is no analysis named "${name}".`, {
      hint: `Known analyses: ${registry.analyses.map((a) => a.name).join(", ")} (npm run analysis -- --list).`,
    });
  }
  return analysis;
}

export const pageAnalyses = (page: string, registry: Registry = REGISTRY) =>
  registry.analyses.filter((a) => a.name.startsWith(`${page}/`));

/** The key of an analysis inside its page's data: the part of its name after the slash. */
export function analysisKey(analysis: Pick<Analysis, "name">) {
  return analysis.name.slice(analysis.name.indexOf("/") + 1);
}

export function pageContract(page: string, registry: Registry = REGISTRY): PageContract {
  const contract = registry.pages[page];
  if (!contract) {
    throw new AnalysisError(`There is no page data "${page}".`, {
      hint: `Known: ${Object.keys(registry.pages).join(", ")} (one folder each in data-loaders/analyses/).`,
    });
  }
  return contract;
}

/** Run one analysis and check its result against its schema. */
export async function runAnalysis(analysis: Analysis, context: AnalysisContext): Promise<unknown> {
  const started = performance.now();
  const result = await analysis.run(context);
  checkResult(analysis, result);
  logger.debug(`${analysis.name} computed and checked in ${Math.round(performance.now() - started)} ms`);
  return result;
}

/** What a failed analysis leaves in page data computed with `tolerant` (the dev preview only). */
export interface AnalysisFailure {
  analysis: string;
  source?: string;
  message: string;
}

/** The key under which a tolerant computation lists its failures (src/components/page-data.ts). */
export const ERRORS_KEY = "$errors";

/**
 * A page's data: every analysis of the page, keyed by the part of its name after the slash, checked.
 * With `tolerant` (the dev preview), a failing analysis does not stop the others: its key is left
 * out and its error is listed under ERRORS_KEY, so the page shows it where the data is used.
 */
export async function computePage(
  page: string,
  context: AnalysisContext,
  registry: Registry = REGISTRY,
  {
    tolerant = false,
    contextFor,
  }: {
    tolerant?: boolean;
    /** The context one analysis runs with (the build hands each a recording session: data-loaders/explore/queries.ts). */
    contextFor?: (analysis: Analysis) => AnalysisContext;
  } = {},
): Promise<Record<string, unknown>> {
  const contract = pageContract(page, registry);
  const analyses = pageAnalyses(page, registry);
  if (analyses.length === 0) throw new AnalysisError(`No analysis belongs to page "${page}".`);
  const result: Record<string, unknown> = {};
  const failures: Record<string, AnalysisFailure> = {};
  for (const a of analyses) {
    try {
      result[analysisKey(a)] = await runAnalysis(a, contextFor ? contextFor(a) : context);
    } catch (error) {
      if (!tolerant) throw error;
      failures[analysisKey(a)] = { analysis: a.name, source: a.source, message: errorMessage(error) };
      logger.error(`${a.name} (${a.source ?? "?"}): ${errorMessage(error)}`);
    }
  }
  if (Object.keys(failures).length > 0) return { ...result, [ERRORS_KEY]: failures };
  // Each result passed its own schema; this catches a page schema that names another one.
  checkPage(page, contract.schema, result);
  return result;
}

// Found once per process, at import (last, so every function above is defined).
export const REGISTRY: Registry = await discoverRegistry();
export const ANALYSES: readonly Analysis[] = REGISTRY.analyses;
export const PAGES: Readonly<Record<string, PageContract>> = REGISTRY.pages;
