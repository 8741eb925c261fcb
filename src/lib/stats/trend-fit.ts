// The headline trend of a yearly series: a random-effects meta-regression of each year's mean on
// the year, with standard errors that also hold when the years' residuals are autocorrelated.
//
// Why not the weighted least squares of the original app (weights = recipes per year): those
// weights are inverse-variance only if all year-to-year scatter were sampling noise. With
// thousands of recipes a year the sampling variance s²/n is tiny, real between-year variation
// dominates, and the few busiest years drive both the slope and its (far too small) error.
//
// The model: y_t = β0 + β1·(x_t − origin) + u_t + ε_t, ε_t ~ (0, v_t = s_t²/n_t) sampling error,
// u_t ~ (0, τ²) between-year variation.
// - τ² by DerSimonian–Laird's method of moments for meta-regression (metafor's method "DL"):
//   Q_E = Σ w(y − ŷ_FE)² with w = 1/v, τ² = max(0, (Q_E − (k − 2)) / tr(P)),
//   P = W − W X (XᵀWX)⁻¹ XᵀW.
// - Estimates by WLS with weights w* = 1/(τ² + v).
// - Two standard errors of the slope:
//   · Knapp–Hartung (metafor test = "knha"): Var = s²·(XᵀW*X)⁻¹, s² = Σ w*(y − ŷ)² / (k − 2),
//     t with k − 2 df — the small-sample correction for between-year variation;
//   · Newey–West (HAC, Bartlett kernel, lag L = ⌊4·(k/100)^(2/9)⌋, small-sample factor k/(k − 2))
//     on the w*-weighted regression — robust to residuals correlated from one year to the next.
//   The headline SE is the larger of the two (conservative: neither assumption is waived), and
//   p and the confidence interval use Student t with k − 2 df.
// - Diagnostics on the standardised residuals √w*·(y − ŷ): lag-1 autocorrelation and the
//   Durbin–Watson statistic (≈ 2 when uncorrelated, → 0 when positively correlated). Lags are by
//   position in x order: a missing year makes its neighbours adjacent.
// Degenerate input (k < 3, x without spread, v with NaN) gives NaN estimates, never an exception;
// negative variances or mismatched lengths throw (caller bugs).
import { assertSameLength, assertUnitOpen, type Numbers } from "./checks.js";
import { tQuantile, twoSidedTPValue } from "./distributions.js";

export interface TrendFitOptions {
  /** x value at which `intercept` is reported (default: the smallest x, i.e. the first year). */
  origin?: number;
  /** Confidence level of `ci`, in (0, 1). Default 0.95. */
  level?: number;
}

export interface RandomEffectsTrend {
  /** Points in the fit. */
  k: number;
  /** Residual degrees of freedom, k − 2. */
  df: number;
  slope: number;
  /** Fitted value at `origin`. */
  intercept: number;
  origin: number;
  /** Headline standard error of the slope: max(seKnappHartung, seNeweyWest). */
  slopeSE: number;
  seKnappHartung: number;
  seNeweyWest: number;
  /** Which of the two the headline uses. */
  seMethod: "knapp-hartung" | "newey-west";
  t: number;
  p: number;
  ci: [number, number];
  level: number;
  /** Between-year variance of the value (DerSimonian–Laird). */
  tau2: number;
  /** Share of the residual variation that is between-year rather than sampling noise, 0–1. */
  i2: number;
  /** Residual heterogeneity statistic of the fixed-effect fit. */
  qE: number;
  /** Lag-1 autocorrelation of the standardised residuals. */
  lag1: number;
  durbinWatson: number;
  /** Newey–West lag used. */
  lag: number;
}

interface Wls {
  b0: number;
  b1: number;
  /** (XᵀWX)⁻¹ entries, with X = [1, x − origin]. */
  i00: number;
  i01: number;
  i11: number;
}

function weightedFit(x: number[], y: number[], w: number[]): Wls {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < x.length; i++) {
    s0 += w[i];
    s1 += w[i] * x[i];
    s2 += w[i] * x[i] * x[i];
    t0 += w[i] * y[i];
    t1 += w[i] * x[i] * y[i];
  }
  const det = s0 * s2 - s1 * s1;
  const i00 = s2 / det;
  const i01 = -s1 / det;
  const i11 = s0 / det;
  return { b0: i00 * t0 + i01 * t1, b1: i01 * t0 + i11 * t1, i00, i01, i11 };
}

const nanFit = (k: number, origin: number, level: number): RandomEffectsTrend => ({
  k,
  df: Math.max(k - 2, 0),
  slope: NaN,
  intercept: NaN,
  origin,
  slopeSE: NaN,
  seKnappHartung: NaN,
  seNeweyWest: NaN,
  seMethod: "knapp-hartung",
  t: NaN,
  p: NaN,
  ci: [NaN, NaN],
  level,
  tau2: NaN,
  i2: NaN,
  qE: NaN,
  lag1: NaN,
  durbinWatson: NaN,
  lag: 0,
});

/** Newey–West lag for k points (Newey & West 1994 rule of thumb). */
export const neweyWestLag = (k: number): number => Math.floor(4 * Math.pow(k / 100, 2 / 9));

/**
 * Random-effects trend of yearly means `y` on years `x`, each mean with sampling variance `v`
 * (s²/n of the year). See the module head for the method and its choices.
 */
