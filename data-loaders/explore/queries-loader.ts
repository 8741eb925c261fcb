// Entry for the loader src/explore/queries/[page].json.ts: print the queries file of one page data
// (queries.ts). The build writes these files itself while it computes page data, so Framework
// finds them in its cache and never runs this; the dev preview (and `observable build` run alone)
// does, computing the page's analyses once more in that process.
import { errorMessage } from "../errors.js";
import { logger } from "../logger.js";
import {
  computePageDataAndQueries,
  loaderSnapshot,
  pageArgument,
  TOLERANT_VARIABLE,
} from "../analyses/page-data.js";
import { REGISTRY } from "../analyses/registry.js";

export async function printPageQueries(argv: readonly string[]): Promise<void> {
  let page = "?";
  try {
    page = pageArgument(argv);
    const tolerant = process.env[TOLERANT_VARIABLE] === "1";
    const { queries } = await computePageDataAndQueries(page, await loaderSnapshot(), REGISTRY, { tolerant });
    process.stdout.write(JSON.stringify(queries));
  } catch (error) {
    logger.error(`Cannot record the queries of page "${page}": ${errorMessage(error)}`);
    process.exitCode = 1;
  }
}
