// The SQL behind each analysis card of one page data, for "open in Explore" (docs/explore.md):
// explore/queries/<page>.json. The build writes it while computing the page's data; Framework runs
// this loader only where the build did not (the dev preview).
import { printPageQueries } from "../../../data-loaders/explore/queries-loader.js";

await printPageQueries(process.argv);