export function randomEffectsTrend(
  x: Numbers,
  y: Numbers,
  v: Numbers,
  options: TrendFitOptions = {},
): RandomEffectsTrend {
  assertSameLength("randomEffectsTrend", x, y);
  assertSameLength("randomEffectsTrend", x, v);
  const level = options.level ?? 0.95;
  assertUnitOpen("randomEffectsTrend", "level", level);
  for (let i = 0; i < v.length; i++) {
    if (v[i] < 0) throw new RangeError(`randomEffectsTrend: variance ${i} is negative (${v[i]})`);
  }
  const order = Array.from(x, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const origin = options.origin ?? (order.length ? x[order[0]] : NaN);
  const k = order.length;
  if (
    k < 3 ||
    order.some((i) => !Number.isFinite(x[i]) || !Number.isFinite(y[i]) || !Number.isFinite(v[i]))
  ) {
    return nanFit(k, origin, level);
  }
  const xs = order.map((i) => x[i] - origin);
  const ys = order.map((i) => y[i]);
  // A year with zero sampling variance (one value, or all equal) would get infinite weight in the
  // fixed-effect step; floor it at a tiny share of the smallest positive variance.
  const positive = order.map((i) => v[i]).filter((vi) => vi > 0);
  const floor = positive.length ? Math.min(...positive) * 1e-6 : 1e-12;
  const vs = order.map((i) => Math.max(v[i], floor));

  // Fixed-effect fit, Q_E and DerSimonian–Laird τ².
  const w = vs.map((vi) => 1 / vi);
  const fe = weightedFit(xs, ys, w);
  if (!Number.isFinite(fe.b1)) return nanFit(k, origin, level);
  let qE = 0;
  for (let i = 0; i < k; i++) qE += w[i] * (ys[i] - fe.b0 - fe.b1 * xs[i]) ** 2;
  // tr(P) = Σw − tr((XᵀWX)⁻¹ XᵀW²X)
  let a00 = 0;
  let a01 = 0;
  let a11 = 0;
  let sw = 0;
  for (let i = 0; i < k; i++) {
    sw += w[i];
    a00 += w[i] * w[i];
    a01 += w[i] * w[i] * xs[i];
    a11 += w[i] * w[i] * xs[i] * xs[i];
  }
  const trP = sw - (fe.i00 * a00 + 2 * fe.i01 * a01 + fe.i11 * a11);
  const df = k - 2;
  const tau2 = Math.max(0, (qE - df) / trP);
  const i2 = qE > df ? (qE - df) / qE : 0;

  // Random-effects estimates.
  const ws = vs.map((vi) => 1 / (vi + tau2));
  const re = weightedFit(xs, ys, ws);
  const resid = xs.map((xi, i) => ys[i] - re.b0 - re.b1 * xi);
  const std = resid.map((e, i) => Math.sqrt(ws[i]) * e);

  // Knapp–Hartung.
  let s2 = 0;
  for (const e of std) s2 += e * e;
  s2 /= df;
  const seKnappHartung = Math.sqrt(s2 * re.i11);

  // Newey–West on the transformed regression: rows √w*·[1, x], residuals √w*·e.
  const lag = Math.min(neweyWestLag(k), k - 1);
  const g = xs.map((xi, i) => [Math.sqrt(ws[i]) * std[i], Math.sqrt(ws[i]) * xi * std[i]]);
  let m00 = 0;
  let m01 = 0;
  let m11 = 0;
  for (let l = 0; l <= lag; l++) {
    const kernel = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let t = l; t < k; t++) {
      const [a0, a1] = g[t];
      const [b0, b1] = g[t - l];
      const f = l === 0 ? 1 : 2; // lag l and −l together (the meat is symmetric)
      m00 += kernel * f * a0 * b0;
      m11 += kernel * f * a1 * b1;
      m01 += kernel * (l === 0 ? a0 * b1 : a0 * b1 + a1 * b0);
    }
  }
  const scale = k / df;
  // Var(b1) = row 1 of (XᵀW*X)⁻¹ · meat · column 1.
  const varNW = scale * (re.i01 * re.i01 * m00 + 2 * re.i01 * re.i11 * m01 + re.i11 * re.i11 * m11);
  const seNeweyWest = Math.sqrt(Math.max(varNW, 0));

  const useNW = seNeweyWest > seKnappHartung;
  const slopeSE = useNW ? seNeweyWest : seKnappHartung;
  const t = re.b1 / slopeSE;
  const half = tQuantile((1 + level) / 2, df) * slopeSE;

  let num = 0;
  let den = 0;
  let dw = 0;
  for (let i = 0; i < k; i++) {
    den += std[i] * std[i];
    if (i > 0) {
      num += std[i] * std[i - 1];
      dw += (std[i] - std[i - 1]) ** 2;
    }
  }
  return {
    k,
    df,
    slope: re.b1,
    intercept: re.b0,
    origin,
    slopeSE,
    seKnappHartung,
    seNeweyWest,
    seMethod: useNW ? "newey-west" : "knapp-hartung",
    t,
    p: twoSidedTPValue(t, df),
    ci: [re.b1 - half, re.b1 + half],
    level,
    tau2,
    i2,
    qE,
    lag1: den > 0 ? num / den : NaN,
    durbinWatson: den > 0 ? dw / den : NaN,
    lag,
  };
}
