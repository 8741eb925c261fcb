// Horizontal diverging bars of the Weekday / Weekend cards: the nutrition values' relative
// differences and the items' share differences, weekend-leaning to the right. Significant bars
// (after the card's correction) are drawn solid, the others faded, and the legend says so.
import * as Plot from "@observablehq/plot";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";

export interface DivergingRow {
  label: string;
  value: number;
  significant: boolean;
  tip: string;
}

export interface DivergingOptions {
  width: number;
  lang: Lang;
  t: Translate;
  /** Value axis label. */
  label: string;
  tickFormat: (x: number) => string;
  /** Labels of the two sides (left: weekday-leaning, right: weekend-leaning), drawn above the bars. */
  sides?: [string, string];
}

const labelMargin = (labels: readonly string[], width: number) =>
  Math.min(Math.max(70, ...labels.map((s) => s.length * 6.6 + 14)), width * 0.4);

export function divergingBars(
  rows: DivergingRow[],
  { width, lang, label, tickFormat, sides }: DivergingOptions,
): Figure {
  const margin = labelMargin(
    rows.map((r) => r.label),
    width,
  );
  const extent = Math.max(1e-9, ...rows.map((r) => Math.abs(r.value)));
  return plot({
    lang,
    width,
    height: rows.length * 24 + (sides ? 70 : 50),
    marginLeft: margin,
    marginTop: sides ? 34 : 20,
    x: { grid: true, label, domain: [-extent * 1.1, extent * 1.1], tickFormat },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: "value",
        fill: (r: DivergingRow) => (r.value >= 0 ? COLORS.redOrange : COLORS.gold),
        fillOpacity: (r: DivergingRow) => (r.significant ? 0.95 : 0.35),
        title: (r: DivergingRow) => r.tip,
        tip: { format: { x: false, y: false } },
      }),
      // The star sits past the bar's end, on its side of zero.
      ...[true, false].map((right) =>
        Plot.text(
          rows.filter((r) => r.significant && r.value >= 0 === right),
          {
            y: "label",
            x: "value",
            text: () => "*",
            dx: right ? 6 : -6,
            fill: COLORS.textStrong,
            fontSize: 14,
          },
        ),
      ),
      Plot.ruleX([0], { stroke: COLORS.text }),
      ...(sides
        ? ([0, 1] as const).map((i) =>
            Plot.text([sides[i]], {
              x: [-extent * 1.05, extent * 1.05][i],
              text: (d: string) => d,
              frameAnchor: "top",
              dy: -24,
              textAnchor: i === 0 ? "start" : "end",
              fill: COLORS.textMuted,
            }),
          )
        : []),
    ],
  });
}
