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

/** WLS of y on x with weights 1/(v + tau2): the fixed-effect fit at tau2 = 0, the random-effects one above. */
function weightedFit(x: number[], y: number[], v: number[], tau2: number): Wls {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / (v[i] + tau2);
    s0 += w;
    s1 += w * x[i];
    s2 += w * x[i] * x[i];
    t0 += w * y[i];
    t1 += w * x[i] * y[i];
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
  // One pass over the input: a negative variance throws; whether x is already in order, whether
  // every value is finite, and the smallest positive variance.
  const k = x.length;
  let sorted = true;
  let finite = true;
  let smallest = Infinity;
  for (let i = 0; i < k; i++) {
    if (v[i] < 0) throw new RangeError(`randomEffectsTrend: variance ${i} is negative (${v[i]})`);
    if (i > 0 && !(x[i - 1] <= x[i])) sorted = false;
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]) || !Number.isFinite(v[i])) finite = false;
    if (v[i] > 0 && v[i] < smallest) smallest = v[i];
  }
  // The points in x order. Yearly series come in order and are taken as they are (what a stable
  // sort would give back); others are sorted, ties kept in their order.
  const order = sorted ? null : Array.from(x, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const origin = options.origin ?? (k ? x[order ? order[0] : 0] : NaN);
  if (k < 3 || !finite) return nanFit(k, origin, level);
  // A year with zero sampling variance (one value, or all equal) would get infinite weight in the
  // fixed-effect step; floor it at a tiny share of the smallest positive variance.
  const floor = smallest < Infinity ? smallest * 1e-6 : 1e-12;
  const xs: number[] = [];
  const ys: number[] = [];
  const vs: number[] = [];
  for (let t = 0; t < k; t++) {
    const i = order ? order[t] : t;
    xs.push(x[i] - origin);
    ys.push(y[i]);
    vs.push(Math.max(v[i], floor));
  }

  // Fixed-effect fit (w = 1/v), Q_E and DerSimonian–Laird τ², with
  // tr(P) = Σw − tr((XᵀWX)⁻¹ XᵀW²X).
  const fe = weightedFit(xs, ys, vs, 0);
  if (!Number.isFinite(fe.b1)) return nanFit(k, origin, level);
  let qE = 0;
  let a00 = 0;
  let a01 = 0;
  let a11 = 0;
  let sw = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / vs[i];
    qE += w * (ys[i] - fe.b0 - fe.b1 * xs[i]) ** 2;
    sw += w;
    a00 += w * w;
    a01 += w * w * xs[i];
    a11 += w * w * xs[i] * xs[i];
  }
  const trP = sw - (fe.i00 * a00 + 2 * fe.i01 * a01 + fe.i11 * a11);
  const df = k - 2;
  const tau2 = Math.max(0, (qE - df) / trP);
  const i2 = qE > df ? (qE - df) / qE : 0;

  // Random-effects estimates (w* = 1/(v + τ²)), then one pass over the standardised residuals
  // e*_t = √w*·(y − ŷ): their sum of squares (Knapp–Hartung), the lag-1 products and differences
  // (diagnostics), and for Newey–West the rows of the transformed regression √w*·[1, x] times
  // e*, g_t, with the lag-0 term Σ g_t g_tᵀ of the meat.
  const re = weightedFit(xs, ys, vs, tau2);
  const g0: number[] = [];
  const g1: number[] = [];
  let ss = 0;
  let num = 0;
  let dw = 0;
  let previous = 0;
  let m00 = 0;
  let m01 = 0;
  let m11 = 0;
  for (let i = 0; i < k; i++) {
    const root = Math.sqrt(1 / (vs[i] + tau2));
    const e = root * (ys[i] - re.b0 - re.b1 * xs[i]);
    ss += e * e;
    if (i > 0) {
      num += e * previous;
      dw += (e - previous) ** 2;
    }
    previous = e;
    const a0 = root * e;
    const a1 = root * xs[i] * e;
    g0.push(a0);
    g1.push(a1);
    m00 += a0 * a0;
    m11 += a1 * a1;
    m01 += a0 * a1;
  }

  // Knapp–Hartung.
  const s2 = ss / df;
  const seKnappHartung = Math.sqrt(s2 * re.i11);

  // Newey–West: the meat's lags l = 1…L, each with its mirror −l (the meat is symmetric), weighted
  // by the Bartlett kernel 1 − l/(L + 1).
  const lag = Math.min(neweyWestLag(k), k - 1);
  for (let l = 1; l <= lag; l++) {
    const kernel = 1 - l / (lag + 1);
    for (let t = l; t < k; t++) {
      m00 += kernel * 2 * g0[t] * g0[t - l];
      m11 += kernel * 2 * g1[t] * g1[t - l];
      m01 += kernel * (g0[t] * g1[t - l] + g1[t] * g0[t - l]);
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
    lag1: ss > 0 ? num / ss : NaN,
    durbinWatson: ss > 0 ? dw / ss : NaN,
    lag,
  };
}
