// The non-chart parts of the Trends cards: KPI rows and takeaways that carry stable test ids and
// their raw values (data-value…, read by the browser test), the table of fits (headline and the
// original app's least squares), and the detailed statistics of the yearly recipe counts.
import type { HeadlineFit, TrendFit, VolumeSummary } from "../../../lib/contracts/trends.js";
import {
  formatInteger,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
} from "../../../lib/format.js";
import { CONFIDENCE } from "../../../lib/trends/fit.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { renderTakeaway, formatR2, slopeDigits, type Sentence } from "../../../lib/trends/takeaways.js";
import { el } from "../../dom.js";
import { kpiGrid, type Kpi } from "../../kpi.js";
import { dataTable, type Column } from "../../table.js";

/** Raw values exposed as data-* attributes (camelCase keys become data-kebab-case). */
export type DataValues = Record<string, number | string | null | undefined>;

function setData(node: HTMLElement, testId: string, values: DataValues = {}): void {
  node.setAttribute("data-testid", testId);
  for (const [key, value] of Object.entries(values)) {
    if (value == null) continue;
    node.setAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(value));
  }
}

export interface TestedKpi extends Kpi {
  testId: string;
  /** The raw number behind the formatted value (and any other raw values). */
  data?: DataValues;
}

/** A KPI row whose tiles carry `data-testid` and their raw values. */
export function kpiRow(tiles: TestedKpi[], label: string): HTMLElement {
  const grid = kpiGrid(tiles, { label });
  Array.from(grid.children).forEach((tile, i) =>
    setData(tile as HTMLElement, tiles[i].testId, tiles[i].data),
  );
  return grid;
}

/** The takeaway line: the rendered sentences in a span with a test id and the raw figures. */
export function takeawayNode(
  sentences: readonly Sentence[],
  t: Translate,
  testId: string,
  data?: DataValues,
): HTMLElement {
  const span = el("span", {}, renderTakeaway(sentences, t));
  setData(span, testId, data);
  return span;
}

export interface FitRow {
  /** Short id of the series, used in the rows' test ids. */
  id: string;
  label: string;
  /** The headline fit (random effects), the one the sentences use. */
  headline: HeadlineFit | null;
  /** The original app's least squares fit, for comparison (omit when there is none). */
  wls?: TrendFit | null;
  /** A p-value of the headline slope adjusted across the table's series (null: no fit). */
  adjusted?: number | null;
}

export interface FitTableOptions {
  lang: Lang;
  t: Translate;
  testId: string;
  /** First year of the range: where each line's value is reported. */
  from: number;
  /** Name of the comparison fit: weights = recipes (default), = values, or equal weights. */
  wlsKind?: "wls" | "wlsValues" | "ols";
  /** Header of the adjusted p-value column, when the rows carry one. */
  adjustedLabel?: string;
}

interface Line {
  id: string;
  label: string;
  method: "headline" | "wls";
  headline: HeadlineFit | null;
  wls: TrendFit | null;
  adjusted: number | null | undefined;
}

/**
 * The fits behind a card, two rows per series: the headline fit (slope, the line's value in the
 * first year, its standard error and which one it is, p, confidence interval, years, I², lag-1
 * autocorrelation and Durbin–Watson) and the original app's least squares fit (slope, value, SE,
 * p, interval, years, R²). Short headers and values, explained in the caption, keep the rows one
 * line high; the diagnostics columns hide on phones. Rows carry their raw figures as data-*.
 */
