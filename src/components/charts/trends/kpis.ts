// KPI tiles of the Trends cards, formatted in the page's language, each with a stable test id and
// its raw value: Volume (years, recipes, mean per year, peak year) and Preparation time (last
// year's mean and median, the two WLS slopes, last year's dispersion).
import type { DurationSummary, DurationYear, VolumeSummary } from "../../../lib/contracts/trends.js";
import { formatInteger, formatMinutes, formatPValue, MISSING } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { BANDS, type Band } from "../../../lib/trends/duration.js";
import { formatR2, formatSlope } from "../../../lib/trends/takeaways.js";
import { kpiRow } from "./panels.js";

interface Context {
  lang: Lang;
  t: Translate;
}

export function volumeKpis(s: VolumeSummary, { lang, t }: Context): HTMLElement {
  return kpiRow(
    [
      {
        testId: "trends-kpi-years",
        data: { value: s.years, from: s.from, to: s.to },
        label: t("trends.volume.kpis.years.label"),
        value: formatInteger(s.years, lang),
        sub: t("trends.volume.kpis.years.sub", { from: String(s.from), to: String(s.to) }),
      },
      {
        testId: "trends-kpi-total",
        data: { value: s.total },
        label: t("trends.volume.kpis.total.label"),
        value: formatInteger(s.total, lang),
        sub: t("trends.volume.kpis.total.sub"),
      },
      {
        testId: "trends-kpi-mean",
        data: { value: s.mean },
        label: t("trends.volume.kpis.mean.label"),
        value: formatInteger(s.mean, lang),
        sub: t("trends.volume.kpis.mean.sub", { median: formatInteger(s.stats.median, lang) }),
      },
      {
        testId: "trends-kpi-peak",
        data: { value: s.peakYear, n: s.peakN },
        label: t("trends.volume.kpis.peak.label"),
        value: String(s.peakYear),
        sub: t("trends.volume.kpis.peak.sub", { n: formatInteger(s.peakN, lang) }),
      },
    ],
    t("trends.volume.kpis.label"),
  );
}

export function durationKpis(
  rows: DurationYear[],
  s: DurationSummary,
  band: Band,
  { lang, t }: Context,
): HTMLElement {
  const last = rows[rows.length - 1];
  const year = last ? String(last.year) : MISSING;
  const [lo, hi] = BANDS[band];
  const slope = (which: "mean" | "median") => {
    const fit = s.trend[which];
    const key = which === "mean" ? "slopeMean" : "slopeMedian";
    return {
      testId: `trends-kpi-duration-slope-${which}`,
      data: { value: fit?.slope, p: fit?.p, r2: fit?.r2 },
      label: t(`trends.duration.kpis.${key}.label`),
      value: fit
        ? t("trends.units.perYear", {
            value: formatSlope(fit.slope, lang, { signed: true }),
            unit: t("trends.units.minutes"),
          })
        : t("trends.fit.none"),
      sub: fit
        ? t(`trends.duration.kpis.${key}.sub`, { r2: formatR2(fit.r2, lang), p: formatPValue(fit.p, lang) })
        : undefined,
    };
  };
  return kpiRow(
    [
      {
        testId: "trends-kpi-duration-mean",
        data: { value: last?.mean, year: last?.year },
        label: t("trends.duration.kpis.mean.label", { year }),
        value: formatMinutes(last?.mean, lang, 1),
        sub: t("trends.duration.kpis.mean.sub"),
      },
      {
        testId: "trends-kpi-duration-median",
        data: { value: last?.median, year: last?.year },
        label: t("trends.duration.kpis.median.label", { year }),
        value: formatMinutes(last?.median, lang, 1),
        sub: t("trends.duration.kpis.median.sub"),
      },
      slope("mean"),
      slope("median"),
      {
        testId: "trends-kpi-duration-dispersion",
        data: { value: last ? last[hi] - last[lo] : null },
        label: t("trends.duration.kpis.dispersion.label", { year }),
        value: formatMinutes(last ? last[hi] - last[lo] : null, lang, 1),
        sub: t("trends.duration.kpis.dispersion.sub", { band: t(`trends.duration.band.${band}`) }),
      },
    ],
    t("trends.duration.kpis.label"),
  );
}
