// No silent publish. An input that leaves no row is refused outright (nothing is published); one
// whose rules remove more than a share of a file's rows (--max-removed-rate, default 30 %) is
// published but not made current, and the command fails with what to inspect and how to promote.
import type { IngestReport, RuleCount } from "../../src/lib/contracts/manifest.js";
import type { Session } from "../duckdb/session.js";
import { ValidationError } from "../errors.js";
import { printable } from "../storage/dataset-id.js";

export const DEFAULT_MAX_REMOVED_RATE = 0.3;

export type TableName = "recipes" | "interactions";

export interface Removal {
  table: TableName;
  /** The file the rows came from, as given. */
  file: string;
  rowsIn: number;
  removed: number;
  /** removed / rowsIn (0 for an empty file). */
  rate: number;
  /** Rules that removed rows, most first. */
  top: RuleCount[];
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const count = (n: number) => n.toLocaleString("en-US");
const listRules = (top: RuleCount[]) => top.map((r) => `${r.rule} ${count(r.removed)}`).join(", ");

export function removals(report: IngestReport, files: Record<TableName, string>): Removal[] {
  return (["recipes", "interactions"] as const).map((table) => {
    const { rowsIn, rowsOut, rules } = report[table];
    const removed = rowsIn - rowsOut;
    const top = rules.filter((r) => r.removed > 0).sort((a, b) => b.removed - a.removed);
    return { table, file: files[table], rowsIn, removed, rate: rowsIn === 0 ? 0 : removed / rowsIn, top };
  });
}

/** The first set-aside rows of a table, for a message: "line 3, minutes: minutes 0, outside [1, 180]". */
async function sampleLines(session: Session, table: TableName, limit = 5): Promise<string[]> {
  const rows = await session.query<{ line: number; column_name: string | null; detail: string | null }>(
    `SELECT line, column_name, detail FROM (
       SELECT line, column_name, detail FROM ${table}_unparsable
       UNION ALL SELECT line, column_name, detail FROM ${table}_rejects)
     ORDER BY line LIMIT ${limit}`,
  );
  return rows.map(
    (r) =>
      `  line ${r.line}${r.column_name ? `, ${printable(r.column_name)}` : ""}: ${printable(r.detail ?? "", 160)}`,
  );
}

/** Throws a ValidationError naming the file, its rules and its first set-aside lines when a table keeps no row. */
export async function assertRowsKept(
  session: Session,
  report: IngestReport,
  files: Record<TableName, string>,
) {
  for (const r of removals(report, files)) {
    if (r.rowsIn - r.removed > 0) continue;
    const why =
      r.rowsIn === 0
        ? "it has a header but no data rows"
        : `the rules removed all ${count(r.rowsIn)} rows (${listRules(r.top)})`;
    const sample = r.rowsIn === 0 ? [] : await sampleLines(session, r.table);
    throw new ValidationError(
      [
        `${printable(r.file, 200)}: no ${r.table} row is left: ${why}. Nothing was published.`,
        ...sample,
      ].join("\n"),
      {
        hint: "Check that the file is the Kaggle file it should be (see docs/data.md for the rules), fix it, and ingest again.",
      },
    );
  }
}

/** Tables whose rules removed more than maxRate of their rows. */
export const excessive = (report: IngestReport, files: Record<TableName, string>, maxRate: number) =>
  removals(report, files).filter((r) => r.rate > maxRate);

/** The error of an ingest published without promotion because too many rows were removed. */
export function tooManyRemoved(
  excess: Removal[],
  datasetId: string,
  env: string,
  maxRate: number,
): ValidationError {
  const lines = excess.map(
    (r) =>
      `${printable(r.file, 200)}: the rules removed ${count(r.removed)} of ${count(r.rowsIn)} ${r.table} rows (${percent(r.rate)}), ` +
      `more than the --max-removed-rate of ${percent(maxRate)}; most by ${listRules(r.top.slice(0, 3))}.`,
  );
  const rule = excess[0].top[0]?.rule ?? "unparsable_row";
  return new ValidationError(
    [...lines, `Dataset ${datasetId} is published but NOT made current for "${env}".`].join("\n"),
    {
      hint:
        `See the rows set aside: \`npm run data:inspect -- --dataset-id ${datasetId} --rejects ${rule}\`. ` +
        `If they may go, make it current: \`npm run data:promote -- --dataset-id ${datasetId} --env ${env}\`.`,
    },
  );
}
