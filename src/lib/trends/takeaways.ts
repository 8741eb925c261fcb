// The takeaway sentences of the Trends cards, built from results: each builder picks a message
// key by the sign and significance of a slope (or a threshold of a statistic) and fills its
// parameters, formatted in the page's language. The words live in the catalogues
// (src/lib/i18n/{en,fr}/trends.ts); no figure is written anywhere but here, from the data.
import {
  NUTRIENTS,
  type ComplexitySummary,
  type DurationSummary,
  type ItemKind,
  type ItemsSummary,
  type NutritionStatistic,
  type NutritionSummary,
  type TrendFit,
  type VolumeSummary,
} from "../contracts/trends.js";
import { formatInteger, formatNumber, formatPValue, formatSigned } from "../format.js";
import type { Lang, MessageKey, Params, Translate } from "../i18n/index.js";
import { direction } from "./fit.js";

/** One sentence: a catalogue key and its parameters, already formatted. */
export interface Sentence {
  key: MessageKey;
  params: Params;
}

export interface TakeawayContext {
  lang: Lang;
  t: Translate;
}

/** Thresholds of the Q-Q R² for "close to normal" and "roughly normal" (the original app's). */
export const NORMALITY = { close: 0.95, rough: 0.9 } as const;

/** Decimals that show two significant digits of a slope (0.46, 0.0008 → 0.00080, 12.66 → 12.66). */
export function slopeDigits(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 2;
  return Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(Math.abs(x)))));
}

export const formatSlope = (x: number, lang: Lang, { signed = false } = {}): string =>
  signed ? formatSigned(x, lang, slopeDigits(x)) : formatNumber(Math.abs(x), lang, slopeDigits(x));

export const formatR2 = (r2: number, lang: Lang): string => formatNumber(r2, lang, 2);

const year = (y: number) => String(y);

/**
 * "{subject} rose by {slope} {unit} per year between {from} and {to} (R² …, p …)", or fell, or
 * showed no significant trend — the sentence every yearly trend of the page uses.
 */
export function trendSentence(
  fit: TrendFit | null,
  { subject, unit, from, to }: { subject: string; unit: string; from: number; to: number },
  { lang }: TakeawayContext,
): Sentence {
  if (!fit) return { key: "trends.sentence.none", params: { subject, from: year(from), to: year(to) } };
  const slope = fit.slope;
  const params = {
    subject,
    unit,
    from: year(from),
    to: year(to),
    r2: formatR2(fit.r2, lang),
    p: formatPValue(fit.p, lang),
  };
  const d = direction(fit);
  if (d === "flat")
    return {
      key: "trends.sentence.flat",
      params: { ...params, slope: formatSlope(slope, lang, { signed: true }) },
    };
  return {
    key: d === "up" ? "trends.sentence.up" : "trends.sentence.down",
    params: { ...params, slope: formatSlope(slope, lang) },
  };
}

/** A short clause for a secondary measure: "rose (+0.10 per year)", "fell (…)", "shows no significant trend". */
export function trendClause(fit: TrendFit | null, { lang, t }: TakeawayContext): string {
  const d = direction(fit);
  if (!fit || d === "flat") return t("trends.clause.flat");
  return t(d === "up" ? "trends.clause.up" : "trends.clause.down", {
    slope: formatSlope(fit.slope, lang, { signed: true }),
  });
}

/** Renders sentences into the takeaway line. */
export const renderTakeaway = (sentences: readonly Sentence[], t: Translate): string =>
  sentences.map((s) => t(s.key, s.params)).join(" ");

export function volumeTakeaway(s: VolumeSummary, { lang }: TakeawayContext): Sentence[] {
  if (s.years === 1) {
    return [
      {
        key: "trends.volume.takeawayOneYear",
        params: { total: formatInteger(s.total, lang), year: year(s.from) },
      },
    ];
  }
  const counts: Sentence = {
    key: "trends.volume.takeaway",
    params: {
      total: formatInteger(s.total, lang),
      years: formatInteger(s.years, lang),
      from: year(s.from),
      to: year(s.to),
      mean: formatInteger(s.mean, lang),
      peakYear: year(s.peakYear),
      peakN: formatInteger(s.peakN, lang),
    },
  };
  if (!s.qq) return [counts];
  const r2 = s.qq.r2;
  const key: MessageKey =
    r2 >= NORMALITY.close
      ? "trends.volume.normality.close"
      : r2 >= NORMALITY.rough
        ? "trends.volume.normality.rough"
        : "trends.volume.normality.far";
  return [counts, { key, params: { r2: formatR2(r2, lang) } }];
}

