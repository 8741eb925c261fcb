// Box plots drawn from precomputed summaries (src/lib/weekend/box.ts): one horizontal box per
// group — quartile box, median line, mean dot, whiskers at the most extreme values within 1.5 IQR.
// No raw value reaches the page, so outliers are counted in the tooltip, not drawn.
import * as Plot from "@observablehq/plot";
import type { Box, RankPeriod } from "../../../lib/contracts/weekend.js";
import { formatInteger, formatNumber } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { DAY_TYPES, type DayType } from "../../../lib/weekend/keys.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { dayTypeColor } from "./volume.js";

export interface BoxChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
  /** Label of the value axis. */
  label: string;
  title?: string;
}

interface Row extends Box {
  group: DayType;
}

export function boxChart(
  period: RankPeriod,
  { width, height = 150, lang, t, label, title }: BoxChartOptions,
): Figure {
  const rows: Row[] = DAY_TYPES.map((group) => ({ group, ...period[group] }));
  const name = (g: DayType) => t(`weekend.groups.${g}`);
  const n = (x: number) => formatNumber(x, lang, 1);
  const tip = (d: Row) =>
    t("weekend.duration.box.tip", {
      group: name(d.group),
      median: n(d.median),
      q1: n(d.q1),
      q3: n(d.q3),
      low: n(d.whiskerLow),
      high: n(d.whiskerHigh),
      mean: n(d.mean),
      n: formatInteger(d.n, lang),
    });
  const fill = (d: Row) => dayTypeColor(d.group === "weekend");
  return plot({
    lang,
    width,
    height,
    title,
    marginLeft: 130,
    x: { grid: true, nice: true, label },
    y: { domain: [...DAY_TYPES], tickFormat: name, label: null, tickSize: 0, padding: 0.3 },
    marks: [
      Plot.ruleY(rows, { y: "group", x1: "whiskerLow", x2: "whiskerHigh", stroke: COLORS.text }),
      Plot.tickX(rows, { y: "group", x: "whiskerLow", stroke: COLORS.text }),
      Plot.tickX(rows, { y: "group", x: "whiskerHigh", stroke: COLORS.text }),
      Plot.barX(rows, { y: "group", x1: "q1", x2: "q3", fill, fillOpacity: 0.85, title: tip, tip: true }),
      Plot.tickX(rows, { y: "group", x: "median", stroke: COLORS.background, strokeWidth: 2 }),
      Plot.dot(rows, { y: "group", x: "mean", fill: COLORS.textStrong, r: 3 }),
    ],
  });
}
