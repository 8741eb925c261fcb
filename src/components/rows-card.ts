// The card of a SQL analysis (a `.sql` file in data-loaders/analyses/<page>/): its rows as a chart
// chosen from their columns (charts/rows.ts), a small table of every row, the takeaway sentence
// filled from the rows (the highest and lowest value), the method, and the rows as CSV. It is
// what `npm run new:page` and `npm run new:analysis` put on a page: a card that works for any
// query, until the author gives the analysis a chart of its own.
import type { Lang } from "../lib/i18n/index.js";
import { analysisCard } from "./card.js";
import { formatNumber } from "../lib/format.js";
import { el } from "./dom.js";
import {
  formatCell,
  rowsChart,
  rowsShape,
  summarizeRows,
  type Row,
  type RowsSummary,
} from "./charts/rows.js";
import { dataTable } from "./table.js";

export type { Row, RowsSummary } from "./charts/rows.js";

export interface RowsCardOptions {
  /** Stable anchor id, lower-case words joined by hyphens (the analysis's file name). */
  id: string;
  rows: readonly Row[];
  lang: Lang;
  title: string;
  question?: string;
  method: string;
  /** The sentence from the catalogue, filled with the rows' summary: (p) => t("….takeaway", p). */
  takeaway: (summary: RowsSummary) => string;
  /**
   * Framework's `resize` (pass it from the page): the chart then follows the card's width.
   * Without it the chart is drawn at `width`.
   */
  resize?: (render: (width: number) => Node) => Node;
  width?: number;
  color?: string;
  /** The analysis (`<page>/<key>`): the card offers "Open in Explore" on its query (card.ts). */
  analysis?: string;
}

/** Rows shown in the table before it scrolls (all of them are in the CSV). */
const TABLE_HEIGHT_PX = 320;

export function rowsCard(options: RowsCardOptions): HTMLElement {
  const { id, rows, lang, title, question, method, takeaway, resize, width = 640, color, analysis } = options;
  if (!Array.isArray(rows))
    throw new Error(`rowsCard "${id}": rows is not a list of rows (got ${typeof rows}).`);
  const shape = rowsShape(rows);
  const summary = summarizeRows(rows, lang);
  const draw = (w: number) => rowsChart(rows, { width: w, lang, color });
  const table = dataTable(
    [...rows],
    shape.columns.map((column, i) => ({
      label: column,
      numeric: rows.some((r) => typeof r[column] === "number"),
      // The first column labels the rows (years, categories); the others are measures.
      value: (row: Row) =>
        i > 0 && typeof row[column] === "number"
          ? formatNumber(row[column], lang)
          : formatCell(row[column], lang),
    })),
  );
  return analysisCard({
    id,
    analysis,
    lang,
    title,
    question,
    takeaway: takeaway(summary),
    body: [
      resize ? resize(draw) : draw(width),
      el(
        "div",
        { class: "rows-card__table", style: `max-height: ${TABLE_HEIGHT_PX}px; overflow-y: auto` },
        table,
      ),
    ],
    method,
    data: rows,
    filename: `${id}-${lang}`,
    layout: "split",
  });
}
