// The post-build bundler (data-loaders/site/bundle.ts) on a small release folder shaped like
// Framework's output: the cells' imports of the page's modules end up in the one page script, while
// a module that page code imports with import() becomes a lazy chunk, loaded only when that code
// runs, and left out of the page's first-load weight (tests/bench/page-weight.ts). Real esbuild,
// and the bundle really run by Node.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleSite, type BundledPage } from "../data-loaders/site/bundle.js";
import { pageWeight } from "./bench/page-weight.js";
import { tempDir } from "./helpers/s3.js";

const page = (script: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n<link rel="modulepreload" href="../_import/lib/page.11111111.js">\n` +
  `<script type="module">\n${script}\n</script>\n</head>\n<body></body>\n</html>\n`;

/** Framework's output: a page's modules under _import/, hashed, importing one another. */
const release: Record<string, string> = {
  // The cell imports its module with import(), as Framework writes every cell's import.
  "en/lazy.html": page(
    `const {run} = await import("../_import/lib/page.11111111.js");\nglobalThis.result = await run();`,
  ),
  "en/eager.html": page(
    `const {shared} = await import("../_import/lib/shared.33333333.js");\nglobalThis.result = shared();`,
  ),
  "_import/lib/page.11111111.js":
    `import {shared} from "./shared.33333333.js";\n` +
    `export async function run() {\n  const {tool} = await import("./tool.22222222.js");\n` +
    `  return shared() + " then " + tool();\n}\n`,
  // The heavy tool: its text must not travel with the page script.
  "_import/lib/tool.22222222.js":
    `import {shared} from "./shared.33333333.js";\n` +
    `export const tool = () => "LAZY TOOL LOADED " + "x".repeat(2000) + shared();\n`,
  "_import/lib/shared.33333333.js": `export const shared = () => "SHARED CODE";\n`,
};

let dir: string;
let bundled: BundledPage[];
const read = (file: string) => readFileSync(join(dir, file), "utf8");
const bundleOf = (html: string) => bundled.find((b) => b.page === html)!;
/** Runs a page script in Node, as the browser would, and returns what its cell computed. */
const run = (file: string) =>
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `await import(${JSON.stringify(pathToFileURL(join(dir, file)).href)}); process.stdout.write(globalThis.result);`,
    ],
    { encoding: "utf8" },
  );

beforeAll(async () => {
  dir = tempDir("bttk-bundle-");
  mkdirSync(join(dir, "_observablehq"), { recursive: true });
  for (const [file, text] of Object.entries(release)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  bundled = await bundleSite(dir, process.cwd());
});

describe("bundleSite", () => {
  it("loads one page script per page, and no modulepreload list", () => {
    expect(bundled.map((b) => b.page).sort()).toEqual(["en/eager.html", "en/lazy.html"]);
    for (const b of bundled) {
      expect(b.bundle).toMatch(/^_observablehq\/page\.[0-9a-f]{8}\.js$/);
      const html = read(b.page);
      expect(html).not.toContain("modulepreload");
      expect(html.match(/<script type="module"[^>]*>/g)).toEqual([
        `<script type="module" src="../${b.bundle}">`,
      ]);
    }
  });

  it("keeps a page without import() in its own code in one file", () => {
    const eager = bundleOf("en/eager.html");
    expect(eager.chunks).toEqual([]);
    expect(read(eager.bundle)).toContain("SHARED CODE");
    expect(run(eager.bundle)).toBe("SHARED CODE");
  });

  it("makes a module that page code imports with import() a lazy chunk, loaded when it runs", () => {
    const lazy = bundleOf("en/lazy.html");
    const script = read(lazy.bundle);
    expect(script).not.toContain("LAZY TOOL LOADED");
    const [tool, ...others] = lazy.chunks.filter((c) => read(c).includes("LAZY TOOL LOADED"));
    expect(others).toEqual([]);
    expect(tool).toMatch(/^_observablehq\/chunk\.[A-Z0-9]{8}\.js$/);
    expect(script).toContain(`import("./${tool.split("/").pop()}")`);
    // Code both need is in one place: a chunk the page script imports statically.
    const shared = lazy.chunks.filter((c) => read(c).includes("SHARED CODE"));
    expect(shared).toHaveLength(1);
    expect(script).not.toContain("SHARED CODE");
    expect(read(tool)).not.toContain("SHARED CODE");
    expect(run(lazy.bundle)).toBe(`SHARED CODE then LAZY TOOL LOADED ${"x".repeat(2000)}SHARED CODE`);
    expect(readdirSync(join(dir, "_observablehq")).sort()).toEqual(
      [eagerName(), ...lazy.chunks, lazy.bundle].map((f) => f.split("/").pop()).sort(),
    );
  });

  it("counts the page script and what it imports statically as the first load, the lazy chunk apart", () => {
    const lazy = bundleOf("en/lazy.html");
    const tool = lazy.chunks.find((c) => read(c).includes("LAZY TOOL LOADED"))!;
    const shared = lazy.chunks.find((c) => c !== tool)!;
    const weight = pageWeight(dir, "en/lazy");
    expect(weight.files.map((f) => f.file).sort()).toEqual([lazy.bundle, shared].sort());
    expect(weight.requests).toBe(3);
    expect(weight.lazy.map((f) => f.file)).toEqual([tool]);
    expect(weight.lazyKb).toBeGreaterThan(0);
    expect(weight.totalKb).toBeCloseTo(weight.htmlKb + weight.codeKb, 10);
  });
});

const eagerName = () => bundleOf("en/eager.html").bundle;