export function fitTable(rows: FitRow[], options: FitTableOptions): HTMLElement {
  const { lang, t, testId, from, wlsKind = "wls", adjustedLabel } = options;
  const lines: Line[] = rows.flatMap((r) => [
    {
      id: r.id,
      label: r.label,
      method: "headline" as const,
      headline: r.headline,
      wls: null,
      adjusted: r.adjusted,
    },
    ...(r.wls === undefined
      ? []
      : [
          {
            id: r.id,
            label: r.label,
            method: "wls" as const,
            headline: null,
            wls: r.wls,
            adjusted: undefined,
          },
        ]),
  ]);
  const fitOf = (l: Line) => (l.method === "headline" ? l.headline : l.wls);
  const signed = (x: number, like: number) => formatSigned(x, lang, slopeDigits(like));
  const cell = (l: Line, text: (fit: HeadlineFit | TrendFit) => string) => {
    const fit = fitOf(l);
    return fit ? text(fit) : t("trends.fit.none");
  };
  const columns: Column<Line>[] = [
    { label: t("trends.fit.series"), value: (l) => l.label },
    {
      label: t("trends.fit.method"),
      value: (l) => t(l.method === "headline" ? "trends.fit.headline" : `trends.fit.${wlsKind}`),
    },
    { label: t("trends.fit.slope"), numeric: true, value: (l) => cell(l, (f) => signed(f.slope, f.slope)) },
    {
      label: t("trends.fit.intercept", { year: String(from) }),
      numeric: true,
      value: (l) => cell(l, (f) => formatNumber(f.intercept, lang, 2)),
    },
    {
      label: t("trends.fit.se"),
      numeric: true,
      value: (l) =>
        cell(l, (f) => {
          const se = formatNumber(f.slopeSE, lang, slopeDigits(f.slopeSE));
          // The headline's SE says which of the two it is (KH or NW, explained in the caption).
          if (l.method !== "headline" || !l.headline) return se;
          const which = l.headline.seMethod === "newey-west" ? "neweyWest" : "knappHartung";
          return `${se} ${t(`trends.fit.seMethods.${which}`)}`;
        }),
    },
    { label: t("trends.fit.p"), numeric: true, value: (l) => cell(l, (f) => formatPValue(f.p, lang)) },
    ...(adjustedLabel
      ? [
          {
            label: adjustedLabel,
            numeric: true,
            value: (l: Line) =>
              l.method === "headline" && l.adjusted != null ? formatPValue(l.adjusted, lang) : "",
          },
        ]
      : []),
    {
      label: t("trends.fit.ci", { level: formatPercent(CONFIDENCE, lang, 0) }),
      numeric: true,
      value: (l) =>
        cell(l, (f) =>
          t("trends.interval", { low: signed(f.ci[0], f.slope), high: signed(f.ci[1], f.slope) }),
        ),
    },
    {
      label: t("trends.fit.years"),
      numeric: true,
      value: (l) => cell(l, (f) => formatInteger(f.years, lang)),
    },
    {
      label: t("trends.fit.r2"),
      numeric: true,
      optional: true,
      value: (l) => (l.method === "wls" && l.wls ? formatR2(l.wls.r2, lang) : ""),
    },
    {
      label: t("trends.fit.i2"),
      numeric: true,
      optional: true,
      value: (l) => (l.method === "headline" && l.headline ? formatPercent(l.headline.i2, lang, 0) : ""),
    },
    {
      label: t("trends.fit.lag1"),
      numeric: true,
      optional: true,
      value: (l) => (l.method === "headline" && l.headline ? formatSigned(l.headline.lag1, lang, 2) : ""),
    },
    {
      label: t("trends.fit.dw"),
      numeric: true,
      optional: true,
      value: (l) =>
        l.method === "headline" && l.headline ? formatNumber(l.headline.durbinWatson, lang, 2) : "",
    },
  ];
  const table = dataTable(lines, columns, { caption: t("trends.fit.caption") });
  table.setAttribute("data-testid", testId);
  table.querySelectorAll("tbody tr").forEach((tr, i) => {
    const l = lines[i];
    const fit = fitOf(l);
    const values: DataValues = fit
      ? {
          slope: fit.slope,
          intercept: fit.intercept,
          origin: fit.origin,
          se: fit.slopeSE,
          p: fit.p,
          years: fit.years,
        }
      : {};
    if (l.method === "headline" && l.headline)
      Object.assign(values, { tau2: l.headline.tau2, lag1: l.headline.lag1, adjusted: l.adjusted });
    if (l.method === "wls" && l.wls) values.r2 = l.wls.r2;
    setData(tr as HTMLElement, `${testId}-${l.id}-${l.method}`, values);
  });
  // The abbreviations, under the table rather than in its caption: a caption as wide as the
  // scrolling table would be cut on the card.
  const note = el(
    "p",
    { class: "muted", style: "margin: 0.25rem 0 0; font-size: 0.85em" },
    t("trends.fit.note", { comparison: t(`trends.fit.comparison.${wlsKind}`) }),
  );
  return el("div", {}, table, note);
}

