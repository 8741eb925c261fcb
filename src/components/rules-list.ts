// The cleaning rules in words (Data & methods page): for recipes then interactions, each rule in
// the order the ingest applies it, its explanation with the bounds and date window actually used,
// and its count. A count above zero is a button that downloads the sample of the rows the rule set
// aside (overview/rejectSamples) as CSV, so the page's claim that no row is lost can be checked.
// The command that lists every set-aside row of a rule is code, the same in both languages.
import type { IngestReport } from "../lib/contracts/manifest.js";
import type { RejectSample, RejectSamples } from "../lib/contracts/overview.js";
import { formatDate, formatInteger } from "../lib/format.js";
import type { Lang, MessageKey, Params, Translate } from "../lib/i18n/index.js";
import { el } from "./dom.js";
import { downloadCsv } from "./download.js";

type Bounds = IngestReport["recipes"]["bounds"];
type Table = RejectSample["table"];

/** Placeholders of a rule's explanation: the bounds and the date window the ingest used. */
function ruleParams(rule: string, report: IngestReport, lang: Lang): Params {
  const pair = ([min, max]: [number, number]) => ({ min, max });
  const bounds: Bounds = report.recipes.bounds;
  if (rule === "minutes_out_of_range") return pair(bounds.minutes);
  if (rule === "n_steps_out_of_bounds") return pair(bounds.nSteps);
  if (rule === "n_ingredients_out_of_bounds") return pair(bounds.nIngredients);
  if (rule === "date_out_of_window")
    return { from: formatDate(report.dateWindow.from, lang), to: formatDate(report.dateWindow.to, lang) };
  return {};
}

/** The sample's rows as CSV columns, named after rejects.parquet's. */
export function sampleRows(sample: RejectSample): Record<string, string | number | null>[] {
  return sample.rows.map((r) => ({
    table: sample.table,
    rule: sample.rule,
    source_file: r.sourceFile,
    source_line: r.sourceLine,
    column_name: r.column,
    detail: r.detail,
    raw: r.raw,
  }));
}

export function rulesList(
  report: IngestReport,
  { lang, t, rejects }: { lang: Lang; t: Translate; rejects: RejectSamples },
): HTMLElement {
  const sampleOf = (table: Table, rule: string) =>
    rejects.samples.find((s) => s.table === table && s.rule === rule && s.rows.length > 0);

  const count = (table: Table, rule: string, removed: number) => {
    const text = t("data.rules.removed", { n: formatInteger(removed, lang) });
    const sample = sampleOf(table, rule);
    if (!sample) return el("span", { class: "rule-count" }, text);
    const label = t("data.rules.sample", { n: sample.rows.length });
    const button = el(
      "button",
      {
        type: "button",
        class: "rule-count rule-count--sample",
        title: label,
        "aria-label": `${text}. ${label}`,
        "data-table": table,
        "data-rule": rule,
      },
      text,
    );
    button.addEventListener("click", () => downloadCsv(sampleRows(sample), `rejects-${table}-${rule}.csv`));
    return button;
  };

  const section = (
    title: string,
    table: Table,
    rules: { rule: string; removed: number }[],
    prefix: "data.rules.recipe" | "data.rules.interaction",
  ) =>
    el(
      "section",
      {},
      el("h3", {}, title),
      el(
        "ol",
        {},
        rules.map(({ rule, removed }) =>
          el(
            "li",
            {},
            el("strong", {}, t(`${prefix}.${rule}.label` as MessageKey)),
            " ",
            t(`${prefix}.${rule}.explain` as MessageKey, ruleParams(rule, report, lang)),
            count(table, rule, removed),
          ),
        ),
      ),
    );
  return el(
    "div",
    { class: "rules-list" },
    section(t("data.rules.recipes"), "recipes", report.recipes.rules, "data.rules.recipe"),
    section(
      t("data.rules.interactions"),
      "interactions",
      report.interactions.rules,
      "data.rules.interaction",
    ),
    el(
      "p",
      { class: "rules-list__samples muted" },
      t("data.rules.samples", { n: rejects.rowsPerRule }),
      " ",
      el("code", {}, "npm run data:inspect -- --rejects <rule>"),
    ),
  );
}
