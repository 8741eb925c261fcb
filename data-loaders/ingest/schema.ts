// The two Kaggle CSV files as the ingest expects them: column names in order, with the DuckDB type
// each is read as. A value that does not fit its type makes the row a reject (with line and reason).

export interface CsvColumn {
  name: string;
  type: string;
}

export interface CsvSchema {
  /** Conventional file name, used in messages and in the manifest. */
  file: string;
  columns: CsvColumn[];
}

export const RECIPES_CSV: CsvSchema = {
  file: "RAW_recipes.csv",
  columns: [
    { name: "name", type: "VARCHAR" },
    { name: "id", type: "BIGINT" },
    { name: "minutes", type: "BIGINT" },
    { name: "contributor_id", type: "BIGINT" },
    { name: "submitted", type: "DATE" },
    { name: "tags", type: "VARCHAR" },
    { name: "nutrition", type: "VARCHAR" },
    { name: "n_steps", type: "BIGINT" },
    { name: "steps", type: "VARCHAR" },
    { name: "description", type: "VARCHAR" },
    { name: "ingredients", type: "VARCHAR" },
    { name: "n_ingredients", type: "BIGINT" },
  ],
};

export const INTERACTIONS_CSV: CsvSchema = {
  file: "RAW_interactions.csv",
  columns: [
    { name: "user_id", type: "BIGINT" },
    { name: "recipe_id", type: "BIGINT" },
    { name: "date", type: "DATE" },
    { name: "rating", type: "BIGINT" },
    { name: "review", type: "VARCHAR" },
  ],
};
