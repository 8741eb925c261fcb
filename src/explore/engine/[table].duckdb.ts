// One Explore extract per table of src/lib/explore/tables.ts: src/explore/engine/<table>.duckdb, a
// DuckDB database file holding that table, which the Explore page attaches read-only in
// DuckDB-Wasm (data-loaders/explore/).
import { printExtract } from "../../../data-loaders/explore/loader.js";

await printExtract(process.argv);
