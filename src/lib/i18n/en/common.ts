// Words shared by every page: calendar names, analysis-card controls, common axis labels.
export const common = {
  seasons: { winter: "Winter", spring: "Spring", summer: "Summer", autumn: "Autumn" },
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
  },
  axis: { year: "Year", recipes: "Recipes", interactions: "Interactions", rows: "Rows" },
  range: "{from} – {to}",
};
export type CommonMessages = typeof common;
