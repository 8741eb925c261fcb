// CSV text of plain row objects, for the cards' "Data (CSV)" downloads, written by arquero.
//
// Why the deep import: Framework's bundler ignores arquero's package.json "browser" field, so the
// package entry ("arquero") drags node:fs/promises and node:stream into the page and the module
// fails to load in the browser. arquero's table module alone has no Node imports.
import { from } from "arquero/src/table/index.js";

/** Columns in the first row's key order; dates as ISO strings, missing values empty. */
export function toCsv(rows: readonly object[]): string {
  return from(rows as object[]).toCSV();
}
