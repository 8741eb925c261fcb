// Entry for the site's one loader, src/data/[page].json.ts: compute one page's data, checked against
// the page's contract (registry.ts), and print it on stdout; a broken contract prints nothing and
// exits 1. In the dev preview (BTTK_DEV_TOLERANT=1) a failing analysis is reported inside the data
// instead (registry.ts ERRORS_KEY), so the page shows the error and the preview keeps running.
// Under `npm run build` / `npm run dev` the snapshot is already synced and its folder is given in
// BTTK_SNAPSHOT_DIR; run alone (e.g. `npx observable build`), the loader syncs it itself.
import { loadConfig } from "../config/config.js";
import { openSession } from "../duckdb/session.js";
import { AnalysisError, errorMessage } from "../errors.js";
import { configureLogger, logger } from "../logger.js";
import { readLocalSnapshot, type Snapshot } from "../snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { connectStore } from "../storage/connect.js";
import { createRecorder, pageQueries } from "../explore/queries.js";
import { openQueryChecker, sessionTables } from "../explore/query-check.js";
import type { PageQueries } from "../../src/lib/explore/analysis-queries.js";
import { computePage, pageAnalyses, REGISTRY, type Registry } from "./registry.js";

export const SNAPSHOT_DIR_VARIABLE = "BTTK_SNAPSHOT_DIR";
export const TOLERANT_VARIABLE = "BTTK_DEV_TOLERANT";

export async function loaderSnapshot(): Promise<Snapshot> {
  const dir = process.env[SNAPSHOT_DIR_VARIABLE];
  if (dir) return readLocalSnapshot(dir);
  const config = loadConfig();
  configureLogger(config, { files: false });
  const connection = await connectStore(config);
  try {
    return await syncEnvironmentSnapshot(config, connection.store);
  } finally {
    await connection.close();
  }
}

export async function computePageData(
  page: string,
  snapshot: Snapshot,
  registry: Registry = REGISTRY,
  options: { tolerant?: boolean } = {},
): Promise<Record<string, unknown>> {
  const session = await openSession(snapshot);
  try {
    return await computePage(page, { session, snapshot }, registry, options);
  } finally {
    session.close();
  }
}

/**
 * A page's data and, for "open in Explore", the SQL each of its analyses ran, recorded as it ran
 * and checked against the browser tables (data-loaders/explore/queries.ts): one computation.
 */
export async function computePageDataAndQueries(
  page: string,
  snapshot: Snapshot,
  registry: Registry = REGISTRY,
  options: { tolerant?: boolean } = {},
): Promise<{ data: Record<string, unknown>; queries: PageQueries }> {
  const session = await openSession(snapshot);
  try {
    const recorder = createRecorder(session);
    const data = await computePage(page, { session, snapshot }, registry, {
      ...options,
      contextFor: (analysis) => ({ session: recorder.sessionFor(analysis.name), snapshot }),
    });
    const checker = await openQueryChecker(await sessionTables(session));
    try {
      return { data, queries: await pageQueries(page, pageAnalyses(page, registry), recorder, checker) };
    } finally {
      checker.close();
    }
  } finally {
    session.close();
  }
}

/** `--page=trends` (how Framework passes a route parameter) → "trends". */
export function pageArgument(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === "--page" || a.startsWith("--page="));
  const page = i < 0 ? undefined : argv[i].startsWith("--page=") ? argv[i].slice(7) : argv[i + 1];
  if (!page) {
    throw new AnalysisError("The page data loader needs --page=<page>.", {
      hint: "Framework passes it for src/data/<page>.json; run `npm run analysis -- --list` to see the pages.",
    });
  }
  return page;
}

/** What the loader calls: prints the page's JSON on stdout; errors go to stderr, exit code 1. */
export async function printPageData(argv: readonly string[]): Promise<void> {
  let page = "?";
  try {
    page = pageArgument(argv);
    const tolerant = process.env[TOLERANT_VARIABLE] === "1";
    const data = await computePageData(page, await loaderSnapshot(), REGISTRY, { tolerant });
    process.stdout.write(JSON.stringify(data));
  } catch (error) {
    logger.error(`Cannot compute the data of page "${page}": ${errorMessage(error)}`);
    process.exitCode = 1;
  }
}
