// The post-build bundler (data-loaders/site/bundle.ts) on a small release folder shaped like
// Framework's output: the cells' imports of the page's modules end up in the one page script, while
// a module that page code imports with import() becomes a lazy chunk, loaded only when that code
// runs, and left out of the page's first-load weight (tests/bench/page-weight.ts). Real esbuild,
// and the bundle really run by Node.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { browserView } from "../data-loaders/site/browser-data.js";
import { fromBrowserView } from "../src/lib/browser-data.js";
import { bundleSite, dropNodeCopies, type BundledPage } from "../data-loaders/site/bundle.js";
import { siteCharacters, splitFonts, WEIGHTS } from "../data-loaders/site/fonts.js";
import { KEPT_SCHEMES, replacement } from "../data-loaders/site/unused-d3.js";
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
const read = (file: string, from = dir) => readFileSync(from ? join(from, file) : file, "utf8");
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

describe("the browser's view of page data", () => {
  const full = {
    volume: { perYear: [{ year: 2001, n: 3 }], fullSpan: { total: 3 } },
    items: { items: ["salt"], counts: [[1, 2]], fullSpan: { tested: 1 } },
    kpis: [1, 2],
  };

  it("leaves out each analysis's fullSpan, and nothing else", () => {
    expect(browserView(full)).toEqual({
      volume: { perYear: [{ year: 2001, n: 3 }] },
      items: { items: ["salt"], counts: [[1, 2]] },
      kpis: [1, 2],
    });
  });

  it("sends item counts as residuals and gives the same integers back, for counts by year or by season", () => {
    // A deterministic spread of counts, some far from the cells' shape, zeros, a lone big cell.
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647), seed / 2147483647);
    const byYear = [120, 0, 3400, 26059, 17, 135];
    const bySeason = [
      [247, 0, 207, 789],
      [557, 590, 700, 764],
    ];
    const rows = (cells: number[], n: number) =>
      Array.from({ length: n }, (_, i) =>
        cells.map((r) => Math.floor(r * next() * (i % 3 === 0 ? 0.01 : 0.5))),
      );
    const trendsCounts = rows(byYear, 40);
    const seasonCounts = rows(bySeason.flat(), 25);
    const data = {
      ingredients: {
        years: [2000, 2001, 2002, 2003, 2004, 2005],
        recipes: byYear,
        items: trendsCounts.map((_, i) => `item ${i}`),
        totals: trendsCounts.map((r) => r.reduce((a, b) => a + b, 0)),
        counts: trendsCounts,
        fullSpan: { tested: 40 },
      },
      tags: { recipes: bySeason, counts: seasonCounts, fullSpan: {} },
      other: { counts: [[1.5, 2]], recipes: [1, 2] },
    };
    const view = browserView(data);
    expect(view.ingredients).not.toHaveProperty("counts");
    expect(view.ingredients).not.toHaveProperty("countsTotals"); // its own totals serve
    expect(view.tags).toHaveProperty("countsTotals");
    expect(view.other).toEqual(data.other); // not integers: as it is
    const { fullSpan: _a, ...ingredients } = data.ingredients;
    const { fullSpan: _b, ...tags } = data.tags;
    expect(fromBrowserView(JSON.parse(JSON.stringify(view)) as object)).toEqual({
      ingredients,
      tags,
      other: data.other,
    });
    // Data without encoded counts (the dev preview's) is returned as it is.
    expect(fromBrowserView(data)).toBe(data);
  });

  it("replaces the built data file by its view, links and preloads the new one", async () => {
    const site = tempDir("bttk-bundle-data-");
    mkdirSync(join(site, "_file", "data"), { recursive: true });
    mkdirSync(join(site, "en"), { recursive: true });
    writeFileSync(join(site, "_file", "data", "trends.0123abcd.json"), JSON.stringify(full));
    writeFileSync(
      join(site, "en", "trends.html"),
      page(
        `registerFile("./data/trends.json", {"name":"./data/trends.json","mimeType":"application/json","path":"../_file/data/trends.0123abcd.json"});\n` +
          `globalThis.result = "ok";`,
      ),
    );
    const [bundledPage] = await bundleSite(site, process.cwd());
    const files = readdirSync(join(site, "_file", "data"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^trends\.[0-9a-f]{8}\.json$/);
    expect(JSON.parse(read(join(site, "_file", "data", files[0]), ""))).toEqual(browserView(full));
    expect(bundledPage.preloads).toEqual([`../_file/data/${files[0]}`]);
    const html = read(join(site, "en", "trends.html"), "");
    expect(html).toContain(`<link rel="preload" as="fetch" crossorigin href="../_file/data/${files[0]}">`);
    expect(html).not.toContain("0123abcd");
  });

  it("stops the build when a page's code reads a key the view leaves out", async () => {
    const site = tempDir("bttk-bundle-reads-");
    mkdirSync(join(site, "en"), { recursive: true });
    writeFileSync(join(site, "en", "p.html"), page(`globalThis.result = globalThis.data?.volume.fullSpan;`));
    await expect(bundleSite(site, process.cwd())).rejects.toThrow(/en\/p\.html reads fullSpan/);
  });
});

