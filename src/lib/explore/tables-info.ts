// src/explore/engine/tables.json: what the build wrote for the Explore page (data-loaders/explore/).
// The engine reads it for the size of each extract, so that loading progress has a total even
// when the server sends the file compressed.
export interface ExploreTablesInfo {
  datasetId: string;
  tables: { name: string; rows: number; bytes: number }[];
}
