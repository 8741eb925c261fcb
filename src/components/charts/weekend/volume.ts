// Charts of the Weekday / Weekend volume card: recipes per weekday (weekend days in orange, a
// dashed line at the 7-day mean) and each day's deviation from that mean.
import * as Plot from "@observablehq/plot";
import type { WeekdayCount } from "../../../lib/contracts/weekend.js";
import { formatInteger, formatPercent, formatSigned } from "../../../lib/format.js";
import { weekdayName, type Lang, type Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";

export interface WeekdayChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

/** Fill of a day: weekend days orange, weekdays gold (the original's two colours). */
export const dayTypeColor = (weekend: boolean): string => (weekend ? COLORS.orange : COLORS.gold);

const axis = (rows: readonly WeekdayCount[], lang: Lang) => ({
  type: "band" as const,
  domain: rows.map((d) => d.weekday),
  tickFormat: (d: number) => weekdayName(d, lang, { short: true }),
  label: null,
  tickSize: 0,
  padding: 0.2,
});

export function weekdayBars(
  rows: WeekdayCount[],
  { width, height = 300, lang, t }: WeekdayChartOptions,
): Figure {
  const mean = rows.reduce((a, d) => a + d.n, 0) / Math.max(rows.length, 1);
  return plot({
    lang,
    width,
    height,
    marginTop: 24,
    x: axis(rows, lang),
    y: { grid: true, nice: true, label: t("weekend.volume.bars.y") },
    marks: [
      Plot.barY(rows, {
        x: "weekday",
        y: "n",
        fill: (d: WeekdayCount) => dayTypeColor(d.weekend),
        fillOpacity: 0.9,
        title: (d: WeekdayCount) =>
          t("weekend.volume.bars.tip", {
            day: weekdayName(d.weekday, lang),
            n: formatInteger(d.n, lang),
            share: formatPercent(d.share, lang),
          }),
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleY([mean], { stroke: COLORS.text, strokeDasharray: "4,3" }),
      Plot.text([mean], {
        y: (d: number) => d,
        frameAnchor: "right",
        dy: -7,
        text: () => t("weekend.volume.bars.mean"),
        fill: COLORS.text,
        fontSize: 10,
      }),
      Plot.ruleY([0], { stroke: COLORS.textMuted }),
    ],
  });
}

export function deviationBars(
  rows: WeekdayCount[],
  { width, height = 300, lang, t }: WeekdayChartOptions,
): Figure {
  return plot({
    lang,
    width,
    height,
    marginTop: 24,
    x: axis(rows, lang),
    y: {
      grid: true,
      nice: true,
      label: t("weekend.volume.deviation.y"),
      tickFormat: (d: number) => formatPercent(d, lang, 0),
    },
    marks: [
      Plot.barY(rows, {
        x: "weekday",
        y: "deviation",
        fill: (d: WeekdayCount) => (d.deviation >= 0 ? COLORS.redOrange : COLORS.orange),
        fillOpacity: 0.9,
        title: (d: WeekdayCount) =>
          t("weekend.volume.deviation.tip", {
            day: weekdayName(d.weekday, lang),
            deviation: `${formatSigned(d.deviation * 100, lang, 1)} %`,
          }),
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleY([0], { stroke: COLORS.text }),
    ],
  });
}
