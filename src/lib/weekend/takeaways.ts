// The takeaway sentences of the Weekday / Weekend cards, chosen by the results (significance after
// the card's correction, effect size) and filled with figures formatted in the page's language.
// The words live in the catalogues (src/lib/i18n/{en,fr}/weekend.ts); no figure is written but here.
import type { YearRange } from "../contracts/trends.js";
import type {
  ComplexitySummary,
  ItemsSummary,
  MeasureSummary,
  NutritionSummary,
  RankPeriod,
  VolumeSummary,
} from "../contracts/weekend.js";
import { formatInteger, formatMinutes, formatNumber, formatPValue, formatSigned } from "../format.js";
import type { Lang, MessageKey, Params, Translate } from "../i18n/index.js";
import { weekdayName } from "../i18n/index.js";
import { ALPHA, COMPLEXITY_MEASURES, NUTRIENTS, type ItemKind } from "./keys.js";

export interface Sentence {
  key: MessageKey;
  params: Params;
}

export interface TakeawayContext {
  lang: Lang;
  t: Translate;
}

export type EffectSize = "negligible" | "small" | "medium" | "large";

/** Cohen's (1988) conventions: d at 0.2 / 0.5 / 0.8; r, w and V at 0.1 / 0.3 / 0.5. */
export function effectSize(value: number, kind: "d" | "r" | "w" | "v"): EffectSize {
  const [small, medium, large] = kind === "d" ? [0.2, 0.5, 0.8] : [0.1, 0.3, 0.5];
  const x = Math.abs(value);
  return x < small ? "negligible" : x < medium ? "small" : x < large ? "medium" : "large";
}

/** An adjusted p-value as reported: "q < 0.001" or "q = 0.042". */
export const formatQ = (q: number | null | undefined, lang: Lang): string =>
  formatPValue(q, lang).replace(/^p/, "q");

const size = (value: number, kind: "d" | "r" | "w" | "v", t: Translate) =>
  t(`weekend.effect.${effectSize(value, kind)}`);

export const renderSentences = (sentences: readonly Sentence[], t: Translate): string =>
  sentences.map((s) => t(s.key, s.params)).join(" ");

/** "the full span 1999–2018" or "2000–2009": which years a rank test covers. */
export function periodLabel(period: RankPeriod, t: Translate): string {
  const years = { from: String(period.from), to: String(period.to) };
  return t(period.kind === "full" ? "weekend.period.full" : "weekend.period.decade", years);
}

export function volumeTakeaway(s: VolumeSummary, { lang, t }: TakeawayContext): Sentence[] {
  const years = { from: String(s.from), to: String(s.to) };
  if (s.total === 0 || s.busiest === null || s.quietest === null)
    return [{ key: "weekend.volume.none", params: years }];
  const sentences: Sentence[] = [
    {
      key: "weekend.volume.takeaway",
      params: {
        ...years,
        total: formatInteger(s.total, lang),
        busiest: weekdayName(s.busiest, lang),
        busiestN: formatInteger(s.weekdays[s.busiest - 1].n, lang),
        quietest: weekdayName(s.quietest, lang),
        quietestN: formatInteger(s.weekdays[s.quietest - 1].n, lang),
        weekendPerDay: formatNumber(s.perDay.weekend, lang, 1),
        weekdayPerDay: formatNumber(s.perDay.weekday, lang, 1),
        difference:
          s.weekendVsWeekday === null ? "–" : formatSigned(s.weekendVsWeekday * 100, lang, 1) + " %",
      },
    },
  ];
  const c = s.chiSquare;
  if (c) {
    const params = {
      statistic: formatNumber(c.statistic, lang, 1),
      df: formatInteger(c.df, lang),
      p: formatPValue(c.p, lang),
      w: formatNumber(c.cohensW, lang, 2),
      size: size(c.cohensW, "w", t),
    };
    sentences.push({ key: c.p < ALPHA ? "weekend.volume.uneven" : "weekend.volume.even", params });
  }
  return sentences;
}

