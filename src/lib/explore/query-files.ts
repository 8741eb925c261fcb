// The queries file of each page data (explore/queries/<page>.json, written by the build; see
// from-analysis.ts). Framework publishes a file only when code names it with a literal
// FileAttachment, so each page data has its line here (tests/explore-queries.test.ts checks the list
// against the analyses' folders). They live outside data/ so that the page bundler does not preload
// them: they are fetched only when a reader opens an analysis in Explore.
import { FileAttachment } from "observablehq:stdlib";

export const QUERY_FILES: Readonly<Record<string, () => Promise<unknown>>> = {
  community: () => FileAttachment("../../explore/queries/community.json").json(),
  overview: () => FileAttachment("../../explore/queries/overview.json").json(),
  ratings: () => FileAttachment("../../explore/queries/ratings.json").json(),
  seasonality: () => FileAttachment("../../explore/queries/seasonality.json").json(),
  trends: () => FileAttachment("../../explore/queries/trends.json").json(),
  weekend: () => FileAttachment("../../explore/queries/weekend.json").json(),
};
