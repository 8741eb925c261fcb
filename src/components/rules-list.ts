// The cleaning rules in words (Data & methods page): for recipes then interactions, each rule in
// the order the ingest applies it, its explanation with the bounds actually used, and its count.
import type { IngestReport } from "../lib/contracts/manifest.js";
import { formatInteger } from "../lib/format.js";
import type { Lang, MessageKey, Params, Translate } from "../lib/i18n/index.js";
import { el } from "./dom.js";

type Bounds = IngestReport["recipes"]["bounds"];

/** Placeholders of each recipe rule's explanation: the bounds the ingest used. */
function recipeParams(rule: string, bounds: Bounds): Params {
  const pair = ([min, max]: [number, number]) => ({ min, max });
  if (rule === "minutes_out_of_range") return pair(bounds.minutes);
  if (rule === "n_steps_out_of_bounds") return pair(bounds.nSteps);
  if (rule === "n_ingredients_out_of_bounds") return pair(bounds.nIngredients);
  return {};
}

export function rulesList(report: IngestReport, { lang, t }: { lang: Lang; t: Translate }): HTMLElement {
  const section = (
    title: string,
    rules: { rule: string; removed: number }[],
    prefix: "data.rules.recipe" | "data.rules.interaction",
    params: (rule: string) => Params,
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
            t(`${prefix}.${rule}.explain` as MessageKey, params(rule)),
            el("span", { class: "rule-count" }, t("data.rules.removed", { n: formatInteger(removed, lang) })),
          ),
        ),
      ),
    );
  return el(
    "div",
    { class: "rules-list" },
    section(t("data.rules.recipes"), report.recipes.rules, "data.rules.recipe", (r) =>
      recipeParams(r, report.recipes.bounds),
    ),
    section(t("data.rules.interactions"), report.interactions.rules, "data.rules.interaction", () => ({})),
  );
}
