// Which page data depends on which file, for the dev preview: a page's data is computed by the
// analyses of data-loaders/analyses/<page>/ and everything they import (contracts, src/lib/stats,
// the DuckDB session…). esbuild resolves those imports exactly as tsx does, in a few milliseconds,
// so the graph is read again on every change and a new import is followed at once.
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build } from "esbuild";

export type PageDependencies = Map<string, Set<string>>;

/** Every project file (relative, `/`-separated) that each page's data depends on. */
export async function pageDependencies(root: string, analysesDir: string): Promise<PageDependencies> {
  const graph: PageDependencies = new Map();
  for (const page of readdirSync(analysesDir, { withFileTypes: true })) {
    if (!page.isDirectory() || page.name.startsWith("_") || page.name.startsWith(".")) continue;
    const folder = join(analysesDir, page.name);
    const files = readdirSync(folder).map((f) => join(folder, f));
    const deps = new Set(files.map((f) => relative(root, f)));
    const entryPoints = files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"));
    // Every page's data is computed by page-data.ts (session, snapshot, registry, sql.ts…).
    entryPoints.push(join(analysesDir, "page-data.ts"));
    const result = await build({
      absWorkingDir: root,
      entryPoints,
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
      outdir: "out",
    }).catch(() => undefined); // a file being edited may not parse: keep the folder's own files
    for (const input of Object.keys(result?.metafile?.inputs ?? {})) {
      deps.add(relative(root, resolve(root, input)));
    }
    graph.set(page.name, deps);
  }
  return graph;
}

/**
 * The pages whose data a change to `file` (relative to the root) may alter: those that depend on
 * it, and the page whose folder it is in (a new or deleted analysis is not in the graph yet).
 */
export function affectedPages(graph: PageDependencies, file: string): string[] {
  const normalized = file.split("\\").join("/");
  const inFolder = /^data-loaders\/analyses\/([^/]+)\//.exec(normalized)?.[1];
  return [...graph.keys()].filter((page) => page === inFolder || graph.get(page)!.has(normalized));
}