export function durationTakeaway(s: DurationSummary, ctx: TakeawayContext): Sentence[] {
  const unit = ctx.t("trends.units.minutes");
  const range = { from: s.from, to: s.to, unit };
  return [
    trendSentence(s.trend.mean, { ...range, subject: ctx.t("trends.duration.subject.mean") }, ctx),
    trendSentence(s.trend.median, { ...range, subject: ctx.t("trends.duration.subject.median") }, ctx),
  ];
}

export function complexityTakeaway(s: ComplexitySummary, ctx: TakeawayContext): Sentence[] {
  return [
    trendSentence(
      s.trend.score,
      {
        subject: ctx.t("trends.complexity.subject"),
        unit: ctx.t("trends.units.points"),
        from: s.from,
        to: s.to,
      },
      ctx,
    ),
    {
      key: "trends.complexity.takeawayOthers",
      params: { steps: trendClause(s.trend.steps, ctx), ingredients: trendClause(s.trend.ingredients, ctx) },
    },
  ];
}

export function nutritionTakeaway(
  s: NutritionSummary,
  statistic: NutritionStatistic,
  ctx: TakeawayContext,
): Sentence[] {
  const fits = NUTRIENTS.map((k) => s.trend[statistic][k]);
  const count = (d: "up" | "down") => fits.filter((f) => direction(f) === d).length;
  return [
    {
      key: "trends.nutrition.takeawayCount",
      params: {
        down: formatInteger(count("down"), ctx.lang),
        up: formatInteger(count("up"), ctx.lang),
        total: formatInteger(NUTRIENTS.length, ctx.lang),
        from: year(s.from),
        to: year(s.to),
      },
    },
    trendSentence(
      s.trend[statistic].calories,
      {
        subject: ctx.t(
          statistic === "mean" ? "trends.nutrition.subject.mean" : "trends.nutrition.subject.median",
        ),
        unit: ctx.t("trends.units.kcal"),
        from: s.from,
        to: s.to,
      },
      ctx,
    ),
  ];
}

/** Shares are fractions; sentences and charts show them in percentage points. */
export const SHARE_POINTS = 100;

export function itemsTakeaway(
  s: ItemsSummary,
  { kind, sampleSize }: { kind: ItemKind; sampleSize: number },
  ctx: TakeawayContext,
): Sentence[] {
  const { lang, t } = ctx;
  const [riser] = s.risers;
  const [decliner] = s.decliners;
  const slope = (x: number) => formatSlope(x * SHARE_POINTS, lang, { signed: true });
  let movers: Sentence;
  if (riser && decliner) {
    movers = {
      key: "trends.items.movers.both",
      params: {
        riser: riser.item,
        riserSlope: slope(riser.slope),
        riserP: formatPValue(riser.p, lang),
        decliner: decliner.item,
        declinerSlope: slope(decliner.slope),
        declinerP: formatPValue(decliner.p, lang),
      },
    };
  } else if (riser || decliner) {
    const m = (riser ?? decliner)!;
    movers = {
      key: riser ? "trends.items.movers.riserOnly" : "trends.items.movers.declinerOnly",
      params: { item: m.item, slope: slope(m.slope), p: formatPValue(m.p, lang) },
    };
  } else {
    movers = { key: "trends.items.movers.none", params: { from: year(s.from), to: year(s.to) } };
  }
  const diversity = trendSentence(
    s.diversityTrend,
    {
      subject: t(`trends.items.${kind}.diversitySubject`, { size: formatInteger(sampleSize, lang) }),
      unit: t(`trends.items.${kind}.unit`),
      from: s.from,
      to: s.to,
    },
    ctx,
  );
  return [movers, diversity];
}
