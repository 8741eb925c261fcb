// Community page (src/[lang]/community.md): the year range, the four cards (activity, growth,
// leniency, popularity), their charts, tables and takeaway templates filled from results.
export const community = {
  page: {
    title: "Community",
    summary:
      "The people behind the reviews: how active they are, how the community grew and stayed, how lenient raters are, and which recipes drew the crowd.",
  },
  title: "The community, {from}–{to}",
  lede: "Who writes the reviews? How unevenly the work is shared, how the community grew and how long its members stayed, how generous raters are, and which recipes drew the crowd. Only counts are shown: no user is ever listed. Choose the years: growth follows them exactly; per-user figures show the precomputed period that covers them.",
  range: {
    label: "Years analysed",
    from: "From",
    to: "To",
    summary: "{years} years selected: {from}–{to}.",
  },
  period: {
    same: "This card covers {period}, your range. Per-user and per-recipe figures cannot be added up year by year (a member active in two years is one member), so they are computed at build time for the full span and each decade of the data ({decades}).",
    differs:
      "This card covers {period}, not your range {rangeFrom}–{rangeTo}: per-user and per-recipe figures cannot be added up year by year (a member active in two years is one member), so they are computed at build time only for the full span and each decade of the data ({decades}). It shows the narrowest of these that contains your range.",
    noDecades: "none: the data's years lie in one decade",
  },
  chart: {
    binTip: "{bin} interactions: {units} — {total} interactions in all",
    lorenzX: "Share of members, least active first",
    lorenzY: "Share of interactions",
    lorenzTip: "The least active {units} made {share} of the interactions",
  },
  activity: {
    title: "Activity",
    question: "How evenly are the interactions shared among members?",
    takeaway:
      "In {from}–{to}, the most active 1 % of members made {top1} of the interactions and the top 10 % made {top10}; {once} of members interacted only once.",
    kpi: {
      label: "Activity of the period",
      users: "Active members",
      once: "Interacted once",
      top1: "Top 1 % share",
      top10: "top 10 %: {share}",
      gini: "Gini coefficient",
      median: "median {median}, mean {mean} per member",
    },
    chart: { x: "Interactions per member (log scale)", y: "Members (log scale)" },
    method:
      "Every interaction counts: reviews with a rating (1–5) and the {unrated} reviews without a rating (rating 0), whether the recipe was kept or set aside by a recipe rule, {total} interactions in the period. Each member's interactions are counted in DuckDB; the frequency table (how many members made exactly n interactions) is all that leaves it.\n\nThe top 1 % (10 %) are the ceil(1 % (10 %) × members) most active members; their share is their interactions over all interactions. The Gini coefficient is Σ|xᵢ − xⱼ| / (2n²x̄) without small-sample correction (0: everyone equally active). The Lorenz curve gives, for each share of members ordered from least to most active, the share of interactions they made. Bins are powers of two (1, 2–3, 4–7…); both axes are logarithmic.",
  },
  growth: {
    title: "Growth and retention",
    question: "How many members joined each year, how many were active, and did they come back?",
    takeaway:
      "{newUsers} members made their first interaction in {from}–{to}; activity peaked in {peakYear} with {peakUsers} active members, and {retention} of a year's newcomers were active again the next year.",
    takeawayNoRetention:
      "{newUsers} members made their first interaction in {from}–{to}; activity peaked in {peakYear} with {peakUsers} active members.",
    none: "No interaction in these years.",
    active: "Active members",
    new: "New members",
    y: "Members",
    kpi: {
      label: "Growth over the range",
      newUsers: "New members",
      meanActive: "Active members per year (mean)",
      peak: "Busiest year",
      retention: "Active again one year later",
    },
    method:
      'A member is new in the year of their first interaction in the whole data (not the first of your range), and active in a year with at least one interaction (rated or not). These are sums over years, so this card follows your range exactly.\n\nRetention: of the members new in a cohort year c, the share with an interaction in year c + k. The heatmap shows each cohort of your range, for the years after it that are still inside your range. The "one year later" figure pools the cohorts: Σ members active in c + 1 / Σ cohort sizes, over the cohorts whose next year is in the range. The last years have fewer later years to observe, so their rows are shorter.',
  },
  cohorts: {
    x: "Years after the first interaction",
    y: "Cohort (year of first interaction)",
    color: "Share still active",
    tip: "Cohort {cohort}, {k} year(s) later: {active} of {size} members ({share})",
    none: "The range has a single year: there is no later year to follow a cohort into.",
  },
  leniency: {
    title: "Rater leniency",
    question: "How generous are raters, and how much do the most lenient move the mean rating?",
    takeaway:
      "In {from}–{to}, {lenient} members rate {threshold} or more on average; they gave {share} of the ratings. Without them the mean rating would be {without} instead of {mean} ({pull}).",
    none: "No member has enough ratings in this period to measure leniency.",
    kpi: {
      label: "Leniency of the period",
      eligible: "Members with ≥ {min} ratings",
      eligibleShare: "{share} of the ratings",
      meanOfMeans: "Mean of their mean ratings",
      sd: "standard deviation {sd}",
      lenient: "Lenient (mean ≥ {threshold})",
      pull: "Their pull on the mean",
      without: "{mean} with them, {without} without",
    },
    chart: {
      x: "Member's mean rating",
      y: "Members",
      tip: "Mean rating {from}–{to}: {users} members",
    },
    method:
      "Ratings 1–5 only: a review without a rating (rating 0) says nothing about leniency. A member's mean rating is measured only with at least {min} ratings in the period, since a mean of two ratings is mostly noise. Bins are 0.25 wide from 1 to 5 (5 itself in the last bin); the dashed line is the period's mean rating over all {ratings} ratings by {raters} members. Median of the members' means: {median}; {allFive} of them gave 5 every time.\n\nA member is lenient when their mean is at least {threshold}. Their pull is the period's mean rating minus the mean rating of everyone else's ratings: how much the mean would drop without them. It is descriptive, not a test: members are not a random sample.",
  },
  popularity: {
    title: "Recipe popularity",
    question:
      "How are interactions spread over recipes, and which recipes are rated best once luck is discounted?",
    takeaway:
      "In {from}–{to}, the 10 % most reviewed recipes drew {top10} of the interactions. Best rated, once small samples are shrunk toward the mean: “{name}” ({bayesian}; raw mean {mean} over {ratings} ratings).",
    none: "No recipe has {min} ratings or more in this period.",
    kpi: {
      label: "Recipes of the period",
      recipes: "Recipes with an interaction",
      once: "Reviewed once",
      top10: "Top 10 % recipes' share",
      prior: "Prior mean rating",
      median: "median {median}, mean {mean} interactions per recipe",
      eligible: "{n} recipes ranked",
    },
    chart: { x: "Interactions per recipe (log scale)", y: "Recipes (log scale)" },
    table: {
      caption: "The {n} best-rated recipes, {from}–{to}",
      rank: "#",
      name: "Recipe",
      bayesian: "Bayesian average",
      mean: "Raw mean",
      ratings: "Ratings",
      interactions: "Interactions",
    },
    method:
      "Interactions per recipe count every interaction (rated or not) of every recipe, kept or set aside; the concentration figures are computed as on the Activity card.\n\nBest rated: kept recipes (they have a name) with at least {min} ratings 1–5 in the period, ranked by the Bayesian average (w·m + Σ ratings) / (w + n), where m is the period's mean rating over all recipes and w = {weight}: each recipe is treated as if it had {weight} more ratings at the mean, so a handful of 5★ ratings cannot top the list. Ties: more ratings first, then by name. The {top} first are listed by name only; nothing links outside the site.",
  },
};

export type CommunityMessages = typeof community;
