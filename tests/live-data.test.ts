// The dev preview's live page data (data-loaders/dev/live-data.ts), on a tiny temporary project
// whose data loader is a real script run in a real child process: the preview's private copy of
// the loader, the outcome of a run turned into page data, the order of the touched mtimes, and a
// refresh that writes each page's data into the preview's cache.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TOLERANT_VARIABLE } from "../data-loaders/analyses/page-data.js";
import {
  announce,
  computeInChild,
  LOADER_NAME,
  pageDataOf,
  privateLoader,
  startLiveData,
  type PageResult,
} from "../data-loaders/dev/live-data.js";
import { removeTempDirs, tempDir } from "./helpers/s3.js";

const REPO = join(import.meta.dirname, "..");

// A loader that prints its page, whether it runs tolerant, and fails for the page "broken".
const LOADER = `const page = process.argv.find((a) => a.startsWith("--page="))?.slice(7);
if (page === "broken") { process.stderr.write("\\u001b[31m ERROR\\u001b[0m no such table: recipez\\n"); process.exit(1); }
if (page === "partial") {
  process.stdout.write(JSON.stringify({ a: 1, $errors: { b: { analysis: "partial/b", message: "division by zero" } } }));
} else {
  process.stdout.write(JSON.stringify({ page, tolerant: process.env.${TOLERANT_VARIABLE} ?? null }));
}
`;

/** An ES-module project with src/data/[page].json.ts, a sibling data file and the repo's node_modules (for tsx). */
function tinyProject(): string {
  const root = tempDir("bttk-live-");
  mkdirSync(join(root, "src", "data"), { recursive: true });
  writeFileSync(join(root, "src", "data", LOADER_NAME), LOADER);
  writeFileSync(join(root, "src", "data", "notes.csv"), "a,b\n1,2\n");
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

afterAll(removeTempDirs);

describe("privateLoader", () => {
  it("gives the preview's root a real data folder: a loader that runs the project's, and symlinks for the rest", async () => {
    const root = tinyProject();
    const framework = join(root, ".preview");
    mkdirSync(join(framework, "data"), { recursive: true });
    writeFileSync(join(framework, "data", "stale.json"), "{}");
    const loader = await privateLoader(root, framework);

    expect(loader).toBe(join(framework, "data", LOADER_NAME));
    expect(lstatSync(join(framework, "data")).isSymbolicLink()).toBe(false);
    expect(existsSync(join(framework, "data", "stale.json"))).toBe(false);
    const link = join(framework, "data", "notes.csv");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("..", "..", "src", "data", "notes.csv"));
    expect(readFileSync(link, "utf8")).toBe("a,b\n1,2\n");
    expect(readFileSync(loader, "utf8")).toContain(`await import("../../src/data/${LOADER_NAME}");`);

    // Running the private copy runs the project's loader.
    const run = spawnSync(process.execPath, ["--import", "tsx", loader, "--page=trends"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ page: "trends", tolerant: null });
  });
});

describe("computeInChild and pageDataOf", () => {
  it("computes a page in a fresh tolerant process and passes its JSON through", async () => {
    const root = tinyProject();
    const outcome = await computeInChild(root, "seasonality", process.env);
    expect(outcome.code).toBe(0);
    const data = pageDataOf("seasonality", outcome);
    expect(JSON.parse(data.text)).toEqual({ page: "seasonality", tolerant: "1" });
    expect(data.errors).toEqual([]);
  });

  it("lists the analyses that failed inside a page's data", async () => {
    const data = pageDataOf("partial", await computeInChild(tinyProject(), "partial", process.env));
    expect(data.errors).toEqual(["partial/b: division by zero"]);
    expect(JSON.parse(data.text).a).toBe(1);
  });

  it("turns a crashed loader into an error covering the page, with its log stripped of colours", async () => {
    const data = pageDataOf("broken", await computeInChild(tinyProject(), "broken", process.env));
    expect(data.errors).toEqual(["broken: ERROR no such table: recipez"]);
    expect(JSON.parse(data.text)).toEqual({
      $errors: {
        "*": {
          analysis: "broken",
          source: "data-loaders/analyses/broken/",
          message: "ERROR no such table: recipez",
        },
      },
    });
  });

  it("treats output that is not JSON, or no output and no log, as a failure", () => {
    expect(pageDataOf("p", { code: 0, stdout: "<html>", stderr: "oops" }).errors).toEqual(["p: oops"]);
    expect(pageDataOf("p", { code: 0, stdout: "  ", stderr: "" }).errors).toEqual([
      "p: the loader exited with code 0",
    ]);
  });

  it("keeps only the last 2000 characters of a long log", () => {
    const long = "x".repeat(1500) + "\n" + "y".repeat(1500);
    const [error] = pageDataOf("p", { code: 1, stdout: "", stderr: long }).errors;
    expect(error).toBe(`p: ${"x".repeat(499)}\n${"y".repeat(1500)}`);
  });
});

