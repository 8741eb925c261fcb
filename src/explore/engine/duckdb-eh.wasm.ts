// DuckDB-Wasm's engine (the "eh" build: wasm exceptions, in every current browser), served by the
// site under a content-hashed name: nothing is fetched from elsewhere.
import { printDuckDBAsset } from "../../../data-loaders/explore/loader.js";

await printDuckDBAsset("duckdb-eh.wasm");
