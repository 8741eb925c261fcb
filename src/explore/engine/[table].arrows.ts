// One Explore extract per table of src/lib/explore/tables.ts: src/explore/engine/<table>.arrows, an
// Arrow IPC stream the Explore page loads into DuckDB-Wasm (data-loaders/explore/).
import { printExtract } from "../../../data-loaders/explore/loader.js";

await printExtract(process.argv);
