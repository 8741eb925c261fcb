// The tables a reader can query on the Explore page: the snapshot's tables under the names the
// analyses use, with the columns chosen for the browser. This list is the data contract between the
// build (which writes one DuckDB database file per table from the snapshot's Parquet, keeping
// exactly these columns in this order), the Explore page (which loads a table on first use and completes
// its column names) and the "open in Explore" check (an analysis whose SQL needs a column left out
// here cannot run on the extracts, and its card says so). Types are DuckDB's, as in the Parquet.
//
// Left out, and why: long free text the browser does not need to answer questions about volumes,
// times and ratings (`recipes.steps`, `recipes.description`, `interactions.review`), and the parsed
// lists of `recipes` (`tags`, `ingredients`), which are the rows of `recipe_tags` and
// `recipe_ingredients` already.

export interface ExploreColumn {
  name: string;
  /** DuckDB type of the column, as in the snapshot's Parquet. */
  type: string;
}

export interface ExploreTable {
  name: string;
  columns: readonly ExploreColumn[];
}

const columns = (spec: string): ExploreColumn[] =>
  spec
    .trim()
    .split(/\s*,\s*/)
    .map((pair) => {
      const [name, type] = pair.split(":");
      return { name, type };
    });

export const EXPLORE_TABLES: readonly ExploreTable[] = [
  {
    name: "recipes",
    columns: columns(`id:INTEGER, name:VARCHAR, minutes:INTEGER, contributor_id:BIGINT, submitted:DATE,
      n_steps:INTEGER, n_ingredients:INTEGER, calories:DOUBLE, total_fat_pct:DOUBLE, sugar_pct:DOUBLE,
      sodium_pct:DOUBLE, protein_pct:DOUBLE, sat_fat_pct:DOUBLE, carb_pct:DOUBLE, year:INTEGER,
      month:INTEGER, day:INTEGER, weekday:INTEGER, is_weekend:BOOLEAN, season:VARCHAR,
      complexity_score:DOUBLE`),
  },
  {
    name: "interactions",
    columns: columns(`user_id:BIGINT, recipe_id:INTEGER, date:DATE, rating:TINYINT, year:INTEGER,
      month:INTEGER, day:INTEGER, weekday:INTEGER, is_weekend:BOOLEAN, season:VARCHAR,
      recipe_status:VARCHAR, before_recipe:BOOLEAN`),
  },
  { name: "recipe_ingredients", columns: columns(`recipe_id:INTEGER, position:INTEGER, ingredient:VARCHAR`) },
  { name: "recipe_tags", columns: columns(`recipe_id:INTEGER, position:INTEGER, tag:VARCHAR`) },
  {
    name: "rejects",
    columns: columns(`table:VARCHAR, rule:VARCHAR, source_file:VARCHAR, source_line:INTEGER,
      column_name:VARCHAR, detail:VARCHAR`),
  },
];

export const EXPLORE_TABLE_NAMES = EXPLORE_TABLES.map((t) => t.name);
