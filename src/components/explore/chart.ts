// A chart of a cell's result that the reader picks: bar, line, dot or histogram, with x and y chosen
// among the result's columns. Defaults follow the column types: a date or a many-valued number
// first draws a line over time, text first draws bars of the first number after it, a lone number
// draws its histogram. Drawn with the site's Plot wrapper (theme, language formats).
import * as Plot from "@observablehq/plot";
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { el } from "../dom.js";
import { plot } from "../plot.js";
import { COLORS } from "../theme.js";
import type { ResultColumn } from "./results-table.js";
import { chartValue, columnKind } from "./values.js";

export const CHART_TYPES = ["bar", "line", "dot", "histogram"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartChoice {
  type: ChartType;
  x: string;
  /** Unused by the histogram. */
  y?: string;
}

/** The chart a result opens with, or undefined when it has no column worth drawing. */
export function defaultChart(
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
): ChartChoice | undefined {
  if (columns.length === 0 || rows.length === 0) return undefined;
  const kinds = columns.map((c) => columnKind(c.type));
  const numbers = columns.filter((_, i) => kinds[i] === "number");
  const [first] = columns;
  const firstKind = kinds[0];
  const yAfter = columns.slice(1).find((c) => columnKind(c.type) === "number");
  if (columns.length === 1 || !yAfter) {
    const n = numbers[0];
    // A lone number: its histogram; no number at all: how often each value of the first column occurs.
    return { type: "histogram", x: (n ?? first).name };
  }
  if (firstKind === "temporal") return { type: "line", x: first.name, y: yAfter.name };
  if (firstKind === "number") {
    const distinct = new Set(rows.map((r) => r[first.name])).size;
    return { type: distinct >= 13 ? "line" : "bar", x: first.name, y: yAfter.name };
  }
  return { type: "bar", x: first.name, y: yAfter.name };
}

function marks(
  choice: ChartChoice,
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
): { marks: Plot.Markish[]; options: Partial<Plot.PlotOptions> } {
  const col = (name: string | undefined) => columns.find((c) => c.name === name);
  const xCol = col(choice.x)!;
  const xKind = columnKind(xCol.type);
  const x = (r: Record<string, unknown>) => chartValue(r[xCol.name], xKind);
  if (choice.type === "histogram") {
    const data = rows.map(x).filter((v) => v != null);
    if (xKind === "number" || xKind === "temporal")
      return {
        marks: [
          Plot.rectY(data, {
            ...Plot.binX({ y: "count" }, { x: (d: unknown) => d as number }),
            fill: COLORS.orange,
            tip: true,
          }),
          Plot.ruleY([0]),
        ],
        options: { x: { label: xCol.name }, y: { label: "count", grid: true } },
      };
    // Text: a count per value, as bars.
    return {
      marks: [
        Plot.barX(
          data,
          Plot.groupY(
            { x: "count" },
            { y: (d: unknown) => d, fill: COLORS.orange, sort: { y: "-x" }, tip: true },
          ),
        ),
        Plot.ruleX([0]),
      ],
      options: { y: { label: xCol.name }, x: { label: "count", grid: true }, marginLeft: 120 },
    };
  }
  const yCol = col(choice.y) ?? xCol;
  const yKind = columnKind(yCol.type);
  const y = (r: Record<string, unknown>) => chartValue(r[yCol.name], yKind);
  const data = rows.filter((r) => x(r) != null && y(r) != null);
  const labels = { x: { label: xCol.name }, y: { label: yCol.name, grid: true } };
  if (choice.type === "line") {
    const sorted = [...data].sort((a, b) => Number(x(a) as number) - Number(x(b) as number));
    return {
      marks: [Plot.lineY(sorted, { x, y, stroke: COLORS.orange, strokeWidth: 2, tip: true })],
      options: labels,
    };
  }
  if (choice.type === "dot")
    return { marks: [Plot.dot(data, { x, y, fill: COLORS.orange, r: 3, tip: true })], options: labels };
  // Bars: text or few values along x as bands; a numeric y from zero.
  if (xKind === "text" || xKind === "boolean")
    return {
      marks: [Plot.barX(data, { y: x, x: y, fill: COLORS.orange, tip: true }), Plot.ruleX([0])],
      options: {
        y: { label: xCol.name, domain: [...new Set(data.map((r) => x(r) as string))] },
        x: { label: yCol.name, grid: true },
        marginLeft: 120,
      },
    };
  return {
    marks: [Plot.barY(data, { x, y, fill: COLORS.orange, tip: true }), Plot.ruleY([0])],
    options: { x: { label: xCol.name, type: "band" }, y: { label: yCol.name, grid: true } },
  };
}

/** The chart alone (the picker redraws it). Throws Plot's error for a choice it cannot draw. */
export function drawChart(
  choice: ChartChoice,
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
  { lang, width }: { lang: Lang; width: number },
): Element {
  const { marks: m, options } = marks(choice, columns, rows);
  const bands = options.y && "domain" in options.y ? (options.y.domain as unknown[]).length : 0;
  return plot({
    lang,
    width,
    height: bands ? Math.min(1200, Math.max(240, bands * 18 + 60)) : 320,
    marks: m,
    ...options,
  });
}

/** Selectors (type, x, y) and the chart; `width` follows the container. */
export function chartPanel(
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
  { lang, t, idPrefix }: { lang: Lang; t: Translate; idPrefix: string },
): HTMLElement | null {
  let choice = defaultChart(columns, rows);
  if (!choice) return null;
  const select = (name: string, label: string, options: [string, string][], value: string | undefined) => {
    const id = `${idPrefix}-${name}`;
    const s = el(
      "select",
      { id, "data-chart": name },
      options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)),
    );
    return {
      control: s,
      field: el("label", { class: "explore-chart__field", for: id }, el("span", {}, label), s),
    };
  };
  const typeSel = select(
    "type",
    t("explore.chart.type"),
    CHART_TYPES.map((c) => [c, t(`explore.chart.types.${c}`)]),
    choice.type,
  );
  const cols: [string, string][] = columns.map((c) => [c.name, c.name]);
  const xSel = select("x", t("explore.chart.x"), cols, choice.x);
  const ySel = select(
    "y",
    t("explore.chart.y"),
    cols,
    choice.y ?? columns.find((c) => c.name !== choice!.x)?.name,
  );
  const figure = el("div", { class: "explore-chart__figure" });
  const panel = el(
    "div",
    { class: "explore-chart" },
    el("div", { class: "explore-chart__controls" }, typeSel.field, xSel.field, ySel.field),
    figure,
  );

  const draw = () => {
    ySel.field.hidden = choice!.type === "histogram";
    const width = Math.max(280, figure.clientWidth || panel.clientWidth || 640);
    try {
      figure.replaceChildren(drawChart(choice!, columns, rows, { lang, width }));
    } catch (error) {
      figure.replaceChildren(
        el(
          "p",
          { class: "explore-cell__error" },
          t("explore.chart.error", { message: (error as Error).message }),
        ),
      );
    }
  };
  const update = () => {
    choice = { type: typeSel.control.value as ChartType, x: xSel.control.value, y: ySel.control.value };
    draw();
  };
  for (const s of [typeSel.control, xSel.control, ySel.control]) s.addEventListener("change", update);
  // Drawn once the panel is in the page and has a width, then again when the width changes.
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    const w = figure.clientWidth;
    if (w && Math.abs(w - lastWidth) > 8) {
      lastWidth = w;
      draw();
    }
  });
  observer.observe(figure);
  return panel;
}
