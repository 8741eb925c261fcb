// The takeaway sentences of the Trends cards, built from results: each builder picks a message
// key by the sign and significance of a headline slope (or the size of a statistic) and fills its
// parameters, formatted in the page's language. The words live in the catalogues
// (src/lib/i18n/{en,fr}/trends.ts); no figure is written anywhere but here, from the data.
// Sentences use the headline fits only (src/lib/trends/fit.ts); a slope over fewer than
// MIN_TREND_YEARS years is reported as such, never called a rise or a fall.
import type {
  ComplexitySummary,
  DurationSummary,
  HeadlineFit,
  ItemKind,
  ItemsSummary,
  NutritionStatistic,
  NutritionSummary,
  VolumeSummary,
} from "../contracts/trends.js";
import { NUTRIENTS } from "../contracts/trends-keys.js";
import { formatInteger, formatNumber, formatPercent, formatPValue, formatSigned } from "../format.js";
import { upperFirst, type Lang, type MessageKey, type Params, type Translate } from "../i18n/index.js";
import { ALPHA, CONFIDENCE, direction, MIN_TREND_YEARS } from "./fit.js";

/** One sentence: a catalogue key and its parameters, already formatted. */
export interface Sentence {
  key: MessageKey;
  params: Params;
}

export interface TakeawayContext {
  lang: Lang;
  t: Translate;
}

/** Decimals that show two significant digits of a slope (0.46, 0.0008 → 0.00080, 12.66 → 12.66). */
export function slopeDigits(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 2;
  return Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(Math.abs(x)))));
}

export const formatSlope = (x: number, lang: Lang, { signed = false } = {}): string =>
  signed ? formatSigned(x, lang, slopeDigits(x)) : formatNumber(Math.abs(x), lang, slopeDigits(x));

export const formatR2 = (r2: number, lang: Lang): string => formatNumber(r2, lang, 2);

/** An adjusted p-value as reported: `q < 0.001`, otherwise `q = 0.042` (three decimals). */
export function formatQValue(q: number | null | undefined, lang: Lang): string {
  return formatPValue(q, lang).replace(/^p/, "q");
}

/** The confidence interval of a slope, both ends signed with the slope's digits ("−0.61 to −0.31"). */
export const formatInterval = (
  [low, high]: readonly [number, number],
  like: number,
  { lang, t }: TakeawayContext,
): string =>
  t("trends.interval", {
    low: formatSigned(low, lang, slopeDigits(like)),
    high: formatSigned(high, lang, slopeDigits(like)),
  });

const year = (y: number) => String(y);

/**
 * "{subject} rose by {slope} {unit} per year between {from} and {to} (95 % CI …, p …)", or fell,
 * or showed no significant trend, or covers too few years to call it a trend — the sentence every
 * yearly trend of the page uses, from its headline fit.
 */
export function trendSentence(
  fit: HeadlineFit | null,
  { subject, unit, from, to }: { subject: string; unit: string; from: number; to: number },
  ctx: TakeawayContext,
): Sentence {
  const { lang } = ctx;
  if (!fit) return { key: "trends.sentence.none", params: { subject, from: year(from), to: year(to) } };
  const params = {
    subject,
    unit,
    from: year(from),
    to: year(to),
    level: formatPercent(CONFIDENCE, lang, 0),
    ci: formatInterval(fit.ci, fit.slope, ctx),
    p: formatPValue(fit.p, lang),
  };
  if (fit.years < MIN_TREND_YEARS) {
    return {
      key: "trends.sentence.short",
      params: {
        ...params,
        slope: formatSlope(fit.slope, lang, { signed: true }),
        years: formatInteger(fit.years, lang),
        min: formatInteger(MIN_TREND_YEARS, lang),
      },
    };
  }
  const d = direction(fit);
  if (d === "flat")
    return {
      key: "trends.sentence.flat",
      params: { ...params, slope: formatSlope(fit.slope, lang, { signed: true }) },
    };
  return {
    key: d === "up" ? "trends.sentence.up" : "trends.sentence.down",
    params: { ...params, slope: formatSlope(fit.slope, lang) },
  };
}

/** A short clause for a secondary measure: "rising (+0.10 per year)", "falling (…)", "no significant trend". */
export function trendClause(fit: HeadlineFit | null, { lang, t }: TakeawayContext): string {
  const d = direction(fit);
  if (!fit || d === "flat") return t("trends.clause.flat");
  return t(d === "up" ? "trends.clause.up" : "trends.clause.down", {
    slope: formatSlope(fit.slope, lang, { signed: true }),
  });
}

/** Renders sentences into the takeaway line. */
/** The sentences as text, each opening with a capital (a season or item name may start one). */
export const renderTakeaway = (sentences: readonly Sentence[], t: Translate): string =>
  sentences.map((s) => upperFirst(t(s.key, s.params))).join(" ");

