// A cell's result as a table: the rows the engine returned (the first 1,000 at most), 50 a page,
// sorted by a click on a column's header (ascending, then descending; aria-sort says which), with
// previous/next buttons and a line saying which rows show out of how many the query returned.
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { formatInteger } from "../../lib/format.js";
import { el } from "../dom.js";
import { columnKind, compareValues, displayValue } from "./values.js";

export interface ResultColumn {
  name: string;
  type: string;
}

export interface TableInput {
  columns: readonly ResultColumn[];
  rows: readonly Record<string, unknown>[];
  /** Rows of the whole result (may exceed rows.length). */
  rowCount: number;
}

export const PAGE_SIZE = 50;

export function resultsTable(
  input: TableInput,
  { lang, t, label }: { lang: Lang; t: Translate; label: string },
): HTMLElement {
  const { columns, rowCount } = input;
  let rows = [...input.rows];
  let page = 0;
  let sorted: { column: string; descending: boolean } | undefined;
  const pages = () => Math.max(1, Math.ceil(rows.length / PAGE_SIZE));

  const head = el("thead");
  const body = el("tbody");
  const info = el("p", { class: "explore-table__info", "aria-live": "polite" });
  const prev = el(
    "button",
    { type: "button", class: "download-button", "data-action": "previous-page" },
    t("explore.table.previous"),
  );
  const next = el(
    "button",
    { type: "button", class: "download-button", "data-action": "next-page" },
    t("explore.table.next"),
  );
  prev.addEventListener("click", () => {
    page = Math.max(0, page - 1);
    draw();
  });
  next.addEventListener("click", () => {
    page = Math.min(pages() - 1, page + 1);
    draw();
  });

  function sortBy(column: ResultColumn) {
    const descending = sorted?.column === column.name ? !sorted.descending : false;
    sorted = { column: column.name, descending };
    const kind = columnKind(column.type);
    rows = [...input.rows].sort((a, b) => {
      const c = compareValues(a[column.name], b[column.name], kind, lang);
      // Missing values stay last in both directions.
      return a[column.name] == null || b[column.name] == null ? c : descending ? -c : c;
    });
    page = 0;
    draw();
  }

  function drawHead() {
    head.replaceChildren(
      el(
        "tr",
        {},
        columns.map((c) => {
          const numeric = columnKind(c.type) === "number";
          const state = sorted?.column === c.name ? (sorted.descending ? "descending" : "ascending") : null;
          const button = el(
            "button",
            {
              type: "button",
              class: "explore-table__sort",
              title: t("explore.table.sort", { column: c.name }),
            },
            c.name,
            el(
              "span",
              { class: "explore-table__arrow", "aria-hidden": "true" },
              state === "ascending" ? "▲" : state === "descending" ? "▼" : "",
            ),
          );
          button.addEventListener("click", () => sortBy(c));
          return el(
            "th",
            {
              scope: "col",
              class: numeric ? "num" : null,
              "aria-sort": state ?? "none",
              "data-type": c.type,
            },
            button,
          );
        }),
      ),
    );
  }

  function draw() {
    drawHead();
    const start = page * PAGE_SIZE;
    const shown = rows.slice(start, start + PAGE_SIZE);
    body.replaceChildren(
      ...shown.map((row) =>
        el(
          "tr",
          {},
          columns.map((c) =>
            el(
              "td",
              {
                class:
                  [columnKind(c.type) === "number" ? "num" : "", row[c.name] == null ? "is-null" : ""]
                    .join(" ")
                    .trim() || null,
              },
              displayValue(row[c.name], c.type, lang),
            ),
          ),
        ),
      ),
    );
    info.textContent =
      rows.length === 0
        ? t("explore.table.empty")
        : t(rowCount > rows.length ? "explore.table.rangeOf" : "explore.table.range", {
            from: formatInteger(start + 1, lang),
            to: formatInteger(start + shown.length, lang),
            shown: formatInteger(rows.length, lang),
            total: formatInteger(rowCount, lang),
          });
    prev.disabled = page === 0;
    next.disabled = page >= pages() - 1;
  }

  draw();
  const table = el(
    "table",
    { class: "data-table explore-table" },
    el("caption", { class: "sr-only" }, label),
    head,
    body,
  );
  return el(
    "div",
    { class: "explore-results" },
    el(
      "div",
      { class: "table-scroll explore-table__scroll", tabindex: 0, role: "region", "aria-label": label },
      table,
    ),
    el(
      "div",
      { class: "explore-table__pager" },
      info,
      rows.length > PAGE_SIZE ? el("div", { class: "explore-table__buttons" }, prev, next) : null,
    ),
  );
}
