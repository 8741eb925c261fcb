// Post-build: few, small requests per page. Framework 1.13 writes every module of a page as a file
// of its own (each src/lib and src/components module under _import/, one file per npm package under
// _node/, d3 re-exporting all thirty d3-* packages) and modulepreloads them all: 80 to 120 requests
// a page. Here, for every built HTML page, the page's module graph becomes one minified, hashed
// file bundled by esbuild:
//
// - the entry is the page's own code: its `<script type="module" src>` (the reader-event beacon)
//   followed by its inline `<script type="module">` (the cells, which import Framework's client and
//   stdlib statically and the page's modules with `import("../_import/…")`, made static here, see
//   staticImports); tree-shaking drops what no cell uses (most of d3). Module scripts run in
//   document order, so the beacon still starts first.
// - the page's own modules that page code imports with `import()` (src/lib, src/components: a
//   heavy tool such as DuckDB-Wasm loaded when the reader asks for it) become lazy chunks,
//   _observablehq/chunk.<hash>.js (esbuild's code splitting): the page script loads them when that
//   code runs, not before. Code such a module shares with the page script goes to a chunk the page
//   script imports statically (one more request, counted in the page budget).
// - the lazy imports of Framework's own client and stdlib (duckdb, sqlite, the recommended npm
//   libraries…) stay lazy and external: a page that never uses them never loads them. The bundle is
//   written next to the client, in _observablehq/, so those relative paths (and the client's
//   import.meta.resolve calls) stay as Framework wrote them.
// - npm packages come from node_modules rather than Framework's _node/ copies, which lost the
//   packages' `sideEffects` flags (packagesFromNodeModules).
// - only the page's language catalogue is bundled: src/lib/i18n/index.ts imports both, and the
//   other language's is replaced by an empty module on a page under /en/ or /fr/, its own keeping
//   only the namespaces the page's code names (catalogues). The root page, which picks the
//   language at run time, keeps both.
// - FileAttachment paths are resolved against the document (stdlib's registerFile defaults its
//   base to `location`), so moving the inline script into a file keeps them right.
//
// - d3-geo and the d3-scale-chromatic schemes no chart uses are stand-ins that throw if called
//   (unused-d3.ts): Plot's code names them all, whatever a chart draws.
//
// Before that, the fonts are moved out of their stylesheet and cut to the site's characters
// (fonts.ts), each page data file becomes its browser view (browser-data.ts: without the
// `fullSpan` summaries the pages recompute, item counts encoded), and a page whose code reads a key
// that view leaves out stops the build.
//
// The HTML then loads that one file, preloads its data files (`as="fetch" crossorigin`, the mode
// and credentials of FileAttachment's fetch, so the browser reuses the response), and loses its
// modulepreload list. The file is named by its content hash: pages with identical bundles share one
// file. Framework's per-module files under _import/ stay on disk, unused; its per-package copies
// under _node/ are removed once no page file names them (dropNodeCopies): they would only be
// shipped and deployed, and one of them (DuckDB-Wasm's) names the CDN it can fetch bundles from.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build, type Plugin } from "esbuild";
import { isLang } from "../../src/lib/i18n/index.js";
import { MangetamainError } from "../errors.js";
import { omittedKeysRead, writeBrowserData } from "./browser-data.js";
import { contentHash, splitFonts } from "./fonts.js";
import { unusedD3 } from "./unused-d3.js";

export class BundleError extends MangetamainError {}

/** The folder the page bundles are written to, relative to the release folder. */
export const BUNDLE_DIR = "_observablehq";

const MODULE_PRELOAD = /^[ \t]*<link rel="modulepreload" href="[^"]+">\r?\n?/gm;
const MODULE_SRC = /<script type="module" src="([^"]+)"><\/script>\r?\n?/g;
const MODULE_INLINE = /<script type="module">([\s\S]*?)<\/script>/g;
const REGISTERED_FILE = /registerFile\(\s*"[^"]*",\s*(\{.*?\})\s*\)/g;
/** A built catalogue of one language: _import/lib/i18n/<lang>/index.<hash>.js. */
const CATALOGUE = /[\\/]_import[\\/]lib[\\/]i18n[\\/]([a-z]{2})[\\/]index\.[0-9a-f]{8}\.js$/;

