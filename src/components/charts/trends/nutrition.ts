// A panel of the Nutrition card: one nutrient's yearly mean or median with its headline trend.
import type {
  HeadlineFit,
  Nutrient,
  NutritionStatistic,
  NutritionYear,
} from "../../../lib/contracts/trends.js";
import { formatInteger, formatNumber } from "../../../lib/format.js";
import type { Lang, Translate } from "../../../lib/i18n/index.js";
import type { Figure } from "../../plot.js";
import { CHART_PALETTE } from "../../theme.js";
import { yearlyChart } from "./yearly.js";

export function nutritionPanel(
  rows: NutritionYear[],
  nutrient: Nutrient,
  statistic: NutritionStatistic,
  fit: HeadlineFit | null,
  {
    width,
    height,
    lang,
    t,
    index = 0,
  }: { width: number; height?: number; lang: Lang; t: Translate; index?: number },
): Figure {
  // Blue is kept for the trend lines: nutrients cycle through the other palette colours.
  const colors = CHART_PALETTE.filter((c) => c !== "#1E90FF");
  return yearlyChart(
    rows.map((d) => ({ year: d.year, n: d.count[nutrient], value: d[statistic][nutrient] })),
    {
      width,
      height,
      lang,
      t,
      title: t(`trends.nutrition.nutrients.${nutrient}`),
      seriesLabel: t(`trends.nutrition.statistic.${statistic}`),
      color: colors[index % colors.length],
      fit,
      tip: (d) =>
        t("trends.nutrition.tip", {
          year: String(d.year),
          n: formatInteger(d.n, lang),
          value: formatNumber(d.value, lang, nutrient === "calories" ? 0 : 1),
        }),
    },
  );
}
