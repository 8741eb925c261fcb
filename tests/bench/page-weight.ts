// Page weight of a built page: its HTML plus every same-site JS, CSS and data file it loads
// (module imports followed transitively, FileAttachment files it registers), each gzipped.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  htmlKb: number;
  codeKb: number;
  dataKb: number;
  totalKb: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** Same-site URLs a file references: imports, stylesheets, registered files. */
function references(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:href|src)="(\.{1,2}\/[^"#?]+)"/g,
    /import\s*(?:[^"']*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /"?path"?:\s*"(\.{1,2}\/[^"]+)"/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[1]);
  return [...found];
}

export function pageWeight(distDir: string, pagePath: string): PageWeight {
  const html = join(distDir, `${pagePath}.html`);
  const seen = new Set<string>();
  let codeKb = 0;
  let dataKb = 0;
  const visit = (file: string) => {
    for (const ref of references(readFileSync(file, "utf8"))) {
      const target = normalize(join(dirname(file), ref));
      // Links to other pages are not part of this page's weight; assets are files with an extension.
      if (seen.has(target) || !/\.(js|css|json|png|svg|woff2|csv)$/.test(target) || !existsSync(target))
        continue;
      seen.add(target);
      if (/\/_file\/data\//.test(target)) dataKb += gz(target);
      else {
        codeKb += gz(target);
        if (/\.(js|css)$/.test(target)) visit(target);
      }
    }
  };
  visit(html);
  const htmlKb = gz(html);
  return { page: pagePath, htmlKb, codeKb, dataKb, totalKb: htmlKb + codeKb + dataKb };
}
