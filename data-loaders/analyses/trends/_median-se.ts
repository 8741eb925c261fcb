// The standard error of a median, in SQL: McKean & Schrader (1984). The order statistics
// X(c) and X(n + 1 − c), with c = round((n + 1)/2 − z·√(n/4)), bound the distribution-free 95 %
// confidence interval of the median; its half-width over z estimates the median's standard error
// without assuming a distribution (preparation times and calories are far from normal, so the
// normal-theory √(π/2)·s/√n would be driven by the long tail). z = the 97.5 % normal quantile.
// Used inside an aggregate query: collect each group's values with `sortedValues`, then read the
// two order statistics with `medianSeFromSorted` in the outer SELECT.

/** z of the 95 % interval behind the estimate. */
export const MEDIAN_SE_Z = 1.959963984540054;

/** Aggregate: the group's non-null values of `column`, sorted ascending, as a DOUBLE list (1-based). */
export const sortedValues = (column: string): string =>
  `list_sort(list(${column}::DOUBLE) FILTER (WHERE ${column} IS NOT NULL))`;

/**
 * The McKean–Schrader standard error from a sorted list `xs` (as `sortedValues` gives); NULL for
 * fewer than two values. Arguments are fixed identifiers of the analyses, never user input.
 */
export function medianSeFromSorted(xs: string): string {
  const n = `len(${xs})`;
  const c = `greatest(1, round((${n} + 1) / 2.0 - ${MEDIAN_SE_Z} * sqrt(${n} / 4.0)))::BIGINT`;
  return `(CASE WHEN ${n} < 2 THEN NULL ELSE (${xs}[${n} + 1 - ${c}] - ${xs}[${c}]) / (2 * ${MEDIAN_SE_Z}) END)::DOUBLE`;
}
