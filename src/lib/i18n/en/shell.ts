// The site's frame: name, navigation, language switch, environment badge, generated-data notice,
// footer, page summaries. No sentence here names where the recipes were posted: that depends on the
// dataset's provenance, which only the notice, the footer and the pages that read it may state.
export const shell = {
  site: {
    title: "Back to the Kitchen",
    tagline: "Home cooking, read from recipes and their reviews",
    logoAlt: "Back to the Kitchen: back to the overview",
  },
  nav: { label: "Analyses", menu: "Menu" },
  language: {
    label: "Language",
    switchTo: "Read this page in English",
    names: { en: "English", fr: "Français" },
    codes: { en: "EN", fr: "FR" },
  },
  env: { label: "Environment", local: "Local", preprod: "Preprod", prod: "Prod" },
  notice: {
    title: "Generated data shaped like Food.com — not real recipes.",
    text: "Every recipe, review and cook on this site was made up by the project's data generator: the figures describe that data, not Food.com.",
  },
  footer: {
    version: "Version {version}",
    built: "Built {date}",
    dataset: "Dataset {id}",
    generated: "Generated data: generator {version}, scale {scale}, seed {seed}",
    source: "Source: {label}",
    sourceUnlabelled: "Source: files given to the ingest (no label)",
    rows: "{recipes} recipes · {interactions} interactions",
    commit: "Commit {commit}",
    repository: "Source code",
  },
  // The footer's opt-out of the reader-event beacon (src/components/events.ts).
  events: {
    label: "Share anonymous usage statistics",
    refused: "No usage statistics: your browser asks not to be tracked",
  },
};
export type ShellMessages = typeof shell;
