// What the page says while the notebook has no cell: what Explore is, how cells work, and the
// tables a query can read with their columns (from src/lib/explore/tables.ts, the extracts' list).
import type { Lang, Translate } from "../../lib/i18n/index.js";
import { EXAMPLES } from "../../lib/explore/examples.js";
import { EXPLORE_TABLES } from "../../lib/explore/tables.js";
import { el } from "../dom.js";

export function emptyState({
  t,
  onExample,
  onAdd,
}: {
  lang: Lang;
  t: Translate;
  onExample(id: string): void;
  onAdd(): void;
}): HTMLElement {
  const examples = el(
    "ul",
    { class: "explore-empty__examples" },
    EXAMPLES.map((e) => {
      const open = el(
        "button",
        { type: "button", class: "explore-button", "data-example": e.id },
        t("explore.empty.open"),
      );
      open.addEventListener("click", () => onExample(e.id));
      return el(
        "li",
        {},
        el("strong", {}, t(`explore.examples.${e.id}.title`)),
        el("span", {}, t(`explore.examples.${e.id}.summary`)),
        open,
      );
    }),
  );
  const add = el(
    "button",
    { type: "button", class: "explore-button", "data-action": "empty-add" },
    t("explore.toolbar.add"),
  );
  add.addEventListener("click", onAdd);
  return el(
    "section",
    { class: "card explore-empty", "data-testid": "explore-empty", "aria-labelledby": "explore-empty-title" },
    el("h2", { id: "explore-empty-title", class: "analysis-card__title" }, t("explore.empty.title")),
    el("p", {}, t("explore.empty.what")),
    el("p", {}, t("explore.empty.cells")),
    el("p", {}, t("explore.empty.start")),
    examples,
    el("p", {}, add),
    el(
      "details",
      { class: "explore-empty__tables" },
      el("summary", {}, t("explore.empty.tables")),
      el(
        "dl",
        { class: "facts" },
        EXPLORE_TABLES.map((table) => [
          el("dt", {}, el("code", {}, table.name)),
          el(
            "dd",
            {},
            table.columns.map((c, i) => [i ? ", " : "", el("code", { title: c.type }, c.name)]),
          ),
        ]),
      ),
    ),
  );
}
