// The Data & methods page: the ingest report, the cleaning rules in words, the dataset manifest.
export const data = {
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
      "The rules run in the order shown. Each one counts the rows it removes among those left by the rules before it, so the counts add up: rows read minus every removal equals rows kept. Set-aside rows are not lost: the ingest writes them to a rejects file with the rule that removed them.",
    rowsIn: "Rows read",
    rowsOut: "Rows kept",
    columns: { step: "Step", rows: "Rows", share: "Share of rows read", remaining: "Rows left" },
    tip: "{step}: {rows}",
  },
  rules: {
    title: "The cleaning rules, in words",
    question: "What does each rule do, and with which bounds?",
    takeaway:
      "A recipe is kept when it takes {minutesMin} to {minutesMax} minutes, has {stepsMin} to {stepsMax} steps and {ingredientsMin} to {ingredientsMax} ingredients.",
    method:
      "The bounds are those the ingest actually used for this dataset, read from its report. The bounds on steps and ingredients are quantiles of the recipes left after the time rule: they set aside the rare extremes without a hand-picked threshold.",
    recipes: "Recipes",
    interactions: "Interactions",
    removed: "Rows set aside: {n}",
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
    },
    interaction: {
      unparsable_row: {
        label: "Unreadable row",
        explain: "A line of the CSV file that cannot be parsed is set aside.",
      },
      missing_date: {
        label: "Missing date",
        explain: "An interaction without a date cannot be placed in time.",
      },
      rating_out_of_range: {
        label: "Rating out of range",
        explain:
          "A rating must be a whole number of stars, or 0 for a review without a rating; anything else is set aside.",
      },
      exact_duplicate: {
        label: "Exact duplicate",
        explain:
          "A row identical to an earlier one (same user, recipe, date, rating and review) is kept once.",
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
  manifest: {
    title: "The dataset snapshot",
    question: "Which files exactly was this site built from?",
    takeaway: "Dataset {id}, created {date}. Source files: {sources}; snapshot files: {files}.",
    method:
      "The ingest writes the manifest last, after every file of the snapshot: a snapshot with a manifest is complete. The SHA-256 checksums identify each file exactly; the build checks them when it copies the snapshot, and anyone can check a copy with a standard tool such as sha256sum.",
    id: "Dataset id",
    created: "Created",
    schema: "Schema version",
    sources: "Source files",
    files: "Snapshot files",
    columns: { name: "Name", file: "File", rows: "Rows", bytes: "Size", sha256: "SHA-256" },
  },
};
export type DataMessages = typeof data;
