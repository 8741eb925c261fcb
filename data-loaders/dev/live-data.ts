// The dev preview's page data, kept in step with the code. Framework re-runs a data loader only
// when the loader file itself changes, and the site has one loader for every page
// (src/data/[page].json.ts), so on its own it would keep serving old numbers after an edit to an
// analysis. Here: on every save under data-loaders/ or src/lib/, the pages whose data depends on
// the saved file (dependencies.ts) are computed again in a fresh process (fresh modules, so the
// edit is seen), in tolerant mode (a failing analysis becomes an error shown in the page, the
// preview keeps running), and written to this preview's private cache. Then the preview's own
// copy of the loader is touched, which makes Framework send every open page its new data — and the
// cached files of the other pages are touched after it, so Framework takes them as fresh rather
// than running their loaders again.
import { spawn } from "node:child_process";
import { existsSync, watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, rename, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { TOLERANT_VARIABLE } from "../analyses/page-data.js";
import { logger } from "../logger.js";
import { affectedPages, pageDependencies } from "./dependencies.js";

export const LOADER_NAME = "[page].json.ts";

/**
 * Give a private Framework root its own copy of the data loader: `data` becomes a real folder whose
 * loader runs the project's, and whose other entries are symlinks. Touching that copy re-runs this
 * preview's data only, never that of a build running from another root.
 */
export async function privateLoader(projectRoot: string, frameworkDir: string): Promise<string> {
  const data = join(frameworkDir, "data");
  const real = join(projectRoot, "src", "data");
  await rm(data, { recursive: true, force: true });
  await mkdir(data);
  for (const entry of await readdir(real)) {
    if (entry === LOADER_NAME) continue;
    await symlink(relative(data, join(real, entry)), join(data, entry));
  }
  const loader = join(data, LOADER_NAME);
  const target = relative(data, join(real, LOADER_NAME)).split("\\").join("/");
  await writeFile(
    loader,
    `// The dev preview's copy of src/data/${LOADER_NAME} (data-loaders/dev/live-data.ts).\nawait import(${JSON.stringify(target)});\n`,
  );
  return loader;
}

export interface PageResult {
  page: string;
  ok: boolean;
  /** What failed: analyses in the data's $errors, or the whole computation. */
  errors: string[];
  seconds: number;
}

/** Compute one page's data in a fresh process (tolerant), as the loader would. */
export function computeInChild(
  projectRoot: string,
  page: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const loader = join(projectRoot, "src", "data", LOADER_NAME);
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", loader, `--page=${page}`], {
      cwd: projectRoot,
      env: { ...env, [TOLERANT_VARIABLE]: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code) => done({ code, stdout, stderr }));
    child.on("error", (error) => done({ code: 1, stdout: "", stderr: String(error) }));
  });
}

// ANSI colours and consola's decorations out of a child's log, for a message shown in the page.
const plainText = (text: string) =>
  text
    .replace(/\x1b\[[0-9;]*m/g, "") // eslint-disable-line no-control-regex
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");

/** The page data to serve for a child's outcome: its JSON, or an error that covers the whole page. */
export function pageDataOf(page: string, outcome: { code: number | null; stdout: string; stderr: string }) {
  if (outcome.code === 0 && outcome.stdout.trim()) {
    try {
      const data = JSON.parse(outcome.stdout) as Record<string, unknown>;
      const failures = Object.values(
        (data.$errors ?? {}) as Record<string, { analysis: string; message: string }>,
      );
      return { text: outcome.stdout, errors: failures.map((f) => `${f.analysis}: ${f.message}`) };
    } catch {
      // fall through: not JSON
    }
  }
  const message = plainText(outcome.stderr).slice(-2000) || `the loader exited with code ${outcome.code}`;
  const failure = { analysis: page, source: `data-loaders/analyses/${page}/`, message };
  return { text: JSON.stringify({ $errors: { "*": failure } }), errors: [`${page}: ${message}`] };
}

/** Write a file so that a reader never sees half of it. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Make Framework send every open page its data again, without re-running loaders. */
export async function announce(loader: string, cacheDir: string): Promise<void> {
  const now = new Date();
  await utimes(loader, now, now);
  const later = new Date(now.getTime() + 1000);
  const dataDir = join(cacheDir, "data");
  if (!existsSync(dataDir)) return;
  for (const file of await readdir(dataDir)) {
    if (file.endsWith(".json")) await utimes(join(dataDir, file), later, later);
  }
}

export interface LiveData {
  /** Compute these pages again now (serialised with the watcher's runs). */
  refresh(pages: readonly string[], why?: string): Promise<PageResult[]>;
  close(): void;
}

export interface LiveDataOptions {
  projectRoot: string;
  /** The preview's Framework cache (page data under data/). */
  cacheDir: string;
  /** The preview's own loader (privateLoader). */
  loader: string;
  /** Environment of the computing processes (snapshot folder, APP_ENV…). */
  env: NodeJS.ProcessEnv;
  /** Folders to watch, relative to the project (default: data-loaders, src/lib). */
  watchDirs?: readonly string[];
  /** Quiet time after the last save before computing (ms). */
  debounceMs?: number;
  onResult?: (results: PageResult[]) => void;
}

export function startLiveData(options: LiveDataOptions): LiveData {
  const { projectRoot, cacheDir, loader, env, debounceMs = 150 } = options;
  let queue: Promise<unknown> = Promise.resolve();

  const computeNow = async (pages: readonly string[], why: string): Promise<PageResult[]> => {
    const results = await Promise.all(
      pages.map(async (page): Promise<PageResult> => {
        const started = performance.now();
        const { text, errors } = pageDataOf(page, await computeInChild(projectRoot, page, env));
        await mkdir(join(cacheDir, "data"), { recursive: true });
        await writeAtomic(join(cacheDir, "data", `${page}.json`), text);
        return { page, ok: errors.length === 0, errors, seconds: (performance.now() - started) / 1000 };
      }),
    );
    await announce(loader, cacheDir);
    for (const r of results) {
      if (r.ok) logger.success(`${r.page} data computed again in ${r.seconds.toFixed(1)} s (${why})`);
      else for (const e of r.errors) logger.error(`${e}\n  (shown in the page; the preview keeps running)`);
    }
    options.onResult?.(results);
    return results;
  };

  const refresh = (pages: readonly string[], why = "asked") => {
    const run = queue.then(() => computeNow(pages, why));
    queue = run.catch(() => undefined);
    return run;
  };

  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    const files = [...changed];
    changed.clear();
    // The previewed project's own analyses (a copy of the project previews its own pages).
    const graph = await pageDependencies(projectRoot, join(projectRoot, "data-loaders", "analyses"));
    const pages = [...new Set(files.flatMap((f) => affectedPages(graph, f)))];
    if (pages.length > 0) await refresh(pages, `${files.join(", ")} changed`);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of options.watchDirs ?? ["data-loaders", "src/lib"]) {
    const abs = join(projectRoot, dir);
    if (!existsSync(abs)) continue;
    watchers.push(
      watch(abs, { recursive: true }, (_event, name) => {
        if (!name || /(^|\/)\.|\.tmp$|~$/.test(String(name))) return;
        changed.add(join(dir, String(name)).split("\\").join("/"));
        clearTimeout(timer);
        timer = setTimeout(() => void flush().catch((e: unknown) => logger.error(e)), debounceMs);
      }),
    );
  }
  return {
    refresh,
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
