// Post-build: move the fonts out of the stylesheet. src/assets/fonts.css.ts inlines each woff2 as
// a data: URL (Framework bundles stylesheets with no font loader, and the dev preview serves the
// loader's output as it is); here each face becomes a hashed .woff2 file beside the stylesheet,
// which is rewritten under a new hashed name. The browser then downloads a face only when the page
// renders text in it, the render-blocking stylesheet shrinks from ~90 KB to under 1 KB, and the
// faces stay cached across builds whose fonts did not change.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where Framework writes the loader's output, relative to the release folder. */
const ASSETS = join("_file", "assets");
const STYLESHEET = /^fonts\.[0-9a-f]{8}\.css$/;
const FACE =
  /\/\*\s*([a-z0-9-]+)\s*\*\/\s*@font-face\s*\{[^}]*?url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g;

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
  const faces = [...css.matchAll(FACE)];
  if (faces.length === 0) return undefined;
  await mkdir(join(dir, "fonts"), { recursive: true });
  for (const [, id, base64] of faces) {
    const bytes = Buffer.from(base64, "base64");
    const file = `${id}.${contentHash(bytes)}.woff2`;
    await writeFile(join(dir, "fonts", file), bytes);
    css = css.replace(`url(data:font/woff2;base64,${base64})`, `url("./fonts/${file}")`);
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
