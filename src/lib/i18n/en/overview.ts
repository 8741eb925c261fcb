// The Overview page: dataset KPIs, recipes and interactions per year, and what each page answers.
// The title and lede name where the data comes from, so each has one wording per provenance kind
// (the manifest's provenance.kind): generated data never reads as recipes posted on Food.com.
export const overview = {
  page: {
    title: "Overview",
    summary: "The dataset at a glance: how many recipes, reviews and cooks, and the years they span.",
  },
  title: {
    files: "Home cooking on Food.com, {first}–{last}",
    generated: "Home cooking in generated, Food.com-shaped data, {first}–{last}",
  },
  lede: {
    files:
      "{recipes} recipes and {interactions} interactions (reviews and ratings) posted on Food.com, cleaned and summarised when this site was built. Start with the size and span of the data, then open an analysis.",
    generated:
      "{recipes} recipes and {interactions} interactions (reviews and ratings) made up by the project's data generator in the shape of Food.com's data, not real recipes, cleaned and summarised when this site was built. Start with the size and span of the data, then open an analysis.",
  },
  kpis: {
    title: "The dataset at a glance",
    recipes: { label: "Recipes", sub: "kept after cleaning" },
    interactions: { label: "Interactions", sub: "reviews and ratings; {onKept} on kept recipes" },
    users: { label: "Users", sub: "distinct reviewers; {contributors} recipe contributors" },
    rated: {
      label: "Rated interactions",
      sub: "{share} of interactions; the rest are reviews without a rating",
    },
    meanRating: { label: "Mean rating", sub: "out of 5 stars, rated interactions only" },
    recipeDates: { label: "Recipes posted", sub: "{from} to {to}" },
    interactionDates: { label: "Interactions posted", sub: "{from} to {to}" },
    years: { label: "Years of recipes", sub: "{n} calendar years" },
    note: "What the tiles count: recipes are those kept after cleaning; interactions, users and ratings are every interaction kept after cleaning: {onKept} rate a kept recipe, {onSetAside} rate a recipe a cleaning rule set aside (the rating is real, so it stays), and {before} are dated before their recipe was posted. The Data & methods page shows each rule and each decision.",
  },
  charts: {
    recipes: {
      title: "Recipes posted per year",
      question: "When were the recipes posted?",
      takeaway:
        "The busiest year was {peakYear}, with {peakN} recipes ({peakShare} of all); the quietest was {lowYear}, with {lowN}.",
      method:
        "Each recipe kept after cleaning is counted in the calendar year of its submission date, for every year from the first to the last: a year without recipes counts 0, and no year outside that span is shown. The cleaning rules and the rows they set aside are on the Data & methods page.",
      tip: "{year}: {n} recipes",
    },
    interactions: {
      title: "Interactions posted per year",
      question: "When did people review and rate?",
      takeaway:
        "The busiest year was {peakYear}, with {peakN} interactions ({peakShare} of all); the quietest was {lowYear}, with {lowN}.",
      method:
        "Each interaction kept after cleaning is counted in the calendar year of its date, including the {onSetAside} whose recipe a cleaning rule set aside; a year without interactions inside the span counts 0. Reviews without a rating are included: they count in volumes, not in rating statistics.",
      tip: "{year}: {n} interactions",
    },
  },
  pages: {
    title: "What each page answers",
    lede: "Each page is a report of a few analyses; each analysis answers one question with one chart and says how it was computed.",
    open: "Open",
  },
};
export type OverviewMessages = typeof overview;
