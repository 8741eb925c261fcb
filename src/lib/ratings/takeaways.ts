// The sentences of the Ratings cards: catalogue templates filled from the results of
// src/lib/ratings, so no number is ever written by hand. A difference is called significant only
// at ALPHA after the correction the card states (Holm across a card's tests).
import type {
  ClusterPeriod,
  DistributionSummary,
  GroupSummary,
  PropertiesSummary,
  PropertyKey,
  TrendSummary,
  WeekendTest,
} from "../contracts/ratings.js";
import { formatInteger, formatNumber, formatPercent, formatPValue, formatSigned } from "../format.js";
import { upperFirst, type Lang, type Translate } from "../i18n/index.js";
import { holm } from "../stats/index.js";
import { ALPHA } from "./keys.js";

export interface Ctx {
  lang: Lang;
  t: Translate;
}

const stars = (x: number | null | undefined, lang: Lang) => formatNumber(x, lang, 3);

/** Holm-adjusted p-values of a card's tests, in order (null where a test is missing). */
export function holmAdjusted(ps: readonly (number | null | undefined)[]): (number | null)[] {
  const present = ps.flatMap((p, i) => (p == null ? [] : [{ p, i }]));
  const adjusted = holm(present.map((x) => x.p));
  const out: (number | null)[] = ps.map(() => null);
  present.forEach((x, j) => (out[x.i] = adjusted[j]));
  return out;
}

export function trendTakeaway(s: TrendSummary, { lang, t }: Ctx): string {
  const h = s.headline;
  if (!h)
    return t("ratings.trend.takeaway.none", {
      from: String(s.from),
      to: String(s.to),
      min: formatInteger(s.minMonthly, lang),
    });
  const key = h.p < ALPHA ? (h.slope > 0 ? "up" : "down") : "flat";
  return t(`ratings.trend.takeaway.${key}`, {
    from: String(s.from),
    to: String(s.to),
    // "rose by" / "fell by" carry the sign: their size alone, never "fell by −0.02"; a flat fit
    // gives its signed slope.
    slope: key === "flat" ? formatSigned(h.slope, lang, 4) : formatNumber(Math.abs(h.slope), lang, 4),
    low: formatSigned(h.ci[0], lang, 4),
    high: formatSigned(h.ci[1], lang, 4),
    p: formatPValue(h.p, lang),
    months: formatInteger(h.months, lang),
    min: formatInteger(s.minMonthly, lang),
  });
}

export function validationTakeaway(s: TrendSummary, { lang, t }: Ctx): string {
  return t("ratings.validation.takeaway", {
    kept: formatInteger(s.monthsKept, lang),
    min: formatInteger(s.minMonthly, lang),
    excluded: formatInteger(s.monthsExcluded, lang),
    ratings: formatInteger(s.ratingsExcluded, lang),
    cv: formatNumber(s.volumes?.cv, lang, 2),
    shift: s.slopeShift === null ? "–" : formatPercent(s.slopeShift, lang, 1),
  });
}

export function distributionTakeaway(
  s: DistributionSummary,
  cluster: ClusterPeriod,
  { lang, t }: Ctx,
): string {
  const ci = s.stats.ci;
  return t("ratings.distribution.takeaway", {
    five: formatPercent(s.stats.shareFive, lang),
    low: formatPercent(s.stats.shareLow, lang),
    mean: stars(s.stats.mean, lang),
    ciLow: stars(ci?.[0], lang),
    ciHigh: stars(ci?.[1], lang),
    clusterLow: stars(cluster.ci[0], lang),
    clusterHigh: stars(cluster.ci[1], lang),
    period: `${cluster.from}–${cluster.to}`,
    unrated: formatPercent(s.stats.unratedShare, lang),
  });
}

/** The group with the highest and the lowest mean rating. */
export function extremes(s: GroupSummary) {
  const rated = s.groups.filter((g) => g.mean !== null);
  if (rated.length === 0) return null;
  const sorted = [...rated].sort((a, b) => (b.mean as number) - (a.mean as number));
  return { best: sorted[0], worst: sorted[sorted.length - 1] };
}

export function groupsTakeaway(s: GroupSummary, name: (group: string) => string, { lang, t }: Ctx): string {
  const e = extremes(s);
  if (!e || !s.anova || !s.kruskal) return t("ratings.groups.takeaway.none");
  const [pa, pk] = holmAdjusted([s.anova.p, s.kruskal.p]);
  const significant = (pa ?? 1) < ALPHA || (pk ?? 1) < ALPHA;
  return upperFirst(
    t(`ratings.groups.takeaway.${significant ? "significant" : "flat"}`, {
      best: name(e.best.group),
      bestMean: stars(e.best.mean, lang),
      worst: name(e.worst.group),
      worstMean: stars(e.worst.mean, lang),
      p: formatPValue(pa, lang),
      eta: formatNumber(s.anova.etaSquared, lang, 4),
      pk: formatPValue(pk, lang),
      epsilon: formatNumber(s.kruskal.effect, lang, 4),
    }),
  );
}

export function weekendTakeaway(s: WeekendTest, { lang, t }: Ctx): string {
  if (!s.mannWhitney || !s.welch) return t("ratings.groups.takeaway.none");
  const [pu, pw] = holmAdjusted([s.mannWhitney.p, s.welch.p]);
  const significant = (pu ?? 1) < ALPHA || (pw ?? 1) < ALPHA;
  return t(`ratings.weekdays.takeaway.${significant ? "significant" : "flat"}`, {
    weekend: stars(s.weekend.mean, lang),
    weekday: stars(s.weekday.mean, lang),
    diff: formatSigned(s.welch.meanDiff, lang, 3),
    d: formatNumber(s.welch.cohensD, lang, 3),
    p: formatPValue(pu, lang),
    r: formatNumber(s.mannWhitney.rankBiserial, lang, 3),
  });
}

/**
 * The sentence of the "What rates well" card: over every group of every property, how many differ
 * from the rest after BH (within their property), the best- and lowest-rated group and the largest
 * |Cohen's d|. `name` labels a group of a property.
 */
export function propertiesTakeaway(
  s: PropertiesSummary,
  name: (property: PropertyKey, group: string) => string,
  { lang, t }: Ctx,
): string {
  const all = (Object.keys(s.properties) as PropertyKey[]).flatMap((property) =>
    s.properties[property].groups.map((g, i) => ({
      property,
      ...g,
      test: s.properties[property].vsRest[i],
    })),
  );
  const tested = all.filter((g) => g.mean !== null && g.test.adjusted !== null);
  if (tested.length === 0) return t("ratings.properties.takeaway.none");
  const sorted = [...tested].sort((a, b) => (b.mean as number) - (a.mean as number));
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  const largest = Math.max(...tested.map((g) => Math.abs(g.test.cohensD ?? 0)));
  return t("ratings.properties.takeaway.some", {
    significant: formatInteger(tested.filter((g) => (g.test.adjusted as number) < ALPHA).length, lang),
    tested: formatInteger(tested.length, lang),
    best: name(best.property, best.group),
    bestMean: stars(best.mean, lang),
    bestDiff: formatSigned(best.test.meanDiff, lang, 3),
    worst: name(worst.property, worst.group),
    worstMean: stars(worst.mean, lang),
    worstDiff: formatSigned(worst.test.meanDiff, lang, 3),
    d: formatNumber(largest, lang, 3),
  });
}
