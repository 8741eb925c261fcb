// Charts of the Ingredients and Tags cards: the most frequent items, diversity per year (raw and
// rarefied, with the rarefied trend), the significant risers and decliners by share slope, and the
// yearly share lines of the strongest of them.
import * as Plot from "@observablehq/plot";
import type { HeadlineFit, ItemKind, ItemMover } from "../../../lib/contracts/trends.js";
import { formatInteger, formatNumber, formatPercent, formatPValue, MISSING } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import type { DiversityRow, ShareRow } from "../../../lib/trends/items.js";
import { ALPHA } from "../../../lib/trends/fit.js";
import { formatQValue, formatSlope, SHARE_POINTS } from "../../../lib/trends/takeaways.js";
import { plot, type Figure } from "../../plot.js";
import { CHART_PALETTE, COLORS } from "../../theme.js";
import { trendLine, yearAxis } from "./axes.js";
import { fitSubtitle } from "./yearly.js";

export interface ItemsChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

/** Left margin that fits the longest item name at the chart's font size (about 6.6 px a character). */
const labelMargin = (items: readonly string[], width: number) =>
  Math.min(Math.max(60, ...items.map((s) => s.length * 6.6 + 14)), width * 0.45);

/** Names longer than the margin allows are cut with an ellipsis (the tooltip keeps the full name). */
const clip = (margin: number) => (s: string) => {
  const max = Math.round((margin - 14) / 6.6);
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
};

