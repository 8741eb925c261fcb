// The site shell as HTML strings, for the config's `head`, `header` and `footer` functions
// (Framework calls them with each page's path): a black sidebar with the logo, the navigation of
// src/lib/pages.ts in the page's language, the language switch and the environment badge; when
// the data was generated, a notice at the top of the page saying so; a footer with the build's
// facts, where the data came from and the reader's opt-out of usage statistics; in the head, the
// module that starts the reader-event beacon (src/components/reader-events.ts). The sidebar folds
// into a menu button on phones, with no JavaScript (a checkbox and its label). Pure string work:
// no DOM, no Node APIs.
import type { BuildInfo } from "../lib/contracts/build.js";
import { formatDateTime, formatInteger } from "../lib/format.js";
import { LANGS, translator, type Lang } from "../lib/i18n/index.js";
import { PAGES, pagePath, pageTitleKey, routeOf, type Page } from "../lib/pages.js";
import { provenanceSentence } from "../lib/provenance.js";
import { LANGUAGE_ATTRIBUTE, optOutToggleHtml } from "./events.js";

export interface ShellContext {
  /** Framework's page path: "/en/index", "/fr/trends", "/index"… */
  path: string;
  build: BuildInfo;
  /** Project repository, linked from the footer. */
  repository: string;
}

const LOGO = "/assets/logo.svg";
const FAVICON = "/assets/favicon.svg";
const FAVICON_PNG = "/assets/favicon.png";
const FONTS = "/assets/fonts.css";
/** Starts the reader-event beacon (page view, opt-out toggle, language switches) on every page. */
export const EVENTS_SCRIPT = "/components/reader-events.js";

const MENU_ICON = ["M4 6h16", "M4 12h16", "M4 18h16"];
const CLOSE_ICON = ["M6 6l12 12", "M18 6 6 18"];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function icon(paths: readonly string[], className = "icon"): string {
  return `<svg class="${className}" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${paths
    .map((d) => `<path d="${d}"/>`)
    .join("")}</svg>`;
}

/** The page's language and registry entry; pages outside src/[lang]/ (the root) have none. */
function route(path: string): { lang: Lang; page?: Page } {
  const r = routeOf(path);
  return r ?? { lang: "en" };
}

