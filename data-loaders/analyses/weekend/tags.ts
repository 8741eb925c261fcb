// weekend/tags: see _items.ts (structural tags are left out of the full-span summary, as on the page by default).
import { itemsAnalysis } from "./_items.js";

export default itemsAnalysis("tags");
