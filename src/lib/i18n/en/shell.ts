// The site's frame: name, navigation, language switch, environment badge, footer, page summaries.
export const shell = {
  site: {
    title: "Back to the Kitchen",
    tagline: "Home cooking on Food.com, read from the data",
    logoAlt: "Back to the Kitchen: back to the overview",
  },
  nav: { label: "Analyses", menu: "Menu", close: "Close the menu" },
  pages: {
    overview: {
      title: "Overview",
      summary: "The dataset at a glance: how many recipes, reviews and cooks, and the years they span.",
    },
    trends: {
      title: "Trends",
      summary:
        "How home cooking on Food.com changed year after year: volumes, preparation time, complexity, nutrition, ingredients and tags.",
    },
    data: {
      title: "Data & methods",
      summary:
        "Where the numbers come from: the files read, each cleaning rule and the rows it set aside, and the checksums of the snapshot.",
    },
  },
  language: {
    label: "Language",
    switchTo: "Read this page in English",
    names: { en: "English", fr: "Français" },
    codes: { en: "EN", fr: "FR" },
  },
  env: { label: "Environment", local: "Local", preprod: "Preprod", prod: "Prod" },
  footer: {
    version: "Version {version}",
    built: "Built {date}",
    dataset: "Dataset {id}",
    rows: "{recipes} recipes · {interactions} interactions",
    commit: "Commit {commit}",
    repository: "Source code",
  },
  root: { title: "Back to the Kitchen" },
};
export type ShellMessages = typeof shell;
