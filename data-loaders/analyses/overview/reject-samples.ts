// overview/rejectSamples: for each (table, rule) of rejects.parquet, how many rows the rule set
// aside and the first REJECT_SAMPLE_ROWS of them by source file and line — what the Data & methods
// page offers as a CSV per rule. Raw text is cut to RAW_SAMPLE_CHARS so the page data stays small;
// the full rows stay in the snapshot (`npm run data:inspect -- --rejects <rule>`).
import {
  RAW_SAMPLE_CHARS,
  REJECT_SAMPLE_ROWS,
  rejectSamplesSchema,
  type RejectSample,
} from "../../../src/lib/contracts/overview.js";
import { defineAnalysis } from "../types.js";

export const REJECT_SAMPLES_SQL = /* sql */ `
  WITH ranked AS (
    SELECT "table", rule, source_file, source_line, column_name, detail, raw,
           row_number() OVER w AS k,
           count(*) OVER (PARTITION BY "table", rule) AS total
    FROM rejects
    WINDOW w AS (PARTITION BY "table", rule ORDER BY source_file, source_line))
  SELECT "table", rule, total::INTEGER AS total, source_file, source_line::INTEGER AS source_line,
         column_name, detail,
         CASE WHEN length(raw) > $chars THEN left(raw, $chars) || '…' ELSE raw END AS raw
  FROM ranked
  WHERE k <= $rows
  ORDER BY "table" DESC, rule, k`;

interface SampleRow {
  table: RejectSample["table"];
  rule: string;
  total: number;
  source_file: string;
  source_line: number;
  column_name: string | null;
  detail: string | null;
  raw: string | null;
}

export const rejectSamples = defineAnalysis({
  description: `Per table and cleaning rule: rows set aside, and the first ${REJECT_SAMPLE_ROWS} of them from rejects.parquet`,
  schema: rejectSamplesSchema,
  async run({ session }) {
    const rows = await session.query<SampleRow>(REJECT_SAMPLES_SQL, {
      rows: REJECT_SAMPLE_ROWS,
      chars: RAW_SAMPLE_CHARS,
    });
    const samples = new Map<string, RejectSample>();
    for (const r of rows) {
      const key = `${r.table}/${r.rule}`;
      let sample = samples.get(key);
      if (!sample) samples.set(key, (sample = { table: r.table, rule: r.rule, total: r.total, rows: [] }));
      sample.rows.push({
        sourceFile: r.source_file,
        sourceLine: r.source_line,
        column: r.column_name,
        detail: r.detail,
        raw: r.raw ?? "",
      });
    }
    return { rowsPerRule: REJECT_SAMPLE_ROWS, rawChars: RAW_SAMPLE_CHARS, samples: [...samples.values()] };
  },
});

export default rejectSamples;
