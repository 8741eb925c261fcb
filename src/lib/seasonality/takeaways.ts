// The takeaway sentences of the Seasonality cards, built from results: each builder picks a
// catalogue key by significance (after the correction the card states) and fills it with figures
// formatted in the page's language, always with an effect size, so a "significant" difference on
// tens of thousands of recipes is not mistaken for a large one. No figure is written anywhere else.
// Seasons are named as the catalogue writes them inside a sentence ("winter", « l'hiver »); a
// sentence one opens gets its capital from renderTakeaway.
import { seasonInSentence, type Lang, type Translate } from "../i18n/index.js";
import type {
  ComplexitySummary,
  ItemKind,
  ItemsSummary,
  MeansSummary,
  Nutrient,
  NutritionSummary,
  Period,
  RankPeriod,
  VolumeSummary,
  YearRange,
} from "../contracts/seasonality.js";
import { COMPLEXITY_MEASURES, NUTRIENTS } from "../contracts/trends-keys.js";
import { formatInteger, formatNumber, formatPercent, formatPValue } from "../format.js";
import type { Sentence } from "../trends/takeaways.js";

import { SEASONS } from "../calendar.js";

import { sameRange } from "../periods.js";
import { meanRange } from "./means.js";

/** Significance level of every test on the page. */
export const ALPHA = 0.05;

export interface Context {
  lang: Lang;
  t: Translate;
}

export type EffectSize = "negligible" | "small" | "medium" | "large";

/** Cohen's (1988) bands for w: 0.1, 0.3, 0.5. */
export const sizeOfW = (w: number | null): EffectSize =>
  w === null || w < 0.1 ? "negligible" : w < 0.3 ? "small" : w < 0.5 ? "medium" : "large";

/** Cohen's bands for η² and ε²: 0.01, 0.06, 0.14. */
export const sizeOfEta = (e: number | null): EffectSize =>
  e === null || e < 0.01 ? "negligible" : e < 0.06 ? "small" : e < 0.14 ? "medium" : "large";

export const isSignificant = (p: number | null | undefined): boolean => p != null && p < ALPHA;

export function volumeTakeaway(s: VolumeSummary, { lang, t }: Context): Sentence {
  const byId = Object.fromEntries(s.seasons.map((x) => [x.season, x]));
  const params = {
    max: seasonInSentence(s.max, lang),
    min: seasonInSentence(s.min, lang),
    maxShare: formatPercent(byId[s.max].share, lang),
    minShare: formatPercent(byId[s.min].share, lang),
    total: formatInteger(s.total, lang),
    p: formatPValue(s.equalShares.p, lang),
    w: formatNumber(s.equalShares.cohensW, lang, 3),
  };
  if (!isSignificant(s.equalShares.p)) return { key: "seasonality.volume.takeaway.notSignificant", params };
  return {
    key: "seasonality.volume.takeaway.significant",
    params: {
      ...params,
      size: t(`seasonality.sizes.${sizeOfW(s.equalShares.cohensW)}`),
      calendarP: s.calendar
        ? `${formatPValue(s.calendar.p, lang)}, w = ${formatNumber(s.calendar.cohensW, lang, 3)}`
        : t("seasonality.tests.none"),
    },
  };
}

export function durationTakeaway(s: MeansSummary, period: RankPeriod, { lang, t }: Context): Sentence | null {
  const r = meanRange(s.seasons);
  if (!r) return null;
  const k = period.kruskal;
  const params = {
    max: seasonInSentence(r.max.season, lang),
    min: seasonInSentence(r.min.season, lang),
    maxMean: `${formatNumber(r.max.mean, lang, 1)} ${t("seasonality.unit.minutes")}`,
    minMean: `${formatNumber(r.min.mean, lang, 1)} ${t("seasonality.unit.minutes")}`,
    from: String(period.from),
    to: String(period.to),
    p: formatPValue(k.p, lang),
    epsilon: formatNumber(k.epsilonSquared, lang, 4),
  };
  return isSignificant(k.p)
    ? {
        key: "seasonality.duration.takeaway.significant",
        params: { ...params, size: t(`seasonality.sizes.${sizeOfEta(k.epsilonSquared)}`) },
      }
    : { key: "seasonality.duration.takeaway.notSignificant", params };
}

