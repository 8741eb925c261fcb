// Rows and extract sizes of the Explore tables (data-loaders/explore/loader.ts).
import { printTablesInfo } from "../../../data-loaders/explore/loader.js";

await printTablesInfo();