/** The rank-test sentence of a period (Mann–Whitney U, its p and rank-biserial r). */
function rankSentence(period: RankPeriod, { lang, t }: TakeawayContext): Sentence | null {
  const u = period.mannWhitney;
  if (!u) return null;
  return {
    key: "weekend.duration.rank",
    params: {
      period: periodLabel(period, t),
      p: formatPValue(u.p, lang),
      r: formatSigned(u.rankBiserial, lang, 2),
      size: size(u.rankBiserial, "r", t),
    },
  };
}

export function durationTakeaway(s: MeasureSummary, period: RankPeriod, ctx: TakeawayContext): Sentence[] {
  const { lang, t } = ctx;
  const w = s.welch;
  if (!w || s.weekday.mean === null || s.weekend.mean === null)
    return [{ key: "weekend.duration.takeawayNone", params: { from: String(s.from), to: String(s.to) } }];
  const sentences: Sentence[] = [
    {
      key: "weekend.duration.takeaway",
      params: {
        weekend: formatMinutes(s.weekend.mean, lang, 1),
        weekday: formatMinutes(s.weekday.mean, lang, 1),
        difference: `${formatSigned(w.meanDiff, lang, 1)} min`,
        t: formatNumber(w.t, lang, 2),
        p: formatPValue(w.p, lang),
        d: formatSigned(w.cohensD, lang, 2),
        size: size(w.cohensD, "d", t),
      },
    },
  ];
  // Significant on many recipes yet small: say so rather than let "significant" suggest it matters.
  if (w.p < ALPHA && effectSize(w.cohensD, "d") !== "medium" && effectSize(w.cohensD, "d") !== "large")
    sentences.push({ key: "weekend.duration.significant", params: { size: size(w.cohensD, "d", t) } });
  const rank = rankSentence(period, ctx);
  if (rank) sentences.push(rank);
  return sentences;
}

export function complexityTakeaway(
  s: ComplexitySummary,
  ranks: { periods: Record<string, RankPeriod>; holm: Record<string, number | null> },
  ctx: TakeawayContext,
): Sentence[] {
  const { lang, t } = ctx;
  const score = s.measures.score;
  if (!score.welch || score.weekday.mean === null || score.weekend.mean === null)
    return [
      { key: "weekend.complexity.takeawayNone", params: { from: String(score.from), to: String(score.to) } },
    ];
  const significant = COMPLEXITY_MEASURES.filter((m) => (s.holm[m] ?? 1) < ALPHA).length;
  const sentences: Sentence[] = [
    { key: "weekend.complexity.takeaway", params: { count: formatInteger(significant, lang) } },
  ];
  for (const m of COMPLEXITY_MEASURES) {
    const x = s.measures[m];
    if (!x.welch || x.weekday.mean === null || x.weekend.mean === null) continue;
    sentences.push({
      key: "weekend.complexity.detail",
      params: {
        measure: t(`weekend.complexity.measures.${m}`),
        weekend: formatNumber(x.weekend.mean, lang, 2),
        weekday: formatNumber(x.weekday.mean, lang, 2),
        d: formatSigned(x.welch.cohensD, lang, 2),
        size: size(x.welch.cohensD, "d", t),
        q: formatQ(s.holm[m], lang),
      },
    });
  }
  const list = COMPLEXITY_MEASURES.filter((m) => ranks.periods[m].mannWhitney).map((m) =>
    t("weekend.complexity.rankItem", {
      measure: t(`weekend.complexity.measures.${m}`),
      q: formatQ(ranks.holm[m], lang),
      r: formatSigned(ranks.periods[m].mannWhitney!.rankBiserial, lang, 2),
    }),
  );
  if (list.length > 0)
    sentences.push({
      key: "weekend.complexity.rank",
      params: { period: periodLabel(ranks.periods.score, t), list: list.join("; ") },
    });
  return sentences;
}