export function complexityTakeaway(s: ComplexitySummary, { lang, t }: Context): Sentence {
  const largest = COMPLEXITY_MEASURES.reduce((a, b) =>
    (s.measures[b].anova?.etaSquared ?? -1) > (s.measures[a].anova?.etaSquared ?? -1) ? b : a,
  );
  const eta = s.measures[largest].anova?.etaSquared ?? null;
  const significant = COMPLEXITY_MEASURES.filter((m) => isSignificant(s.holm[m]));
  if (significant.length === 0) {
    return { key: "seasonality.complexity.takeaway.none", params: { eta: formatNumber(eta, lang, 4) } };
  }
  const max = meanRange(s.measures.score.seasons);
  return {
    key: "seasonality.complexity.takeaway.some",
    params: {
      measures: significant.map((m) => t(`seasonality.complexity.measures.${m}`).toLowerCase()).join(", "),
      size: t(`seasonality.sizes.${sizeOfEta(eta)}`),
      eta: formatNumber(eta, lang, 4),
      measure: t(`seasonality.complexity.measures.${largest}`).toLowerCase(),
      max: max ? seasonInSentence(max.max.season, lang) : "–",
    },
  };
}

export function nutritionTakeaway(s: NutritionSummary, { lang, t }: Context): Sentence {
  const largest: Nutrient = NUTRIENTS.reduce((a, b) =>
    (s.nutrients[b].anova?.etaSquared ?? -1) > (s.nutrients[a].anova?.etaSquared ?? -1) ? b : a,
  );
  const eta = formatNumber(s.nutrients[largest].anova?.etaSquared ?? null, lang, 4);
  const nutrient = t(`seasonality.nutrition.nutrients.${largest}`);
  const significant = NUTRIENTS.filter((k) => isSignificant(s.nutrients[k].q)).length;
  if (significant === 0) return { key: "seasonality.nutrition.takeaway.none", params: { eta, nutrient } };
  const r = meanRange(s.nutrients[largest].seasons);
  return {
    key: "seasonality.nutrition.takeaway.some",
    params: {
      significant: formatInteger(significant, lang),
      count: formatInteger(NUTRIENTS.length, lang),
      nutrient,
      eta,
      max: r ? seasonInSentence(r.max.season, lang) : "–",
      min: r ? seasonInSentence(r.min.season, lang) : "–",
    },
  };
}

export function itemsTakeaway(s: ItemsSummary, kind: ItemKind, { lang, t }: Context): Sentence {
  const unit = t(`seasonality.items.${kind}.unit`);
  if (s.tested === 0) return { key: "seasonality.items.takeaway.empty", params: { unit } };
  const tested = formatInteger(s.tested, lang);
  if (s.significant === 0) return { key: "seasonality.items.takeaway.none", params: { tested, unit } };
  const top = s.rows.find((r) => r.significant)!;
  const peak = top.shares.indexOf(Math.max(...top.shares));
  return {
    key: "seasonality.items.takeaway.some",
    params: {
      significant: formatInteger(s.significant, lang),
      tested,
      unit,
      alpha: formatNumber(ALPHA, lang, 2),
      item: top.item,
      v: formatNumber(top.cramersV, lang, 3),
      season: seasonInSentence(SEASONS[peak], lang),
      share: formatPercent(top.shares[peak], lang),
    },
  };
}

/** "Rank test and boxes: 2000–2009…": which period a card's rank test covers, and whether it is the reader's range. */
export function periodSentence(period: Period, range: YearRange): Sentence {
  return {
    key: sameRange(period, range) ? "seasonality.period.exact" : "seasonality.period.other",
    params: { from: String(period.from), to: String(period.to) },
  };
}