export interface BundledPage {
  /** The page's HTML file, relative to the release folder. */
  page: string;
  /** Its bundle, relative to the release folder. */
  bundle: string;
  /**
   * The chunks its script may load, relative to the release folder: the page's own modules it
   * imports with import() (lazy), and code those share with the page script (loaded with it).
   */
  chunks: string[];
  /** The data files it preloads, as the page links them. */
  preloads: string[];
}

/** Every HTML file of a release folder, relative to it. */
function htmlPages(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("_") && !entry.name.startsWith(".")) out.push(...htmlPages(dir, path));
    } else if (entry.name.endsWith(".html")) out.push(path);
  }
  return out.sort();
}

const dotted = (path: string) => (path.startsWith(".") ? path : `./${path}`);
const posix = (path: string) => path.split(sep).join("/");

/**
 * Framework's client and stdlib import optional libraries on demand (`import("./stdlib/duckdb.js")`,
 * `import("../_npm/…")`): those stay lazy, external, and relative to the bundle's folder.
 */
function frameworkLazyImports(releaseDir: string, bundleDir: string): Plugin {
  const framework = join(releaseDir, "_observablehq") + sep;
  return {
    name: "framework-lazy-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "dynamic-import" || !args.importer.startsWith(framework)) return undefined;
        const target = resolve(dirname(args.importer), args.path);
        return { path: dotted(posix(relative(bundleDir, target))), external: true };
      });
    },
  };
}

/** A file Framework wrote for an npm package: _node/<name>@<version>/<subpath>.<hash>.js. */
const NODE_FILE = /[\\/]_node[\\/]((?:@[^\\/]+[\\/])?[^\\/@]+)@([^\\/]+)[\\/](.+)\.[0-9a-f]{8}\.js$/;

/**
 * Framework's _node/ files are one rollup bundle per package with the packages' `sideEffects`
 * flags gone, so esbuild must keep whatever they evaluate (all of d3 behind Plot). The same
 * package from node_modules, when its version is the one Framework bundled, carries the flag, and
 * tree-shaking then keeps only what the page calls.
 */
function packagesFromNodeModules(root: string): Plugin {
  return {
    name: "packages-from-node-modules",
    setup(b) {
      b.onResolve({ filter: /_node[\\/]/ }, async (args) => {
        if (args.pluginData === "from-node-modules") return undefined;
        const match = NODE_FILE.exec(resolve(args.resolveDir, args.path));
        if (!match) return undefined;
        const [, name, version, subpath] = match;
        const manifest = join(root, "node_modules", name, "package.json");
        if (!existsSync(manifest)) return undefined;
        const installed = (JSON.parse(await readFile(manifest, "utf8")) as { version?: string }).version;
        if (installed !== version) return undefined;
        const specifier = subpath === "index" ? name : `${name}/${subpath}.js`;
        const found = await b.resolve(specifier, {
          resolveDir: root,
          kind: args.kind,
          pluginData: "from-node-modules",
        });
        return found.errors.length > 0 ? undefined : { path: found.path, sideEffects: found.sideEffects };
      });
    },
  };
}

