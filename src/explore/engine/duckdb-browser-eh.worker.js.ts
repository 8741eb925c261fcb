// DuckDB-Wasm's Web Worker for the eh build, served by the site under a content-hashed name.
import { printDuckDBAsset } from "../../../data-loaders/explore/loader.js";

await printDuckDBAsset("duckdb-browser-eh.worker.js");
