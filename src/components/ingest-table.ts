// The ingest report of one table as a table: rows read, each rule's removal with its share of the
// rows read and the rows left after it, rows kept. Rows come from waterfallSteps (same order).
import { formatInteger, formatPercent } from "../lib/format.js";
import type { Lang, Translate } from "../lib/i18n/index.js";
import { stepRows, type WaterfallStep } from "./charts/ingest-waterfall.js";
import { dataTable } from "./table.js";

export function ingestTable(steps: WaterfallStep[], { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  const rowsIn = steps[0]?.rows ?? 0;
  const share = (n: number) => (rowsIn ? formatPercent(n / rowsIn, lang, 2) : "–");
  return dataTable(
    steps,
    [
      { label: t("data.report.columns.step"), value: (d) => d.label },
      {
        label: t("data.report.columns.rows"),
        numeric: true,
        value: (d) => stepRows(d, lang),
      },
      { label: t("data.report.columns.share"), numeric: true, optional: true, value: (d) => share(d.rows) },
      {
        label: t("data.report.columns.remaining"),
        numeric: true,
        value: (d) => formatInteger(d.kind === "removed" ? d.from : d.to, lang),
      },
    ],
    { rowClass: (i) => (steps[i].kind === "total" ? "is-total" : "is-removed") },
  );
}
