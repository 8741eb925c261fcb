// weekend/ingredients: see _items.ts.
import { itemsAnalysis } from "./_items.js";

export default itemsAnalysis("ingredients");
