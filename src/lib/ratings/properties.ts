// What rates well (item 6): ratings 1–5 grouped by a property of the rated recipe — preparation-time
// band, complexity band, number of ingredients, top tags — over the reader's year range, from each
// (year, group)'s counts of ratings 0–5. Every group is compared with the ratings of all other
// recipes (Welch t), and because a property has many groups those p-values are BH-corrected within
// the property. Bands partition the ratings, so a one-way ANOVA across them holds too; tags
// overlap (a recipe has many), so they get only the group-vs-rest tests. No Kruskal–Wallis here:
// it needs every rating expanded and sorted (~0.5 s per property at full scale, in the build and
// again in the browser at each range change), and the ANOVA with η² answers the same question
// at this sample size.
import type {
  GroupYear,
  PropertyKey,
  PropertySummary,
  PropertiesSummary,
  StarCounts,
} from "../contracts/ratings.js";
import type { YearRange } from "../contracts/trends.js";
import { benjaminiHochberg, coefficientOfVariation, oneWayAnova, welchT } from "../stats/index.js";
import { addCounts, ratingStats, ratingSums } from "./counts.js";
import { groupCounts } from "./groups.js";

export const PROPERTIES = ["minutes", "complexity", "ingredients", "tags"] as const;

/** Properties whose groups split the rated interactions into disjoint parts. */
const PARTITIONS: readonly PropertyKey[] = ["minutes", "complexity", "ingredients"];

/**
 * One property's groups over the range: statistics per group, a one-way ANOVA when the groups
 * partition the ratings, and each group against the rest (`totals` − group) with BH.
 */
export function summarizeProperty(
  perYear: readonly GroupYear[],
  totals: readonly GroupYear[],
  range: YearRange,
  groups: readonly string[],
  partition: boolean,
): PropertySummary {
  const rows = groupCounts(perYear, range, groups);
  const summary = describeGroups(rows);
  const rated = rows.map((g) => ratingSums(g.counts)).filter((g) => g.n > 0);
  const a = partition && rated.length >= 2 ? oneWayAnova(rated) : null;
  const total = addCounts(groupCounts(totals, range, ["all"]).map((g) => g.counts));
  const tests = rows.map(({ counts }) => {
    const inGroup = ratingSums(counts);
    const rest = ratingSums(total.map((c, k) => c - counts[k]) as StarCounts);
    if (inGroup.n < 2 || rest.n < 2) return null;
    const w = welchT(inGroup, rest);
    return [w.t, w.df, w.p, w.meanDiff, w.cohensD].every(Number.isFinite) ? w : null;
  });
  const adjusted = benjaminiHochberg(tests.map((w) => w?.p ?? NaN));
  return {
    from: range.from,
    to: range.to,
    ...summary,
    anova:
      a && [a.F, a.p, a.etaSquared, a.omegaSquared].every(Number.isFinite)
        ? { F: a.F, df1: a.df1, df2: a.df2, p: a.p, etaSquared: a.etaSquared, omegaSquared: a.omegaSquared }
        : null,
    vsRest: rows.map((r, i) => {
      const w = tests[i];
      return w
        ? {
            group: r.group,
            meanDiff: w.meanDiff,
            t: w.t,
            df: w.df,
            p: w.p,
            adjusted: adjusted[i],
            cohensD: w.cohensD,
          }
        : { group: r.group, meanDiff: null, t: null, df: null, p: null, adjusted: null, cohensD: null };
    }),
  };
}

/** The groups' statistics and volumes, before any test. */
function describeGroups(rows: { group: string; counts: StarCounts }[]) {
  const stats = rows.map((r) => ({
    group: r.group,
    ...ratingStats(r.counts),
  }));
  const volumes = stats.map((s) => s.n);
  const cv = coefficientOfVariation(volumes);
  const low = Math.min(...volumes);
  return {
    groups: stats,
    volumeCV: Number.isFinite(cv) ? cv : null,
    volumeRatio: low > 0 ? Math.max(...volumes) / low : null,
  };
}

/** Every property over the range (the loader's `fullSpan` and the page call this). */
export function summarizeProperties(
  data: {
    perYear: Record<PropertyKey, GroupYear[]>;
    groups: Record<PropertyKey, string[]>;
    totals: GroupYear[];
  },
  range: YearRange,
): PropertiesSummary {
  const out = {} as PropertiesSummary["properties"];
  for (const key of PROPERTIES)
    out[key] = summarizeProperty(
      data.perYear[key],
      data.totals,
      range,
      data.groups[key],
      PARTITIONS.includes(key),
    );
  return { from: range.from, to: range.to, properties: out };
}
