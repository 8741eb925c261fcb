// The SQL every Ratings analysis shares: counts of each rating value 0–5 as one list column.
// Every interaction counts (recipes kept or set aside, dated before their recipe or not): ratings
// are the reader's, whatever a recipe rule decided (docs/data.md, "Integrity").
import { STARS } from "../../../src/lib/ratings/keys.js";

/** `[count(rating = 0), …, count(rating = 5)]` as INTEGER[]: a group with no 4★ still lists 0. */
export const STAR_COUNTS = `[${STARS.map((k) => `count(*) FILTER (WHERE rating = ${k})::INTEGER`).join(", ")}]`;

/** The same list from pre-aggregated rows `(rating, n)`: `[Σn where rating = 0, …]`. */
export const STAR_SUMS = `[${STARS.map((k) => `coalesce(sum(n) FILTER (WHERE rating = ${k}), 0)::INTEGER`).join(", ")}]`;
