// The Overview's KPI tiles, from the dataset KPIs of the overview loader: counts, rating, and the
// date spans of recipes and interactions, all formatted in the page's language. Each tile's
// sub-label says which rows it counts (kept recipes; every kept interaction), and kpiNote says it
// in full under the grid.
import type { DatasetKpis } from "../lib/contracts/overview.js";
import { formatDate, formatInteger, formatMonthYear, formatNumber, formatShare } from "../lib/format.js";
import { translator, type Lang } from "../lib/i18n/index.js";
import type { Kpi } from "./kpi.js";

/** The sentence under the tiles: which set each counts, with the integrity split of the interactions. */
export function kpiNote(k: DatasetKpis, lang: Lang): string {
  return translator(lang)("overview.kpis.note", {
    onKept: formatInteger(k.interactionsOnKeptRecipes, lang),
    onSetAside: formatInteger(k.interactions - k.interactionsOnKeptRecipes, lang),
    before: formatInteger(k.interactionsBeforeRecipe, lang),
  });
}

export function overviewKpis(k: DatasetKpis, lang: Lang): Kpi[] {
  const t = translator(lang);
  const range = (first: string, last: string) =>
    t("common.range", {
      from: formatMonthYear(first, lang, { short: true }),
      to: formatMonthYear(last, lang, { short: true }),
    });
  const span = (first: string, last: string) => ({
    from: formatDate(first, lang),
    to: formatDate(last, lang),
  });
  return [
    {
      label: t("overview.kpis.recipes.label"),
      value: formatInteger(k.recipes, lang),
      sub: t("overview.kpis.recipes.sub"),
    },
    {
      label: t("overview.kpis.interactions.label"),
      value: formatInteger(k.interactions, lang),
      sub: t("overview.kpis.interactions.sub", { onKept: formatInteger(k.interactionsOnKeptRecipes, lang) }),
    },
    {
      label: t("overview.kpis.users.label"),
      value: formatInteger(k.users, lang),
      sub: t("overview.kpis.users.sub", { contributors: formatInteger(k.contributors, lang) }),
    },
    {
      label: t("overview.kpis.rated.label"),
      value: formatInteger(k.ratedInteractions, lang),
      sub: t("overview.kpis.rated.sub", {
        share: formatShare(k.interactions ? k.ratedInteractions / k.interactions : NaN, lang),
      }),
    },
    {
      label: t("overview.kpis.meanRating.label"),
      value: formatNumber(k.meanRating, lang, 2),
      sub: t("overview.kpis.meanRating.sub"),
    },
    {
      label: t("overview.kpis.recipeDates.label"),
      value: range(k.recipeDates.first, k.recipeDates.last),
      variant: "text",
      sub: t("overview.kpis.recipeDates.sub", span(k.recipeDates.first, k.recipeDates.last)),
    },
    {
      label: t("overview.kpis.interactionDates.label"),
      value: range(k.interactionDates.first, k.interactionDates.last),
      variant: "text",
      sub: t("overview.kpis.interactionDates.sub", span(k.interactionDates.first, k.interactionDates.last)),
    },
    {
      label: t("overview.kpis.years.label"),
      value: t("common.range", { from: String(k.recipeYears.first), to: String(k.recipeYears.last) }),
      variant: "text",
      sub: t("overview.kpis.years.sub", { n: k.recipeYears.last - k.recipeYears.first + 1 }),
    },
  ];
}
