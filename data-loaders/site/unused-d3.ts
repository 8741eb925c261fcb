// d3 modules that Plot's code reaches but this site never calls, left out of the page bundles.
// `Plot.plot` names d3-geo (projections, geo marks) and every d3-scale-chromatic scheme (its scheme
// tables) whatever a chart asks for, so esbuild keeps all of them: ~40 KB minified, ~13 KB gzipped
// on every Plot page, although no chart draws a map and three colour schemes are used. Both
// packages ship one bundled file whose top-level calls esbuild cannot drop one by one.
//
// Each is replaced by a module that exports, for every name of the real package, a value that
// throws a clear error as soon as anything calls it or reads from it (Plot only stores them in its
// tables when it loads), except the colour schemes kept (KEPT_*): their colour arrays are copied from
// the installed package, their interpolators rebuilt as d3-scale-chromatic builds them
// (interpolateRgbBasis of the scheme's longest array) or copied when they are a formula
// (interpolateTurbo); tests/bundle.test.ts checks they agree with the package's. A
// chart that starts using a projection, a geo mark or another scheme fails on its page with that
// error (the browser tests draw every chart), which says what to add here.
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";

/** The replaced packages. */
export const UNUSED_D3 = ["d3-geo", "d3-scale-chromatic"] as const;

/**
 * Colour schemes kept, by d3's name: the site's own, "rdylgn" and "ylgn" (Seasonality's heatmaps),
 * "ylorrd" (Community), and Plot's defaults for a colour scale given no scheme or range, "rdbu"
 * (diverging), "observable10" (categorical) and "turbo" (the rest), so that such a chart still draws.
 */
export const KEPT_SCHEMES = ["RdYlGn", "YlGn", "YlOrRd", "RdBu"] as const;
/** Categorical schemes kept: colour arrays. */
export const KEPT_CATEGORICAL = ["schemeObservable10"] as const;
/** Interpolators kept that d3 writes as self-contained functions of t (their source is copied). */
export const KEPT_FUNCTIONS = ["interpolateTurbo"] as const;

const UNAVAILABLE = (module: string) => `function unavailable(name) {
  const fail = () => {
    throw new Error(\`\${name} of ${module} is not in this site's bundles: no chart used it when they were made (data-loaders/site/unused-d3.ts). Add it to KEPT_SCHEMES (or KEPT_CATEGORICAL, KEPT_FUNCTIONS) there, or take ${module} off UNUSED_D3.\`);
  };
  return new Proxy(function () {}, { apply: fail, construct: fail, get: fail, has: fail });
}`;

/** d3-geo's geoTransform (src/transform.js, ISC licence), as one expression. */
const GEO_TRANSFORM = `(() => {
  function TransformStream() {}
  TransformStream.prototype = {
    constructor: TransformStream,
    point(x, y) { this.stream.point(x, y); },
    sphere() { this.stream.sphere(); },
    lineStart() { this.stream.lineStart(); },
    lineEnd() { this.stream.lineEnd(); },
    polygonStart() { this.stream.polygonStart(); },
    polygonEnd() { this.stream.polygonEnd(); }
  };
  return (methods) => ({
    stream(stream) {
      const s = new TransformStream();
      for (const key in methods) s[key] = methods[key];
      s.stream = stream;
      return s;
    }
  });
})()`;

/** An array with leading holes (d3's schemes start at index 3), as a JavaScript literal. */
const literal = (array: readonly unknown[]) =>
  `[${Array.from(array, (x) => (x === undefined ? "" : JSON.stringify(x))).join(",")}]`;

/** The replacement's source for `module`, whose real exports are `real`. */
export function replacement(module: string, real: Record<string, unknown>): string {
  const kept: string[] = [];
  if (module === "d3-scale-chromatic") {
    for (const name of KEPT_SCHEMES) {
      const scheme = real[`scheme${name}`];
      if (!Array.isArray(scheme) || typeof real[`interpolate${name}`] !== "function")
        throw new Error(
          `KEPT_SCHEMES names ${name}, which d3-scale-chromatic has no scheme${name} and interpolate${name} for.`,
        );
      kept.push(
        `export const scheme${name} = ${literal(scheme)};`,
        `export const interpolate${name} = interpolateRgbBasis(scheme${name}[scheme${name}.length - 1]);`,
      );
    }
    for (const name of KEPT_CATEGORICAL) {
      if (!Array.isArray(real[name]))
        throw new Error(`KEPT_CATEGORICAL names ${name}, which d3-scale-chromatic has no array for.`);
      kept.push(`export const ${name} = ${literal(real[name])};`);
    }
    for (const name of KEPT_FUNCTIONS) {
      const source = typeof real[name] === "function" ? String(real[name]) : "";
      if (!/^function\s*\w*\s*\(t\)/.test(source))
        throw new Error(`KEPT_FUNCTIONS names ${name}, which d3-scale-chromatic has no function of t for.`);
      kept.push(`export const ${name} = ${source};`);
    }
  }
  if (module === "d3-geo") {
    // Plot builds its reflect-y transform with geoTransform when its module loads, so the real one
    // (d3-geo's transform.js: a stream whose methods default to passing points on) stays.
    if (typeof real.geoTransform !== "function")
      throw new Error(
        "d3-geo has no geoTransform: Plot's reflect-y needs it (data-loaders/site/unused-d3.ts).",
      );
    kept.push(`export const geoTransform = ${GEO_TRANSFORM};`);
  }
  const keptNames = new Set(kept.map((line) => /^export const (\w+)/.exec(line)![1]));
  return [
    `// ${module} as this site's page bundles have it (data-loaders/site/unused-d3.ts).`,
    kept.length > 0 ? `import { interpolateRgbBasis } from "d3-interpolate";` : "",
    UNAVAILABLE(module),
    ...kept,
    ...Object.keys(real)
      .filter((name) => !keptNames.has(name))
      .map((name) => `export const ${name} = unavailable(${JSON.stringify(name)});`),
  ].join("\n");
}

/** The UNUSED_D3 packages replaced wherever they are imported from (d3's index re-exports them). */
export function unusedD3(root: string): Plugin {
  return {
    name: "unused-d3",
    setup(b) {
      const filter = new RegExp(`^(${UNUSED_D3.join("|")})$`);
      b.onResolve({ filter }, (args) =>
        args.pluginData === "unused-d3" ? undefined : { path: args.path, namespace: "unused-d3" },
      );
      b.onLoad({ filter: /.*/, namespace: "unused-d3" }, async (args) => {
        const real = await b.resolve(args.path, {
          resolveDir: root,
          kind: "import-statement",
          pluginData: "unused-d3",
        });
        if (real.errors.length > 0) return { errors: real.errors };
        const exports = (await import(pathToFileURL(real.path).href)) as Record<string, unknown>;
        return { contents: replacement(args.path, exports), loader: "js", resolveDir: root };
      });
    },
  };
}
