// "What each page answers": one card per analysis page of the registry (the Overview excepted),
// with its title and one-sentence summary, linking to the page in the same language.
import { translator, type Lang } from "../lib/i18n/index.js";
import { PAGES, pageHref, pageSummaryKey, pageTitleKey, type PageId } from "../lib/pages.js";
import { el } from "./dom.js";

export function pageCards(lang: Lang, { exclude = ["overview"] }: { exclude?: PageId[] } = {}): HTMLElement {
  const t = translator(lang);
  return el(
    "div",
    { class: "page-cards" },
    PAGES.filter((p) => !exclude.includes(p.id)).map((p) =>
      el(
        "a",
        { class: "card page-card", href: pageHref(p.id) },
        el("h3", { class: "page-card__title" }, t(pageTitleKey(p.id))),
        el("p", { class: "page-card__summary" }, t(pageSummaryKey(p.id))),
        el("span", { class: "page-card__open" }, `${t("overview.pages.open")} \u2192`),
      ),
    ),
  );
}
