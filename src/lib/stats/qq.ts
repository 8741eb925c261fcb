// Normal quantile-quantile plot data, matching scipy.stats.probplot(x, dist="norm"): theoretical
// quantiles are Φ⁻¹ of Filliben's (1975) estimates of the uniform order-statistic medians
//   m_n = 0.5^(1/n),  m_1 = 1 − m_n,  m_i = (i − 0.3175) / (n + 0.365) for 1 < i < n,
// paired with the sorted sample, plus the least-squares line sample ≈ intercept + slope·theoretical
// and its correlation r (r2 = r², the probability-plot correlation used as a normality score).
// n = 0 gives no points; n = 1 gives one point at 0 and NaN fit; constant data gives NaN r/r2.
// NaN values sort last and poison the fit; filter with finiteValues first.
import type { Numbers } from "./checks.js";
import { pearson } from "./correlation.js";
import { normalQuantile } from "./distributions.js";
import { ols } from "./regression.js";

export interface QQPoint {
  theoretical: number;
  sample: number;
}

export interface NormalQQ {
  points: QQPoint[];
  slope: number;
  intercept: number;
  r: number;
  r2: number;
}

/** Filliben's uniform order-statistic medians for a sample of size n (scipy's convention). */
export function fillibenMedians(n: number): number[] {
  if (n <= 0) return [];
  const last = Math.pow(0.5, 1 / n);
  const m = Array.from({ length: n }, (_, k) => (k + 1 - 0.3175) / (n + 0.365));
  m[n - 1] = last;
  m[0] = 1 - last; // for n = 1 this overwrites m_n with 0.5, as scipy does
  return m;
}

export function normalQQ(xs: Numbers): NormalQQ {
  const sample = Float64Array.from(xs).sort();
  const theoretical = fillibenMedians(sample.length).map(normalQuantile);
  const points = theoretical.map((t, i) => ({ theoretical: t, sample: sample[i] }));
  if (sample.length < 2) return { points, slope: NaN, intercept: NaN, r: NaN, r2: NaN };
  const fit = ols(theoretical, sample);
  const r = pearson(theoretical, sample);
  return { points, slope: fit.slope, intercept: fit.intercept, r, r2: r * r };
}