export function topItemsChart(
  top: { item: string; count: number }[],
  { width, lang, t, recipes }: ItemsChartOptions & { recipes: number },
): Figure {
  const margin = labelMargin(
    top.map((d) => d.item),
    width,
  );
  const tip = (d: { item: string; count: number }) =>
    t("trends.items.top.tip", {
      item: d.item,
      count: formatInteger(d.count, lang),
      share: formatPercent(d.count / recipes, lang),
    });
  return plot({
    lang,
    width,
    height: top.length * 26 + 56,
    title: t("trends.items.top.title"),
    marginLeft: margin,
    x: { grid: true, nice: true, label: t("trends.items.top.x") },
    y: { domain: top.map((d) => d.item), label: null, tickSize: 0, tickFormat: clip(margin) },
    marks: [
      Plot.barX(top, {
        y: "item",
        x: "count",
        fill: COLORS.orange,
        fillOpacity: 0.85,
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleX([0], { stroke: COLORS.textMuted }),
    ],
  });
}

/**
 * Diversity per year. `measure` "distinct" counts the distinct items of all the year's recipes
 * (points sized by recipes); "rarefied" is the expected count in a fixed number of recipes, with
 * its headline trend — two charts, as the two measures differ by an order of magnitude.
 */
export function diversityChart(
  rows: DiversityRow[],
  options: ItemsChartOptions & {
    kind: ItemKind;
    sampleSize: number;
    measure: "distinct" | "rarefied";
    fit?: HeadlineFit | null;
  },
): Figure {
  const { width, height = 240, lang, t, kind, sampleSize, measure, fit = null } = options;
  const size = formatInteger(sampleSize, lang);
  const unit = t(`trends.items.${kind}.unit`);
  const label =
    measure === "distinct"
      ? t("trends.items.diversity.distinct", { unit })
      : t("trends.items.diversity.rarefied", { unit, size });
  const trend = t("trends.items.diversity.trend");
  const series = t("trends.items.diversity.series");
  const color = measure === "distinct" ? COLORS.orange : COLORS.gold;
  const points = rows.filter((d) => d[measure] != null);
  const tip = (d: DiversityRow) =>
    t("trends.items.diversity.tip", {
      year: String(d.year),
      recipes: formatInteger(d.recipes, lang),
      distinct: formatInteger(d.distinct, lang),
      rarefied: d.rarefied == null ? MISSING : formatNumber(d.rarefied, lang, 1),
      size,
    });
  const rarefied = measure === "rarefied";
  return plot({
    lang,
    width,
    height,
    title: label,
    subtitle: rarefied ? fitSubtitle(fit, { lang, t }) : undefined,
    x: yearAxis(rows.length ? rows.map((d) => d.year) : [0], width, t),
    y: { grid: true, nice: true, zero: !rarefied, label: t(`trends.items.${kind}.y`) },
    r: { range: [2, 7] },
    color: rarefied ? { legend: true, domain: [series, trend], range: [color, COLORS.blue] } : undefined,
    marks: [
      Plot.lineY(points, { x: "year", y: measure, stroke: rarefied ? () => series : color, strokeWidth: 2 }),
      // Sized by the year's recipes, sorted by year (the original mis-aligned these sizes).
      Plot.dot(points, {
        x: "year",
        y: measure,
        r: rarefied ? 4 : "recipes",
        fill: color,
        stroke: COLORS.background,
      }),
      rarefied
        ? trendLine(
            fit,
            points.map((d) => d.year),
            trend,
          )
        : null,
      Plot.tip(points, Plot.pointerX({ x: "year", y: measure, title: tip })),
    ],
  });
}

export function moversChart(
  risers: ItemMover[],
  decliners: ItemMover[],
  { width, lang, t }: ItemsChartOptions,
): Figure {
  // Strongest risers on top, strongest decliners at the bottom.
  const rows = [...risers, ...decliners.slice().reverse()];
  const margin = labelMargin(
    rows.map((d) => d.item),
    width,
  );
  const points = (x: number) => formatSlope(x * SHARE_POINTS, lang, { signed: true });
  const tip = (d: ItemMover) =>
    t("trends.items.moversChart.tip", {
      item: d.item,
      slope: points(d.slope),
      p: formatPValue(d.p, lang),
      q: formatQValue(d.q, lang),
      share: formatPercent(d.share, lang),
      wlsSlope: points(d.wlsSlope),
      wlsP: formatPValue(d.wlsP, lang),
    });
  return plot({
    lang,
    width,
    height: rows.length * 22 + 60,
    title: t("trends.items.moversChart.title", { alpha: formatNumber(ALPHA, lang, 2) }),
    marginLeft: margin,
    x: { grid: true, nice: true, label: t("trends.items.moversChart.x") },
    y: { domain: rows.map((d) => d.item), label: null, tickSize: 0, tickFormat: clip(margin) },
    marks: [
      Plot.barX(rows, {
        y: "item",
        x: (d: ItemMover) => d.slope * SHARE_POINTS,
        fill: (d: ItemMover) => (d.slope > 0 ? COLORS.orange : COLORS.redOrange),
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleX([0], { stroke: COLORS.textMuted }),
    ],
  });
}

export function shareLinesChart(
  rows: ShareRow[],
  items: readonly string[],
  { width, height = 300, lang, t, title }: ItemsChartOptions & { title: string },
): Figure {
  const years = [...new Set(rows.map((d) => d.year))];
  const tip = (d: ShareRow) =>
    t("trends.items.shares.tip", {
      item: d.item,
      year: String(d.year),
      share: formatPercent(d.share, lang),
      count: formatInteger(d.count, lang),
      recipes: formatInteger(d.recipes, lang),
    });
  return plot({
    lang,
    width,
    height,
    title,
    x: yearAxis(years.length ? years : [0], width, t),
    y: {
      grid: true,
      nice: true,
      zero: true,
      label: t("trends.items.shares.y"),
      transform: (s: number) => s * 100,
    },
    color: { legend: true, domain: [...items], range: CHART_PALETTE.slice(0, Math.max(items.length, 1)) },
    marks: [
      Plot.lineY(rows, { x: "year", y: "share", z: "item", stroke: "item", strokeWidth: 2 }),
      Plot.dot(rows, { x: "year", y: "share", fill: "item", r: 3 }),
      Plot.tip(rows, Plot.pointer({ x: "year", y: "share", title: tip })),
    ],
  });
}
