// The site's pages: one declaration each, in navigation order. Everything else is derived from it —
// the config's dynamicPaths, the sidebar (title and icon), the language switch, the Overview's page
// cards, the page's source file (`src/[lang]/<slug>.md`, `index.md` for the home page) and its
// catalogue keys (`<id>.page.title` and `<id>.page.summary` in src/lib/i18n/<lang>/<id>.ts).
// A page that shows analyses reads `data/<data>.json`, the results of the analyses in
// data-loaders/analyses/<data>/ (its own id unless it reads another page's data).
//
// `npm run new:page -- <name>` writes a declaration here with the page, its analysis, its words and
// its test (docs/authoring.md); `npm run check:pages` reports a page missing from this list.
import { LANGS, type Lang, type MessageKey } from "./i18n/index.js";

export interface PageDeclaration {
  /** Lower-case words joined by hyphens; names the catalogue namespace and the analyses folder. */
  id: string;
  /** Path segment after the language: "" for the language's home page; default: the id. */
  slug?: string;
  /** Lucide-style icon of the navigation: SVG path data on a 24×24 grid, stroked. */
  icon: readonly string[];
  /** The analyses folder whose data file the page reads: default its id; null when it reads none. */
  data?: string | null;
}

/** In navigation order. */
const DECLARATIONS = [
  { id: "overview", slug: "", icon: ["M3 10.5 12 3l9 7.5", "M5 9.5V21h14V9.5", "M10 21v-6h4v6"] },
  { id: "trends", icon: ["M3 3v18h18", "M7 15l4-5 4 3 5-7"] },
  {
    id: "seasonality",
    icon: ["M12 3v2", "M12 19v2", "M5 12H3", "M21 12h-2", "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"],
  },
  { id: "weekend", icon: ["M4 5h16v16H4z", "M4 10h16", "M8 3v4", "M16 3v4", "M14 14h3v3h-3z"] },
  { id: "ratings", icon: ["M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z"] },
  {
    id: "community",
    icon: [
      "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
      "M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2",
      "M16 3.1a4 4 0 0 1 0 7.8",
      "M21 21v-2a4 4 0 0 0-3-3.9",
    ],
  },
  {
    id: "explore",
    data: null,
    icon: ["M4 5h16v14H4z", "M8 10l3 2-3 2", "M13 15h3"],
  },
  {
    id: "data",
    data: "overview",
    icon: [
      "M4 6c0 1.7 3.6 3 8 3s8-1.3 8-3-3.6-3-8-3-8 1.3-8 3z",
      "M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6",
      "M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
    ],
  },
  // new:page adds declarations above this line
] as const satisfies readonly PageDeclaration[];

export type PageId = (typeof DECLARATIONS)[number]["id"];

export interface Page {
  id: PageId;
  /** Path segment after the language: "" for the language's home page. */
  slug: string;
  /** Source file, relative to the Framework root `src/`. */
  source: string;
  icon: readonly string[];
  /** The analyses folder whose data the page reads, or null. */
  data: string | null;
}

const derive = (d: PageDeclaration): Page => {
  const slug = d.slug ?? d.id;
  return {
    id: d.id as PageId,
    slug,
    source: `[lang]/${slug || "index"}.md`,
    icon: d.icon,
    data: d.data === undefined ? d.id : d.data,
  };
};

export const PAGES: readonly Page[] = DECLARATIONS.map(derive);
export const PAGE_IDS: readonly PageId[] = PAGES.map((p) => p.id);

export function getPage(id: PageId): Page {
  const page = PAGES.find((p) => p.id === id);
  if (!page) throw new Error(`pages: no page "${id}" in src/lib/pages.ts.`);
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

/** The catalogue namespace of a page: its id in camelCase (`my-page` → `myPage`). */
export function pageNamespace(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Catalogue keys of a page's title and one-sentence summary. */
export function pageTitleKey(id: PageId): MessageKey {
  return `${pageNamespace(id)}.page.title` as MessageKey;
}
export function pageSummaryKey(id: PageId): MessageKey {
  return `${pageNamespace(id)}.page.summary` as MessageKey;
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