export function volumeTakeaway(s: VolumeSummary, ctx: TakeawayContext): Sentence[] {
  const { lang, t } = ctx;
  if (s.years === 1) {
    return [
      {
        key: "trends.volume.takeawayOneYear",
        params: { total: formatInteger(s.total, lang), year: year(s.from) },
      },
    ];
  }
  const sentences: Sentence[] = [
    {
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
    },
  ];
  const { busiestShare, busiestYears, gini } = s.concentration;
  if (busiestShare !== null && gini !== null) {
    sentences.push({
      key: "trends.volume.concentration",
      params: {
        k: formatInteger(busiestYears, lang),
        share: formatPercent(busiestShare, lang, 0),
        gini: formatNumber(gini, lang, 2),
      },
    });
  }
  sentences.push(
    trendSentence(
      s.headline,
      { subject: t("trends.volume.subject"), unit: t("trends.units.recipes"), from: s.from, to: s.to },
      ctx,
    ),
  );
  return sentences;
}

export function durationTakeaway(s: DurationSummary, ctx: TakeawayContext): Sentence[] {
  const unit = ctx.t("trends.units.minutes");
  const range = { from: s.from, to: s.to, unit };
  return [
    trendSentence(s.headline.mean, { ...range, subject: ctx.t("trends.duration.subject.mean") }, ctx),
    trendSentence(s.headline.median, { ...range, subject: ctx.t("trends.duration.subject.median") }, ctx),
  ];
}

export function complexityTakeaway(s: ComplexitySummary, ctx: TakeawayContext): Sentence[] {
  return [
    trendSentence(
      s.headline.score,
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
      params: {
        steps: trendClause(s.headline.steps, ctx),
        ingredients: trendClause(s.headline.ingredients, ctx),
      },
    },
  ];
}

/**
 * How many of the seven nutrients moved, by their Holm-adjusted headline p-values (seven tests:
 * the count is a claim about all of them), then the calories sentence, calories being the one
 * nutrient named in advance.
 */
export function nutritionTakeaway(
  s: NutritionSummary,
  statistic: NutritionStatistic,
  ctx: TakeawayContext,
): Sentence[] {
  const moves = NUTRIENTS.map((k) => {
    const fit = s.headline[statistic][k];
    const q = s.holm[statistic][k];
    return fit && q !== null ? direction({ slope: fit.slope, p: q, years: fit.years }) : "flat";
  });
  const count = (d: "up" | "down") => moves.filter((m) => m === d).length;
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
      s.headline[statistic].calories,
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
  const slope = (x: number) => formatSlope(x * SHARE_POINTS, lang, { signed: true });
  const range = { from: year(s.from), to: year(s.to) };
  const sentences: Sentence[] = [];
  if (s.years < MIN_TREND_YEARS || s.tested === 0) {
    sentences.push({
      key: "trends.items.movers.short",
      params: { ...range, years: formatInteger(s.years, lang), min: formatInteger(MIN_TREND_YEARS, lang) },
    });
  } else {
    const counts = {
      ...range,
      tested: formatInteger(s.tested, lang),
      unit: t(`trends.items.${kind}.unit`),
      up: formatInteger(s.significantRisers, lang),
      down: formatInteger(s.significantDecliners, lang),
      alpha: formatNumber(ALPHA, lang, 2),
    };
    const [riser] = s.risers;
    const [decliner] = s.decliners;
    if (!riser && !decliner) {
      sentences.push({ key: "trends.items.movers.countsNone", params: counts });
    } else {
      sentences.push({ key: "trends.items.movers.counts", params: counts });
      if (riser && decliner) {
        sentences.push({
          key: "trends.items.movers.both",
          params: {
            riser: riser.item,
            riserSlope: slope(riser.slope),
            riserQ: formatQValue(riser.q, lang),
            decliner: decliner.item,
            declinerSlope: slope(decliner.slope),
            declinerQ: formatQValue(decliner.q, lang),
          },
        });
      } else {
        const m = (riser ?? decliner)!;
        sentences.push({
          key: riser ? "trends.items.movers.riserOnly" : "trends.items.movers.declinerOnly",
          params: { item: m.item, slope: slope(m.slope), q: formatQValue(m.q, lang) },
        });
      }
    }
  }
  sentences.push(
    trendSentence(
      s.diversityHeadline,
      {
        subject: t(`trends.items.${kind}.diversitySubject`, { size: formatInteger(sampleSize, lang) }),
        unit: t(`trends.items.${kind}.unit`),
        from: s.from,
        to: s.to,
      },
      ctx,
    ),
  );
  return sentences;
}
