// Count what each cleaning rule removed. Every row read carries the first rule it breaks (or none),
// so one GROUP BY gives every count; unparsable records come from the reader. The list follows the
// contract's rule order and names every rule, zero counts included.
import type { RuleCount } from "../../src/lib/contracts/manifest.js";
import type { Session } from "../duckdb/session.js";

export async function countRules<R extends string>(
  session: Session,
  relation: string,
  rules: readonly R[],
  unparsable: number,
): Promise<RuleCount<R>[]> {
  const rows = await session.query<{ rule: string; n: number }>(
    `SELECT rule, count(*)::INTEGER AS n FROM ${relation} WHERE rule IS NOT NULL GROUP BY rule`,
  );
  const counts = new Map(rows.map((r) => [r.rule, r.n]));
  counts.set("unparsable_row", unparsable);
  const unknown = [...counts.keys()].filter((rule) => !rules.includes(rule as R));
  // A rule id the contract does not list would vanish from the report: a bug, never data.
  if (unknown.length) throw new Error(`Rule(s) ${unknown.join(", ")} are not in the contract's rule list.`);
  return rules.map((rule) => ({ rule, removed: counts.get(rule) ?? 0 }));
}

/** Rows kept: rows in minus every removal. */
export const rowsLeft = (rowsIn: number, rules: RuleCount[]) =>
  rowsIn - rules.reduce((sum, r) => sum + r.removed, 0);
