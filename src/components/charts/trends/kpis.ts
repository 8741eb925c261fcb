// KPI tiles of the Trends cards, formatted in the page's language, each with a stable test id and
// its raw values: Volume (years, recipes, mean per year, peak year, share of the busiest years)
// and Preparation time (mean, median and dispersion pooled over the last LATEST_YEARS years of the
// range, never one thin year; the headline slopes of the mean and the median).
import type { DurationSummary, VolumeSummary } from "../../../lib/contracts/trends.js";
import {
  formatInteger,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatPValue,
  MISSING,
} from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { BANDS, type Band } from "../../../lib/trends/duration.js";
import { CONFIDENCE } from "../../../lib/trends/fit.js";
import { formatInterval, formatSlope } from "../../../lib/trends/takeaways.js";
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
      {
        testId: "trends-kpi-busiest",
        data: {
          value: s.concentration.busiestShare,
          gini: s.concentration.gini,
          k: s.concentration.busiestYears,
        },
        label: t("trends.volume.kpis.busiest.label", {
          k: formatInteger(s.concentration.busiestYears, lang),
        }),
        value: formatPercent(s.concentration.busiestShare, lang, 0),
        sub: t("trends.volume.kpis.busiest.sub", {
          gini: s.concentration.gini === null ? MISSING : formatNumber(s.concentration.gini, lang, 2),
        }),
      },
    ],
    t("trends.volume.kpis.label"),
  );
}

export function durationKpis(s: DurationSummary, band: Band, ctx: Context): HTMLElement {
  const { lang, t } = ctx;
  const w = s.latest;
  const window = { from: String(w.from), to: String(w.to) };
  const [lo, hi] = BANDS[band];
  const slope = (which: "mean" | "median") => {
    const fit = s.headline[which];
    const key = which === "mean" ? "slopeMean" : "slopeMedian";
    return {
      testId: `trends-kpi-duration-slope-${which}`,
      data: { value: fit?.slope, p: fit?.p, low: fit?.ci[0], high: fit?.ci[1], years: fit?.years },
      label: t(`trends.duration.kpis.${key}.label`),
      value: fit
        ? t("trends.units.perYear", {
            value: formatSlope(fit.slope, lang, { signed: true }),
            unit: t("trends.units.minutes"),
          })
        : t("trends.fit.none"),
      sub: fit
        ? t(`trends.duration.kpis.${key}.sub`, {
            level: formatPercent(CONFIDENCE, lang, 0),
            ci: formatInterval(fit.ci, fit.slope, ctx),
            p: formatPValue(fit.p, lang),
          })
        : undefined,
    };
  };
  const pooled = { from: w.from, to: w.to, recipes: w.recipes };
  return kpiRow(
    [
      {
        testId: "trends-kpi-duration-mean",
        data: { value: w.mean, ...pooled },
        label: t("trends.duration.kpis.mean.label", window),
        value: formatMinutes(w.mean, lang, 1),
        sub: t("trends.duration.kpis.mean.sub", { n: formatInteger(w.recipes, lang) }),
      },
      {
        testId: "trends-kpi-duration-median",
        data: { value: w.median, ...pooled },
        label: t("trends.duration.kpis.median.label", window),
        value: formatMinutes(w.median, lang, 1),
        sub: t("trends.duration.kpis.median.sub", { n: formatInteger(w.recipes, lang) }),
      },
      slope("mean"),
      slope("median"),
      {
        testId: "trends-kpi-duration-dispersion",
        data: { value: w[hi] - w[lo], ...pooled },
        label: t("trends.duration.kpis.dispersion.label", window),
        value: formatMinutes(w[hi] - w[lo], lang, 1),
        sub: t("trends.duration.kpis.dispersion.sub", { band: t(`trends.duration.band.${band}`) }),
      },
    ],
    t("trends.duration.kpis.label"),
  );
}
