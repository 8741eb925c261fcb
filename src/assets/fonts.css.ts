// Framework data loader for /assets/fonts.css: the site's @font-face rules with the woff2 files of
// @fontsource/michroma and @fontsource/inter inlined as data: URLs. Framework bundles the custom
// stylesheet with esbuild and no font loader, and nothing may come from a font CDN, so the fonts
// travel inside this one hashed, cacheable file. The latin subset covers English and French
// (accents, œ, the real minus sign, narrow no-break spaces); latin-ext would double the file — a
// render-blocking one — for characters the catalogues do not use.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Face {
  family: string;
  /** npm package and its file prefix. */
  pkg: string;
  id: string;
  weights: number[];
}

const FACES: Face[] = [
  { family: "Michroma", pkg: "@fontsource/michroma", id: "michroma", weights: [400] },
  { family: "Inter", pkg: "@fontsource/inter", id: "inter", weights: [400, 500, 600, 700] },
];
const SUBSETS = ["latin"] as const;

/** Fontsource's subset → unicode-range table, shipped in each package. */
function unicodeRanges(pkg: string): Record<string, string> {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), "utf8")) as Record<string, string>;
}

function fontFace(face: Face, weight: number, subset: string, range: string): string {
  const file = require.resolve(`${face.pkg}/files/${face.id}-${subset}-${weight}-normal.woff2`);
  const data = readFileSync(file).toString("base64");
  return `/* ${face.id}-${subset}-${weight} */
@font-face {
  font-family: "${face.family}";
  font-style: normal;
  font-display: swap;
  font-weight: ${weight};
  src: url(data:font/woff2;base64,${data}) format("woff2");
  unicode-range: ${range};
}`;
}

function stylesheet(): string {
  const rules: string[] = [];
  for (const face of FACES) {
    const ranges = unicodeRanges(face.pkg);
    for (const weight of face.weights) {
      for (const subset of SUBSETS) {
        const range = ranges[subset];
        if (!range) throw new Error(`fonts.css: ${face.pkg}/unicode.json has no "${subset}" subset.`);
        rules.push(fontFace(face, weight, subset, range));
      }
    }
  }
  return `${rules.join("\n\n")}\n`;
}

process.stdout.write(stylesheet());
