// The Data & methods page: the ingest report, the cleaning rules in words with a sample of the rows
// each set aside, the integrity of interactions against recipes, the comparison with the original
// app's cleaning, and the dataset manifest with its provenance.
export const data = {
  page: {
    title: "Data & methods",
    summary:
      "Where the numbers come from: the files read, each cleaning rule and the rows it set aside, and the checksums of the snapshot.",
  },
  title: "Where the numbers come from",
  lede: "Every number on this site is computed when the site is built, from one snapshot of the dataset. This page shows what was read, what each cleaning rule set aside, and how to check the files.",
  report: {
    recipes: {
      title: "Cleaning the recipes",
      question: "How many recipes survive the cleaning rules?",
      takeaway: "{removed} of the {rowsIn} recipes read ({share}) were set aside; {rowsOut} are analysed.",
    },
    interactions: {
      title: "Cleaning the interactions",
      question: "How many interactions survive the cleaning rules?",
      takeaway:
        "{removed} of the {rowsIn} interactions read ({share}) were set aside; {rowsOut} are analysed.",
    },
    method:
      "The rules run in the order shown. Each one counts the rows it removes among those left by the rules before it, so the counts add up: rows read minus every removal equals rows kept. Set-aside rows are not lost: the snapshot keeps every one of them in rejects.parquet, with the rule that removed it, its source file and line, and its raw fields.",
    rowsIn: "Rows read",
    rowsOut: "Rows kept",
    columns: { step: "Step", rows: "Rows", share: "Share of rows read", remaining: "Rows left" },
    tip: "{step}: {rows}",
  },
  rules: {
    title: "The cleaning rules, in words",
    question: "What does each rule do, and with which bounds?",
    takeaway:
      "A recipe is kept when it takes {minutesMin} to {minutesMax} minutes, has {stepsMin} to {stepsMax} steps and {ingredientsMin} to {ingredientsMax} ingredients, and was posted between {from} and {to}.",
    method:
      "The bounds are those the ingest actually used for this dataset, read from its report. The bounds on steps and ingredients are quantiles of the recipes left after the time rule: they set aside the rare extremes without a hand-picked threshold.",
    recipes: "Recipes",
    interactions: "Interactions",
    removed: "Rows set aside: {n}",
    sample: "Download the first {n} rows this rule set aside (CSV)",
    samples:
      "Each count downloads the first rows its rule set aside (up to {n}, as CSV: source file, line, column, reason, raw fields). The snapshot keeps every set-aside row in rejects.parquet; to list those of a rule:",
    recipe: {
      unparsable_row: {
        label: "Unreadable row",
        explain:
          "A line of the CSV file that cannot be parsed (wrong number of fields, broken quoting, a number that is not a number) is set aside.",
      },
      duplicate_id: {
        label: "Duplicate id",
        explain: "A recipe id already seen: only its first row is kept.",
      },
      id_out_of_range: {
        label: "Id out of range",
        explain:
          "A recipe id that is not a whole number the tables can hold (too large, or with a decimal part, for instance) is set aside, instead of stopping the whole ingest.",
      },
      bad_list: {
        label: "Malformed list",
        explain:
          "Tags, steps and ingredients are lists written in Python's notation; a value that is not a well-formed list of texts is set aside.",
      },
      bad_nutrition: {
        label: "Malformed nutrition",
        explain:
          "The nutrition field must be a list of exactly seven numbers (calories, then six percentages of the daily value); anything else is set aside.",
      },
      minutes_out_of_range: {
        label: "Preparation time out of range",
        explain:
          "A recipe must take between {min} and {max} minutes: zero-minute entries and preparations of several days are set aside.",
      },
      n_steps_out_of_bounds: {
        label: "Number of steps out of bounds",
        explain: "A recipe must have between {min} and {max} steps.",
      },
      n_ingredients_out_of_bounds: {
        label: "Number of ingredients out of bounds",
        explain: "A recipe must have between {min} and {max} ingredients.",
      },
      missing_name_or_date: {
        label: "Missing name or date",
        explain: "A recipe without a name or a submission date can be neither shown nor placed in time.",
      },
      date_out_of_window: {
        label: "Date outside the plausible window",
        explain:
          "A recipe posted before {from} or after {to} is set aside: such a date is an error, and it would stretch every yearly series with empty years.",
      },
    },
    interaction: {
      unparsable_row: {
        label: "Unreadable row",
        explain: "A line of the CSV file that cannot be parsed is set aside.",
      },
      id_out_of_range: {
        label: "Id out of range",
        explain:
          "A user or recipe id that is not a whole number the tables can hold is set aside, instead of stopping the whole ingest.",
      },
      missing_date: {
        label: "Missing date",
        explain: "An interaction without a date cannot be placed in time.",
      },
      date_out_of_window: {
        label: "Date outside the plausible window",
        explain: "An interaction dated before {from} or after {to} is set aside.",
      },
      rating_out_of_range: {
        label: "Rating out of range",
        explain:
          "A rating must lie between 0 and 5 stars (0 for a review without a rating); anything else is set aside.",
      },
      exact_duplicate: {
        label: "Exact duplicate",
        explain:
          "A row identical to an earlier one (same user, recipe, date, rating and review) is kept once.",
      },
      unknown_recipe: {
        label: "Unknown recipe",
        explain:
          "An interaction whose recipe id is on no readable row of the recipes file rates nothing the site can show: it is set aside.",
      },
    },
  },
  kept: {
    title: "Kept, with a special treatment",
    question: "Which rows stay in the data but are handled apart?",
    takeaway:
      "Recipes whose negative calories were left empty: {calories}. Interactions that are reviews without a rating: {unrated}.",
    method:
      "A negative calorie count is impossible: the recipe is kept for every other analysis, and its calories are left empty so no average uses them. A rating of 0 means the user wrote a review without rating the recipe: these interactions count in volumes and never in rating statistics.",
    calories: { label: "Negative calories left empty", sub: "{share} of the recipes kept" },
    unrated: { label: "Reviews without a rating", sub: "{share} of the interactions kept" },
  },
  integrity: {
    title: "Interactions and the recipes they rate",
    question: "Do the kept interactions point to kept recipes?",
    takeaway:
      "{onKept} of the {kept} kept interactions ({share}) rate a kept recipe and {onSetAside} rate a recipe a cleaning rule set aside; {unknown} pointing to no recipe of the file were set aside. {before} are dated before their recipe was posted.",
    method:
      "The ingest checks every interaction against the recipes file, and decides case by case. An interaction whose recipe id is nowhere in the file is set aside (rule \"Unknown recipe\"). One whose recipe exists but was set aside by a recipe rule is kept, because the reader's rating is real, and flagged (column recipe_status = set_aside): volumes, users and ratings count it; analyses that relate interactions to recipes use only the kept recipes. One dated before its recipe's submission date is kept and flagged (column before_recipe): the date is suspect but the rating is not.\n\nOn the Overview, interactions, users and ratings count every kept interaction; recipes count the kept recipes.",
    onKept: { label: "On a kept recipe", sub: "{share} of the kept interactions" },
    onSetAside: { label: "On a recipe set aside", sub: "kept, flagged recipe_status = set_aside" },
    unknown: { label: "On no recipe of the file", sub: 'set aside by the rule "Unknown recipe"' },
    before: { label: "Dated before their recipe", sub: "kept, flagged before_recipe" },
  },
  original: {
    title: "Compared with the original app's cleaning",
    question: "How many recipes would the original app's rules have kept?",
    more: "The original app's rules would keep {original} recipes of the same file; ours keep {ours}, {diff} more.",
    fewer:
      "The original app's rules would keep {original} recipes of the same file; ours keep {ours}, {diff} fewer.",
    same: "The original app's rules would keep {original} recipes of the same file, as many as ours.",
    method:
      "The ingest also runs the original app's recipe cleaning on the same file, in its order: unique ids, 1 to 180 minutes, bounds on steps and ingredients from its own 2.5 % and 97.5 % quantiles of the recipes left, name and date present, and no negative calories. Our rules differ in two ways: a recipe with negative calories is kept with its calories left empty (the original drops it), and rows the original would have crashed on or let through (unreadable values, ids out of range, malformed lists or nutrition, dates outside the window) are set aside and counted.",
    ours: { label: "Kept by our rules", sub: "the recipes this site analyses" },
    theirs: { label: "Kept by the original's rules", sub: "same file, its own order and bounds" },
    calories: {
      label: "Kept with calories left empty",
      sub: "negative calories: the original drops these recipes",
    },
  },
  manifest: {
    title: "The dataset snapshot",
    question: "Which files exactly was this site built from?",
    takeaway: "Dataset {id}, created {date}. Source files: {sources}; snapshot files: {files}.",
    method:
      "The ingest writes the manifest last, after every file of the snapshot: a snapshot with a manifest is complete. The SHA-256 checksums identify each file exactly; the build checks them when it copies the snapshot, and anyone can check a copy with a standard tool such as sha256sum.",
    id: "Dataset id",
    created: "Created",
    schema: "Schema version",
    provenance: "Where the data comes from",
    generated:
      "Generated by the project's data generator (version {version}, scale {scale}, seed {seed}), in the shape of Food.com's data: not real recipes.",
    fromFiles: "Ingested from files: {label}.",
    fromFilesUnlabelled: "Ingested from files given without a source label.",
    window: "Plausible dates",
    sources: "Source files",
    files: "Snapshot files",
    columns: { name: "Name", file: "File", rows: "Rows", bytes: "Size", sha256: "SHA-256" },
  },
};
export type DataMessages = typeof data;
