// Page weight of a built page: its HTML plus every same-site file a cold load of it requests —
// stylesheets, scripts and their static imports (followed transitively), the fonts its stylesheets
// name, icons and images it links, and the data files it preloads (the bundler preloads every
// registered file under _file/data/) — each gzipped, and the number of those requests. Any other
// file a page registers (FileAttachment) is fetched when code asks for it — Explore's engine worker,
// its table list, the queries of "open in Explore" — so it is listed with the lazy chunks. A script's dynamic `import()` of a file of the site is a lazy chunk
// (data-loaders/site/bundle.ts), loaded only when the reader does what needs it: not part of the
// first load, listed apart (`lazy`) with what it imports that the first load has not. Counted from the built files, so the bench
// (tests/bench/run.ts) and the budget test (tests/page-budget.test.ts) count the same way.
//
// A file is counted once however many times it is referenced. A reference to a file that is not in
// the build is not a request a reader makes: Framework's client names optional libraries
// (`import("../_npm/duckdb…")`) it loads only when a page calls them, and the build has none.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget every page of the site is held to (docs/performance.md). */
export const PAGE_BUDGET = { requests: 15, totalKb: 250 } as const;

export interface PageWeight {
  page: string;
  /** HTTP requests of a cold load: the HTML and every file counted below. */
  requests: number;
  htmlKb: number;
  codeKb: number;
  fontKb: number;
  dataKb: number;
  totalKb: number;
  /** Every file counted, relative to the site folder, with its gzipped KB. */
  files: { file: string; kb: number }[];
  /** Lazy chunks and what they import beyond the first load: not counted above. */
  lazy: { file: string; kb: number }[];
  lazyKb: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** A file extension that is an asset a page loads (page links have none). */
const ASSET = /\.(js|css|json|png|svg|woff2|csv|jpg|webp)$/;

/**
 * Same-site URLs a file references. `document` ones are resolved against the page: Framework's
 * registerFile resolves a FileAttachment's path against `location`, wherever the script lives.
 */
function references(text: string, isCss: boolean): { ref: string; document: boolean; lazy: boolean }[] {
  const found: { ref: string; document: boolean; lazy: boolean }[] = [];
  const own = [
    /(?:href|src)="(\.{1,2}\/[^"#?]+)"/g,
    /import\s*(?:[^"'`(]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  ];
  if (isCss) own.push(/url\(\s*["']?(\.{1,2}\/[^"')#?]+)["']?\s*\)/g);
  for (const p of own)
    for (const m of text.matchAll(p)) found.push({ ref: m[1], document: false, lazy: false });
  for (const m of text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g))
    found.push({ ref: m[1], document: false, lazy: true });
  for (const m of text.matchAll(/"?path"?:\s*"(\.{1,2}\/[^"]+)"/g))
    found.push({ ref: m[1], document: true, lazy: !/(^|\/)_file\/data\//.test(m[1]) });
  return found;
}

/** The HTML file of a page path ("en/trends", "en/index", "index"). */
export const pageHtml = (distDir: string, pagePath: string) => join(distDir, `${pagePath}.html`);

export function pageWeight(distDir: string, pagePath: string): PageWeight {
  const html = pageHtml(distDir, pagePath);
  const seen = new Set<string>();
  const files: { file: string; kb: number }[] = [];
  let codeKb = 0;
  let fontKb = 0;
  let dataKb = 0;
  const lazyRoots: string[] = [];
  const visit = (file: string) => {
    for (const { ref, document, lazy } of references(readFileSync(file, "utf8"), file.endsWith(".css"))) {
      const target = normalize(join(dirname(document ? html : file), ref));
      if (seen.has(target) || !ASSET.test(target) || !existsSync(target)) continue;
      if (lazy) {
        lazyRoots.push(target);
        continue;
      }
      seen.add(target);
      const kb = gz(target);
      files.push({ file: relative(distDir, target), kb });
      if (/[\\/]_file[\\/]data[\\/]/.test(target)) dataKb += kb;
      else if (target.endsWith(".woff2")) fontKb += kb;
      else {
        codeKb += kb;
        if (/\.(js|css)$/.test(target)) visit(target);
      }
    }
  };
  visit(html);
  const htmlKb = gz(html);
  // What the lazy chunks would add, after the whole first load is known.
  const lazy: { file: string; kb: number }[] = [];
  const visitLazy = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    lazy.push({ file: relative(distDir, file), kb: gz(file) });
    if (!file.endsWith(".js")) return;
    for (const { ref, document } of references(readFileSync(file, "utf8"), false)) {
      const target = normalize(join(dirname(document ? html : file), ref));
      if (ASSET.test(target) && existsSync(target)) visitLazy(target);
    }
  };
  for (const root of lazyRoots) visitLazy(root);
  return {
    page: pagePath,
    requests: files.length + 1,
    htmlKb,
    codeKb,
    fontKb,
    dataKb,
    totalKb: htmlKb + codeKb + fontKb + dataKb,
    files,
    lazy,
    lazyKb: lazy.reduce((sum, f) => sum + f.kb, 0),
  };
}

/** Whether a page keeps to PAGE_BUDGET. */
export const withinBudget = (w: PageWeight) =>
  w.requests <= PAGE_BUDGET.requests && w.totalKb <= PAGE_BUDGET.totalKb;

/** One line per page: "en/trends: 9 requests, 212 KB (HTML 3, code 104, fonts 64, data 41)". */
export function describeWeight(w: PageWeight): string {
  const kb = (x: number) => x.toFixed(0);
  return (
    `${w.page}: ${w.requests} requests, ${kb(w.totalKb)} KB ` +
    `(HTML ${kb(w.htmlKb)}, code ${kb(w.codeKb)}, fonts ${kb(w.fontKb)}, data ${kb(w.dataKb)})` +
    (w.lazy.length > 0 ? `; lazy, not counted: ${w.lazy.length} files, ${kb(w.lazyKb)} KB` : "")
  );
}
