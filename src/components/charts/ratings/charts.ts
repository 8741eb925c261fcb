// The Ratings page's charts. Axes follow the data: Plot's default domains span every mark,
// intervals included, and nothing is clipped to a hand-picked range — small differences show
// through their confidence intervals, not through a zoomed axis.
import * as Plot from "@observablehq/plot";
import type { HeadlineFit, LineFit, RatingStats, SeriesPoint } from "../../../lib/contracts/ratings.js";
import { formatInteger, formatNumber, formatPercent } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";

interface ChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

const date = (p: { year: number; month: number }) => new Date(Date.UTC(p.year, p.month - 1, 1));

/** Monthly mean rating (dots sized by √n) with the WLS (√n) and headline fit lines. */
export function monthlyMeans(
  series: SeriesPoint[],
  fits: { wls: LineFit | null; headline: HeadlineFit | null },
  { width, height = 300, lang, t }: ChartOptions,
): Figure {
  const line = (fit: { slope: number; intercept: number }) =>
    series.length > 0
      ? [series[0], series[series.length - 1]].map((p) => ({
          date: date(p),
          y: fit.intercept + fit.slope * p.t,
        }))
      : [];
  return plot({
    lang,
    width,
    height,
    x: { type: "utc", label: null },
    y: { grid: true, label: t("ratings.trend.chart.y") },
    r: { range: [1, 5] },
    color: {
      legend: true,
      domain: [t("ratings.trend.chart.wls"), t("ratings.trend.chart.headline")],
      range: [COLORS.gold, COLORS.orange],
    },
    marks: [
      Plot.dot(series, {
        x: date,
        y: "mean",
        r: "weight",
        fill: COLORS.textMuted,
        fillOpacity: 0.6,
        title: (p: SeriesPoint) =>
          t("ratings.trend.chart.tip", {
            month: `${p.year}-${String(p.month).padStart(2, "0")}`,
            mean: formatNumber(p.mean, lang, 3),
            n: formatInteger(p.n, lang),
          }),
        tip: true,
      }),
      fits.wls
        ? Plot.line(line(fits.wls), {
            x: "date",
            y: "y",
            stroke: () => t("ratings.trend.chart.wls"),
            strokeDasharray: "6 3",
            strokeWidth: 2,
          })
        : null,
      fits.headline
        ? Plot.line(line(fits.headline), {
            x: "date",
            y: "y",
            stroke: () => t("ratings.trend.chart.headline"),
            strokeWidth: 2,
          })
        : null,
    ],
  });
}

/** Histogram of the kept months' rating counts. */
export function volumeHistogram(
  series: SeriesPoint[],
  { width, height = 240, lang, t }: ChartOptions,
): Figure {
  return plot({
    lang,
    width,
    height,
    x: { label: t("ratings.validation.chart.volume") },
    y: { grid: true, label: t("ratings.validation.chart.months") },
    marks: [
      Plot.rectY(series, { ...Plot.binX({ y: "count" }, { x: "n", thresholds: 20 }), fill: COLORS.gold }),
      Plot.ruleY([0]),
    ],
  });
}

/** Each month's share of the √n weights over time. */
export function weightShares(series: SeriesPoint[], { width, height = 240, lang, t }: ChartOptions): Figure {
  return plot({
    lang,
    width,
    height,
    x: { type: "utc", label: null },
    y: {
      grid: true,
      label: t("ratings.validation.chart.weight"),
      tickFormat: (x: number) => formatPercent(x, lang, 1),
    },
    marks: [Plot.lineY(series, { x: date, y: "weightShare", stroke: COLORS.orange }), Plot.ruleY([0])],
  });
}

/** Share of each rating value 0–5 among all interactions. */
export function ratingBars(
  shares: number[],
  counts: number[],
  { width, height = 260, lang, t }: ChartOptions,
): Figure {
  const data = shares.map((share, rating) => ({ rating: String(rating), share, n: counts[rating] }));
  return plot({
    lang,
    width,
    height,
    x: { label: t("ratings.distribution.chart.rating"), domain: data.map((d) => d.rating), padding: 0.2 },
    y: {
      grid: true,
      label: t("ratings.distribution.chart.share"),
      tickFormat: (x: number) => formatPercent(x, lang, 0),
    },
    marks: [
      Plot.barY(data, {
        x: "rating",
        y: "share",
        fill: (d: (typeof data)[number]) => (d.rating === "0" ? COLORS.textMuted : COLORS.gold),
        title: (d: (typeof data)[number]) =>
          t("ratings.distribution.chart.tip", {
            rating: d.rating,
            share: formatPercent(d.share, lang),
            n: formatInteger(d.n, lang),
          }),
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** Share of 5★ and of ≤ 2★ per year. */
export function sharesOverTime(
  years: ({ year: number } & RatingStats)[],
  { width, height = 260, lang, t }: ChartOptions,
): Figure {
  const five = t("ratings.distribution.chart.five");
  const low = t("ratings.distribution.chart.low");
  const data = years.flatMap((y) => [
    ...(y.shareFive === null ? [] : [{ year: y.year, series: five, share: y.shareFive }]),
    ...(y.shareLow === null ? [] : [{ year: y.year, series: low, share: y.shareLow }]),
  ]);
  return plot({
    lang,
    width,
    height,
    x: { label: null, tickFormat: (x: number) => String(x) },
    y: {
      grid: true,
      label: t("ratings.distribution.chart.share"),
      tickFormat: (x: number) => formatPercent(x, lang, 0),
    },
    color: { legend: true, domain: [five, low], range: [COLORS.gold, COLORS.redOrange] },
    marks: [Plot.lineY(data, { x: "year", y: "share", stroke: "series", marker: "circle" }), Plot.ruleY([0])],
  });
}

export interface GroupPoint {
  label: string;
  mean: number;
  ci: [number, number];
  n: number;
}

/** Mean rating per group with its 95 % interval (groups in the given order). */
export function groupMeans(rows: GroupPoint[], { width, height = 240, lang, t }: ChartOptions): Figure {
  return plot({
    lang,
    width,
    height,
    x: { domain: rows.map((r) => r.label), label: null, padding: 0.3 },
    y: { grid: true, label: t("ratings.groups.chart.mean") },
    marks: [
      Plot.ruleX(rows, {
        x: "label",
        y1: (r: GroupPoint) => r.ci[0],
        y2: (r: GroupPoint) => r.ci[1],
        stroke: COLORS.textMuted,
        strokeWidth: 2,
      }),
      Plot.dot(rows, {
        x: "label",
        y: "mean",
        fill: COLORS.orange,
        r: 4,
        title: (r: GroupPoint) =>
          t("ratings.groups.chart.tip", {
            group: r.label,
            mean: formatNumber(r.mean, lang, 3),
            low: formatNumber(r.ci[0], lang, 3),
            high: formatNumber(r.ci[1], lang, 3),
            n: formatInteger(r.n, lang),
          }),
        tip: true,
      }),
    ],
  });
}