describe("Framework's package copies", () => {
  it("stay when a page file still names one, and the build stops saying which", async () => {
    const site = tempDir("bttk-bundle-node-");
    for (const [file, text] of Object.entries({
      "_node/x@1/index.0000aaaa.js": "export const x = 1;",
      "_observablehq/client.js": 'export const lib = () => import("../_node/x@1/index.0000aaaa.js");',
    })) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), text);
    }
    await expect(dropNodeCopies(site)).rejects.toThrow(/_observablehq\/client\.js still names _node\//);
    expect(existsSync(join(site, "_node/x@1/index.0000aaaa.js"))).toBe(true);
  });
});

describe("d3 modules no chart uses", () => {
  it("keeps the site's colour schemes as d3-scale-chromatic has them", async () => {
    const real = (await import("d3-scale-chromatic")) as unknown as Record<string, unknown>;
    const dir = tempDir("bttk-unused-d3-");
    writeFileSync(join(dir, "chromatic.mjs"), replacement("d3-scale-chromatic", real));
    // The replacement imports d3-interpolate by name: resolved from the project, as in a bundle.
    const { build } = await import("esbuild");
    await build({
      entryPoints: [join(dir, "chromatic.mjs")],
      bundle: true,
      format: "esm",
      outfile: join(dir, "out.mjs"),
      nodePaths: [join(process.cwd(), "node_modules")],
      logLevel: "silent",
    });
    const stub = (await import(pathToFileURL(join(dir, "out.mjs")).href)) as Record<string, unknown>;
    expect(Object.keys(stub).sort()).toEqual(Object.keys(real).sort());
    for (const name of KEPT_SCHEMES) {
      expect(stub[`scheme${name}`]).toEqual(real[`scheme${name}`]);
      const [mine, theirs] = [stub, real].map((m) => m[`interpolate${name}`] as (t: number) => string);
      for (let t = 0; t <= 1; t += 0.05) expect(mine(t), `${name} at ${t}`).toBe(theirs(t));
    }
    expect(stub.schemeObservable10).toEqual(real.schemeObservable10);
    const turbo = [stub, real].map((m) => m.interpolateTurbo as (t: number) => string);
    for (let t = -0.1; t <= 1.1; t += 0.05) expect(turbo[0](t), `turbo at ${t}`).toBe(turbo[1](t));
    // Any other scheme fails loudly, naming what to do.
    expect(() => (stub.interpolateBlues as (t: number) => string)(0.5)).toThrow(
      /interpolateBlues of d3-scale-chromatic is not in this site's bundles.*KEPT_SCHEMES/,
    );
    expect(() => (stub.schemeBlues as string[][])[3]).toThrow(/schemeBlues/);
  });

  it("leaves d3-geo and the unused schemes out of a Plot page, which still draws its chart", async () => {
    const site = tempDir("bttk-bundle-plot-");
    mkdirSync(join(site, "en"), { recursive: true });
    mkdirSync(join(site, "_import"), { recursive: true });
    // Plot from node_modules, as packagesFromNodeModules resolves Framework's _node/ copies.
    const plot = join(process.cwd(), "node_modules", "@observablehq", "plot");
    const version = (JSON.parse(readFileSync(join(plot, "package.json"), "utf8")) as { version: string })
      .version;
    const nodeDir = join(site, "_node", `@observablehq/plot@${version}`);
    mkdirSync(nodeDir, { recursive: true });
    writeFileSync(join(nodeDir, "index.0000aaaa.js"), "export {};\n");
    writeFileSync(
      join(site, "en", "chart.html"),
      page(
        `import * as Plot from "../_node/@observablehq/plot@${version}/index.0000aaaa.js";\n` +
          `globalThis.result = String(typeof Plot.plot);`,
      ),
    );
    const [bundledPage] = await bundleSite(site, process.cwd());
    const code = read(join(site, bundledPage.bundle), "");
    expect(code).toContain("is not in this site's bundles");
    // Plot still loads: what it calls from d3-geo as its module evaluates (geoTransform) is real.
    const loaded = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(pathToFileURL(join(site, bundledPage.bundle)).href)}); process.stdout.write(globalThis.result);`,
      ],
      { encoding: "utf8" },
    );
    expect(loaded).toBe("function");
    // Framework's package copies go once the page takes Plot from node_modules.
    expect(existsSync(join(site, "_node"))).toBe(false);
    // d3-geo and schemeBlues: not in the page script.
    expect(code.includes("[29.5,45.5]"), "d3-geo (geoAlbers parallels)").toBe(false);
    expect(code.includes("deebf7"), "schemeBlues").toBe(false);
    // the kept schemes' colours are there
    const ylgn = (await import("d3-scale-chromatic")).schemeYlGn[9][0];
    expect(code.includes(ylgn.slice(1)), "schemeYlGn").toBe(true);
  });
});

describe("fonts cut to the site", () => {
  const face = (id: string, family: string, weight: string, file: string) =>
    `/* ${id} */\n@font-face {\n  font-family: "${family}";\n  font-weight: ${weight};\n` +
    `  src: url(data:font/woff2;base64,${readFileSync(file).toString("base64")}) format("woff2");\n}\n`;
  const fonts = join(process.cwd(), "node_modules", "@fontsource");
  const inter = join(`${fonts}-variable`, "inter", "files", "inter-latin-wght-normal.woff2");
  const michroma = join(fonts, "michroma", "files", "michroma-latin-400-normal.woff2");

  it("keeps the characters of the site's pages, own modules and data, and not those of libraries", () => {
    const site = tempDir("bttk-fonts-chars-");
    for (const [file, text] of Object.entries({
      "en/index.html": "<p>Crème</p>",
      "_import/lib/i18n/fr/common.js": 'export const common = {t: "Ôter l’œuf"};',
      "_file/data/trends.0123abcd.json": '{"items":["jalapeño"]}',
      "_observablehq/page.0123abcd.js": "const x = 'Ωmega';",
      "_node/x@1/index.0123abcd.js": "const y = 'Ж';",
    })) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), text);
    }
    const chars = siteCharacters(site);
    for (const c of "èÔ’œñ") expect(chars, c).toContain(c);
    for (const c of "az09?\u202f\u2212é") expect(chars, JSON.stringify(c)).toContain(c); // always
    for (const c of "ΩЖ") expect(chars, c).not.toContain(c);
  });

  it("writes each face cut down, Inter with its weights limited to WEIGHTS", async () => {
    const site = tempDir("bttk-fonts-");
    mkdirSync(join(site, "_file", "assets"), { recursive: true });
    mkdirSync(join(site, "en"), { recursive: true });
    writeFileSync(join(site, "en", "index.html"), "<h1>Retour en cuisine</h1>");
    writeFileSync(
      join(site, "_file", "assets", "fonts.0123abcd.css"),
      face("michroma-latin", "Michroma", "400", michroma) + face("inter-latin", "Inter", "100 900", inter),
    );
    const moved = await splitFonts(site);
    const css = readFileSync(join(site, moved!.to), "utf8");
    expect(css).not.toContain("data:");
    expect(css).toContain(`font-weight: ${WEIGHTS.min} ${WEIGHTS.max};`);
    expect(css).toMatch(/font-family: "Michroma";\n {2}font-weight: 400;/);
    const files = readdirSync(join(site, "_file", "assets", "fonts"));
    const size = (prefix: string) =>
      readFileSync(
        join(
          site,
          "_file",
          "assets",
          "fonts",
          files.find((f) => f.startsWith(prefix))!,
        ),
      ).length;
    expect(size("inter-latin")).toBeLessThan(readFileSync(inter).length * 0.6);
    expect(size("michroma-latin")).toBeLessThan(readFileSync(michroma).length * 0.8);
    expect(size("michroma-latin")).toBeGreaterThan(2000); // still a font with its glyphs
  });
});
