// The Preparation-time chart: the dispersion band the reader picked, the yearly mean and median
// (points optionally sized by the year's recipes), and the dashed headline trend of each.
import * as Plot from "@observablehq/plot";
import type { DurationYear, HeadlineFit } from "../../../lib/contracts/trends.js";
import { formatInteger, formatMinutes } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { BANDS, type Band } from "../../../lib/trends/duration.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { trendLine, withAlpha, yearAxis } from "./axes.js";

/** The mean's orange, see-through. */
const BAND_FILL = withAlpha(COLORS.orange, 0.2);

export interface DurationChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
  band: Band;
  /** Size the points by the year's recipes (otherwise all the same size). */
  bubbles: boolean;
  /** The headline fits drawn as the trend lines. */
  trend: { mean: HeadlineFit | null; median: HeadlineFit | null };
}

export function durationChart(rows: DurationYear[], options: DurationChartOptions): Figure {
  const { width, height = 400, lang, t, band, bubbles, trend } = options;
  const [lo, hi] = BANDS[band];
  const years = rows.map((d) => d.year);
  const label = {
    band: t(`trends.duration.band.${band}`),
    mean: t("trends.duration.series.mean"),
    median: t("trends.duration.series.median"),
    trendMean: t("trends.duration.series.trendMean"),
    trendMedian: t("trends.duration.series.trendMedian"),
  };
  const minutes = (x: number) => formatMinutes(x, lang, 1);
  const tip = (d: DurationYear) =>
    t("trends.duration.tip", {
      year: String(d.year),
      n: formatInteger(d.n, lang),
      mean: minutes(d.mean),
      median: minutes(d.median),
      band: label.band,
      low: minutes(d[lo]),
      high: minutes(d[hi]),
    });
  const points = (y: "mean" | "median", color: string) =>
    Plot.dot(rows, {
      x: "year",
      y,
      r: bubbles ? "n" : 4,
      fill: color,
      fillOpacity: bubbles ? 0.75 : 1,
      stroke: COLORS.background,
      strokeWidth: 1,
    });
  return plot({
    lang,
    width,
    height,
    x: yearAxis(years, width, t),
    y: { grid: true, nice: true, label: t("trends.duration.y"), zero: false },
    r: { range: [2, Math.max(6, Math.min(16, width / 60))] },
    color: {
      legend: true,
      domain: [label.band, label.mean, label.median, label.trendMean, label.trendMedian],
      // The band's colour carries its transparency, so its legend swatch looks like the band.
      range: [BAND_FILL, COLORS.orange, COLORS.gold, COLORS.redOrange, COLORS.blue],
    },
    marks: [
      Plot.areaY(rows, { x: "year", y1: lo, y2: hi, fill: () => label.band }),
      Plot.lineY(rows, { x: "year", y: "mean", stroke: () => label.mean, strokeWidth: 2 }),
      Plot.lineY(rows, { x: "year", y: "median", stroke: () => label.median, strokeWidth: 2 }),
      points("mean", COLORS.orange),
      points("median", COLORS.gold),
      trendLine(trend.mean, years, label.trendMean),
      trendLine(trend.median, years, label.trendMedian),
      Plot.tip(rows, Plot.pointerX({ x: "year", y: "mean", title: tip })),
    ],
  });
}
