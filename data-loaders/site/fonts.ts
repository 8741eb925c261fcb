// Post-build: move the fonts out of the stylesheet. src/assets/fonts.css.ts inlines each woff2 as
// a data: URL (Framework bundles stylesheets with no font loader, and the dev preview serves the
// loader's output as it is); here each face becomes a hashed .woff2 file beside the stylesheet,
// which is rewritten under a new hashed name. The browser then downloads a face only when the page
// renders text in it, the render-blocking stylesheet shrinks from ~90 KB to under 1 KB, and the
// faces stay cached across builds whose fonts did not change.
//
// Each face is also cut down to what the site shows (harfbuzz's hb-subset, through subset-font):
// - the characters of the site's own text: its pages, its own modules (the catalogues of both
//   languages, the components) and its data files, plus printable ASCII, the French alphabet (dates
//   and numbers that the browser formats, Intl's spaces and the minus sign). Every OpenType feature
//   is kept (kerning, ligatures, tabular figures). A character outside the set (text a reader
//   types into a search box, say) is drawn by the next font of the stack, system-ui;
// - the weights the stylesheets use: Inter's variable axis is limited to WEIGHTS (400–700), and
//   its @font-face says so, so that a weight outside it is clamped rather than synthesised.
// Inter 47 → ~24 KB, Michroma 18 → ~13 KB (default dataset).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import subsetFont from "subset-font";

/** Where Framework writes the loader's output, relative to the release folder. */
const ASSETS = join("_file", "assets");
const STYLESHEET = /^fonts\.[0-9a-f]{8}\.css$/;
const FACE = /\/\*\s*([a-z0-9-]+)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;
const DATA_URL = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/;
const WEIGHT_RANGE = /font-weight:\s*(\d+)\s+(\d+)\s*;/;

/** The weights the site's stylesheets and charts use (400 text, 500–600 labels, 700 bold). */
export const WEIGHTS = { min: 400, max: 700 } as const;

/** Characters every face keeps whatever the text: ASCII, the French alphabet, Intl's punctuation. */
const ALWAYS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("") +
  "àâäæçéèêëîïôöùûüÿœÀÂÄÆÇÉÈÊËÎÏÔÖÙÛÜŸŒ" +
  "\u00a0\u202f\u2009\u2007\u2212\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u00b7\u00b0%‰×";

/** Files whose text the site shows: its pages, its own modules, its data. */
function textFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) {
      if (!prefix && entry.name.startsWith("_") && !["_import", "_file"].includes(entry.name)) continue;
      out.push(...textFiles(dir, path));
    } else if (/\.(html|js|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every character the built site can show from its own text, and ALWAYS. */
export function siteCharacters(releaseDir: string): string {
  const chars = new Set(ALWAYS);
  for (const file of textFiles(releaseDir))
    for (const c of readFileSync(join(releaseDir, file), "utf8")) if (c >= " ") chars.add(c);
  return [...chars].sort().join("");
}

export const contentHash = (data: string | Uint8Array) =>
  createHash("sha256").update(data).digest("hex").slice(0, 8);

/**
 * Split the built fonts stylesheet of `releaseDir`, if any: returns the old stylesheet's site path
 * and the new one's (`_file/assets/fonts.<hash>.css`), for the pages' links to be rewritten.
 */
export async function splitFonts(releaseDir: string): Promise<{ from: string; to: string } | undefined> {
  const dir = join(releaseDir, ASSETS);
  const name = existsSync(dir) ? readdirSync(dir).find((f) => STYLESHEET.test(f)) : undefined;
  if (!name) return undefined;
  let css = await readFile(join(dir, name), "utf8");
  const faces = [...css.matchAll(FACE)].filter(([, , body]) => DATA_URL.test(body));
  if (faces.length === 0) return undefined;
  await mkdir(join(dir, "fonts"), { recursive: true });
  const text = siteCharacters(releaseDir);
  for (const [block, id, body] of faces) {
    const range = WEIGHT_RANGE.exec(body);
    const weights = range && {
      min: Math.max(Number(range[1]), WEIGHTS.min),
      max: Math.min(Number(range[2]), WEIGHTS.max),
    };
    const bytes = await subsetFont(Buffer.from(DATA_URL.exec(body)![1], "base64"), text, {
      targetFormat: "woff2",
      ...(weights && { variationAxes: { wght: weights } }),
    });
    const file = `${id}.${contentHash(bytes)}.woff2`;
    await writeFile(join(dir, "fonts", file), bytes);
    let face = block.replace(DATA_URL, `url("./fonts/${file}")`);
    if (weights) face = face.replace(WEIGHT_RANGE, `font-weight: ${weights.min} ${weights.max};`);
    css = css.replace(block, face);
  }
  if (css.includes("data:font/")) {
    throw new Error(
      `${join(ASSETS, name)} still inlines a font the build could not name: each @font-face needs ` +
        "the /* <id> */ comment src/assets/fonts.css.ts writes before it.",
    );
  }
  const renamed = `fonts.${contentHash(css)}.css`;
  await writeFile(join(dir, renamed), css);
  return { from: `_file/assets/${name}`, to: `_file/assets/${renamed}` };
}
