// Quantile bounds as the original app computed them: Polars' `quantile(q, "nearest")`, i.e. the
// value at 0-based position round((n − 1) · q) of the sorted non-null values (round half away
// from zero), cast to a whole number. DuckDB's quantile_disc picks a different rank on some sizes
// (on 1, 2, 3, 4 its median is 2, Polars' is 3), so the rank is computed here explicitly.
import type { Session } from "../duckdb/session.js";

export type Bounds = [number, number];

/**
 * For each column, [value at quantile lo, value at quantile hi] over `relation` filtered by
 * `where`; undefined for a column without any value.
 */
export async function nearestRankBounds<C extends string>(
  session: Session,
  relation: string,
  where: string,
  columns: C[],
  [lo, hi]: Bounds,
): Promise<Record<C, Bounds | undefined>> {
  const at = (v: string, q: number) => `${v}[round((len(${v}) - 1) * ${Number(q)})::BIGINT + 1]::INTEGER`;
  const sorted = columns.map((c) => `list_sort(list(${c}) FILTER (WHERE ${c} IS NOT NULL)) AS ${c}`);
  const picked = columns.map((c) => `[${at(c, lo)}, ${at(c, hi)}] AS ${c}`);
  const [row] = await session.query<Record<C, [number | null, number | null]>>(
    `SELECT ${picked.join(", ")} FROM (SELECT ${sorted.join(", ")} FROM ${relation} WHERE ${where})`,
  );
  const out = {} as Record<C, Bounds | undefined>;
  for (const c of columns) {
    const [a, b] = row[c] ?? [null, null];
    out[c] = a === null || b === null ? undefined : [a, b];
  }
  return out;
}