describe("announce", () => {
  it("touches the loader, then the cached page data one second later", async () => {
    const dir = tempDir("bttk-announce-");
    const loader = join(dir, LOADER_NAME);
    mkdirSync(join(dir, "cache", "data"), { recursive: true });
    const old = new Date("2020-01-01T00:00:00Z");
    for (const f of [loader, join(dir, "cache", "data", "a.json"), join(dir, "cache", "data", "b.txt")]) {
      writeFileSync(f, "{}");
      utimesSync(f, old, old);
    }
    const before = Date.now();
    await announce(loader, join(dir, "cache"));

    const loaderTime = statSync(loader).mtimeMs;
    const dataTime = statSync(join(dir, "cache", "data", "a.json")).mtimeMs;
    expect(loaderTime).toBeGreaterThanOrEqual(before - 1000);
    expect(dataTime - loaderTime).toBeCloseTo(1000, -1);
    // Only page data (.json) is touched.
    expect(statSync(join(dir, "cache", "data", "b.txt")).mtimeMs).toBe(old.getTime());
  });

  it("touches only the loader when the cache has no data yet", async () => {
    const dir = tempDir("bttk-announce-");
    const loader = join(dir, LOADER_NAME);
    writeFileSync(loader, "");
    utimesSync(loader, new Date(0), new Date(0));
    await announce(loader, join(dir, "missing"));
    expect(statSync(loader).mtimeMs).toBeGreaterThan(0);
  });
});

describe("startLiveData refresh", () => {
  it("writes each page's data into the preview's cache, reports the results and touches the loader", async () => {
    const root = tinyProject();
    const cacheDir = join(root, "cache");
    mkdirSync(join(root, ".preview"));
    const loader = await privateLoader(root, join(root, ".preview"));
    utimesSync(loader, new Date(0), new Date(0));
    const reported: PageResult[][] = [];
    const live = startLiveData({
      projectRoot: root,
      cacheDir,
      loader,
      env: process.env,
      watchDirs: [],
      onResult: (r) => reported.push(r),
    });
    try {
      const results = await live.refresh(["trends", "broken"]);
      expect(results.map((r) => [r.page, r.ok, r.errors])).toEqual([
        ["trends", true, []],
        ["broken", false, ["broken: ERROR no such table: recipez"]],
      ]);
      expect(results.every((r) => r.seconds > 0)).toBe(true);
      expect(reported).toEqual([results]);
      expect(JSON.parse(readFileSync(join(cacheDir, "data", "trends.json"), "utf8"))).toEqual({
        page: "trends",
        tolerant: "1",
      });
      expect(
        JSON.parse(readFileSync(join(cacheDir, "data", "broken.json"), "utf8")).$errors["*"].analysis,
      ).toBe("broken");
      expect(statSync(loader).mtimeMs).toBeGreaterThan(0);
    } finally {
      live.close();
    }
  });

  it("computes a page again when a file in its analyses folder is saved", async () => {
    const root = tinyProject();
    const cacheDir = join(root, "cache");
    mkdirSync(join(root, ".preview"));
    const loader = await privateLoader(root, join(root, ".preview"));
    // The pages are those of the project's own analyses (trends is one); the saved file is in its folder.
    mkdirSync(join(root, "data-loaders", "analyses", "trends"), { recursive: true });
    let resolve: (r: PageResult[]) => void;
    const first = new Promise<PageResult[]>((r) => (resolve = r));
    const live = startLiveData({
      projectRoot: root,
      cacheDir,
      loader,
      env: process.env,
      debounceMs: 50,
      onResult: (r) => resolve(r),
    });
    try {
      writeFileSync(join(root, "data-loaders", "analyses", "trends", "new-one.sql"), "select 1");
      const results = await first;
      expect(results.map((r) => r.page)).toEqual(["trends"]);
      expect(JSON.parse(readFileSync(join(cacheDir, "data", "trends.json"), "utf8")).page).toBe("trends");
    } finally {
      live.close();
    }
  }, 30_000);
});
