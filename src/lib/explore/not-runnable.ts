// The analyses whose cards cannot be opened in Explore, and why (src/components/card.ts shows the
// reason instead of the link). The build records every analysis's SQL and checks it against the
// browser tables (data-loaders/explore/); it stops when this list no longer matches what it found
// and prints the list to put here. An analysis whose SQL stays within the browser tables
// (tables.ts) needs nothing here.
import type { Blocker } from "./analysis-queries.js";

export const NOT_RUNNABLE: Readonly<Record<string, Blocker>> = {
  "overview/manifest": { kind: "none" },
  "overview/rejectSamples": { kind: "columns", detail: "rejects.raw" },
};
