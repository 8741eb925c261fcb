// Tables of the Weekday / Weekend cards: the two groups side by side (n, mean, SD from the range;
// median and quartiles from the box-plot period) and the tests behind a card. Rows carry stable
// test ids and their raw figures as data-* attributes, for the browser test.
import type { MeasureSummary, RankPeriod } from "../../../lib/contracts/weekend.js";
import { formatInteger, formatNumber, formatPValue } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { DAY_TYPES } from "../../../lib/weekend/keys.js";
import { effectSize, periodLabel } from "../../../lib/weekend/takeaways.js";
import { el } from "../../dom.js";
import { dataTable } from "../../table.js";

export type DataValues = Record<string, number | string | null | undefined>;

export function setData(node: Element, testId: string, values: DataValues = {}): void {
  node.setAttribute("data-testid", testId);
  for (const [key, value] of Object.entries(values)) {
    if (value == null) continue;
    node.setAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(value));
  }
}

export interface Ctx {
  lang: Lang;
  t: Translate;
}

/** The two groups of one measure: n, mean and SD of the range; median and Q1–Q3 of the box period. */
export function groupTable(
  s: MeasureSummary,
  period: RankPeriod,
  { lang, t, digits = 1, testId }: Ctx & { digits?: number; testId: string },
): HTMLElement {
  const n = (x: number | null) => formatNumber(x, lang, digits);
  const table = dataTable(
    [...DAY_TYPES],
    [
      { label: t("weekend.summary.group"), value: (g) => t(`weekend.groups.${g}`) },
      { label: t("weekend.summary.n"), numeric: true, value: (g) => formatInteger(s[g].n, lang) },
      { label: t("weekend.summary.mean"), numeric: true, value: (g) => n(s[g].mean) },
      { label: t("weekend.summary.sd"), numeric: true, value: (g) => n(s[g].sd) },
      { label: t("weekend.summary.median"), numeric: true, value: (g) => n(period[g].median) },
      {
        label: t("weekend.summary.iqr"),
        numeric: true,
        value: (g) => t("weekend.summary.range", { low: n(period[g].q1), high: n(period[g].q3) }),
      },
    ],
    { caption: t("weekend.summary.caption") },
  );
  table.setAttribute("data-testid", testId);
  table.querySelectorAll("tbody tr").forEach((tr, i) => {
    const g = DAY_TYPES[i];
    setData(tr, `${testId}-${g}`, { n: s[g].n, mean: s[g].mean, sd: s[g].sd, median: period[g].median });
  });
  const note = el(
    "p",
    { class: "muted", style: "margin: 0.25rem 0 0; font-size: 0.85em" },
    t("weekend.summary.note", { period: periodLabel(period, t) }),
  );
  return el("div", {}, table, note);
}

export interface TestRow {
  /** Short id used in the row's test id. */
  id: string;
  label: string;
  statistic: number | null;
  df: number | null;
  p: number | null;
  /** Adjusted p (Holm or BH) when the card corrects for several tests. */
  adjusted?: number | null;
  effect: string;
  years: string;
}

/** The tests behind a card, one row each. */
export function testsTable(rows: TestRow[], { lang, t, testId }: Ctx & { testId: string }): HTMLElement {
  const withAdjusted = rows.some((r) => r.adjusted !== undefined);
  const table = dataTable(
    rows,
    [
      { label: t("weekend.tests.test"), value: (r) => r.label },
      { label: t("weekend.tests.period"), value: (r) => r.years },
      {
        label: t("weekend.tests.statistic"),
        numeric: true,
        value: (r) => formatNumber(r.statistic, lang, 2),
      },
      { label: t("weekend.tests.df"), numeric: true, value: (r) => formatNumber(r.df, lang, 1) },
      { label: t("weekend.tests.p"), numeric: true, value: (r) => formatPValue(r.p, lang) },
      ...(withAdjusted
        ? [
            {
              label: t("weekend.tests.adjusted"),
              numeric: true,
              value: (r: TestRow) =>
                r.adjusted == null ? t("weekend.tests.none") : formatPValue(r.adjusted, lang),
            },
          ]
        : []),
      { label: t("weekend.tests.effect"), value: (r) => r.effect },
    ],
    { caption: t("weekend.tests.caption") },
  );
  table.setAttribute("data-testid", testId);
  table.querySelectorAll("tbody tr").forEach((tr, i) => {
    const r = rows[i];
    setData(tr, `${testId}-${r.id}`, {
      statistic: r.statistic,
      df: r.df,
      p: r.p,
      adjusted: r.adjusted,
      years: r.years,
    });
  });
  return table;
}

/**
 * The two test rows of a measure: Welch's t over the reader's range (with Cohen's d) and
 * Mann–Whitney U over the box-plot period (with the rank-biserial r), optionally with adjusted p.
 */
export function measureTestRows(
  s: MeasureSummary,
  period: RankPeriod,
  { lang, t }: Ctx,
  {
    id = "",
    label = "",
    adjusted,
  }: { id?: string; label?: string; adjusted?: { welch: number | null; rank: number | null } } = {},
): TestRow[] {
  const prefix = (x: string) => (label ? `${label}: ${x}` : x);
  const sized = (x: number, kind: "d" | "r") => t(`weekend.effect.${effectSize(x, kind)}`);
  const w = s.welch;
  const u = period.mannWhitney;
  return [
    {
      id: `${id}welch`,
      label: prefix(t("weekend.tests.welch")),
      statistic: w?.t ?? null,
      df: w?.df ?? null,
      p: w?.p ?? null,
      ...(adjusted ? { adjusted: adjusted.welch } : {}),
      effect: w
        ? t("weekend.tests.cohensD", { d: formatNumber(w.cohensD, lang, 2), size: sized(w.cohensD, "d") })
        : t("weekend.tests.none"),
      years: `${s.from}–${s.to}`,
    },
    {
      id: `${id}mann-whitney`,
      label: prefix(t("weekend.tests.mannWhitney")),
      statistic: u?.U ?? null,
      df: null,
      p: u?.p ?? null,
      ...(adjusted ? { adjusted: adjusted.rank } : {}),
      effect: u
        ? t("weekend.tests.rankBiserial", {
            r: formatNumber(u.rankBiserial, lang, 2),
            size: sized(u.rankBiserial, "r"),
          })
        : t("weekend.tests.none"),
      years: `${period.from}–${period.to}`,
    },
  ];
}
