// Data of the Overview and Data & methods pages (overviewDataSchema / OverviewData in
// src/lib/contracts/overview.ts), checked against that contract before it is printed. The work is
// in data-loaders/analyses/overview/.
import { printPageData } from "../../data-loaders/analyses/page-data.js";

await printPageData("overview");
