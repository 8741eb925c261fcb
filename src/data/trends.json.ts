// Data of the Trends page (TrendsData in src/lib/contracts/trends.ts). The work is in data-loaders/analyses/trends/.
import { printPageData } from "../../data-loaders/analyses/page-data.js";

await printPageData("trends");
