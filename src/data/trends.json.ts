// Data of the Trends page (trendsDataSchema / TrendsData in src/lib/contracts/trends.ts), checked
// against that contract before it is printed. The work is in data-loaders/analyses/trends/.
import { printPageData } from "../../data-loaders/analyses/page-data.js";

await printPageData("trends");
