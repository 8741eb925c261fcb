// The Ratings takeaway sentences: the sentence chosen for a rising, falling, flat or missing trend,
// for group differences before and after Holm, and the figures written in English and French.
import { describe, expect, it } from "vitest";
import type {
  ClusterPeriod,
  DistributionSummary,
  GroupSummary,
  TrendSummary,
  WeekendTest,
} from "../src/lib/contracts/ratings.js";
import { seasonInSentence, translator, type Lang } from "../src/lib/i18n/index.js";
import {
  distributionTakeaway,
  extremes,
  groupsTakeaway,
  trendTakeaway,
  validationTakeaway,
  weekendTakeaway,
} from "../src/lib/ratings/takeaways.js";

const ctx = (lang: Lang) => ({ lang, t: translator(lang) });
/** French separates thousands and units with (narrow) no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

type Stats = DistributionSummary["stats"];
const stats = (mean: number | null, n = 100, extra: Partial<Stats> = {}): Stats => ({
  interactions: n + 10,
  n,
  unrated: 10,
  unratedShare: 10 / (n + 10),
  mean,
  sd: 1,
  ci: mean === null ? null : [mean - 0.1, mean + 0.1],
  shareFive: 0.7,
  shareLow: 0.05,
  ...extra,
});

function trend(headline: { slope: number; p: number; ci: [number, number] } | null): TrendSummary {
  return {
    from: 2002,
    to: 2011,
    minMonthly: 1500,
    monthsKept: 96,
    monthsExcluded: 12,
    ratingsExcluded: 4321,
    series: [],
    wls: null,
    ols: null,
    headline: headline && {
      ...headline,
      intercept: 4.5,
      slopeSE: 0.001,
      seMethod: "knapp-hartung",
      tau2: 0,
      i2: 0.2,
      lag1: 0.1,
      months: 96,
    },
    spearman: null,
    volumes: { min: 1500, q1: 2000, median: 2500, q3: 3000, max: 9000, mean: 2600, cv: 0.456 },
    variance: { unweighted: null, weighted: null },
    slopeShift: 0.1234,
  };
}

describe("trendTakeaway", () => {
  it("says the rating rose when the slope is positive and significant", () => {
    const text = trendTakeaway(trend({ slope: 0.01234, p: 0.0004, ci: [0.005, 0.02] }), ctx("en"));
    expect(text).toBe(
      "From 2002 to 2011, the monthly mean rating rose by 0.0123 stars a year (95 % CI +0.0050 to +0.0200, p < 0.001; headline fit over 96 months with at least 1,500 ratings).",
    );
  });

  it("says the rating fell when the slope is negative and significant, in French", () => {
    const text = plain(trendTakeaway(trend({ slope: -0.02, p: 0.012, ci: [-0.03, -0.01] }), ctx("fr")));
    expect(text).toMatch(/^De 2002 à 2011/);
    expect(text).toContain("baissé de 0,0200");
    expect(text).toContain("p = 0,012");
    expect(text).toContain("1 500");
    expect(text).toBe(
      translator("fr")("ratings.trend.takeaway.down", {
        from: "2002",
        to: "2011",
        slope: "0,0200",
        low: "−0,0300",
        high: "−0,0100",
        p: "p = 0,012",
        months: "96",
        min: "1 500",
      }).replace(/[\u00a0\u202f]/g, " "),
    );
  });

  it("calls a trend flat when p ≥ 0.05 whatever the sign of the slope", () => {
    const text = trendTakeaway(trend({ slope: 0.03, p: 0.2, ci: [-0.01, 0.07] }), ctx("en"));
    expect(text).toContain("shows no significant trend: +0.0300 stars a year");
    expect(text).toContain("p = 0.200");
  });

  it("says too few months qualify when there is no headline fit", () => {
    expect(trendTakeaway(trend(null), ctx("en"))).toBe(
      "From 2002 to 2011, too few months have at least 1,500 ratings to fit a trend.",
    );
  });
});

describe("validationTakeaway", () => {
  it("reports months kept and left out, the volume CV and the slope shift from weighting", () => {
    expect(validationTakeaway(trend(null), ctx("en"))).toBe(
      "96 months have at least 1,500 ratings; 12 months with 4,321 ratings in all are left out. The monthly volumes vary with a coefficient of variation of 0.46, and weighting by √n moves the slope by 12.3% of the unweighted slope.",
    );
  });

  it("writes a dash for the shift and the CV when they cannot be computed", () => {
    const s = { ...trend(null), slopeShift: null, volumes: null };
    const text = validationTakeaway(s, ctx("en"));
    expect(text).toContain("coefficient of variation of –,");
    expect(text).toContain("moves the slope by – of");
  });
});

describe("distributionTakeaway", () => {
  const cluster: ClusterPeriod = {
    kind: "full",
    from: 1999,
    to: 2018,
    n: 1000,
    users: 50,
    mean: 4.4,
    naiveSE: 0.01,
    clusterSE: 0.05,
    ci: [4.3, 4.5],
    designEffect: 25,
  };
  const s: DistributionSummary = {
    from: 1999,
    to: 2018,
    counts: [10, 5, 5, 10, 20, 60],
    shares: [0.091, 0.045, 0.045, 0.091, 0.182, 0.545],
    stats: stats(4.4, 100, { shareFive: 0.6, shareLow: 0.1, unratedShare: 0.0909 }),
    years: [],
  };

  it("gives the shares, the naive and the cluster-robust interval and the unrated share, in French", () => {
    expect(plain(distributionTakeaway(s, cluster, ctx("fr")))).toBe(
      plain(
        translator("fr")("ratings.distribution.takeaway", {
          five: "60,0 %",
          low: "10,0 %",
          mean: "4,400",
          ciLow: "4,300",
          ciHigh: "4,500",
          clusterLow: "4,300",
          clusterHigh: "4,500",
          period: "1999–2018",
          unrated: "9,1 %",
        }),
      ),
    );
  });

  it("writes dashes for the interval when there are no ratings", () => {
    const empty = { ...s, stats: stats(null, 0) };
    expect(distributionTakeaway(empty, cluster, ctx("en"))).toContain("The mean rating is –: 95 % CI –––");
  });
});

const groups = (means: (number | null)[], anovaP: number, kruskalP: number): GroupSummary => ({
  from: 2000,
  to: 2009,
  groups: means.map((m, i) => ({ group: ["winter", "spring", "summer", "autumn"][i], ...stats(m) })),
  anova: { F: 3, df1: 3, df2: 400, p: anovaP, etaSquared: 0.0123, omegaSquared: 0.01 },
  kruskal: { statistic: 9, df: 3, p: kruskalP, effect: 0.0045 },
  volumeCV: 0.1,
  volumeRatio: 1.2,
});

describe("groupsTakeaway and extremes", () => {
  const name = (g: string) => g.toUpperCase();

  it("finds the best and worst rated groups, ignoring groups without ratings", () => {
    const e = extremes(groups([4.2, null, 4.6, 4.1], 0.01, 0.01))!;
    expect([e.best.group, e.worst.group]).toEqual(["summer", "autumn"]);
    expect(extremes(groups([null, null], 0.01, 0.01))).toBeNull();
  });

  it("calls the difference significant when a Holm-adjusted p stays below 0.05", () => {
    // Holm over [0.01, 0.04]: 0.02 and 0.04.
    const text = groupsTakeaway(groups([4.2, 4.3, 4.6, 4.1], 0.01, 0.04), name, ctx("en"));
    expect(text).toBe(
      "SUMMER has the highest mean rating (4.600) and AUTUMN the lowest (4.100): a significant difference after Holm (ANOVA p = 0.020, η² = 0.0123; Kruskal–Wallis p = 0.040, ε² = 0.0045). The effect sizes say how much of the spread of ratings the groups explain.",
    );
  });

  it("calls it not significant when Holm lifts both p-values to 0.05 or more", () => {
    // Raw 0.03 and 0.04 would pass alone; Holm makes them 0.06 and 0.06.
    const text = groupsTakeaway(groups([4.2, 4.3, 4.6, 4.1], 0.03, 0.04), name, ctx("en"));
    expect(text).toContain("but the difference is not significant after Holm (ANOVA p = 0.060");
    expect(text).toContain("Kruskal–Wallis p = 0.060");
  });

  it("names seasons as a sentence does: lower case inside it, with the French article, capital first", () => {
    const s = groups([4.2, 4.3, 4.6, 4.1], 0.01, 0.04);
    const fr = plain(groupsTakeaway(s, (g) => seasonInSentence(g, "fr"), ctx("fr")));
    expect(fr).toMatch(
      /^L'été a la note moyenne la plus haute \(4,600\) et l'automne la plus basse \(4,100\)/,
    );
    const en = groupsTakeaway(s, (g) => seasonInSentence(g, "en"), ctx("en"));
    expect(en).toMatch(/^Summer has the highest mean rating \(4\.600\) and autumn the lowest \(4\.100\)/);
    expect(seasonInSentence("Winter", "fr")).toBe("l'hiver");
    expect(seasonInSentence("fall", "fr")).toBe("l'automne");
    expect(seasonInSentence("spring", "fr")).toBe("le printemps");
    expect(() => seasonInSentence("monsoon", "en")).toThrow('"monsoon" is not a season');
  });

  it("says there are too few ratings when a test is missing", () => {
    const s = { ...groups([4.2, 4.3], 0.01, 0.01), kruskal: null };
    expect(groupsTakeaway(s, name, ctx("en"))).toBe("Too few ratings in these years to compare the groups.");
  });
});

describe("weekendTakeaway", () => {
  const test = (pu: number, pw: number): WeekendTest => ({
    weekday: stats(4.41),
    weekend: stats(4.45),
    mannWhitney: { U: 1000, z: 2, p: pu, rankBiserial: 0.0123 },
    welch: { t: 2, df: 300, p: pw, meanDiff: 0.04, cohensD: 0.031 },
  });

  it("reports a significant weekend difference with its small effect sizes", () => {
    expect(weekendTakeaway(test(0.001, 0.3), ctx("en"))).toBe(
      "Weekend ratings average 4.450 against 4.410 on weekdays (+0.040 stars, Cohen's d = 0.031): a significant difference (Mann–Whitney p = 0.002 after Holm, rank-biserial r = 0.012).",
    );
  });

  it("reports no significant difference in French when both adjusted p-values are large", () => {
    const text = plain(weekendTakeaway(test(0.2, 0.4), ctx("fr")));
    expect(text).toContain("4,450");
    expect(text).toContain("+0,040");
    expect(text).toContain("p = 0,400");
    expect(text).not.toBe(plain(weekendTakeaway(test(0.001, 0.4), ctx("fr"))));
  });

  it("falls back to the too-few-ratings sentence without the tests", () => {
    const s = { ...test(0.01, 0.01), welch: null };
    expect(weekendTakeaway(s, ctx("en"))).toBe("Too few ratings in these years to compare the groups.");
  });
});
