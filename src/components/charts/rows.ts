// A chart for the rows of a SQL analysis (data-loaders/analyses/sql.ts), chosen from their columns:
// the first column is x, the first numeric column after it is y. A numeric or date x with many
// values draws a line (a trend over years or days); anything else draws bars — vertical for a few
// numbers (months, weekdays), horizontal for categories so long labels stay readable. The shape
// and the summary (highest and lowest y) are pure functions, so the takeaway sentence and tests
// share them with the chart.
import * as Plot from "@observablehq/plot";
import { formatDate, formatNumber, MISSING } from "../../lib/format.js";
import type { Lang } from "../../lib/i18n/index.js";
import { plot, type Figure } from "../plot.js";
import { COLORS } from "../theme.js";

/** One row of a SQL analysis: a flat object of JSON scalars. */
export type Row = Record<string, number | string | boolean | null>;

export type XKind = "number" | "date" | "category";

export interface RowsShape {
  /** Every column, in the query's order. */
  columns: string[];
  x: string;
  /** The first numeric column after x; undefined when there is none (a table only). */
  y: string | undefined;
  xKind: XKind;
  mark: "line" | "bars";
}

/** From this many distinct x values on, a numeric or date x draws a line rather than bars. */
export const LINE_MIN_POINTS = 13;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

const present = <T>(values: T[]) => values.filter((v) => v !== null && v !== undefined);

function isNumericColumn(rows: readonly Row[], column: string): boolean {
  const values = present(rows.map((r) => r[column]));
  return values.length > 0 && values.every((v) => typeof v === "number");
}

/** How the rows will be drawn. Throws when there are no rows or no columns (nothing to draw). */
export function rowsShape(rows: readonly Row[]): RowsShape {
  if (rows.length === 0) throw new Error("rows chart: the query returned no rows.");
  const columns = Object.keys(rows[0]);
  if (columns.length === 0) throw new Error("rows chart: the rows have no columns.");
  const [x, ...others] = columns;
  const y = others.find((c) => isNumericColumn(rows, c));
  const xs = present(rows.map((r) => r[x]));
  const xKind: XKind =
    xs.length > 0 && xs.every((v) => typeof v === "number")
      ? "number"
      : xs.length > 0 && xs.every((v) => typeof v === "string" && ISO_DATE.test(v))
        ? "date"
        : "category";
  const distinct = new Set(xs).size;
  const mark = xKind !== "category" && distinct >= LINE_MIN_POINTS ? "line" : "bars";
  return { columns, x, y, xKind, mark };
}

/**
 * A cell for a sentence or a table. Whole numbers print as they are: in a query's rows they are
 * mostly labels (years, months, ids), which grouping would turn into "2,007"; use formatNumber
 * for measures. Dates print in the language, other numbers with its decimal sign.
 */
export function formatCell(value: Row[string] | undefined, lang: Lang): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatNumber(value, lang);
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDate(value, lang);
  return String(value);
}

/** What a takeaway template can say, every value formatted for the language. */
export interface RowsSummary {
  /** The y column's name. */
  column: string;
  /** x of the row with the highest y (the first such row), and that y. */
  x: string;
  value: string;
  /** x of the row with the lowest y, and that y. */
  lowX: string;
  lowValue: string;
  /** The number of rows. */
  rows: string;
}

/** The highest and lowest y of the rows; throws when there is no numeric column to compare. */
export function summarizeRows(rows: readonly Row[], lang: Lang): RowsSummary {
  const shape = rowsShape(rows);
  const { x, y } = shape;
  if (!y) {
    throw new Error(
      `rows chart: no numeric column after "${x}" (columns: ${shape.columns.join(", ")}); the chart and the takeaway need one.`,
    );
  }
  let high: Row | undefined;
  let low: Row | undefined;
  for (const row of rows) {
    const v = row[y];
    if (typeof v !== "number") continue;
    if (!high || v > (high[y] as number)) high = row;
    if (!low || v < (low[y] as number)) low = row;
  }
  // isNumericColumn guarantees at least one number.
  const h = high as Row;
  const l = low as Row;
  return {
    column: y,
    x: formatCell(h[x], lang),
    value: formatNumber(h[y] as number, lang),
    lowX: formatCell(l[x], lang),
    lowValue: formatNumber(l[y] as number, lang),
    rows: formatNumber(rows.length, lang),
  };
}

export interface RowsChartOptions {
  width: number;
  lang: Lang;
  color?: string;
}

/** The chart of the rows (see the module's comment for the choice of mark). */
export function rowsChart(
  rows: readonly Row[],
  { width, lang, color = COLORS.orange }: RowsChartOptions,
): Figure {
  const shape = rowsShape(rows);
  const { x, y, xKind, mark } = shape;
  if (!y)
    throw new Error(`rows chart: no numeric column after "${x}" (columns: ${shape.columns.join(", ")}).`);
  // Dates become Date objects on a time axis only; bars keep them as labels.
  const data =
    xKind === "date" && mark === "line"
      ? rows.map((r) => ({ ...r, [x]: new Date(String(r[x])) }))
      : [...rows];
  const values = present(rows.map((r) => r[y])) as number[];
  const zero = Math.min(...values) >= 0 ? [Plot.ruleY([0], { stroke: COLORS.textMuted })] : [];
  if (mark === "line") {
    return plot({
      lang,
      width,
      height: 260,
      x: { label: x, type: xKind === "date" ? "utc" : "linear" },
      y: { label: y, grid: true, nice: true, zero: values.every((v) => v >= 0) },
      marks: [
        ...zero,
        Plot.lineY(data, { x, y, stroke: color, strokeWidth: 2 }),
        Plot.dotY(data, { x, y, fill: color, r: 2.5, tip: true }),
      ],
    });
  }
  if (xKind === "category") {
    // Horizontal bars in the query's order: the author's ORDER BY decides what comes first.
    const labels = rows.map((r) => formatCell(r[x], lang));
    const longest = Math.max(...labels.map((l) => l.length));
    return plot({
      lang,
      width,
      height: Math.max(140, 22 * rows.length + 48),
      marginLeft: Math.min(200, 16 + 7 * longest),
      x: { label: y, grid: true, nice: true },
      y: {
        label: null,
        type: "band",
        domain: rows.map((r) => r[x]),
        tickFormat: (v: Row[string]) => formatCell(v, lang),
      },
      marks: [
        Plot.barX(data, { x: y, y: x, fill: color, tip: true }),
        Plot.ruleX([0], { stroke: COLORS.textMuted }),
      ],
    });
  }
  return plot({
    lang,
    width,
    height: 260,
    x: {
      label: x,
      type: "band",
      domain: rows.map((r) => r[x]),
      tickFormat: (v: Row[string]) => formatCell(v, lang),
      padding: 0.15,
    },
    y: { label: y, grid: true, nice: true },
    marks: [Plot.barY(data, { x, y, fill: color, tip: true }), ...zero],
  });
}
