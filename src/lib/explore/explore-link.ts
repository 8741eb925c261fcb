// "Open in Explore", the card's side: the link to the Explore page with the analysis named in the
// hash (`./explore#analysis=trends/volume`), or, for an analysis whose SQL cannot run on the browser
// tables, the sentence that says why — known without a request (not-runnable.ts, kept true by the
// build). The Explore page's side is from-analysis.ts.
import type { Translate } from "../i18n/index.js";
import type { Blocker } from "./analysis-queries.js";
import { NOT_RUNNABLE } from "./not-runnable.js";

/** The hash parameter naming the analysis to open. */
export const ANALYSIS_PARAM = "analysis";

const ANALYSIS_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[A-Za-z0-9]+$/;

/** The Explore page's address for an analysis, relative to any page of the same language. */
export function exploreHref(analysis: string): string {
  return `./explore#${ANALYSIS_PARAM}=${analysis}`;
}

/** `#analysis=trends/volume` (with or without other hash parameters) → "trends/volume". */
export function analysisFromHash(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get(ANALYSIS_PARAM);
  return value && ANALYSIS_NAME.test(value) ? value : undefined;
}

/** Why the card of `analysis` cannot be opened in Explore; undefined when it can. */
export const blockerOf = (analysis: string): Blocker | undefined => NOT_RUNNABLE[analysis];

/** The sentence a card (or the Explore page) shows instead of the link. */
export function blockerText(blocker: Blocker, t: Translate): string {
  switch (blocker.kind) {
    case "columns":
      return t("common.card.notExplorable.columns", { detail: blocker.detail });
    case "functions":
      return t("common.card.notExplorable.functions", { detail: blocker.detail });
    case "none":
      return t("common.card.notExplorable.none");
    case "error":
      return t("common.card.notExplorable.error", { detail: blocker.detail });
  }
}
