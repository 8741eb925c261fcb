// The two Kaggle CSV files as the ingest expects them: column names in order, with the DuckDB type
// each is read as. A value that does not fit its read type makes the row unparsable (a reject with
// line and reason). Ids are read as text and checked by the `id_out_of_range` rule instead, so an
// id too big for its table type is a counted reject, never a failed cast later on.

export interface CsvColumn {
  name: string;
  /** Type DuckDB reads the column as. */
  type: string;
  /** For ids read as text: the type the cleaned table stores (checked by `id_out_of_range`). */
  idType?: "INTEGER" | "BIGINT";
}

export interface CsvSchema {
  /** Conventional file name, used in messages and in the manifest. */
  file: string;
  /** Which table of the report and of rejects.parquet the file feeds. */
  table: "recipes" | "interactions";
  columns: CsvColumn[];
}

export const RECIPES_CSV: CsvSchema = {
  file: "RAW_recipes.csv",
  table: "recipes",
  columns: [
    { name: "name", type: "VARCHAR" },
    { name: "id", type: "VARCHAR", idType: "INTEGER" },
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
  table: "interactions",
  columns: [
    { name: "user_id", type: "VARCHAR", idType: "BIGINT" },
    { name: "recipe_id", type: "VARCHAR", idType: "INTEGER" },
    { name: "date", type: "DATE" },
    { name: "rating", type: "BIGINT" },
    { name: "review", type: "VARCHAR" },
  ],
};
