// Simple linear regression y = intercept + slope·x by ordinary (ols) and weighted (wls) least
// squares, with the inference the pages print next to a trend line.
//
// Semantics follow statsmodels (sm.WLS(y, sm.add_constant(x), weights=w).fit()):
// - w_i are inverse-variance (precision) weights, w_i ∝ 1/Var(y_i); only their ratios move the
//   estimates. Integer "frequency" weights give the same slope, intercept and R² as OLS on rows
//   repeated w_i times, but NOT the same standard errors: here df = (rows − 2), whereas the
//   expanded data has df = (Σw − 2).
// - σ̂² = Σ w·e² / (n − 2); Cov(β) = σ̂²·(XᵀWX)⁻¹, i.e. SE(slope) = sqrt(σ̂² / Sxx) and
//   SE(intercept) = sqrt(σ̂²·(1/Σw + x̄w² / Sxx)) with Sxx = Σ w·(x − x̄w)², x̄w the weighted mean.
// - r2 = 1 − Σw(y − ŷ)² / Σw(y − ȳw)² (weighted, centred); sigma = sqrt(σ̂²) (scale at w = 1).
// - t = slope / SE(slope); p is two-sided from Student t with n − 2 df; ci is the `level`
//   (default 0.95) confidence interval of the slope, slope ± t_{(1+level)/2, n−2}·SE.
// Decisions where statsmodels differs or raises:
// - Zero weights drop the row entirely, n and df included (statsmodels keeps them in nobs), so
//   w = 0 is exactly "leave this row out". Negative weights throw a RangeError; so do arrays of
//   different lengths and a level outside (0, 1).
// - n < 3 (df = max(n − 2, 0) = 0): estimates when defined, but SEs, t, p, ci and sigma are NaN.
//   x with zero (weighted) variance, including n < 2: slope, intercept and everything derived NaN.
//   Constant y: r2 NaN (0/0), slope 0. NaN in the data propagates.
import { assertNonNegativeWeights, assertSameLength, assertUnitOpen, type Numbers } from "./checks.js";
import { tQuantile, twoSidedTPValue } from "./distributions.js";

export interface RegressionOptions {
  /** Confidence level of `ci`, in (0, 1). Default 0.95. */
  level?: number;
}

export interface LinearFit {
  /** Observations used (rows with non-zero weight). */
  n: number;
  /** Residual degrees of freedom, max(n − 2, 0). */
  df: number;
  slope: number;
  intercept: number;
  slopeSE: number;
  interceptSE: number;
  /** slope / slopeSE. */
  t: number;
  /** Two-sided p-value of H0: slope = 0. */
  p: number;
  /** Confidence interval of the slope at `level`. */
  ci: [number, number];
  level: number;
  /** Coefficient of determination (weighted for wls). */
  r2: number;
  /** Residual standard error sqrt(Σw·e² / df). */
  sigma: number;
}

function fitLine(what: string, x: Numbers, y: Numbers, w: Numbers | null, level: number): LinearFit {
  assertSameLength(what, x, y);
  if (w !== null) {
    assertSameLength(what, x, w);
    assertNonNegativeWeights(what, w);
  }
  assertUnitOpen(what, "level", level);
  const weight = (i: number): number => (w === null ? 1 : w[i]);

  // Pass 1: weighted means over the rows that carry weight.
  let n = 0;
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = weight(i);
    if (wi === 0) continue;
    n++;
    sw += wi;
    swx += wi * x[i];
    swy += wi * y[i];
  }
  const xBar = swx / sw;
  const yBar = swy / sw;

  // Pass 2: centred sums of squares (centring first avoids the cancellation of Σx² − n·x̄²).
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = weight(i);
    if (wi === 0) continue;
    const dx = x[i] - xBar;
    const dy = y[i] - yBar;
    sxx += wi * dx * dx;
    sxy += wi * dx * dy;
    syy += wi * dy * dy;
  }
  const slope = sxx > 0 ? sxy / sxx : NaN;
  const intercept = yBar - slope * xBar;

  // Pass 3: residuals computed directly, not as syy − slope·sxy, which loses digits on good fits.
  let sse = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = weight(i);
    if (wi === 0) continue;
    const e = y[i] - (intercept + slope * x[i]);
    sse += wi * e * e;
  }

  const df = Math.max(n - 2, 0);
  const sigma2 = df > 0 ? sse / df : NaN;
  const slopeSE = Math.sqrt(sigma2 / sxx);
  const interceptSE = Math.sqrt(sigma2 * (1 / sw + (xBar * xBar) / sxx));
  const t = slope / slopeSE;
  const p = twoSidedTPValue(t, df);
  const half = df > 0 ? tQuantile((1 + level) / 2, df) * slopeSE : NaN;
  const r2 = syy > 0 ? 1 - sse / syy : NaN;
  return {
    n,
    df,
    slope,
    intercept,
    slopeSE,
    interceptSE,
    t,
    p,
    ci: [slope - half, slope + half],
    level,
    r2,
    sigma: Math.sqrt(sigma2),
  };
}

/** Ordinary least squares of y on x (with intercept). See the module head for edge cases. */
export function ols(x: Numbers, y: Numbers, options: RegressionOptions = {}): LinearFit {
  return fitLine("ols", x, y, null, options.level ?? 0.95);
}

/** Weighted least squares with inverse-variance weights w (statsmodels WLS semantics). */
export function wls(x: Numbers, y: Numbers, w: Numbers, options: RegressionOptions = {}): LinearFit {
  return fitLine("wls", x, y, w, options.level ?? 0.95);
}
