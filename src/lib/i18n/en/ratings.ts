// Ratings page (src/[lang]/ratings.md): the year range, the five analysis cards, their charts and
// tables, and the takeaway sentences src/lib/ratings/takeaways.ts fills from results.
export const ratings = {
  page: {
    title: "Ratings",
    summary:
      "What readers thought of the recipes: every rating, its trend with honest uncertainty, its seasons and weekdays, and what rates well.",
  },
  title: "Ratings, {from}–{to}",
  lede: "Every interaction of the data, rated or not: ratings 1–5 make the statistics, reviews without a rating (rating 0) count in the volumes and as their own share. Each card shows its uncertainty as an interval, never through a zoomed axis. Choose the years: every card follows them.",
  range: {
    label: "Years analysed",
    from: "From",
    to: "To",
    summary: "{years} years selected: {from}–{to}.",
  },
  trend: {
    title: "Temporal trend of the monthly mean rating",
    question: "Have ratings drifted over the years?",
    takeaway: {
      up: "From {from} to {to}, the monthly mean rating rose by {slope} stars a year (95 % CI {low} to {high}, {p}; headline fit over {months} months with at least {min} ratings).",
      down: "From {from} to {to}, the monthly mean rating fell by {slope} stars a year (95 % CI {low} to {high}, {p}; headline fit over {months} months with at least {min} ratings).",
      flat: "From {from} to {to}, the monthly mean rating shows no significant trend: {slope} stars a year (95 % CI {low} to {high}, {p}; headline fit over {months} months with at least {min} ratings).",
      none: "From {from} to {to}, too few months have at least {min} ratings to fit a trend.",
    },
    kpi: {
      label: "Trend figures (WLS, weights √n)",
      slope: "Slope (weighted)",
      perYear: "stars per year",
      r2: "R² (weighted)",
      p: "p-value (WLS)",
      spearman: "Volume–rating correlation (weighted Spearman)",
    },
    chart: {
      y: "Mean rating (1–5)",
      wls: "WLS trend (√n)",
      headline: "Headline trend",
      tip: "{month}: mean {mean} over {n} ratings",
    },
    fits: {
      fit: "Fit",
      weights: "Weights",
      slope: "Slope (stars/year)",
      ci: "95 % CI",
      p: "p",
      r2: "R²",
      headline: "Headline (random effects)",
      headlineWeights: "1/(τ² + s²/n)",
      wls: "WLS (original app)",
      ols: "OLS",
      equal: "equal",
    },
    method:
      "Ratings 1–5 of every interaction (recipes kept or set aside by a recipe rule, dated before their recipe or not), grouped by calendar month. Months with fewer than {min} ratings are left out and counted (validation card). Time is counted in years from the first month kept, so every slope is in stars per year and every intercept is the fitted mean of that month.\n\nThe WLS line is the original app's: weights √n, the month's number of ratings. It treats a busy month as more precise, which holds only if the months' scatter were sampling noise. The headline fit (the one the sentence uses) is a random-effects regression with each month's sampling variance s²/n and the between-month variance τ² (DerSimonian–Laird), with the larger of the Knapp–Hartung and Newey–West standard errors. OLS weighs every month equally. R² of the WLS is weighted. The weighted Spearman correlation ranks the months' volumes and means, then correlates the ranks with weights √n. A slope is called a rise or a fall when its headline p is below {alpha}.",
  },
  validation: {
    title: "Methodological validation of the monthly series",
    question: "Are the months comparable enough to fit one weighted trend?",
    takeaway:
      "{kept} months have at least {min} ratings; {excluded} months with {ratings} ratings in all are left out. The monthly volumes vary with a coefficient of variation of {cv}, and weighting by √n moves the slope by {shift} of the unweighted slope.",
    kpi: {
      label: "Validation figures",
      months: "Months kept",
      excluded: "{n} below the minimum",
      cv: "CV of monthly volumes",
      shift: "Slope shift from weighting",
      variance: "Variance of monthly means, weighted / unweighted",
    },
    chart: {
      volume: "Ratings in the month",
      months: "Months",
      weight: "Share of the weights",
    },
    volumes: "Ratings per month kept: minimum {min}, quartiles {q1} / {median} / {q3}, maximum {max}.",
    method:
      "The monthly series of the trend card: months with at least {min} ratings 1–5 (the original app's minimum); the months below it are counted, with their ratings. Weights are √n; each month's share of them is drawn over time. The variance of the monthly means is shown unweighted (ddof 1) and weighted with √n as reliability weights. The slope shift is |slope WLS − slope OLS| / |slope OLS|: how much the √n weights change the trend.",
  },
  distribution: {
    title: "Distribution and stability of ratings",
    question: "How are ratings spread, and how precisely do we know their mean?",
    takeaway:
      "{five} of the ratings are 5★ and {low} are 2★ or less. The mean rating is {mean}: 95 % CI {ciLow}–{ciHigh} if every rating were independent, {clusterLow}–{clusterHigh} counting each user's ratings as one cluster ({period}). {unrated} of the interactions are reviews without a rating.",
    kpi: {
      label: "Distribution figures",
      mean: "Mean rating (95 % CI)",
      five: "Share of 5★",
      low: "Share of ≤ 2★",
      unrated: "Reviews without a rating",
    },
    chart: {
      rating: "Rating (0 = review without a rating)",
      share: "Share",
      tip: "Rating {rating}: {share} ({n})",
      five: "5★",
      low: "≤ 2★",
    },
    ci: {
      interval: "Interval",
      period: "Years",
      mean: "Mean",
      se: "Standard error",
      bounds: "95 % CI",
      basis: "Based on",
      naive: "t interval (ratings independent)",
      cluster: "Cluster-by-user interval",
      users: "{users} users; design effect {deff}",
    },
    method:
      "Every interaction counts; rating 0 (a review without a rating) is its own bar and share, the statistics use ratings 1–5. Shares of 5★ and ≤ 2★ are among ratings 1–5, per year in the right chart.\n\nTwo intervals of the mean: the t interval mean ± t(0.975, n − 1)·s/√n (the original app's band, mean ± 1.96·sd_w/√Σw, was not a standard error); and a cluster-robust (CR1 sandwich) interval over users — one user's ratings are not independent, so the users, not the ratings, are the independent units: SE² = G/(G − 1)·Σ_g(S_g − n_g·ȳ)²/N², t with G − 1 df. The design effect is the ratio of the two variances. The cluster interval needs each user's ratings over the whole period, so it is computed at build time for the full span and each decade; the table says which years it covers (the period equal to your range, else the shortest one containing it, else the full span). Users are only counted, never listed.",
  },
  groups: {
    ratings: "Ratings",
    mean: "Mean",
    ci: "95 % CI",
    sd: "Std",
    five: "5★",
    low: "≤ 2★",
    test: "Test",
    statistic: "Statistic",
    df: "df",
    p: "p",
    adjusted: "p (Holm)",
    effect: "Effect size",
    anova: "One-way ANOVA",
    kruskal: "Kruskal–Wallis H",
    chart: {
      mean: "Mean rating with 95 % CI",
      tip: "{group}: mean {mean} (95 % CI {low}–{high}), {n} ratings",
    },
    takeaway: {
      significant:
        "{best} has the highest mean rating ({bestMean}) and {worst} the lowest ({worstMean}): a significant difference after Holm (ANOVA {p}, η² = {eta}; Kruskal–Wallis {pk}, ε² = {epsilon}). The effect sizes say how much of the spread of ratings the groups explain.",
      flat: "{best} has the highest mean rating ({bestMean}) and {worst} the lowest ({worstMean}), but the difference is not significant after Holm (ANOVA {p}, η² = {eta}; Kruskal–Wallis {pk}, ε² = {epsilon}).",
      none: "Too few ratings in these years to compare the groups.",
    },
  },
  seasons: {
    title: "Ratings by season",
    question: "Do readers rate differently across the seasons?",
    group: "Season",
    users: "Users (full span)",
    recipes: "Recipes (full span)",
    distinctNote:
      "Users and recipes are distinct counts over the full span {from}–{to}: a user active in several years cannot be added up year by year, so these two columns do not follow the year range.",
    kpi: {
      label: "Season figures",
      volume: "Ratings",
      cv: "CV of seasonal volumes",
      ratio: "Ratio max / min volume",
      f: "ANOVA F",
    },
    method:
      "Ratings 1–5 of every interaction by the season of its date (winter = December–February, December in its own calendar year). Per season: ratings, mean with its t interval, standard deviation, shares of 5★ and ≤ 2★. One-way ANOVA (η², ω²) and Kruskal–Wallis (ε², computed exactly from the counts of each rating value) across the four seasons; their p-values are Holm-corrected across the two tests, and a difference is called significant when an adjusted p is below {alpha}. With this many ratings even tiny differences are significant: read the effect sizes.",
  },
  weekdays: {
    title: "Ratings on weekdays and weekends",
    question: "Are recipes rated differently on Saturday and Sunday?",
    group: "Day",
    mannWhitney: "Mann–Whitney U (weekend vs weekday), z",
    welch: "Welch t (weekend vs weekday)",
    takeaway: {
      significant:
        "Weekend ratings average {weekend} against {weekday} on weekdays ({diff} stars, Cohen's d = {d}): a significant difference (Mann–Whitney {p} after Holm, rank-biserial r = {r}).",
      flat: "Weekend ratings average {weekend} against {weekday} on weekdays ({diff} stars, Cohen's d = {d}): no significant difference (Mann–Whitney {p} after Holm, rank-biserial r = {r}).",
    },
    kpi: {
      label: "Weekday and weekend figures",
      weekday: "Mean rating, Mon–Fri",
      weekend: "Mean rating, Sat–Sun",
      d: "Cohen's d",
      p: "Mann–Whitney p",
    },
    method:
      "Ratings 1–5 of every interaction by the ISO weekday of the interaction's date (the day the reader rated, not the day the recipe was posted). Per day: ratings, mean with its t interval, shares. Across the seven days: ANOVA and Kruskal–Wallis, Holm-corrected together. Weekend (Saturday, Sunday) against weekday: Mann–Whitney U (normal approximation with tie and continuity corrections, rank-biserial r) and Welch's t with Cohen's d (pooled sd), Holm-corrected together; significant below {alpha}. The rank tests are exact in their ranks: with six rating values the counts fix every rank.",
  },
  properties: {
    title: "What rates well",
    question: "Do quick, simple or tagged recipes get better ratings?",
    names: {
      minutes: "Preparation time",
      complexity: "Complexity",
      ingredients: "Ingredients",
      tags: "Top tags",
    },
    property: "Property",
    group: "Group",
    minutesFirst: "≤ {to} min",
    minutesBand: "{from}–{to} min",
    complexityFirst: "Q1 (≤ {to})",
    complexityBand: "Q{q} ({from}–{to})",
    complexityLast: "Q{q} (> {from})",
    ingredientsBand: "{n} ingr.",
    diff: "Δ vs rest",
    adjusted: "p (BH)",
    kpi: {
      label: "Property figures",
      rated: "Ratings of recipes in the data",
      significant: "Groups ≠ rest (BH)",
      etaMinutes: "η², time bands",
      etaComplexity: "η², complexity bands",
    },
    takeaway: {
      some: "{significant} of {tested} groups differ from the ratings of all other recipes after BH. Best rated: {best} ({bestMean}, {bestDiff} vs the rest); lowest: {worst} ({worstMean}, {worstDiff}). The largest Cohen's d is {d}: read it before calling a difference large.",
      none: "Too few ratings in these years to compare recipe properties.",
    },
    method:
      "Ratings 1–5 of the interactions whose recipe is in the data (a set-aside recipe has no properties), grouped by a property of the rated recipe. Preparation time in fixed bands ≤ 15, 16–30, 31–60, 61–120, 121–180 minutes: 15, 30 and 60 are Food.com's own time tags, 180 the cleaning cap, 120 splits the long tail. Complexity (ln(1 + minutes) + steps + 0.5 × ingredients) in quintiles of the recipes' scores (each band holds a fifth of the recipes, not of the ratings); bounds from the data. Ingredients: each count kept by the cleaning rules. Tags: the {tags} tags with the most ratings, structural (bookkeeping) tags left out; a recipe has many tags, so tag groups overlap. Per group: mean with its t interval (ratings treated as independent). Each group against the ratings of all other recipes: Welch t with Cohen's d, p-values Benjamini–Hochberg-adjusted within each property; significant below {alpha}. Bands and ingredient counts split the ratings, so a one-way ANOVA (η²) across each of them is shown too; not for tags, which overlap.",
  },
};

export type RatingsMessages = typeof ratings;
