// Charts of the Volume card: recipes per year as bars (optional value labels), and the normal
// Q-Q plot of the yearly counts with its fitted reference line.
import * as Plot from "@observablehq/plot";
import type { QQSummary, YearCount } from "../../../lib/contracts/trends.js";
import { formatInteger, formatNumber } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { yearTicks } from "./axes.js";

export interface VolumeChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
  /** Print each bar's count above it. */
  showValues?: boolean;
}

export function volumeBars(
  rows: YearCount[],
  { width, height = 320, lang, t, showValues = true }: VolumeChartOptions,
): Figure {
  const years = rows.map((d) => d.year);
  const tip = (d: YearCount) =>
    t("trends.volume.bars.tip", { year: String(d.year), n: formatInteger(d.n, lang) });
  // Labels rotate when bars get narrower than a five-digit count.
  const crowded = width / Math.max(rows.length, 1) < 44;
  return plot({
    lang,
    width,
    height,
    marginTop: showValues ? 28 : 24,
    x: {
      type: "band",
      domain: years,
      ticks: yearTicks(years, width),
      label: t("common.axis.year"),
      labelAnchor: "right",
      tickSize: 0,
      padding: 0.15,
    },
    y: { grid: true, label: t("trends.volume.bars.y"), nice: true },
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "n",
        fill: COLORS.orange,
        fillOpacity: 0.85,
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      showValues
        ? Plot.text(rows, {
            x: "year",
            y: "n",
            text: (d: YearCount) => formatInteger(d.n, lang),
            dy: crowded ? -4 : -6,
            rotate: crowded ? -90 : 0,
            textAnchor: crowded ? "start" : "middle",
            lineAnchor: "bottom",
            fill: COLORS.text,
            fontSize: 10,
          })
        : null,
      Plot.ruleY([0], { stroke: COLORS.textMuted }),
    ],
  });
}

export interface QQChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

export function qqPlot(qq: QQSummary, { width, height = 320, lang, t }: QQChartOptions): Figure {
  const xs = qq.points.map((p) => p.theoretical);
  const ys = qq.points.map((p) => p.sample);
  const ends = [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: qq.intercept + qq.slope * x }));
  const tip = (p: QQSummary["points"][number]) =>
    t("trends.volume.qq.tip", { n: formatInteger(p.sample, lang), q: formatNumber(p.theoretical, lang, 2) });
  return plot({
    lang,
    width,
    height,
    title: t("trends.volume.qq.title"),
    x: { label: t("trends.volume.qq.x"), grid: true, inset: 10 },
    // The axis follows the counts; the reference line is clipped to it rather than stretching it.
    y: { label: t("trends.volume.qq.y"), grid: true, nice: true, domain: [Math.min(...ys), Math.max(...ys)] },
    color: { legend: true, domain: [t("trends.volume.qq.reference")], range: [COLORS.error] },
    marks: [
      Plot.line(ends, {
        x: "x",
        y: "y",
        stroke: () => t("trends.volume.qq.reference"),
        strokeWidth: 2,
        strokeDasharray: "6 4",
        clip: true,
      }),
      Plot.dot(qq.points, {
        x: "theoretical",
        y: "sample",
        r: 5,
        fill: COLORS.gold,
        stroke: COLORS.background,
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
    ],
  });
}