/** Detailed statistics of the yearly counts (the original's "Detailed statistics" expander). */
export function volumeStatsTable(s: VolumeSummary, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  const n = (x: number | null) => formatNumber(x, lang, 1);
  const k = s.concentration.busiestYears;
  const rows: [string, string][] = [
    [t("trends.volume.stats.min"), formatInteger(s.stats.min, lang)],
    [t("trends.volume.stats.q1"), n(s.stats.q1)],
    [t("trends.volume.stats.median"), n(s.stats.median)],
    [t("trends.volume.stats.mean"), n(s.stats.mean)],
    [t("trends.volume.stats.q3"), n(s.stats.q3)],
    [t("trends.volume.stats.max"), formatInteger(s.stats.max, lang)],
    [t("trends.volume.stats.std"), n(s.stats.std)],
    [t("trends.volume.stats.cv"), formatPercent(s.stats.cv, lang)],
    [
      t("trends.volume.stats.busiest", { k: formatInteger(k, lang) }),
      formatPercent(s.concentration.busiestShare, lang),
    ],
    [t("trends.volume.stats.gini"), formatNumber(s.concentration.gini, lang, 3)],
  ];
  const table = dataTable(
    rows,
    [
      { label: t("trends.volume.stats.statistic"), value: (r) => r[0] },
      { label: t("trends.volume.stats.value"), numeric: true, value: (r) => r[1] },
    ],
    { caption: t("trends.volume.stats.caption") },
  );
  table.setAttribute("data-testid", "trends-volume-stats");
  return table;
}

/** A row of a card's widgets (toggles, selects), wrapping on narrow screens. */
export const controls = (...inputs: Node[]): HTMLElement =>
  el(
    "div",
    {
      class: "trends-controls",
      style: "display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; align-items: center",
    },
    inputs,
  );

/** Side-by-side panels (Framework's grid: one column on narrow screens). */
export const panels = (columns: 2 | 3, ...children: (Node | null)[]): HTMLElement =>
  el("div", { class: `grid grid-cols-${columns}`, style: "margin: 0" }, children);

/** Below this width the site's own header is sticky: the range bar then scrolls with the page. */
const WIDE = "(min-width: 769px)";

/**
 * The page-wide year range bar: a title, the range input and a summary line. On wide screens it
 * sticks to the top while the reader scrolls through the cards, so the range stays at hand.
 */
export function rangeBar({
  title,
  input,
  summary,
}: {
  title: string;
  input: Node;
  summary: Node;
}): HTMLElement {
  const bar = el(
    "section",
    { class: "card trends-range", style: "padding: 0.8rem 1.2rem; margin: 0 0 1.5rem" },
    el("h2", { class: "section-title", style: "margin: 0" }, title),
    controls(input),
    summary,
  );
  if (typeof matchMedia === "function") {
    const wide = matchMedia(WIDE);
    const apply = () => {
      bar.style.position = wide.matches ? "sticky" : "";
      bar.style.top = wide.matches ? "0" : "";
      bar.style.zIndex = wide.matches ? "5" : "";
    };
    apply();
    wide.addEventListener("change", apply);
  }
  return bar;
}

/** Lays out a form's inputs on one row (Inputs.form stacks them by default). */
export const inlineForm = (inputs: Record<string, Node>): HTMLElement =>
  el("div", { style: "display: flex; flex-wrap: wrap; gap: 0 1.5rem" }, Object.values(inputs));
