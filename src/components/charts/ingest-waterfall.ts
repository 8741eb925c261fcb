// The ingest waterfall of one table (Data & methods page): rows read, each cleaning rule's removal
// as a step down, rows kept. Horizontal, so the translated rule names have room on phones too.
import * as Plot from "@observablehq/plot";
import type { TableReport } from "../../lib/contracts/manifest.js";
import { formatInteger } from "../../lib/format.js";
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { plot, type Figure } from "../plot.js";
import { COLORS } from "../theme.js";

export interface WaterfallStep {
  /** "rowsIn", a rule id, or "rowsOut". */
  step: string;
  label: string;
  kind: "total" | "removed";
  /** Rows removed by a rule, or the total. */
  rows: number;
  /** The bar spans [from, to]: a removal goes from the rows left after it to the rows before it. */
  from: number;
  to: number;
}

/** The bars of the waterfall, in order; also the rows of the card's table and CSV. */
export function waterfallSteps(
  report: TableReport,
  ruleLabel: (rule: string) => string,
  t: Translate,
): WaterfallStep[] {
  const total = (step: string, label: string, rows: number): WaterfallStep => ({
    step,
    label,
    kind: "total",
    rows,
    from: 0,
    to: rows,
  });
  const steps = [total("rowsIn", t("data.report.rowsIn"), report.rowsIn)];
  let left = report.rowsIn;
  for (const { rule, removed } of report.rules) {
    steps.push({
      step: rule,
      label: ruleLabel(rule),
      kind: "removed",
      rows: removed,
      from: left - removed,
      to: left,
    });
    left -= removed;
  }
  steps.push(total("rowsOut", t("data.report.rowsOut"), report.rowsOut));
  return steps;
}

/** Rows of a step: a removal is negative ("−18,482"), a removal of none is a plain "0". */
export function stepRows(d: WaterfallStep, lang: Lang): string {
  return d.kind === "removed" && d.rows > 0
    ? `\u2212${formatInteger(d.rows, lang)}`
    : formatInteger(d.rows, lang);
}

export interface WaterfallOptions {
  width: number;
  lang: Lang;
  t: Translate;
}

export function ingestWaterfall(steps: WaterfallStep[], { width, lang, t }: WaterfallOptions): Figure {
  // Narrow charts put each step's name above its bar instead of in a left margin.
  const narrow = width < 560;
  const rowHeight = narrow ? 52 : 34;
  const tip = (d: WaterfallStep) => t("data.report.tip", { step: d.label, rows: stepRows(d, lang) });
  return plot({
    lang,
    width,
    height: steps.length * rowHeight + 44,
    marginTop: narrow ? 30 : 10,
    marginLeft: narrow ? 4 : 230,
    marginRight: 76,
    x: { grid: true, label: t("common.axis.rows"), nice: true, ticks: narrow ? 3 : 6 },
    y: {
      domain: steps.map((d) => d.label),
      label: null,
      axis: narrow ? null : "left",
      tickSize: 0,
      padding: narrow ? 0.5 : 0.3,
    },
    marks: [
      Plot.barX(steps, {
        y: "label",
        x1: "from",
        x2: "to",
        fill: (d: WaterfallStep) => (d.kind === "total" ? COLORS.orange : COLORS.redOrange),
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.text(steps, {
        y: "label",
        x: "to",
        text: (d: WaterfallStep) => stepRows(d, lang),
        dx: 6,
        textAnchor: "start",
        fill: COLORS.text,
      }),
      narrow
        ? Plot.text(steps, {
            y: "label",
            x: 0,
            text: "label",
            textAnchor: "start",
            dy: -(rowHeight * 0.25 + 9),
            fill: COLORS.textMuted,
          })
        : null,
      Plot.ruleX([0], { stroke: COLORS.textMuted }),
    ],
  });
}
