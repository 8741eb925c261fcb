// Pearson chi-square tests on counts: goodness of fit (are recipes spread over seasons or weekdays
// as the expected shares say?) and independence in an r×c table (is an item's presence related to
// the season or to weekend/weekday?). Both work from counts alone, so the browser can recompute
// them for any range of years by adding the per-year contingency counts.
// Reference: scipy.stats.chisquare and scipy.stats.chi2_contingency (tests/hypothesis-stats.test.ts).
import { assertCounts, assertAtLeast } from "./hypothesis-checks.js";
import { chiSquareSurvival } from "./distributions.js";

export interface ChiSquareGoodnessOfFit {
  /** Pearson's X² = Σ (O − E)² / E. */
  statistic: number;
  /** Categories − 1. */
  df: number;
  /** Upper-tail p-value of X² under chi-square(df); NaN when n = 0. */
  p: number;
  /** Total count. */
  n: number;
  /** Expected count of each category, n · share. */
  expected: number[];
  /** Pearson residuals (O − E) / √E: which categories are over (> 0) or under (< 0) represented. */
  residuals: number[];
  /** Cohen's w = √(X² / n): 0.1 small, 0.3 medium, 0.5 large (Cohen 1988). */
  cohensW: number;
}

/** Shares may differ from 1 by this much (rounded fractions such as 0.333); they are rescaled. */
const SHARE_TOLERANCE = 1e-6;

/**
 * Chi-square goodness-of-fit test of counts against expected shares (equal shares by default).
 * Shares must be > 0 and sum to 1 within 1e-6 (they are rescaled to sum exactly 1). Fewer than two
 * categories, negative or non-finite counts, or bad shares throw; a total of 0 gives NaN.
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  expectedShares?: readonly number[],
): ChiSquareGoodnessOfFit {
  const what = "chiSquareGoodnessOfFit";
  assertCounts(what, "observed", observed);
  assertAtLeast(what, "observed", observed.length, 2);
  const k = observed.length;
  let shares: number[];
  if (expectedShares === undefined) {
    shares = observed.map(() => 1 / k);
  } else {
    if (expectedShares.length !== k) {
      throw new RangeError(`${what}: expectedShares has ${expectedShares.length} entries, observed has ${k}`);
    }
    expectedShares.forEach((s, i) => {
      if (!(Number.isFinite(s) && s > 0))
        throw new RangeError(`${what}: expectedShares[${i}] must be > 0 (got ${s})`);
    });
    const total = expectedShares.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      throw new RangeError(`${what}: expectedShares must sum to 1 (they sum to ${total})`);
    }
    shares = expectedShares.map((s) => s / total);
  }
  const n = observed.reduce((a, b) => a + b, 0);
  const expected = shares.map((s) => n * s);
  const residuals = observed.map((o, i) => (o - expected[i]) / Math.sqrt(expected[i]));
  const statistic = n > 0 ? residuals.reduce((acc, r) => acc + r * r, 0) : NaN;
  const df = k - 1;
  return {
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    n,
    expected,
    residuals,
    cohensW: Math.sqrt(statistic / n),
  };
}

export interface ChiSquareIndependence {
  /** Pearson's X² over the kept cells (see `rowsKept`, `columnsKept`), Yates-corrected if `yates`. */
  statistic: number;
  /** (rows kept − 1) · (columns kept − 1). */
  df: number;
  /** Upper-tail p-value; NaN when fewer than two rows or columns have a count. */
  p: number;
  /** Total count. */
  n: number;
  /**
   * Cramér's V = √(X² / (n · (min(rows, columns) − 1))) over the kept table, from the uncorrected
   * X² even when Yates is on (as scipy.stats.contingency.association); |φ| for a 2×2 table.
   */
  cramersV: number;
  /** Expected counts row total · column total / n, in the input's shape (0 for an all-zero row or column). */
  expected: number[][];
  /** Pearson residuals (O − E) / √E, in the input's shape; NaN where the expected count is 0. */
  residuals: number[][];
  /** How many rows and columns had a non-zero total, i.e. entered the test. */
  rowsKept: number;
  columnsKept: number;
  /** Whether Yates' continuity correction was applied (only ever on a 2×2 table, as in scipy). */
  yates: boolean;
}

export interface ChiSquareIndependenceOptions {
  /**
   * Yates' continuity correction (each |O − E| reduced by up to 0.5) when df = 1. Default false:
   * the tests here run on thousands of recipes, where the correction only makes p conservative.
   * Matches scipy's chi2_contingency(correction=...).
   */
  yates?: boolean;
}

/**
 * Pearson chi-square test of independence of an r×c contingency table (rows × columns of counts),
 * e.g. item present/absent × weekend/weekday, or present/absent × the four seasons.
 * No Yates correction by default (scipy's chi2_contingency(table, correction=False)).
 *
 * All-zero rows and columns carry no information (their expected counts are 0, where scipy
 * refuses the table); they are left out, `df` counts only the kept ones, and `rowsKept` /
 * `columnsKept` say how many were kept. With fewer than two kept rows or columns (an item present
 * in no recipe, a range with one season) there is nothing to test: statistic, p and V are NaN.
 * A ragged table, fewer than 2 rows or columns, or a negative or non-finite count throws.
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  options: ChiSquareIndependenceOptions = {},
): ChiSquareIndependence {
  const what = "chiSquareIndependence";
  assertAtLeast(what, "table rows", table.length, 2);
  const c = table[0].length;
  assertAtLeast(what, "table columns", c, 2);
  table.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`${what}: row ${i} has ${row.length} columns, row 0 has ${c}`);
    assertCounts(what, `table[${i}]`, row);
  });
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: c }, (_, j) => table.reduce((acc, row) => acc + row[j], 0));
  const n = rowTotals.reduce((a, b) => a + b, 0);
  const rowsKept = rowTotals.filter((t) => t > 0).length;
  const columnsKept = colTotals.filter((t) => t > 0).length;
  const expected = table.map((_, i) => colTotals.map((ct) => (n > 0 ? (rowTotals[i] * ct) / n : 0)));
  const residuals = table.map((row, i) =>
    row.map((o, j) => (expected[i][j] > 0 ? (o - expected[i][j]) / Math.sqrt(expected[i][j]) : NaN)),
  );
  const df = (rowsKept - 1) * (columnsKept - 1);
  const yates = (options.yates ?? false) && df === 1;
  const testable = rowsKept >= 2 && columnsKept >= 2;
  // Pearson's X² (for V) and, when asked, the Yates-corrected X² (for the test).
  let pearson = NaN;
  let statistic = NaN;
  if (testable) {
    pearson = 0;
    statistic = 0;
    table.forEach((row, i) =>
      row.forEach((o, j) => {
        const e = expected[i][j];
        if (e === 0) return;
        pearson += ((o - e) * (o - e)) / e;
        // Yates as scipy does it: move each observed count towards its expected count by at most 0.5.
        const diff = yates ? Math.max(0, Math.abs(o - e) - 0.5) : o - e;
        statistic += (diff * diff) / e;
      }),
    );
  }
  return {
    statistic,
    df: testable ? df : NaN,
    p: testable ? chiSquareSurvival(statistic, df) : NaN,
    n,
    cramersV: testable ? Math.sqrt(pearson / (n * (Math.min(rowsKept, columnsKept) - 1))) : NaN,
    expected,
    residuals,
    rowsKept,
    columnsKept,
    yates,
  };
}
