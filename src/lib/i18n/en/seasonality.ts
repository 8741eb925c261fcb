// Seasonality page (src/[lang]/seasonality.md): the year range, the six analysis cards (volume,
// preparation time, complexity, nutrition, ingredients, tags), their tables and charts, and the
// takeaway sentences that src/lib/seasonality/takeaways.ts picks from the results.
export const seasonality = {
  page: {
    title: "Seasonality",
    summary:
      "Do people post different recipes in winter than in summer? Volumes, time, complexity, nutrition, ingredients and tags by season, with the tests they claim.",
  },
  title: "Seasons, {from}–{to}",
  lede: 'Winter is December to February, spring March to May, summer June to August, autumn September to November, each taken within its calendar year. Every test quoted here is computed from the data, corrected when several are made at once, and shown with an effect size: on tens of thousands of recipes, a tiny difference is "significant" without mattering. Choose the years: every card follows them.',
  range: {
    label: "Years analysed",
    from: "From",
    to: "To",
    summary: "{years} years selected: {from}–{to}.",
  },
  period: {
    exact: "Rank test and boxes: {from}–{to}, the years selected.",
    other:
      "Rank test and boxes: {from}–{to}. Ranks and quartiles cannot be pooled from yearly sums, so they are precomputed for the full span and each decade; {from}–{to} is the closest to the years selected.",
  },
  unit: { minutes: "min" },
  table: {
    season: "Season",
    recipes: "Recipes",
    share: "Share",
    deviation: "vs mean",
    days: "Days",
    perDay: "Per day",
    calendarShare: "Calendar share",
    mean: "Mean",
    sd: "SD",
    median: "Median",
    iqr: "IQR (Q1–Q3)",
    test: "Test",
    statistic: "Statistic",
    df: "df",
    p: "p",
    q: "q (BH)",
    pHolm: "p (Holm)",
    effect: "Effect size",
    measure: "Measure",
    nutrient: "Nutrient",
    item: "Item",
    v: "Cramér's V",
  },
  tests: {
    equal: "χ² vs equal shares",
    calendar: "χ² vs calendar days",
    anova: "One-way ANOVA",
    kruskal: "Kruskal–Wallis",
    w: "w = {value}",
    eta: "η² = {value}",
    epsilon: "ε² = {value}",
    none: "not computable",
  },
  volume: {
    title: "Recipe volume by season",
    question: "Are recipes posted evenly across the seasons?",
    kpis: {
      label: "Recipe volume by season",
      total: "Recipes",
      mean: "Mean per season",
      max: "{season} (most)",
      min: "{season} (fewest)",
      vsMean: "{value} vs mean",
    },
    takeaway: {
      significant:
        "{max} has the most recipes ({maxShare} of {total}) and {min} the fewest ({minShare}); the difference from equal shares is significant ({p}), with a {size} effect (Cohen's w = {w}). Against the calendar's days per season: {calendarP}.",
      notSignificant:
        "{max} has the most recipes ({maxShare} of {total}) and {min} the fewest ({minShare}), but the shares do not differ significantly from equal shares ({p}, Cohen's w = {w}).",
    },
    bars: { y: "Recipes", deviation: "Deviation from the mean per season (%)" },
    tip: "{season}: {n} recipes ({share}), {deviation} vs the mean, {perDay} per day",
    method:
      "Recipes are counted per calendar year and season (winter = January, February and December of the same year), then added over the years selected. Deviation = (n − mean per season) / mean per season. Two chi-square goodness-of-fit tests (3 degrees of freedom): against equal shares, and against each season's share of the calendar days between the data's first and last submission in those years (winter has 90 or 91 days, spring and summer 92, autumn 91), so the calendar alone is not called seasonal. Cohen's w = √(χ²/n) measures the size of the departure (0.1 small, 0.3 medium, 0.5 large). Significance at α = {alpha}.",
  },
  duration: {
    title: "Preparation time by season",
    question: "Do recipes posted in some seasons take longer?",
    takeaway: {
      significant:
        "{max} recipes take longest on average ({maxMean}) and {min} recipes the shortest ({minMean}). The Kruskal–Wallis test over {from}–{to} finds the distributions differ ({p}), with an effect of ε² = {epsilon}: {size}.",
      notSignificant:
        "{max} recipes take longest on average ({maxMean}) and {min} recipes the shortest ({minMean}); the Kruskal–Wallis test over {from}–{to} finds no significant difference ({p}, ε² = {epsilon}).",
    },
    box: { y: "Minutes" },
    tip: "{season}: median {median}, Q1–Q3 {q1}–{q3}, whiskers {low}–{high}, {outliers} beyond",
    method:
      "Means and standard deviations per season are pooled exactly from yearly sums (n, Σx, Σx²) for the years selected, with a one-way ANOVA (F, η²). Preparation times are skewed, so the headline test is the rank-based Kruskal–Wallis H with the tie correction and its effect size ε² = H / (n − 1), computed over every recipe's minutes. Ranks, medians and quartiles cannot be pooled from yearly sums: they are precomputed for the full span and each decade of the data, and the card names the period shown. Boxes: quartiles by linear interpolation, whiskers at the most extreme values within 1.5 IQR; values beyond are counted, not drawn (no raw values are sent to the page). Effect sizes: 0.01 small, 0.06 medium, 0.14 large. α = {alpha}.",
  },
  complexity: {
    title: "Complexity by season",
    question: "Are recipes more elaborate in some seasons?",
    measures: { score: "Complexity score", steps: "Steps", ingredients: "Ingredients" },
    takeaway: {
      some: "Seasons differ in {measures} (ANOVA, Holm-adjusted over three measures), and the largest effect is {size}: η² = {eta} ({measure}). The highest mean score is in {max}.",
      none: "No complexity measure differs significantly across seasons (ANOVA, Holm-adjusted over three measures; largest η² = {eta}).",
    },
    y: "Mean",
    tip: "{season}: mean {mean} (sd {sd}, {n} recipes)",
    method:
      "Complexity score = ln(1 + minutes) + steps + 0.5 × ingredients. For each measure, the season means and a one-way ANOVA (F, η²) are pooled exactly from yearly sums for the years selected; the three ANOVA p-values are Holm-adjusted. The Kruskal–Wallis test (tie-corrected, ε²) of each measure, Holm-adjusted over the three, uses the raw values of a precomputed period named below the table. α = {alpha}.",
  },
  nutrition: {
    title: "Nutrition by season",
    question: "Are recipes richer in some seasons?",
    nutrients: {
      calories: "Calories",
      totalFat: "Total fat",
      sugar: "Sugar",
      sodium: "Sodium",
      protein: "Protein",
      saturatedFat: "Saturated fat",
      carbohydrates: "Carbohydrates",
    },
    takeaway: {
      some: "{significant} of {count} nutrition values differ across seasons after Benjamini–Hochberg correction; the largest effect is {nutrient} (η² = {eta}), highest in {max}, lowest in {min}.",
      none: "No nutrition value differs significantly across seasons after Benjamini–Hochberg correction (largest η² = {eta}, {nutrient}).",
    },
    heatmap: { z: "z-score across seasons" },
    tip: "{nutrient}, {season}: mean {mean} (z = {z})",
    method:
      "Means per season of calories (kcal) and the six % daily values, pooled exactly from yearly sums for the years selected (recipes without a value are skipped for that value). The heatmap shows each value's season means as z-scores across the four seasons (population standard deviation): it says which season is high or low for that value, not by how much — the table gives the means. Per value, a one-way ANOVA across seasons (F, η²); the seven p-values are Benjamini–Hochberg-adjusted (q), significant when q < {alpha}.",
  },
  items: {
    ingredients: {
      title: "Ingredients by season",
      question: "Which ingredients are seasonal?",
      unit: "ingredients",
    },
    tags: {
      title: "Tags by season",
      question: "Which tags are seasonal?",
      unit: "tags",
      includeStructural: "Include structural tags",
      structuralNote:
        "{n} structural tags (tree headers and tags derived from minutes, steps or nutrition) left out.",
      structuralMethod:
        'Structural tags — the headers of Food.com\'s tag tree ("preparation", "course"…) and tags derived from a recipe\'s own figures ("60-minutes-or-less", "low-sodium"…) — are left out by default: they describe how the site filed recipes, not what was cooked. The toggle puts them back into the tested family.',
    },
    takeaway: {
      some: "{significant} of {tested} {unit} tested vary with the season (BH-adjusted, q < {alpha}); the strongest association is {item} (Cramér's V = {v}), most frequent in {season} ({share} of its recipes).",
      none: "None of the {tested} {unit} tested varies significantly with the season after Benjamini–Hochberg correction.",
      empty: "No {unit} reach the minimum share in these years: nothing to test.",
    },
    heatmap: { fill: "Share of the season's recipes (%)", significant: "* BH-significant (q < {alpha})" },
    tip: "{item}, {season}: {share} of recipes",
    method:
      "Candidates: the {max} most frequent {unit} present in at least {min} recipes over the whole span (the page data stays small). For the years selected, an item is tested when its mean share over the four seasons is at least {share}: per item, a chi-square test of independence of presence × season (a 2 × 4 table, df 3), with p-values Benjamini–Hochberg-adjusted across every item tested. Items are ranked by Cramér's V (how strongly presence depends on the season), not by the coefficient of variation of small shares, which favours rare items. The heatmap shows the {top} strongest whose shares span at least {range} percentage points; * marks q < {alpha}.",
  },
  sizes: {
    negligible: "negligible",
    small: "small",
    medium: "medium",
    large: "large",
  },
};

export type SeasonalityMessages = typeof seasonality;
