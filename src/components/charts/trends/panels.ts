// The non-chart parts of the Trends cards: KPI rows and takeaways that carry stable test ids and
// their raw values (data-value…, read by the browser test), the table of WLS fits, and the
// detailed statistics of the yearly recipe counts.
import type { TrendFit, VolumeSummary } from "../../../lib/contracts/trends.js";
import {
  formatInteger,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
  MISSING,
} from "../../../lib/format.js";
import { CONFIDENCE } from "../../../lib/trends/fit.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { renderTakeaway, formatR2, slopeDigits, type Sentence } from "../../../lib/trends/takeaways.js";
import { el } from "../../dom.js";
import { kpiGrid, type Kpi } from "../../kpi.js";
import { dataTable } from "../../table.js";

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
  /** Short id of the series, used in the row's test id. */
  id: string;
  label: string;
  fit: TrendFit | null;
}

/** The WLS details: slope, intercept, weighted R², p-value and confidence interval per series. */
export function fitTable(
  rows: FitRow[],
  { lang, t, testId }: { lang: Lang; t: Translate; testId: string },
): HTMLElement {
  const signed = (x: number, like: number) => formatSigned(x, lang, slopeDigits(like) + 1);
  const missing = (f: TrendFit | null, text: (fit: TrendFit) => string) =>
    f ? text(f) : t("trends.fit.none");
  const table = dataTable(
    rows,
    [
      { label: t("trends.fit.series"), value: (r) => r.label },
      {
        label: t("trends.fit.slope"),
        numeric: true,
        value: (r) => missing(r.fit, (f) => signed(f.slope, f.slope)),
      },
      {
        label: t("trends.fit.intercept"),
        numeric: true,
        value: (r) => missing(r.fit, (f) => formatNumber(f.intercept, lang, 2)),
      },
      { label: t("trends.fit.r2"), numeric: true, value: (r) => missing(r.fit, (f) => formatR2(f.r2, lang)) },
      {
        label: t("trends.fit.p"),
        numeric: true,
        value: (r) => missing(r.fit, (f) => formatPValue(f.p, lang)),
      },
      {
        label: t("trends.fit.ci", { level: formatPercent(CONFIDENCE, lang, 0) }),
        numeric: true,
        value: (r) =>
          missing(r.fit, (f) =>
            t("common.range", { from: signed(f.ci[0], f.slope), to: signed(f.ci[1], f.slope) }),
          ),
      },
      {
        label: t("trends.fit.years"),
        numeric: true,
        value: (r) => missing(r.fit, (f) => formatInteger(f.years, lang)),
      },
    ],
    { caption: t("trends.fit.caption") },
  );
  table.setAttribute("data-testid", testId);
  table.querySelectorAll("tbody tr").forEach((tr, i) => {
    const { id, fit } = rows[i];
    setData(
      tr as HTMLElement,
      `${testId}-${id}`,
      fit ? { slope: fit.slope, intercept: fit.intercept, r2: fit.r2, p: fit.p } : {},
    );
  });
  return table;
}

/** Detailed statistics of the yearly counts (the original's "Detailed statistics" expander). */
export function volumeStatsTable(s: VolumeSummary, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  const n = (x: number | null) => formatNumber(x, lang, 1);
  const rows: [string, string][] = [
    [t("trends.volume.stats.min"), formatInteger(s.stats.min, lang)],
    [t("trends.volume.stats.q1"), n(s.stats.q1)],
    [t("trends.volume.stats.median"), n(s.stats.median)],
    [t("trends.volume.stats.mean"), n(s.stats.mean)],
    [t("trends.volume.stats.q3"), n(s.stats.q3)],
    [t("trends.volume.stats.max"), formatInteger(s.stats.max, lang)],
    [t("trends.volume.stats.std"), n(s.stats.std)],
    [t("trends.volume.stats.cv"), formatPercent(s.stats.cv, lang)],
    [t("trends.volume.stats.r2"), s.qq ? formatR2(s.qq.r2, lang) : MISSING],
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
