// A plain, accessible data table for cards: numeric columns right-aligned with tabular figures,
// long identifiers (checksums) allowed to wrap. Values arrive formatted; the table only lays out.
import { el } from "./dom.js";

export interface Column<Row> {
  label: string;
  value: (row: Row) => string | Node;
  /** Right-align (numbers). */
  numeric?: boolean;
  /** Monospace and breakable anywhere (hashes, file names). */
  code?: boolean;
  /** Hidden when the table's card is phone-narrow (a column the others already imply). */
  optional?: boolean;
}

export interface TableOptions {
  caption?: string;
  /** Rows given this class are emphasised (e.g. totals). */
  rowClass?: (index: number) => string | undefined;
}

export function dataTable<Row>(rows: Row[], columns: Column<Row>[], options: TableOptions = {}): HTMLElement {
  const cellClass = (c: Column<Row>) =>
    [c.numeric ? "num" : null, c.code ? "code" : null, c.optional ? "optional" : null]
      .filter(Boolean)
      .join(" ") || null;
  const table = el(
    "table",
    { class: "data-table" },
    options.caption ? el("caption", {}, options.caption) : null,
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        columns.map((c) => el("th", { scope: "col", class: cellClass(c) }, c.label)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row, i) =>
        el(
          "tr",
          { class: options.rowClass?.(i) },
          columns.map((c) => el("td", { class: cellClass(c) }, c.value(row))),
        ),
      ),
    ),
  );
  // The wrapper scrolls sideways on narrow screens instead of squeezing the columns.
  return el("div", { class: "table-scroll" }, table);
}
