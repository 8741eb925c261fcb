// Charts of the Volume card: recipes per year as bars (optional value labels), and the Lorenz
// curve of the yearly counts (how concentrated the recipes are in a few years).
import * as Plot from "@observablehq/plot";
import type { YearCount } from "../../../lib/contracts/trends.js";
import { formatInteger, formatPercent } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { lorenzCurve, type LorenzPoint } from "../../../lib/trends/volume.js";
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

export interface LorenzChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

/**
 * The Lorenz curve of the yearly counts (src/lib/trends/volume.ts): years from the quietest to the
 * busiest against the cumulative share of the recipes, with the diagonal of equal years. The
 * further the curve sags below the diagonal, the more the recipes sit in a few years.
 */
export function lorenzChart(rows: YearCount[], { width, height = 320, lang, t }: LorenzChartOptions): Figure {
  const points = lorenzCurve(rows);
  const curve = t("trends.volume.lorenz.curve");
  const equality = t("trends.volume.lorenz.equality");
  const tip = (p: LorenzPoint) =>
    t("trends.volume.lorenz.tip", {
      year: String(p.year),
      n: formatInteger(p.n, lang),
      years: formatPercent(p.years, lang, 0),
      recipes: formatPercent(p.recipes, lang, 0),
    });
  return plot({
    lang,
    width,
    height,
    title: t("trends.volume.lorenz.title"),
    // `percent` multiplies the shares by 100, domains included.
    x: { label: t("trends.volume.lorenz.x"), domain: [0, 100], grid: true, percent: true },
    y: { label: t("trends.volume.lorenz.y"), domain: [0, 100], grid: true, percent: true },
    color: { legend: true, domain: [curve, equality], range: [COLORS.orange, COLORS.textMuted] },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: "x", y: "y", stroke: () => equality, strokeDasharray: "6 4" },
      ),
      Plot.areaY(points, { x: "years", y1: "years", y2: "recipes", fill: COLORS.orange, fillOpacity: 0.15 }),
      Plot.line(points, { x: "years", y: "recipes", stroke: () => curve, strokeWidth: 2 }),
      Plot.dot(
        points.filter((p) => p.year !== null),
        {
          x: "years",
          y: "recipes",
          r: 4,
          fill: COLORS.gold,
          stroke: COLORS.background,
          title: tip,
          tip: { format: { x: false, y: false } },
        },
      ),
    ],
  });
}
