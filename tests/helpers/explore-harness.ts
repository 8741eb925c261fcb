// A page that hands the Explore engine (src/lib/explore/engine.ts) to a browser test, served from a
// built site: the engine bundled by esbuild as the site's bundler would, its FileAttachment names
// resolved to the files the build wrote under _file/explore/engine/ (content-hashed names). The test
// then calls the engine itself (window.explore) against the real wasm, worker and extracts.
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";

export const HARNESS_PATH = "/explore-harness/";

/** Write the harness into a built site; returns the map of FileAttachment names to built files. */
export async function writeExploreHarness(siteDir: string): Promise<Record<string, string>> {
  const dir = join(siteDir, "_file", "explore", "engine");
  const files: Record<string, string> = {};
  for (const built of readdirSync(dir)) {
    if (/\.(br|gz)$/.test(built)) continue;
    // recipes.1a2b3c4d.duckdb → recipes.duckdb; duckdb-browser-eh.worker.1a2b3c4d.js → …worker.js
    const name = built.replace(/\.[0-9a-f]{8}(\.[a-z]+)$/, "$1");
    files[name] = `/_file/explore/engine/${built}`;
  }
  const stdlib = `
    const FILES = ${JSON.stringify(files)};
    export function FileAttachment(name) {
      const key = name.split("/").pop();
      const path = FILES[key];
      if (!path) throw new Error("File not found: " + name);
      const url = new URL(path, location.href).href;
      return {
        name: key,
        url: async () => url,
        json: async () => (await fetch(url)).json(),
        text: async () => (await fetch(url)).text(),
      };
    }`;
  const result = await build({
    stdin: {
      contents: `import { openEngine, prefetchTables, ExploreError } from "./src/lib/explore/engine.ts";
        import { startEngineWorker } from "./src/lib/explore/engine-boot.ts";
        window.explore = { openEngine, prefetchTables, startEngineWorker, ExploreError };`,
      resolveDir: PROJECT_ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "observablehq-stdlib",
        setup(b) {
          b.onResolve({ filter: /^observablehq:stdlib$/ }, () => ({ path: "stdlib", namespace: "stdlib" }));
          b.onLoad({ filter: /.*/, namespace: "stdlib" }, () => ({ contents: stdlib, loader: "js" }));
        },
      },
    ],
  });
  const out = join(siteDir, HARNESS_PATH);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "engine.js"), result.outputFiles[0].contents);
  await writeFile(
    join(out, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>Explore engine harness</title>
<script type="module" src="./engine.js"></script>`,
  );
  return files;
}
