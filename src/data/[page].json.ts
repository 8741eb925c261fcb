// The one data loader of the site: src/data/<page>.json is the data of the analyses in
// data-loaders/analyses/<page>/, computed and checked against their contracts (docs/authoring.md).
// Framework runs it with `--page=<page>` for each data file a page attaches.
import { printPageData } from "../../data-loaders/analyses/page-data.js";

await printPageData(process.argv);
