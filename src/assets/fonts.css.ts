// Framework data loader for /assets/fonts.css: the site's @font-face rules, self-hosted (nothing
// may come from a font CDN). Inter is @fontsource-variable/inter's one variable file (weights
// 100–900, 47 KB): the pages use 400, 500, 600 and 700, which as @fontsource/inter's static files
// weigh 95 KB in four requests. Michroma (headings) has one weight.
//
// The woff2 files are inlined as data: URLs here because Framework bundles stylesheets with no
// font loader, so this is what the dev preview serves. A build then moves each one into a hashed
// .woff2 file of its own (data-loaders/site/fonts.ts): the browser downloads a face only when the
// page uses it, and the stylesheet, which blocks rendering, shrinks to a few hundred bytes.
//
// The latin subset covers English and French (accents, œ, the real minus sign, narrow no-break
// spaces); latin-ext would double the weight for characters the catalogues do not use.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Face {
  family: string;
  /** npm package (its unicode.json names the subsets' ranges). */
  pkg: string;
  /** The woff2 file in the package, `{subset}` standing for the subset's name. */
  file: string;
  /** A weight, or a variable font's range ("100 900"). */
  weight: string;
  /** Name of the face's file once a build moves it out of the stylesheet. */
  id: string;
}

const FACES: Face[] = [
  {
    family: "Michroma",
    pkg: "@fontsource/michroma",
    file: "files/michroma-{subset}-400-normal.woff2",
    weight: "400",
    id: "michroma",
  },
  {
    family: "Inter",
    pkg: "@fontsource-variable/inter",
    file: "files/inter-{subset}-wght-normal.woff2",
    weight: "100 900",
    id: "inter",
  },
];
const SUBSETS = ["latin"] as const;

/** Fontsource's subset → unicode-range table, shipped in each package. */
function unicodeRanges(pkg: string): Record<string, string> {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), "utf8")) as Record<string, string>;
}

function fontFace(face: Face, subset: string, range: string): string {
  const file = require.resolve(`${face.pkg}/${face.file.replace("{subset}", subset)}`);
  const data = readFileSync(file).toString("base64");
  // The comment names the file the build writes (data-loaders/site/fonts.ts reads it).
  return `/* ${face.id}-${subset} */
@font-face {
  font-family: "${face.family}";
  font-style: normal;
  font-display: swap;
  font-weight: ${face.weight};
  src: url(data:font/woff2;base64,${data}) format("woff2");
  unicode-range: ${range};
}`;
}

function stylesheet(): string {
  const rules: string[] = [];
  for (const face of FACES) {
    const ranges = unicodeRanges(face.pkg);
    for (const subset of SUBSETS) {
      const range = ranges[subset];
      if (!range) throw new Error(`fonts.css: ${face.pkg}/unicode.json has no "${subset}" subset.`);
      rules.push(fontFace(face, subset, range));
    }
  }
  return `${rules.join("\n\n")}\n`;
}

process.stdout.write(stylesheet());