/** Framework's _node/ files, external: the first pass reads only the page's own code. */
const npmPackagesLeftOut: Plugin = {
  name: "npm-packages-left-out",
  setup(b) {
    b.onResolve({ filter: /_node[\\/]/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** `export { trends } from "./trends.911a09b0.js";`: one namespace of a built catalogue. */
const NAMESPACE_EXPORT = /export\s*\{\s*(\w+)\s*\}\s*from\s*"([^"]+)"/g;

/**
 * A page's catalogues. On a page of one language the other languages' catalogues are empty
 * modules; the root page, which picks the language at run time, keeps every language. A kept
 * catalogue keeps only the namespaces in `namespaces`; without `namespaces` every catalogue is
 * empty (the first pass, whose output says which namespaces the page's code names).
 */
function catalogues(lang: string | undefined, namespaces?: ReadonlySet<string>): Plugin {
  return {
    name: "catalogues",
    setup(b) {
      b.onResolve({ filter: /(^|[\\/])[a-z]{2}[\\/]index\.[0-9a-f]{8}\.js$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        const of = CATALOGUE.exec(path)?.[1];
        if (!of || !isLang(of)) return undefined;
        const kept = namespaces && (!lang || of === lang);
        return { path, namespace: kept ? "page-catalogue" : "absent-catalogue" };
      });
      b.onLoad({ filter: /.*/, namespace: "absent-catalogue" }, () => ({
        // translator() then throws "no message … in the <lang> catalogue" for a key of it.
        contents: `// Not loaded on this page (data-loaders/site/bundle.ts).\nexport {};\n`,
        loader: "js",
      }));
      b.onLoad({ filter: /.*/, namespace: "page-catalogue" }, async (args) => {
        const kept = [...(await readFile(args.path, "utf8")).matchAll(NAMESPACE_EXPORT)]
          .filter(([, name]) => namespaces?.has(name))
          .map(([line]) => line);
        return { contents: `${kept.join(";\n")};\n`, loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
}

/** The namespaces of a built catalogue. */
async function catalogueNamespaces(releaseDir: string, lang: string): Promise<string[]> {
  const dir = join(releaseDir, "_import", "lib", "i18n", lang);
  const index = existsSync(dir)
    ? readdirSync(dir).find((f) => /^index\.[0-9a-f]{8}\.js$/.test(f))
    : undefined;
  if (!index) return [];
  return [...(await readFile(join(dir, index), "utf8")).matchAll(NAMESPACE_EXPORT)].map(([, name]) => name);
}

/**
 * The namespaces a page's code names: a string or template that is the namespace or starts a key
 * of it (`"trends.volume.title"`, `` `common.seasons.${s}` ``, a page id such as `"trends"` that
 * pages.ts turns into `trends.page.title`). Read from the bundle without catalogues, after
 * tree-shaking, so a namespace is shipped only when some code that runs on the page can ask for it.
 * A page that builds a key from a namespace held in a variable must name it somewhere as a string;
 * if it does not, translator() throws "no message" and the page's browser test fails.
 */
function namedNamespaces(code: string, all: string[]): Set<string> {
  // Framework's define() lists each cell's variables by name (`inputs:["data"]`): not keys.
  const text = code.replace(/\b(?:inputs|outputs):\s*\[[^\]]*\]/g, "");
  return new Set(all.filter((n) => new RegExp(`["'\`]${n}["'\`.]`).test(text)));
}

/**
 * The cells' `import("../_import/…")` of the page's own modules, made static: `import * as m0 from
 * "…"` at the top and `Promise.resolve(m0)` in the cell, which resolves to the same namespace.
 * Without code splitting esbuild inlines a dynamic import anyway, but as a lazily initialised
 * wrapper, and wrapped modules keep their top-level code: every d3 package behind d3's re-exports,
 * d3-transition and d3-zoom included, stayed in the bundle (~40 KB minified). The modules now run
 * before the first cell instead of when their cell does; they only declare things, and the one
 * with an effect, the reader-event beacon, is imported first.
 */
function staticImports(script: string): string {
  const names = new Map<string, string>();
  const body = script.replace(/\bimport\(\s*("\.{1,2}\/[^"]+")\s*\)/g, (_, specifier: string) => {
    let name = names.get(specifier);
    if (!name) names.set(specifier, (name = `__pageModule${names.size}`));
    return `Promise.resolve(${name})`;
  });
  return [...[...names].map(([specifier, name]) => `import * as ${name} from ${specifier};`), body].join(
    "\n",
  );
}

const PAGE_ENTRY = "bttk:page-entry";

/** The page's code as esbuild's entry point (an entry in memory, as `stdin`, but splittable). */
function pageEntry(contents: string, resolveDir: string, page: string): Plugin {
  return {
    name: "page-entry",
    setup(b) {
      b.onResolve({ filter: /^bttk:page-entry$/ }, () => ({ path: page, namespace: "page-entry" }));
      b.onLoad({ filter: /.*/, namespace: "page-entry" }, () => ({ contents, resolveDir, loader: "js" }));
    },
  };
}

/** The page's language: the first folder of its path, when it is one of the site's languages. */
function pageLanguage(page: string): string | undefined {
  const first = page.split("/")[0];
  return page.includes("/") && isLang(first) ? first : undefined;
}

/** The data files a page's inline script registers (FileAttachment), as paths relative to the page. */
function registeredDataFiles(script: string): string[] {
  const paths: string[] = [];
  for (const [, json] of script.matchAll(REGISTERED_FILE)) {
    const { path } = JSON.parse(json) as { path?: string };
    if (path && /(^|\/)_file\/data\//.test(path)) paths.push(path);
  }
  return paths;
}

async function bundlePage(
  root: string,
  releaseDir: string,
  page: string,
  renames: ReadonlyMap<string, string>,
) {
  const htmlPath = join(releaseDir, page);
  const pageDir = dirname(htmlPath);
  let html = await readFile(htmlPath, "utf8");
  // Files the post-build steps replaced (the fonts stylesheet, the data files' browser view), as
  // the page links them: relative to the page.
  for (const [from, to] of renames)
    html = html
      .split(posix(relative(pageDir, join(releaseDir, from))))
      .join(posix(relative(pageDir, join(releaseDir, to))));
  const sources = [...html.matchAll(MODULE_SRC)].map((m) => m[1]);
  const inline = [...html.matchAll(MODULE_INLINE)].map((m) => m[1]);
  if (sources.length === 0 && inline.length === 0) {
    await writeFile(htmlPath, html);
    return undefined;
  }
  const entry = [
    ...sources.map((src) => `import ${JSON.stringify(src)};`),
    ...inline.map(staticImports),
  ].join("\n");
  const bundleDir = join(releaseDir, BUNDLE_DIR);
  const bundleWith = async (plugins: Plugin[], { minify = true, splitting = false } = {}) => {
    // Without `minify`, syntax only: dead branches still go, names and whitespace are left alone.
    const minifying = minify ? { minify: true } : { minifySyntax: true };
    const result = await build({
      entryPoints: [PAGE_ENTRY],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      ...minifying,
      // The page's own modules that its code imports with import() (not the cells' imports, made
      // static above) become lazy chunks beside the page script, loaded when that code runs.
      splitting,
      outdir: bundleDir,
      entryNames: "page",
      chunkNames: "chunk.[hash]",
      // Catalogues are text with accents: as UTF-8 bytes, not \u escapes (module scripts are UTF-8).
      charset: "utf8",
      legalComments: "eof",
      write: false,
      logLevel: "silent",
      metafile: Boolean(process.env.BTTK_BUNDLE_META),
      plugins: [pageEntry(entry, pageDir, page), frameworkLazyImports(releaseDir, bundleDir), ...plugins],
    }).catch((error: unknown) => {
      // Framework leaves an import as the page wrote it when it could not read that module or one
      // it imports (a missing file, a syntax error, a file saved mid-edit): the page would fail
      // in the browser, so the build stops here.
      throw new BundleError(`Bundling the modules of ${page} failed: ${(error as Error).message}`, {
        hint: "A page imports a module Framework did not write: check that module and what it imports, then build again.",
      });
    });
    return result;
  };
  const lang = pageLanguage(page);
  // First pass: the page's own code only (npm packages left out, they name no catalogue key),
  // tree-shaken, to read which namespaces it names.
  const first = await bundleWith([catalogues(lang), npmPackagesLeftOut], { minify: false });
  // English is the reference catalogue: every language has its namespaces.
  const named = namedNamespaces(
    first.outputFiles[0].text,
    await catalogueNamespaces(releaseDir, lang ?? "en"),
  );
  const result = await bundleWith([catalogues(lang, named), unusedD3(root), packagesFromNodeModules(root)], {
    splitting: true,
  });
  // esbuild names the chunks by their content (and their imports'), the page script by its own
  // hash here, as the tests and caches expect: no chunk imports the page script, so renaming it
  // breaks no import.
  const entryPath = join(bundleDir, "page.js");
  const entryFile = result.outputFiles.find((f) => f.path === entryPath);
  if (!entryFile) throw new BundleError(`Bundling ${page} wrote no page script.`);
  const bundle = `${BUNDLE_DIR}/page.${contentHash(entryFile.contents)}.js`;
  const read = omittedKeysRead(result.outputFiles.map((f) => f.text).join("\n"));
  if (read.length > 0)
    throw new BundleError(
      `The code of ${page} reads ${read.join(", ")}, which the built site's data files leave out (data-loaders/site/browser-data.ts).`,
      {
        hint: "Compute it in the page from the per-year data with the src/lib function the loader uses, as the other pages do, or take the key off BROWSER_OMITTED.",
      },
    );
  const chunks: string[] = [];
  await mkdir(bundleDir, { recursive: true });
  for (const file of result.outputFiles) {
    const path = file === entryFile ? join(releaseDir, bundle) : file.path;
    // Pages with the same lazy module share its chunk, written once per content.
    if (file !== entryFile) chunks.push(posix(relative(releaseDir, path)));
    await writeFile(path, file.contents);
  }
  if (process.env.BTTK_BUNDLE_META)
    await writeFile(join(releaseDir, `${bundle}.meta.json`), JSON.stringify(result.metafile));

  const src = dotted(posix(relative(pageDir, join(releaseDir, bundle))));
  const preloads = inline.flatMap(registeredDataFiles);
  const tags = [
    ...preloads.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`),
    `<script type="module" src="${src}"></script>`,
  ].join("\n");
  // The bundle takes the place of the first module script; the others and the preload list go.
  let placed = false;
  const place = () => (placed ? "" : ((placed = true), `${tags}\n`));
  html = html
    .replace(MODULE_PRELOAD, "")
    .replace(MODULE_SRC, place)
    .replace(MODULE_INLINE, () => place().trimEnd());
  await writeFile(htmlPath, html);
  return { page, bundle, chunks, preloads };
}

/**
 * Bundle every HTML page of a built release folder (see above); returns what each page now loads.
 * Run once, on a fresh `observable build` output: a page already bundled has no module to bundle.
 */
export async function bundleSite(releaseDir: string, root: string): Promise<BundledPage[]> {
  const fonts = await splitFonts(releaseDir);
  const renames = await writeBrowserData(releaseDir);
  if (fonts) renames.set(fonts.from, fonts.to);
  const pages: BundledPage[] = [];
  for (const page of htmlPages(releaseDir)) {
    const bundled = await bundlePage(root, releaseDir, page, renames);
    if (bundled) pages.push(bundled);
  }
  await dropNodeCopies(releaseDir);
  return pages;
}

/** Framework's copies of npm packages; after bundling, pages take packages from node_modules. */
const NODE_COPIES = "_node";

/**
 * Removes _node/ from a bundled release, after checking that nothing a reader loads names it: the
 * pages, and the scripts and stylesheets beside the page bundles. A name left would be a broken
 * import, so it stops the build instead.
 */
export async function dropNodeCopies(releaseDir: string): Promise<void> {
  if (!existsSync(join(releaseDir, NODE_COPIES))) return;
  const loaded = [
    ...htmlPages(releaseDir),
    ...readdirSync(join(releaseDir, BUNDLE_DIR), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => posix(join(BUNDLE_DIR, f))),
  ];
  for (const file of loaded) {
    const text = await readFile(join(releaseDir, file), "utf8");
    if (text.includes(`${NODE_COPIES}/`))
      throw new BundleError(
        `${file} still names ${NODE_COPIES}/ after bundling: a page would import a file that is removed. ` +
          "Check data-loaders/site/bundle.ts (packagesFromNodeModules) for a package it did not resolve.",
      );
  }
  await rm(join(releaseDir, NODE_COPIES), { recursive: true, force: true });
}
