// One yearly series with its trend: the yearly value (points sized by the year's recipes), an
// optional band (±1 sd), the dashed headline trend, and that fit in the subtitle. The panels of
// the Complexity and Nutrition cards.
import * as Plot from "@observablehq/plot";
import type { HeadlineFit } from "../../../lib/contracts/trends.js";
import { formatPValue } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { formatSlope } from "../../../lib/trends/takeaways.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { trendLine, withAlpha, yearAxis } from "./axes.js";

export interface YearlyPoint {
  year: number;
  n: number;
  /** Null for a year without a value (drawn as a gap). */
  value: number | null;
  /** Band around the value (e.g. mean ± sd); absent or null for no band that year. */
  low?: number | null;
  high?: number | null;
}

export interface YearlyChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
  title: string;
  /** Legend label of the yearly values ("Yearly mean"). */
  seriesLabel: string;
  /** Tooltip text of a year. */
  tip: (d: YearlyPoint) => string;
  /** Legend label of the band, or omit for no band. */
  bandLabel?: string;
  color: string;
  /** The headline fit, drawn and summarised in the subtitle. */
  fit: HeadlineFit | null;
}

/** "+0.10/year · p < 0.001": the headline fit under each panel's title. */
export function fitSubtitle(fit: HeadlineFit | null, { lang, t }: { lang: Lang; t: Translate }): string {
  if (!fit) return t("trends.fit.subtitleNone");
  return t("trends.fit.subtitle", {
    slope: formatSlope(fit.slope, lang, { signed: true }),
    p: formatPValue(fit.p, lang),
  });
}

export function yearlyChart(points: YearlyPoint[], options: YearlyChartOptions): Figure {
  const { width, height = 260, lang, t, title, seriesLabel: mean, tip, bandLabel, color, fit } = options;
  const years = points.filter((d) => d.value != null).map((d) => d.year);
  const banded = bandLabel ? points.filter((d) => d.low != null && d.high != null) : [];
  const trend = t("trends.fit.line");
  const domain = bandLabel ? [mean, bandLabel, trend] : [mean, trend];
  const range = bandLabel ? [color, withAlpha(color, 0.2), COLORS.blue] : [color, COLORS.blue];
  return plot({
    lang,
    width,
    height,
    title,
    subtitle: fitSubtitle(fit, { lang, t }),
    x: yearAxis(years, width, t),
    y: { grid: true, nice: true, zero: false, label: null },
    r: { range: [2, 7] },
    color: { legend: true, domain, range },
    marks: [
      bandLabel ? Plot.areaY(banded, { x: "year", y1: "low", y2: "high", fill: () => bandLabel }) : null,
      Plot.lineY(points, { x: "year", y: "value", stroke: () => mean, strokeWidth: 2 }),
      Plot.dot(points, {
        x: "year",
        y: "value",
        r: "n",
        fill: color,
        stroke: COLORS.background,
        strokeWidth: 1,
      }),
      trendLine(fit, years, trend),
      Plot.tip(points, Plot.pointerX({ x: "year", y: "value", title: tip })),
    ],
  });
}
