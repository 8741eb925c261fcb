// Count what each cleaning rule removes. Rules are chained views (each reads the one before), so
// a rule's count is the rows of the view before it minus its own; unparsable rows come first.
import type { RuleCount } from "../../src/lib/contracts/manifest.js";
import type { Session } from "../duckdb/session.js";

export async function countRules<R extends string>(
  session: Session,
  load: { rowsIn: number; rejected: number },
  steps: [rule: R, view: string][],
): Promise<{ rules: RuleCount<R | "unparsable_row">[]; rowsOut: number }> {
  const rules: RuleCount<R | "unparsable_row">[] = [{ rule: "unparsable_row", removed: load.rejected }];
  let before = load.rowsIn - load.rejected;
  for (const [rule, view] of steps) {
    const [{ n }] = await session.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${view}`);
    rules.push({ rule, removed: before - n });
    before = n;
  }
  return { rules, rowsOut: before };
}
