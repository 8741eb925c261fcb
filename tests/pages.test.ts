// The page registry is the single source of the site's pages: the config renders exactly its
// pages in every language, each page has a source file (and no source page is left out), and the
// sidebar lists the registry in order, highlights the current page, and switches language in place;
// generated data carries a notice on every page in its language, and the footer says where the
// data came from. The reader-event beacon is wired by the shell: a module script in each page's
// head, language links marked for the beacon, and the opt-out toggle in the footer.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGUAGE_ATTRIBUTE, TOGGLE_ATTRIBUTE } from "../src/components/events.js";
import { EVENTS_SCRIPT, renderFooter, renderHead, renderHeader } from "../src/components/shell.js";
import type { BuildInfo } from "../src/lib/contracts/build.js";
import { CATALOGUES, flatten, LANGS, translator } from "../src/lib/i18n/index.js";
import {
  allPagePaths,
  PAGE_IDS,
  PAGES,
  pageHref,
  pagePath,
  pageSummaryKey,
  pageTitleKey,
  routeOf,
} from "../src/lib/pages.js";
import { tempDir } from "./helpers/s3.js";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const BUILD_INFO = join(ROOT, "tests", "fixtures", "build-info.json");
const build: BuildInfo = {
  env: "preprod",
  datasetId: "ds-test",
  manifestSha256: "0".repeat(64),
  gitCommit: "abc123def456",
  builtAt: "2026-03-12T11:02:41.000Z",
  version: "1.2.3",
  counts: { recipes: 200066, interactions: 1132367 },
  provenance: { kind: "files", label: "Kaggle Food.com Recipes and Interactions" },
};
const generated: BuildInfo = {
  ...build,
  provenance: { kind: "generated", generator: { version: "0.4.0+1f2e3d4c", scale: 0.5, seed: 42 } },
};
const REPOSITORY = "https://github.com/back-to-the-kitchen/back-to-the-kitchen";

type Config = {
  dynamicPaths: string[];
  sidebar: boolean;
  pager: boolean;
  search: boolean;
  toc: boolean;
  globalStylesheets: string[];
  root: string;
  head: (o: { path: string }) => string;
  header: (o: { path: string }) => string;
  footer: (o: { path: string }) => string;
};
let config: Config;
let readBuildInfo: (vars: NodeJS.ProcessEnv) => BuildInfo;

beforeAll(async () => {
  process.env.BTTK_BUILD_INFO = BUILD_INFO;
  const module = await import("../observablehq.config.js");
  config = module.default as unknown as Config;
  readBuildInfo = module.readBuildInfo;
});

const unescape = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Page links of a rendered sidebar, in order: [href, text, active]. */
function navLinks(html: string): [string, string, boolean][] {
  const list = /<ul class="bttk-nav__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return Array.from(list.matchAll(/<a href="([^"]+)"([^>]*)>[\s\S]*?<span>([^<]*)<\/span><\/a>/g), (m) => [
    m[1],
    unescape(m[3]),
    m[2].includes('aria-current="page"'),
  ]);
}

function languageLinks(html: string): Record<string, string> {
  const group = /<div class="bttk-lang"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  return Object.fromEntries(
    Array.from(group.matchAll(/<a href="([^"]+)" lang="(\w+)"/g), (m) => [m[2], m[1]]),
  );
}

describe("page registry", () => {
  it("lists each page once, in PAGE_IDS order, with distinct slugs", () => {
    expect(PAGES.map((p) => p.id)).toEqual([...PAGE_IDS]);
    expect(new Set(PAGES.map((p) => p.slug)).size).toBe(PAGES.length);
  });

  it("holds the site's pages in navigation order, each derived from its declaration", () => {
    expect(PAGES.map((p) => p.id)).toEqual([
      "overview",
      "trends",
      "seasonality",
      "weekend",
      "ratings",
      "community",
      "explore",
      "data",
    ]);
    expect(PAGES.find((p) => p.id === "explore")).toMatchObject({ slug: "explore", data: null });
    expect(PAGES.find((p) => p.id === "trends")).toMatchObject({
      slug: "trends",
      source: "[lang]/trends.md",
      data: "trends",
    });
    expect(PAGES[0]).toMatchObject({ slug: "", source: "[lang]/index.md", data: "overview" });
    expect(PAGES.find((p) => p.id === "data")).toMatchObject({ slug: "data", data: "overview" });
    expect(pageTitleKey("weekend")).toBe("weekend.page.title");
  });

  it("has a source file for every page", () => {
    for (const page of PAGES) expect(existsSync(join(SRC, page.source)), page.source).toBe(true);
  });

  it("leaves no page source out of the registry", () => {
    const sources = readdirSync(join(SRC, "[lang]")).filter((f) => f.endsWith(".md"));
    expect(sources.sort()).toEqual(PAGES.map((p) => p.source.replace("[lang]/", "")).sort());
  });

  it("has a title and a summary for every page in both languages", () => {
    for (const lang of LANGS) {
      const messages = flatten(CATALOGUES[lang]);
      for (const page of PAGES) {
        expect(messages.get(pageTitleKey(page.id))).toBeTruthy();
        expect(messages.get(pageSummaryKey(page.id))).toBeTruthy();
      }
    }
  });

  it("maps paths to pages and back", () => {
    expect(pagePath("overview", "en")).toBe("/en/");
    expect(pagePath("trends", "fr")).toBe("/fr/trends");
    expect(pageHref("overview")).toBe("./");
    expect(pageHref("data")).toBe("./data");
    expect(routeOf("/en/index")).toEqual({ lang: "en", page: PAGES[0] });
    expect(routeOf("/fr/trends.html")?.page.id).toBe("trends");
    expect(routeOf("/index")).toBeUndefined();
    expect(routeOf("/de/trends")).toBeUndefined();
    expect(routeOf("/en/seasonality")?.page.id).toBe("seasonality");
    expect(routeOf("/en/ratings")?.page.id).toBe("ratings");
    expect(routeOf("/en/explore")?.page.id).toBe("explore");
    expect(routeOf("/en/notebook")).toBeUndefined();
  });
});

