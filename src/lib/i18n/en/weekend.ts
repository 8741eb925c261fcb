// Weekday / Weekend page (src/[lang]/weekend.md): the year range, the six analysis cards, their
// charts and tables, and the takeaway sentences src/lib/weekend/takeaways.ts fills from results.
// Day names come from common.weekdays (Monday first).
export const weekend = {
  page: {
    title: "Weekday & weekend",
    summary:
      "Is Sunday cooking different from Monday cooking? Volumes, time, complexity, nutrition, ingredients and tags by day of the week, with the tests they claim.",
  },
  title: "Weekday and weekend, {from}–{to}",
  lede: "Do people post different recipes on Saturday and Sunday than from Monday to Friday? Each card compares the two with a test it actually computes, corrected when it makes many, with the size of the difference next to its p-value. Choose the years: every card follows them.",
  range: {
    label: "Years analysed",
    from: "From",
    to: "To",
    summary: "{years} years selected: {from}–{to}.",
  },
  groups: { weekday: "Weekday (Mon–Fri)", weekend: "Weekend (Sat–Sun)" },
  effect: { negligible: "negligible", small: "small", medium: "medium", large: "large" },
  period: {
    full: "the full span {from}–{to}",
    decade: "{from}–{to}",
    sameAsRange:
      "The rank test and the box plots cover {period}, your range. They need every recipe's value, so they are computed at build time for the full span and for each decade of the data ({decades}).",
    differs:
      "The rank test and the box plots cover {period}, not your range {rangeFrom}–{rangeTo}: they need every recipe's value, so they are computed at build time only for the full span and for each decade of the data ({decades}). Pick one of these ranges to see its own.",
    noDecades: "none: the data's years lie in one decade",
  },
  tests: {
    caption: "Tests",
    test: "Test",
    statistic: "Statistic",
    df: "df",
    p: "p",
    adjusted: "Adjusted p",
    effect: "Effect size",
    period: "Years",
    welch: "Welch t",
    mannWhitney: "Mann–Whitney U",
    chiSquare: "Chi-square (equal shares)",
    cohensD: "Cohen's d = {d} ({size})",
    rankBiserial: "rank-biserial r = {r} ({size})",
    cohensW: "Cohen's w = {w} ({size})",
    none: "–",
  },
  summary: {
    caption: "Summary by group",
    group: "Group",
    n: "Recipes",
    mean: "Mean",
    sd: "SD",
    median: "Median",
    iqr: "Q1–Q3",
    range: "{low} to {high}",
    note: "n, mean and SD follow your range; median and quartiles come from the box-plot period ({period}).",
  },
  volume: {
    title: "Recipe volume by day of the week",
    question: "Are more recipes posted on some days of the week than on others?",
    kpi: {
      label: "Recipe volume",
      weekdayPerDay: "Weekday (per day)",
      weekendPerDay: "Weekend (per day)",
      difference: "Weekend vs weekday",
      busiest: "Busiest day",
    },
    bars: { y: "Recipes", mean: "7-day mean", tip: "{day}: {n} recipes ({share})" },
    deviation: { y: "Deviation from the 7-day mean", tip: "{day}: {deviation}" },
    takeaway:
      "Between {from} and {to}, {total} recipes were posted; {busiest} was the busiest day ({busiestN}) and {quietest} the quietest ({quietestN}). A weekend day saw {weekendPerDay} recipes on average against {weekdayPerDay} for a weekday ({difference}).",
    uneven:
      "The recipes are not spread evenly over the seven days (chi-square = {statistic}, df = {df}, {p}; Cohen's w = {w}, a {size} effect).",
    even: "The spread over the seven days is compatible with equal shares (chi-square = {statistic}, df = {df}, {p}; Cohen's w = {w}).",
    none: "No recipe was posted between {from} and {to}.",
    method:
      "DuckDB counts the kept recipes per year and ISO day of the week of their submission date (1 = Monday … 7 = Sunday; Saturday and Sunday are the weekend). Your browser adds up the years of your range. A group's recipes per day is its total over its number of days of the week (five weekdays, two weekend days); the deviation of a day is (its count − the 7-day mean) / the 7-day mean.\n\nThe chi-square goodness-of-fit test compares the seven counts with equal shares (seven expected counts of total/7; df = 6); each day of the week occurs equally often over a span of years, to within one day per year. Cohen's w = √(chi-square / n) sizes the imbalance (0.1 small, 0.3 medium, 0.5 large): with thousands of recipes a tiny imbalance is already significant. One test, at α = {alpha}.",
  },
  duration: {
    title: "Preparation time",
    question: "Do weekend recipes take longer to prepare?",
    kpi: {
      label: "Preparation time",
      weekday: "Weekday (mean)",
      weekend: "Weekend (mean)",
      difference: "Difference",
      iqr: "Weekday Q1–Q3",
    },
    box: {
      x: "Minutes",
      tip: "{group}: median {median}, Q1–Q3 {q1}–{q3}, whiskers {low}–{high}, mean {mean}, n = {n}",
    },
    takeaway:
      "Weekend recipes take {weekend} on average and weekday recipes {weekday} ({difference}; Welch t = {t}, {p}; Cohen's d = {d}, {size}).",
    takeawayNone: "There are too few recipes in one group between {from} and {to} to compare them.",
    significant: "The difference is significant but {size}.",
    rank: "Over {period}, the Mann–Whitney U test gives {p} (rank-biserial r = {r}, {size}).",
    method:
      "DuckDB sums, per year and group (weekday, weekend), the recipes, their preparation time and its square; your browser adds the years of your range and computes each group's mean and standard deviation exactly from these sums. Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom) compares the means; Cohen's d divides the difference by the pooled standard deviation (0.2 small, 0.5 medium, 0.8 large).\n\nPreparation times are skewed, so a rank test is reported too: the Mann–Whitney U test with the tie correction (normal approximation with continuity correction), whose effect size, the rank-biserial r, is the probability that a weekend recipe takes longer than a weekday one minus the reverse. Ranks and quartiles cannot be added up from yearly figures: the build computes them from every recipe's value for the full span and for each decade of the data, and the card says which period they cover. Box plots: the box spans the quartiles (linear interpolation), the line is the median, the dot the mean, the whiskers reach the most extreme values within 1.5 interquartile ranges of the box; values beyond are counted, not drawn. Tests at α = {alpha}.",
  },
  complexity: {
    title: "Complexity",
    question: "Are weekend recipes more elaborate?",
    measures: { score: "Complexity score", steps: "Steps", ingredients: "Ingredients" },
    takeaway:
      "{count} of the three complexity measures differ between weekend and weekday recipes after Holm's correction (Welch t).",
    detail: "{measure}: weekend {weekend}, weekday {weekday} (d = {d}, {size}; Holm {q}).",
    takeawayNone: "There are too few recipes in one group between {from} and {to} to compare them.",
    rank: "Over {period}, Mann–Whitney U (Holm across the three): {list}.",
    rankItem: "{measure} {q}, r = {r}",
    method:
      "The complexity score, number of steps and number of ingredients are each compared as preparation time is (Welch's t with Cohen's d from per-year sums for your range; Mann–Whitney U with the rank-biserial r and box plots for the precomputed periods). Three measures mean three tests of one question, so their p-values are adjusted with Holm's method (family-wise error rate) before any is called significant, at α = {alpha}; the Mann–Whitney p-values are adjusted the same way.",
  },
  nutrition: {
    title: "Nutrition",
    question: "Are weekend recipes richer?",
    nutrients: {
      calories: "Calories",
      totalFat: "Total fat",
      sugar: "Sugar",
      sodium: "Sodium",
      protein: "Protein",
      saturatedFat: "Saturated fat",
      carbohydrates: "Carbohydrates",
    },
    chart: { x: "Weekend vs weekday (relative difference of means)", tip: "{nutrient}: {relative}, {q}" },
    legend: { significant: "significant (BH q < {alpha})" },
    takeaway:
      "{count} of the seven nutrition values differ between weekend and weekday recipes after the Benjamini–Hochberg correction.",
    largestSignificant:
      "The largest significant gap is {nutrient}: {relative} on weekends (d = {d}, {size}; {q}).",
    largestNot: "The largest gap, {nutrient} at {relative} on weekends, is not significant ({q}).",
    takeawayNone: "There are too few recipes in one group between {from} and {to} to compare them.",
    method:
      "DuckDB sums, per year and group, each of the seven nutrition values (calories in kcal, the others in % of daily value) and their squares, over the recipes where the value is known. For your range your browser computes the means, the relative difference (weekend mean − weekday mean) / weekday mean, Welch's t and Cohen's d of each value. Seven tests are made, so their p-values are adjusted with Benjamini–Hochberg (false discovery rate); a value is marked significant when its adjusted q < {alpha}. Nutrition values are skewed, but with hundreds of recipes per group the means' sampling distribution is close to normal, which is what Welch's test needs; Cohen's d says whether a significant gap matters.",
  },
  items: {
    ingredients: {
      title: "Ingredients",
      question: "Which ingredients lean towards the weekend, and which towards weekdays?",
      unit: "ingredients",
    },
    tags: {
      title: "Tags",
      question: "Which tags lean towards the weekend, and which towards weekdays?",
      unit: "tags",
      includeStructural: "Include structural tags",
      structuralNote: "{n} structural tags left out.",
      structuralMethod:
        "Structural tags (headers of the site's tag tree such as “preparation” or “course”, and tags derived from the recipe's own time, steps, ingredients or nutrition such as “60-minutes-or-less”) are left out by default, as on the Trends page: they say how the site filed a recipe, not what was cooked. The toggle puts them back into the test and the correction.",
    },
    chart: {
      x: "Weekend share − weekday share (percentage points)",
      weekend: "More on weekends",
      weekday: "More on weekdays",
      tip: "{item}: {weekend} of weekend recipes, {weekday} of weekday recipes; V = {v}, {q}",
    },
    legend: { significant: "significant (BH q < {alpha})" },
    none: "No {unit} passes the minimum frequency between {from} and {to}.",
    takeaway:
      "{tested} {unit} are frequent enough to test between {from} and {to}; {significant} differ between weekend and weekday recipes after the Benjamini–Hochberg correction.",
    leaders:
      "The strongest: {weekendItem} on weekends ({weekendDiff} points, V = {weekendV}) and {weekdayItem} on weekdays ({weekdayDiff} points, V = {weekdayV}).",
    leaderOne: "The strongest: {item} ({diff} points on weekends, V = {v}).",
    small: "Even the strongest effects are tiny: Cramér's V is at most {v}.",
    method:
      "DuckDB counts, per year and group, the recipes containing each of the {candidates} most frequent {unit} among those in at least {minCount} recipes over the whole span (a recipe listing one twice counts once). For your range your browser adds up the years and tests every {unit} in at least {minCount} recipes and {minShare} of the recipes of the range: a chi-square test of its 2×2 table (contains it or not × weekday or weekend; no continuity correction), with the Benjamini–Hochberg correction across all those tested. Cramér's V (here |φ|) ranks them: unlike the coefficient of variation of tiny shares, it does not favour rare items. The chart shows the {top} strongest in each direction — weekend-leaning and weekday-leaning — and only those with q < {alpha} are marked significant.",
  },
};

export type WeekendMessages = typeof weekend;
