// The tables of the Seasonality cards: per-season figures, and the tests with their statistic,
// degrees of freedom, p (raw or adjusted, as the card states) and effect size. Test rows carry
// `data-testid` and their raw statistic and p as data-* (read by the browser test).
import type { ItemRow, SeasonMean, VolumeSeason, Box } from "../../../lib/contracts/seasonality.js";
import {
  formatInteger,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
} from "../../../lib/format.js";
import { seasonName, type Lang, type Translate } from "../../../lib/i18n/index.js";
import { formatQValue } from "../../../lib/trends/takeaways.js";
import { SEASONS } from "../../../lib/calendar.js";
import { el } from "../../dom.js";
import { dataTable } from "../../table.js";

interface Ctx {
  lang: Lang;
  t: Translate;
}

export interface TestRow {
  id: string;
  label: string;
  test: string;
  statistic: number | null;
  df: string;
  p: number | null;
  /** Adjusted p-value, when the card corrects a family of tests. */
  adjusted?: number | null;
  effect: string;
}

export function testsTable(
  rows: TestRow[],
  { lang, t, testId, adjusted }: Ctx & { testId: string; adjusted?: "holm" | "bh" },
) {
  const table = dataTable(rows, [
    { label: t("seasonality.table.measure"), value: (r) => r.label },
    { label: t("seasonality.table.test"), value: (r) => r.test },
    {
      label: t("seasonality.table.statistic"),
      value: (r) => formatNumber(r.statistic, lang, 2),
      numeric: true,
    },
    { label: t("seasonality.table.df"), value: (r) => r.df, numeric: true, optional: true },
    { label: t("seasonality.table.p"), value: (r) => formatPValue(r.p, lang), numeric: true },
    ...(adjusted
      ? [
          {
            label: t(adjusted === "holm" ? "seasonality.table.pHolm" : "seasonality.table.q"),
            value: (r: TestRow) =>
              adjusted === "holm" ? formatPValue(r.adjusted, lang) : formatQValue(r.adjusted, lang),
            numeric: true,
          },
        ]
      : []),
    { label: t("seasonality.table.effect"), value: (r) => r.effect, numeric: true },
  ]);
  table.setAttribute("data-testid", testId);
  table.querySelectorAll("tbody tr").forEach((tr, i) => {
    const r = rows[i];
    tr.setAttribute("data-testid", `${testId}-${r.id}`);
    if (r.statistic != null) tr.setAttribute("data-statistic", String(r.statistic));
    if (r.p != null) tr.setAttribute("data-p", String(r.p));
    if (r.adjusted != null) tr.setAttribute("data-adjusted", String(r.adjusted));
  });
  return table;
}

export function volumeTable(rows: VolumeSeason[], { lang, t }: Ctx) {
  return dataTable(rows, [
    { label: t("seasonality.table.season"), value: (r) => seasonName(r.season, lang) },
    { label: t("seasonality.table.recipes"), value: (r) => formatInteger(r.n, lang), numeric: true },
    { label: t("seasonality.table.share"), value: (r) => formatPercent(r.share, lang), numeric: true },
    {
      label: t("seasonality.table.deviation"),
      value: (r) => `${formatSigned(r.deviation * 100, lang, 1)} %`,
      numeric: true,
    },
    {
      label: t("seasonality.table.days"),
      value: (r) => formatInteger(r.days, lang),
      numeric: true,
      optional: true,
    },
    {
      label: t("seasonality.table.calendarShare"),
      value: (r) => formatPercent(r.calendarShare, lang),
      numeric: true,
      optional: true,
    },
    { label: t("seasonality.table.perDay"), value: (r) => formatNumber(r.perDay, lang, 1), numeric: true },
  ]);
}

/** Season means of the reader's years, with the median and IQR of the rank test's period. */
export function meansTable(
  means: SeasonMean[],
  boxes: Box[] | null,
  { lang, t, digits = 1 }: Ctx & { digits?: number },
) {
  const rows = SEASONS.map((s, i) => ({ ...means[i], box: boxes?.[i] ?? null, name: seasonName(s, lang) }));
  return dataTable(rows, [
    { label: t("seasonality.table.season"), value: (r) => r.name },
    { label: t("seasonality.table.recipes"), value: (r) => formatInteger(r.n, lang), numeric: true },
    { label: t("seasonality.table.mean"), value: (r) => formatNumber(r.mean, lang, digits), numeric: true },
    {
      label: t("seasonality.table.sd"),
      value: (r) => formatNumber(r.sd, lang, digits),
      numeric: true,
      optional: true,
    },
    ...(boxes
      ? [
          {
            label: t("seasonality.table.median"),
            value: (r: (typeof rows)[number]) => formatNumber(r.box?.median, lang, 1),
            numeric: true,
          },
          {
            label: t("seasonality.table.iqr"),
            value: (r: (typeof rows)[number]) =>
              r.box ? `${formatNumber(r.box.q1, lang, 1)}–${formatNumber(r.box.q3, lang, 1)}` : "–",
            numeric: true,
          },
        ]
      : []),
  ]);
}

/** The items of the heatmap with their shares, test and effect size. */
export function itemsTable(rows: ItemRow[], { lang, t }: Ctx) {
  return dataTable(rows, [
    { label: t("seasonality.table.item"), value: (r) => (r.significant ? `${r.item} *` : r.item) },
    ...SEASONS.map((s, i) => ({
      label: seasonName(s, lang),
      value: (r: ItemRow) => formatPercent(r.shares[i], lang),
      numeric: true,
      optional: true,
    })),
    { label: "χ²", value: (r) => formatNumber(r.statistic, lang, 1), numeric: true, optional: true },
    { label: t("seasonality.table.q"), value: (r) => formatQValue(r.q, lang), numeric: true },
    { label: t("seasonality.table.v"), value: (r) => formatNumber(r.cramersV, lang, 3), numeric: true },
  ]);
}

/** A muted one-line note with a test id (the period of a rank test, the structural-tag note). */
export const note = (text: string, testId: string) =>
  el("p", { class: "muted", "data-testid": testId, style: "margin: 0" }, text);

/** Raw means of the seven nutrition values per season (the heatmap shows their z-scores). */
export function nutritionMeansTable(
  rows: { label: string; means: (number | null)[]; digits: number }[],
  { lang, t }: Ctx,
) {
  return dataTable(rows, [
    { label: t("seasonality.table.nutrient"), value: (r) => r.label },
    ...SEASONS.map((s, i) => ({
      label: seasonName(s, lang),
      value: (r: (typeof rows)[number]) => formatNumber(r.means[i], lang, r.digits),
      numeric: true,
    })),
  ]);
}
