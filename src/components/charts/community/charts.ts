// Charts of the Community cards: counts per user or recipe on log-scale bins, the Lorenz curve,
// new and active users per year, the cohort retention heatmap and the distribution of users' mean
// ratings. Plain functions of aggregates (no row-level data), themed by plot().
import * as Plot from "@observablehq/plot";
import type { CountBin, GrowthYear, MeanBin } from "../../../lib/contracts/community.js";
import type { RetentionCell } from "../../../lib/community/growth.js";
import { formatInteger, formatNumber, formatPercent } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";

export interface ChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

/** "1", "2–3", "4–7"… : a bin's label. */
export const binLabel = (b: CountBin, lang: Lang): string =>
  b.from === b.to
    ? formatInteger(b.from, lang)
    : `${formatInteger(b.from, lang)}–${formatInteger(b.to, lang)}`;

/**
 * Units per bin of powers of two (a log scale of the count), with a log y axis since the first bin
 * holds orders of magnitude more units than the last. Empty bins are left blank.
 */
export function countBins(
  bins: readonly CountBin[],
  { width, height = 280, lang, t, x, y }: ChartOptions & { x: string; y: string },
): Figure {
  const rows = bins.map((b) => ({ ...b, label: binLabel(b, lang) }));
  return plot({
    lang,
    width,
    height,
    x: {
      type: "band",
      domain: rows.map((r) => r.label),
      label: x,
      padding: 0.15,
      tickRotate: rows.length > 8 ? -30 : 0,
    },
    y: { type: "log", grid: true, label: y },
    marginBottom: rows.length > 8 ? 50 : 35,
    marks: [
      Plot.rectY(
        rows.filter((r) => r.units > 0),
        {
          x: "label",
          y1: 0.5,
          y2: "units",
          fill: COLORS.orange,
          title: (r: (typeof rows)[number]) =>
            t("community.chart.binTip", {
              bin: r.label,
              units: formatInteger(r.units, lang),
              total: formatInteger(r.total, lang),
            }),
        },
      ),
    ],
  });
}

/** The Lorenz curve of `points` (share of the total held by the least active i/steps of units) and the equality line. */
export function lorenzChart(
  points: readonly number[],
  { width, height = 280, lang, t }: ChartOptions,
): Figure {
  const steps = points.length - 1;
  const rows = points.map((y, i) => ({ x: i / steps, y }));
  return plot({
    lang,
    width,
    height,
    x: {
      domain: [0, 1],
      label: t("community.chart.lorenzX"),
      tickFormat: (v: number) => formatPercent(v, lang, 0),
    },
    y: {
      domain: [0, 1],
      grid: true,
      label: t("community.chart.lorenzY"),
      tickFormat: (v: number) => formatPercent(v, lang, 0),
    },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: "x", y: "y", stroke: COLORS.textMuted, strokeDasharray: "4 3" },
      ),
      Plot.areaY(rows, { x: "x", y: "y", fill: COLORS.orange, fillOpacity: 0.15 }),
      Plot.line(rows, { x: "x", y: "y", stroke: COLORS.orange, strokeWidth: 2 }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "x",
          y: "y",
          title: (r: { x: number; y: number }) =>
            t("community.chart.lorenzTip", {
              units: formatPercent(r.x, lang, 0),
              share: formatPercent(r.y, lang, 1),
            }),
        }),
      ),
    ],
  });
}

/** New and active users per year of the range. */
export function growthLines(
  rows: readonly GrowthYear[],
  { width, height = 280, lang, t }: ChartOptions,
): Figure {
  const series = rows.flatMap((r) => [
    { year: r.year, users: r.activeUsers, series: t("community.growth.active") },
    { year: r.year, users: r.newUsers, series: t("community.growth.new") },
  ]);
  return plot({
    lang,
    width,
    height,
    x: {
      label: null,
      tickFormat: (v: number) => String(v),
      ticks: rows.length > 12 ? undefined : rows.map((r) => r.year),
    },
    y: { grid: true, nice: true, zero: true, label: t("community.growth.y") },
    color: {
      legend: true,
      domain: [t("community.growth.active"), t("community.growth.new")],
      range: [COLORS.orange, COLORS.gold],
    },
    marks: [
      Plot.line(series, { x: "year", y: "users", stroke: "series", strokeWidth: 2, marker: "circle" }),
      Plot.tip(
        series,
        Plot.pointer({
          x: "year",
          y: "users",
          title: (d: (typeof series)[number]) => `${d.series} ${d.year}: ${formatInteger(d.users, lang)}`,
        }),
      ),
    ],
  });
}

/** Share of each cohort active k years later (k ≥ 1), one row per cohort. */
export function cohortHeatmap(
  cells: readonly RetentionCell[],
  { width, height, lang, t }: ChartOptions,
): Figure {
  const cohorts = [...new Set(cells.map((c) => c.cohort))].sort((a, b) => a - b);
  const max = Math.max(...cells.map((c) => c.yearsLater), 1);
  return plot({
    lang,
    width,
    height: height ?? Math.max(160, 22 * cohorts.length + 60),
    marginLeft: 50,
    x: {
      type: "band",
      domain: Array.from({ length: max }, (_, i) => i + 1),
      label: t("community.cohorts.x"),
    },
    y: {
      type: "band",
      domain: cohorts,
      label: t("community.cohorts.y"),
      labelAnchor: "top",
      tickFormat: (v: number) => String(v),
    },
    color: {
      type: "linear",
      scheme: "YlOrRd",
      legend: true,
      label: t("community.cohorts.color"),
      tickFormat: (v: number) => formatPercent(v, lang, 0),
    },
    marks: [
      Plot.cell(cells, {
        x: "yearsLater",
        y: "cohort",
        fill: "share",
        inset: 0.5,
        title: (c: RetentionCell) =>
          t("community.cohorts.tip", {
            cohort: String(c.cohort),
            k: formatInteger(c.yearsLater, lang),
            active: formatInteger(c.active, lang),
            size: formatInteger(c.size, lang),
            share: formatPercent(c.share, lang, 1),
          }),
      }),
    ],
  });
}

/** Users per bin of mean rating, with the period's mean rating as a rule. */
export function meanBinsChart(
  bins: readonly MeanBin[],
  mean: number | null,
  { width, height = 280, lang, t }: ChartOptions,
): Figure {
  return plot({
    lang,
    width,
    height,
    x: { domain: [1, 5], label: t("community.leniency.chart.x") },
    y: { grid: true, nice: true, label: t("community.leniency.chart.y") },
    marks: [
      Plot.rectY(bins, {
        x1: "from",
        x2: "to",
        y: "users",
        fill: COLORS.orange,
        inset: 0.5,
        title: (b: MeanBin) =>
          t("community.leniency.chart.tip", {
            from: formatNumber(b.from, lang, 2),
            to: formatNumber(b.to, lang, 2),
            users: formatInteger(b.users, lang),
          }),
      }),
      mean === null ? null : Plot.ruleX([mean], { stroke: COLORS.gold, strokeDasharray: "4 3" }),
      Plot.ruleY([0]),
    ],
  });
}
