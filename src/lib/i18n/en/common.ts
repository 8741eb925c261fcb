// Words shared by every page: calendar names, analysis-card controls, common axis labels.
export const common = {
  seasons: { winter: "Winter", spring: "Spring", summer: "Summer", autumn: "Autumn" },
  /** A season as a sentence names it (lower case in running English). */
  seasonsInSentence: { winter: "winter", spring: "spring", summer: "summer", autumn: "autumn" },
  weekdays: {
    mon: "Monday",
    tue: "Tuesday",
    wed: "Wednesday",
    thu: "Thursday",
    fri: "Friday",
    sat: "Saturday",
    sun: "Sunday",
  },
  weekdaysShort: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
  card: {
    permalink: "Link to this analysis",
    copyLink: "Copy link",
    linkCopied: "Link copied",
    method: "How is this computed?",
    downloads: "Download",
    csv: "Data (CSV)",
    svg: "Chart (SVG)",
    png: "Chart (PNG)",
    exportFailed: "Export failed",
    explore: "Open in Explore",
    exploreTitle:
      "Open the query behind this card as a notebook on the Explore page, to see how it is computed and change it",
    notExplorable: {
      columns: "This card's query needs columns not in the browser tables: {detail}.",
      functions: "This card's query uses what the browser's DuckDB lacks: {detail}.",
      none: "This card is not computed by a SQL query: there is nothing to open in Explore.",
      error: "This card's query cannot run on the browser tables: {detail}.",
    },
  },
  axis: { year: "Year", recipes: "Recipes", interactions: "Interactions", rows: "Rows" },
  range: "{from} – {to}",
};
export type CommonMessages = typeof common;
