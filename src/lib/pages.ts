// The registry of the site's pages: the single source of the config's dynamicPaths, the sidebar
// navigation, the language switch and the Overview's page cards. A page exists here only once
// its source file exists (tests/pages.test.ts checks it).
//
// Adding a page (e.g. "seasonality"): write src/[lang]/seasonality.md, add
// `{ id: "seasonality", slug: "seasonality", source: "[lang]/seasonality.md" }` below and its
// id to PAGE_IDS, and the messages shell.pages.seasonality.{title,summary} to both catalogues.
import { LANGS, type Lang, type MessageKey } from "./i18n/index.js";

export const PAGE_IDS = ["overview", "trends", "data"] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface Page {
  id: PageId;
  /** Path segment after the language: "" for the language's home page. */
  slug: string;
  /** Source file, relative to the Framework root `src/`. */
  source: string;
}

/** In navigation order. */
export const PAGES: readonly Page[] = [
  { id: "overview", slug: "", source: "[lang]/index.md" },
  { id: "trends", slug: "trends", source: "[lang]/trends.md" },
  { id: "data", slug: "data", source: "[lang]/data.md" },
];

export function getPage(id: PageId): Page {
  const page = PAGES.find((p) => p.id === id);
  if (!page) throw new Error(`pages: no page "${id}" in the registry.`);
  return page;
}

/** Site path of a page in a language: `/en/`, `/fr/trends`. */
export function pagePath(id: PageId, lang: Lang): string {
  return `/${lang}/${getPage(id).slug}`;
}

/**
 * Link from one page to another of the same language. Every page of a language lives in the
 * same folder, so the link is relative and survives a site served under a path prefix.
 */
export function pageHref(id: PageId): string {
  return `./${getPage(id).slug}`;
}

/** Catalogue keys of a page's title and one-sentence summary. */
export function pageTitleKey(id: PageId): MessageKey {
  return `shell.pages.${id}.title`;
}
export function pageSummaryKey(id: PageId): MessageKey {
  return `shell.pages.${id}.summary`;
}

/** Every path Framework must render: each page in each language (the config's dynamicPaths). */
export function allPagePaths(): string[] {
  return LANGS.flatMap((lang) => PAGES.map((p) => pagePath(p.id, lang)));
}

/**
 * The page and language of a Framework page path. Framework hands `/en/index` for `/en/`, and
 * may append `.html`; the root page and unknown paths give undefined.
 */
export function routeOf(path: string): { lang: Lang; page: Page } | undefined {
  const match = /^\/([^/]+)\/(.*)$/.exec(path.replace(/\.html$/, ""));
  if (!match) return undefined;
  const [, lang, rest] = match;
  const slug = rest === "index" ? "" : rest;
  const page = PAGES.find((p) => p.slug === slug);
  return page && LANGS.includes(lang as Lang) ? { lang: lang as Lang, page } : undefined;
}
