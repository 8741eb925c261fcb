// The six analyses of the Trends page, in the order the page shows them.
import type { Analysis } from "../types.js";
import { complexity } from "./complexity.js";
import { duration } from "./duration.js";
import { ingredients } from "./ingredients.js";
import { nutrition } from "./nutrition.js";
import { tags } from "./tags.js";
import { volume } from "./volume.js";

export const trendsAnalyses: Analysis[] = [volume, duration, complexity, nutrition, ingredients, tags];
