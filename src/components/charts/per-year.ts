// A small bar chart of a yearly count (recipes or interactions per year), for the Overview.
import * as Plot from "@observablehq/plot";
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { plot, type Figure } from "../plot.js";
import { COLORS } from "../theme.js";

export interface YearCount {
  year: number;
  n: number;
}

export interface PerYearOptions {
  width: number;
  height?: number;
  lang: Lang;
  /** Axis label of the counts. */
  label: string;
  /** Tooltip text of one bar, e.g. (d) => t("overview.charts.recipes.tip", { year: String(d.year), n: d.n }). */
  tip: (d: YearCount) => string;
  t: Translate;
  color?: string;
}

export function perYearChart(
  data: YearCount[],
  { width, height = 220, lang, label, tip, t, color = COLORS.orange }: PerYearOptions,
): Figure {
  const years = data.map((d) => d.year);
  // One tick every five years (every other year on wide charts) keeps the labels readable.
  const step = width < 520 ? 5 : 2;
  return plot({
    lang,
    width,
    height,
    marginLeft: 48,
    x: {
      type: "band",
      domain: years,
      ticks: years.filter((y) => y % step === 0),
      label: t("common.axis.year"),
      labelAnchor: "right",
      tickSize: 0,
      padding: 0.15,
    },
    y: { grid: true, label, nice: true },
    marks: [
      Plot.barY(data, {
        x: "year",
        y: "n",
        fill: color,
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleY([0], { stroke: COLORS.textMuted }),
    ],
  });
}

/** The busiest and quietest years and the total, for the chart's takeaway sentence. */
export function yearSummary(
  data: YearCount[],
): { peak: YearCount; low: YearCount; total: number } | undefined {
  if (data.length === 0) return undefined;
  let peak = data[0];
  let low = data[0];
  let total = 0;
  for (const d of data) {
    if (d.n > peak.n) peak = d;
    if (d.n < low.n) low = d;
    total += d.n;
  }
  return { peak, low, total };
}
