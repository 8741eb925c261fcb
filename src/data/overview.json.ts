// Data of the Overview and Data & methods pages (OverviewData). The work is in data-loaders/.
import { printPageData } from "../../data-loaders/analyses/page-data.js";

await printPageData("overview");