export function nutritionTakeaway(s: NutritionSummary, { lang, t }: TakeawayContext): Sentence[] {
  const tested = NUTRIENTS.filter((k) => s.nutrients[k].relative !== null && s.nutrients[k].welch);
  if (tested.length === 0)
    return [{ key: "weekend.nutrition.takeawayNone", params: { from: String(s.from), to: String(s.to) } }];
  const sentences: Sentence[] = [
    { key: "weekend.nutrition.takeaway", params: { count: formatInteger(s.significant, lang) } },
  ];
  const byGap = (keys: typeof tested) =>
    [...keys].sort((a, b) => Math.abs(s.nutrients[b].relative!) - Math.abs(s.nutrients[a].relative!))[0];
  const significant = tested.filter((k) => s.nutrients[k].significant);
  const k = significant.length > 0 ? byGap(significant) : byGap(tested);
  const x = s.nutrients[k];
  sentences.push({
    key: significant.length > 0 ? "weekend.nutrition.largestSignificant" : "weekend.nutrition.largestNot",
    params: {
      nutrient: t(`weekend.nutrition.nutrients.${k}`),
      relative: `${formatSigned(x.relative! * 100, lang, 1)} %`,
      d: formatSigned(x.welch!.cohensD, lang, 2),
      size: size(x.welch!.cohensD, "d", t),
      q: formatQ(x.q, lang),
    },
  });
  return sentences;
}

/** A difference of shares in percentage points, signed: "+1.4" / "−0,8". */
export const formatPoints = (difference: number, lang: Lang): string =>
  formatSigned(difference * 100, lang, 2);

export function itemsTakeaway(s: ItemsSummary, kind: ItemKind, { lang, t }: TakeawayContext): Sentence[] {
  const unit = t(`weekend.items.${kind}.unit`);
  const years = { from: String(s.from), to: String(s.to) };
  if (s.tested === 0) return [{ key: "weekend.items.none", params: { ...years, unit } }];
  const sentences: Sentence[] = [
    {
      key: "weekend.items.takeaway",
      params: {
        ...years,
        unit,
        tested: formatInteger(s.tested, lang),
        significant: formatInteger(s.significant, lang),
      },
    },
  ];
  // Name leaders only when they survived the correction: otherwise say how small the effects are.
  const we = s.weekendLeaning.find((r) => r.significant);
  const wd = s.weekdayLeaning.find((r) => r.significant);
  if (we && wd) {
    sentences.push({
      key: "weekend.items.leaders",
      params: {
        weekendItem: we.item,
        weekendDiff: formatPoints(we.difference, lang),
        weekendV: formatNumber(we.cramersV, lang, 3),
        weekdayItem: wd.item,
        weekdayDiff: formatPoints(wd.difference, lang),
        weekdayV: formatNumber(wd.cramersV, lang, 3),
      },
    });
  } else if (we || wd) {
    const r = (we ?? wd)!;
    sentences.push({
      key: "weekend.items.leaderOne",
      params: { item: r.item, diff: formatPoints(r.difference, lang), v: formatNumber(r.cramersV, lang, 3) },
    });
  }
  const maxV = Math.max(0, ...[...s.weekendLeaning, ...s.weekdayLeaning].map((r) => r.cramersV));
  if (effectSize(maxV, "v") === "negligible")
    sentences.push({ key: "weekend.items.small", params: { v: formatNumber(maxV, lang, 3) } });
  return sentences;
}

/** The note under a rank test: which period it covers and whether that is the reader's range. */
export function periodNote(
  period: RankPeriod,
  periods: readonly RankPeriod[],
  range: YearRange,
  { t }: TakeawayContext,
): string {
  const decades = periods.filter((p) => p.kind === "decade").map((p) => `${p.from}–${p.to}`);
  const params = {
    period: periodLabel(period, t),
    decades: decades.length > 0 ? decades.join(", ") : t("weekend.period.noDecades"),
    rangeFrom: String(range.from),
    rangeTo: String(range.to),
  };
  return period.from === range.from && period.to === range.to
    ? t("weekend.period.sameAsRange", params)
    : t("weekend.period.differs", params);
}
