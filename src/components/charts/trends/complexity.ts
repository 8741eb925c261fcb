// A panel of the Complexity card: one measure's yearly mean with its ±1 sd band and headline trend.
import type { ComplexityMeasure, ComplexityYear, HeadlineFit } from "../../../lib/contracts/trends.js";
import { formatInteger, formatNumber } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import { SD_FIELDS } from "../../../lib/trends/complexity.js";
import type { Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { yearlyChart, type YearlyPoint } from "./yearly.js";

/** One colour per measure: orange, gold, red-orange, as the original's three panels. */
export const MEASURE_COLORS: Record<ComplexityMeasure, string> = {
  score: COLORS.orange,
  steps: COLORS.gold,
  ingredients: COLORS.redOrange,
};

export function complexityPanel(
  rows: ComplexityYear[],
  measure: ComplexityMeasure,
  fit: HeadlineFit | null,
  {
    width,
    height,
    lang,
    t,
    band = true,
  }: { width: number; height?: number; lang: Lang; t: Translate; /** Draw the ±1 sd band. */ band?: boolean },
): Figure {
  const points: (YearlyPoint & { sd: number | null })[] = rows.map((d) => {
    const sd = d[SD_FIELDS[measure]];
    const value = d[measure];
    return {
      year: d.year,
      n: d.n,
      value,
      sd,
      low: sd == null ? null : value - sd,
      high: sd == null ? null : value + sd,
    };
  });
  return yearlyChart(points, {
    width,
    height,
    lang,
    t,
    title: t(`trends.complexity.measures.${measure}`),
    seriesLabel: t("trends.complexity.mean"),
    bandLabel: band ? t("trends.complexity.band") : undefined,
    color: MEASURE_COLORS[measure],
    fit,
    tip: (d) =>
      t("trends.complexity.tip", {
        year: String(d.year),
        n: formatInteger(d.n, lang),
        value: formatNumber(d.value, lang, 2),
        sd: formatNumber((d as (typeof points)[number]).sd, lang, 2),
      }),
  });
}