describe("config", () => {
  it("renders exactly the registry's pages in every language", () => {
    expect(config.dynamicPaths).toEqual(allPagePaths());
    expect([...config.dynamicPaths].sort()).toEqual(
      ["", "trends", "seasonality", "weekend", "ratings", "community", "explore", "data"]
        .flatMap((s) => [`/en/${s}`, `/fr/${s}`])
        .sort(),
    );
  });

  it("turns off Framework's own sidebar, pager, search, table of contents and CDN fonts", () => {
    expect(config).toMatchObject({ sidebar: false, pager: false, search: false, toc: false, root: "src" });
    expect(config.globalStylesheets).toEqual([]);
  });

  it("loads self-hosted fonts and the favicon in every page's head", () => {
    const head = config.head({ path: "/fr/data" });
    expect(head).toContain('<link rel="stylesheet" href="/assets/fonts.css">');
    expect(head).toContain('href="/assets/favicon.svg"');
    expect(head).toContain('document.documentElement.lang = "fr"');
    expect(head).not.toMatch(/https?:\/\//);
  });

  it("starts the reader-event beacon from the head of every page, but not on the root redirect", () => {
    const script = `<script type="module" src="${EVENTS_SCRIPT}"></script>`;
    for (const path of allPagePaths()) {
      const framework = path.endsWith("/") ? `${path}index` : path;
      expect(renderHead({ path: framework, build, repository: REPOSITORY }), path).toContain(script);
    }
    expect(renderHead({ path: "/index", build, repository: REPOSITORY })).not.toContain(EVENTS_SCRIPT);
    // The module exists where the script points (Framework bundles it from its TypeScript source).
    expect(existsSync(join(SRC, EVENTS_SCRIPT.replace(/\.js$/, ".ts")))).toBe(true);
  });

  it("says how to build when the BuildInfo variable is missing", () => {
    expect(() => readBuildInfo({})).toThrow(/npm run build -- --env <env>.*npm run dev/);
  });

  it("reads the BuildInfo fixture with its provenance", () => {
    expect(readBuildInfo({ BTTK_BUILD_INFO: BUILD_INFO }).provenance).toEqual({
      kind: "generated",
      generator: { version: "0.1.0+3a9f1c2e", scale: 1, seed: 42 },
    });
  });

  it("rejects a BuildInfo without provenance: a site must always say where its data came from", () => {
    const dir = tempDir("bttk-info-");
    const { provenance: _, ...rest } = JSON.parse(readFileSync(BUILD_INFO, "utf8")) as BuildInfo;
    writeFileSync(join(dir, "info.json"), JSON.stringify(rest));
    expect(() => readBuildInfo({ BTTK_BUILD_INFO: join(dir, "info.json") })).toThrow(
      /is not a BuildInfo: provenance/,
    );
  });

  it("rejects a BuildInfo with an unknown environment", () => {
    expect(() => readBuildInfo({ BTTK_BUILD_INFO: join(ROOT, "package.json") })).toThrow(
      /is not a BuildInfo/,
    );
  });
});

describe("sidebar navigation", () => {
  const paths = LANGS.flatMap((lang) => PAGES.map((page) => ({ lang, page, path: pagePath(page.id, lang) })));

  it.each(paths)("lists every page in $lang and highlights $path", ({ lang, page, path }) => {
    const framework = path.endsWith("/") ? `${path}index` : path;
    const html = renderHeader({ path: framework, build, repository: REPOSITORY });
    const t = translator(lang);
    expect(navLinks(html)).toEqual(
      PAGES.map((p) => [pagePath(p.id, lang), t(pageTitleKey(p.id)), p.id === page.id]),
    );
  });

  it.each(paths)("switches the language of $path in place", ({ page, path }) => {
    const framework = path.endsWith("/") ? `${path}index` : path;
    const links = languageLinks(renderHeader({ path: framework, build, repository: REPOSITORY }));
    expect(links).toEqual(Object.fromEntries(LANGS.map((l) => [l, pagePath(page.id, l)])));
  });

  it("marks each language link with the language it leads to, so a switch is recorded", () => {
    const html = renderHeader({ path: "/fr/trends", build, repository: REPOSITORY });
    const marked = Array.from(
      html.matchAll(new RegExp(`<a href="([^"]+)"[^>]* ${LANGUAGE_ATTRIBUTE}="(\\w+)"`, "g")),
      (m) => [m[1], m[2]],
    );
    expect(marked).toEqual([
      ["/en/trends", "en"],
      ["/fr/trends", "fr"],
    ]);
  });

  it("shows the environment badge of the build, never UNKNOWN", () => {
    const html = renderHeader({ path: "/en/data", build, repository: REPOSITORY });
    expect(html).toContain('class="bttk-env bttk-env--preprod"');
    expect(html).toContain(">Preprod<");
    expect(html).not.toMatch(/unknown/i);
  });

  it("renders no shell on the root page, which only redirects", () => {
    expect(renderHeader({ path: "/index", build, repository: REPOSITORY })).toBe("");
    expect(renderFooter({ path: "/index", build, repository: REPOSITORY })).toBe("");
    expect(renderHead({ path: "/index", build, repository: REPOSITORY })).toContain("fonts.css");
  });
});

describe("generated-data notice", () => {
  const notice = (html: string) =>
    unescape(/<p class="bttk-notice"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "");
  const paths = LANGS.flatMap((lang) => PAGES.map((page) => ({ lang, path: pagePath(page.id, lang) })));

  it.each(paths)("is on $path for generated data, in its language", ({ lang, path }) => {
    const framework = path.endsWith("/") ? `${path}index` : path;
    const text = notice(renderHeader({ path: framework, build: generated, repository: REPOSITORY }));
    expect(text).toBe(`${translator(lang)("shell.notice.title")} ${translator(lang)("shell.notice.text")}`);
  });

  it("says the data is generated and not real, in English and in French", () => {
    const en = notice(renderHeader({ path: "/en/trends", build: generated, repository: REPOSITORY }));
    const fr = notice(renderHeader({ path: "/fr/trends", build: generated, repository: REPOSITORY }));
    expect(en).toContain("Generated data shaped like Food.com — not real recipes.");
    expect(fr).toContain("Données générées à la manière de Food.com — pas de vraies recettes.");
  });

  it.each(paths)("is absent on $path for data ingested from files", ({ path }) => {
    const framework = path.endsWith("/") ? `${path}index` : path;
    expect(renderHeader({ path: framework, build, repository: REPOSITORY })).not.toContain("bttk-notice");
  });
});

describe("footer", () => {
  it("shows the build's facts in the page's language and links the repository", () => {
    const html = renderFooter({ path: "/fr/trends", build, repository: REPOSITORY });
    for (const text of [
      "Version 1.2.3",
      "Construit le 12 mars 2026 à 11:02 UTC",
      "Jeu de données ds-test",
      "200\u202f066 recettes · 1\u202f132\u202f367 interactions",
      "Commit abc123def456",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`<a href="${REPOSITORY}"`);
  });

  it.each(LANGS)(
    "offers the opt-out of usage statistics in %s, switched on until the reader says no",
    (lang) => {
      const html = renderFooter({ path: `/${lang}/data`, build, repository: REPOSITORY });
      const item = /<li data-testid="events-toggle">([\s\S]*?)<\/li>/.exec(html)?.[1] ?? "";
      const t = translator(lang);
      expect(item).toContain(`<input type="checkbox" ${TOGGLE_ATTRIBUTE} checked>`);
      expect(unescape(/<span>([^<]*)<\/span>/.exec(item)?.[1] ?? "")).toBe(t("shell.events.label"));
      expect(unescape(/data-refused="([^"]*)"/.exec(item)?.[1] ?? "")).toBe(t("shell.events.refused"));
    },
  );

  it("names the generator's version, scale and seed for generated data", () => {
    const provenance = (path: string) =>
      unescape(
        /data-testid="data-provenance">([^<]*)</.exec(
          renderFooter({ path, build: generated, repository: REPOSITORY }),
        )?.[1] ?? "",
      );
    expect(provenance("/en/data")).toBe("Generated data: generator 0.4.0+1f2e3d4c, scale 0.5, seed 42");
    expect(provenance("/fr/data")).toBe(
      "Données générées\u202f: générateur 0.4.0+1f2e3d4c, échelle 0,5, graine 42",
    );
  });

  it("names the source label for data ingested from files, or says none was given", () => {
    const html = renderFooter({ path: "/en/", build, repository: REPOSITORY });
    expect(html).toContain('data-testid="data-provenance">Source: Kaggle Food.com Recipes and Interactions<');
    const unlabelled: BuildInfo = { ...build, provenance: { kind: "files", label: null } };
    expect(renderFooter({ path: "/fr/trends", build: unlabelled, repository: REPOSITORY })).toContain(
      "Source\u202f: fichiers fournis à l&#39;ingestion (sans libellé)",
    );
  });
});