export function renderHead({ path }: ShellContext): string {
  // No <link rel="alternate" hreflang>: Framework takes every link[href] of the head for a file to
  // copy, and the language switch in the sidebar already links each page to its translation.
  const { lang } = route(path);
  const t = translator(lang);
  return [
    `<link rel="stylesheet" href="${FONTS}">`,
    `<link rel="icon" href="${FAVICON}" type="image/svg+xml">`,
    `<link rel="icon" href="${FAVICON_PNG}" type="image/png" sizes="32x32">`,
    `<meta name="description" content="${escapeHtml(t("shell.site.tagline"))}">`,
    `<meta name="theme-color" content="#000000">`,
    // Framework writes <html> without a language; screen readers and hyphenation need it.
    `<script>document.documentElement.lang = ${JSON.stringify(lang)};</script>`,
    // Framework bundles a local module script of the head (src/components/reader-events.ts); the
    // root page only redirects, and the page it leads to counts the view.
    routeOf(path) ? `<script type="module" src="${EVENTS_SCRIPT}"></script>` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function badge(build: BuildInfo, lang: Lang): string {
  const t = translator(lang);
  return `<span class="bttk-env bttk-env--${build.env}" data-env="${build.env}" title="${escapeHtml(t("shell.env.label"))}">${escapeHtml(
    t(`shell.env.${build.env}`),
  )}</span>`;
}

function navigation(lang: Lang, current: Page | undefined): string {
  const t = translator(lang);
  const items = PAGES.map((p) => {
    const active = p.id === current?.id;
    return `<li><a href="${pagePath(p.id, lang)}" data-page="${p.id}"${active ? ' class="is-active" aria-current="page"' : ""}>${icon(
      p.icon,
    )}<span>${escapeHtml(t(pageTitleKey(p.id)))}</span></a></li>`;
  }).join("");
  return `<p class="bttk-nav__title">${escapeHtml(t("shell.nav.label"))}</p><ul class="bttk-nav__list">${items}</ul>`;
}

/** EN | FR: each link keeps the reader on the same page, labelled in its own language. */
function languageSwitch(lang: Lang, current: Page | undefined): string {
  const links = LANGS.map((l) => {
    const t = translator(l);
    const href = pagePath(current?.id ?? "overview", l);
    const active = l === lang;
    return `<a href="${href}" lang="${l}" hreflang="${l}" ${LANGUAGE_ATTRIBUTE}="${l}" title="${escapeHtml(t("shell.language.switchTo"))}"${
      active ? ' class="is-active" aria-current="true"' : ""
    }>${escapeHtml(t(`shell.language.codes.${l}`))}</a>`;
  }).join("");
  return `<div class="bttk-lang" role="group" aria-label="${escapeHtml(translator(lang)("shell.language.label"))}">${links}</div>`;
}

/**
 * Generated data must never pass for real recipes: the notice sits in the header, so it is in the
 * static HTML of every page (no script needed), above the page's title.
 */
export function generatedNotice(build: BuildInfo, lang: Lang): string {
  if (build.provenance.kind !== "generated") return "";
  const t = translator(lang);
  return `<p class="bttk-notice" role="note" data-testid="generated-notice"><strong>${escapeHtml(
    t("shell.notice.title"),
  )}</strong> ${escapeHtml(t("shell.notice.text"))}</p>`;
}

/** Where the data came from, for the footer: the generator's version, scale and seed, or the source label. */
export const provenanceText = (build: BuildInfo, lang: Lang): string =>
  provenanceSentence(build.provenance, lang, {
    generated: "shell.footer.generated",
    labelled: "shell.footer.source",
    unlabelled: "shell.footer.sourceUnlabelled",
  });

/** The sidebar and the data notice; empty on pages outside the registry (the root page only redirects). */
export function renderHeader({ path, build }: ShellContext): string {
  if (!routeOf(path)) return "";
  const { lang, page } = route(path);
  const t = translator(lang);
  return `<div class="bttk-shell">
<input type="checkbox" id="bttk-menu" class="bttk-menu-toggle">
<div class="bttk-bar">
<a class="bttk-logo" href="${pagePath("overview", lang)}"><img src="${LOGO}" alt="${escapeHtml(t("shell.site.logoAlt"))}" width="720" height="360"></a>
${badge(build, lang)}
<label for="bttk-menu" class="bttk-menu-button" role="button" aria-controls="bttk-nav">${icon(MENU_ICON, "icon icon--open")}${icon(
    CLOSE_ICON,
    "icon icon--close",
  )}<span>${escapeHtml(t("shell.nav.menu"))}</span></label>
</div>
<nav id="bttk-nav" class="bttk-nav" aria-label="${escapeHtml(t("shell.nav.label"))}">
${navigation(lang, page)}
${languageSwitch(lang, page)}
</nav>
</div>${generatedNotice(build, lang)}`;
}

export function renderFooter({ path, build, repository }: ShellContext): string {
  if (!routeOf(path)) return "";
  const { lang } = route(path);
  const t = translator(lang);
  const item = (text: string, testId?: string) =>
    `<li${testId ? ` data-testid="${testId}"` : ""}>${escapeHtml(text)}</li>`;
  const items = [
    item(t("shell.footer.version", { version: build.version })),
    item(t("shell.footer.built", { date: formatDateTime(build.builtAt, lang) })),
    item(t("shell.footer.dataset", { id: build.datasetId })),
    item(provenanceText(build, lang), "data-provenance"),
    item(
      t("shell.footer.rows", {
        recipes: formatInteger(build.counts.recipes, lang),
        interactions: formatInteger(build.counts.interactions, lang),
      }),
    ),
    item(t("shell.footer.commit", { commit: build.gitCommit })),
    `<li><a href="${escapeHtml(repository)}" rel="noopener">${escapeHtml(t("shell.footer.repository"))}</a></li>`,
    // The reader's choice about usage statistics (src/components/events.ts binds it).
    `<li data-testid="events-toggle">${optOutToggleHtml({ label: t("shell.events.label"), refused: t("shell.events.refused") })}</li>`,
  ];
  return `<div class="bttk-footer"><img class="bttk-footer__logo" src="${FAVICON}" alt="" width="28" height="28"><ul class="bttk-footer__items">${items.join(
    "",
  )}</ul></div>`;
}
