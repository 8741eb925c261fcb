// Private Framework roots (data-loaders/site/framework-root.ts): each build or preview runs
// Framework on its own symlinked copy of src/ with its own cache, so concurrent builds of different
// environments, and a build during a preview, never clear or overwrite each other's page data.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../data-loaders/config/config.js";
import type { Environment } from "../data-loaders/config/environment.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { buildSite, prepareDataCache } from "../data-loaders/site/build.js";
import {
  CLIENT_PACKAGES,
  createFrameworkRoot,
  FRAMEWORK_ROOT_VARIABLE,
  frameworkRootsDir,
} from "../data-loaders/site/framework-root.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { launchBrowser } from "./helpers/browser.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import { browserView } from "../data-loaders/site/browser-data.js";
import { generatedCsvs, listFiles, readBuiltData } from "./helpers/site.js";

const FRAMEWORK_BIN = join(
  PROJECT_ROOT,
  "node_modules",
  "@observablehq",
  "framework",
  "dist",
  "bin",
  "observable.js",
);

/** A small Framework project: a plain page, a parameterized one, a stale cache, node_modules linked. */
function scratchProject(): string {
  const dir = tempDir("bttk-framework-root-");
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(
    join(dir, "observablehq.config.js"),
    `export default { title: "t", root: process.env.${FRAMEWORK_ROOT_VARIABLE} ?? "src",` +
      ` dynamicPaths: ["/en/greet"], globalStylesheets: [], sidebar: false, pager: false, search: false };\n`,
  );
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, "src", path)), { recursive: true });
    writeFileSync(join(dir, "src", path), text);
  };
  file("index.md", "# Home\n");
  file("guide/hello.md", "# Hello one\n");
  file("[lang]/greet.md", "# Greet one\n");
  file("data/[page].json.js", "process.stdout.write('{}');\n");
  file(".observablehq/cache/data/old.json", '{"stale":true}');
  return dir;
}

/**
 * A page data value with its numbers to 10 significant digits: DuckDB's parallel sums make the
 * last bits of a float vary from one computation to the next; another dataset changes far more.
 */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(10)) : value;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** Hashes of every file under a folder, by relative path. */
function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}

/**
 * The root a process made before it was killed (SIGKILL: no clean-up ran). The child prints the
 * root's folder and waits.
 */
async function rootOfKilledProcess(projectRoot: string): Promise<string> {
  const module = pathToFileURL(join(PROJECT_ROOT, "data-loaders", "site", "framework-root.ts")).href;
  const code =
    `const { createFrameworkRoot } = await import(${JSON.stringify(module)});` +
    `const r = await createFrameworkRoot(${JSON.stringify(projectRoot)}, "dev-killed");` +
    `console.log(r.dir); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) done(out.trim());
    });
    child.on("exit", (code) => fail(new Error(`the child exited (${code}) before making its root`)));
  });
  const exited = new Promise((done) => child.on("exit", done));
  child.kill("SIGKILL");
  await exited;
  return dirname(dir);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe("a private Framework root", () => {
  it("links every entry of src/ but .observablehq, makes parameterized folders real, and has an empty cache", async () => {
    const project = scratchProject();
    const root = await createFrameworkRoot(project, "build-local");
    try {
      const src = join(project, "src");
      expect(readdirSync(root.dir).sort()).toEqual([".observablehq", "[lang]", "data", "guide", "index.md"]);
      for (const entry of ["data", "guide", "index.md"]) {
        expect(lstatSync(join(root.dir, entry)).isSymbolicLink()).toBe(true);
        expect(realpathSync(join(root.dir, entry))).toBe(realpathSync(join(src, entry)));
      }
      // Framework globs parameterized folders, and glob takes a symlink to a folder for a file.
      expect(lstatSync(join(root.dir, "[lang]")).isDirectory()).toBe(true);
      expect(realpathSync(join(root.dir, "[lang]", "greet.md"))).toBe(
        realpathSync(join(src, "[lang]", "greet.md")),
      );
      expect(root.cacheDir).toBe(join(root.dir, ".observablehq", "cache"));
      expect(listFiles(root.cacheDir).filter((f) => !f.startsWith("_"))).toEqual([]);
      expect(root.env).toEqual({ [FRAMEWORK_ROOT_VARIABLE]: relative(project, root.dir) });
      expect(root.dir.startsWith(frameworkRootsDir(project))).toBe(true);
    } finally {
      await root.dispose();
    }
    expect(existsSync(dirname(root.dir))).toBe(false);
    // Removing the links removed none of what they point to.
    expect(readFileSync(join(project, "src", "guide", "hello.md"), "utf8")).toBe("# Hello one\n");
    expect(readFileSync(join(project, "src", "[lang]", "greet.md"), "utf8")).toBe("# Greet one\n");
  });

  it("links every entry of the project's own src/ but .observablehq", async () => {
    const root = await createFrameworkRoot(PROJECT_ROOT, "test-farm");
    try {
      const expected = readdirSync(join(PROJECT_ROOT, "src")).filter((e) => e !== ".observablehq");
      expect(
        readdirSync(root.dir)
          .filter((e) => e !== ".observablehq")
          .sort(),
      ).toEqual(expected.sort());
      for (const entry of expected) {
        const [linked, real] = [join(root.dir, entry), join(PROJECT_ROOT, "src", entry)];
        // A parameterized folder is mirrored: each of its entries is linked.
        if (lstatSync(linked).isDirectory()) expect(readdirSync(linked)).toEqual(readdirSync(real));
        else expect(realpathSync(linked)).toBe(realpathSync(real));
      }
    } finally {
      await root.dispose();
    }
  });

  it("names a version for each npm package of Framework's client, so a build never asks the registry", async () => {
    const root = await createFrameworkRoot(PROJECT_ROOT, "test-pins");
    try {
      for (const spec of CLIENT_PACKAGES)
        expect(existsSync(join(root.cacheDir, "_npm", spec)), spec).toBe(true);
      expect(CLIENT_PACKAGES).toContain("react-dom@19.3.1");
    } finally {
      await root.dispose();
    }
  });

  it("when following src/, links a page added during its life and unlinks one removed", async () => {
    const project = scratchProject();
    const root = await createFrameworkRoot(project, "dev-local", { follow: true });
    try {
      const added = join(project, "src", "[lang]", "added.md");
      writeFileSync(added, "# Added\n");
      writeFileSync(join(project, "src", "top.md"), "# Top\n");
      await expect.poll(() => existsSync(join(root.dir, "[lang]", "added.md"))).toBe(true);
      await expect.poll(() => existsSync(join(root.dir, "top.md"))).toBe(true);
      expect(readFileSync(join(root.dir, "[lang]", "added.md"), "utf8")).toBe("# Added\n");
      rmSync(added);
      await expect
        .poll(() => lstatSync(join(root.dir, "[lang]", "added.md"), { throwIfNoEntry: false }))
        .toBeUndefined();
    } finally {
      await root.dispose();
    }
  });

  it("is removed by the next root made when the process that made it was killed", async () => {
    const project = scratchProject();
    const dead = await rootOfKilledProcess(project);
    expect(existsSync(join(dead, "src", "guide"))).toBe(true);
    const live = await createFrameworkRoot(project, "build-local");
    try {
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live.dir)).toBe(true);
    } finally {
      await live.dispose();
    }
  }, 30_000);

  it("serves a preview that live-reloads an edit of the real page files, in plain and parameterized folders", async () => {
    const project = scratchProject();
    const root = await createFrameworkRoot(project, "dev-local", { follow: true });
    const port = await freePort();
    const preview = spawn(
      process.execPath,
      [FRAMEWORK_BIN, "preview", "--host", "127.0.0.1", "--port", String(port), "--no-open"],
      { cwd: project, env: { ...process.env, ...root.env }, stdio: "ignore" },
    );
    const browser = await launchBrowser();
    try {
      await expect
        .poll(
          () =>
            fetch(`http://127.0.0.1:${port}/`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 20_000 },
        )
        .toBe(200);
      const page = await browser.newPage();
      for (const [path, file, before, after] of [
        ["/guide/hello", "guide/hello.md", "Hello one", "Hello two"],
        ["/en/greet", "[lang]/greet.md", "Greet one", "Greet two"],
      ]) {
        await page.goto(`http://127.0.0.1:${port}${path}`);
        await expect.poll(() => page.locator("h1").first().textContent()).toBe(before);
        // The preview starts watching once the page's socket says hello: until the page shows the
        // edit, save again (a new mtime each time), as an author would.
        await expect
          .poll(
            () => {
              writeFileSync(join(project, "src", file), `# ${after}\n`);
              return page.locator("h1").first().textContent();
            },
            { timeout: 15_000, interval: 1_000 },
          )
          .toBe(after);
      }
      // The stale cache of the real src/ was never the preview's.
      expect(existsSync(join(root.cacheDir, "data", "old.json"))).toBe(false);
    } finally {
      await browser.close();
      preview.kill();
      await root.dispose();
    }
  }, 60_000);
});

describe("builds on private roots", () => {
  let s3: TestS3;
  const vars: Record<string, string> = {};
  const config = (env: Environment) => loadConfig({ env, vars });

  beforeAll(async () => {
    s3 = await startTestS3("sites-bucket");
    const work = tempDir("bttk-private-builds-");
    Object.assign(vars, s3.vars, {
      CACHE_DIR: join(work, "cache"),
      DIST_DIR: join(work, "dist"),
      LOG_DIR: join(work, "logs"),
    });
    // Two datasets (different seeds): each environment has numbers of its own.
    await ingestAndPublish(config("local"), s3.store, await generatedCsvs(0.05, 101));
    await ingestAndPublish(config("preprod"), s3.store, await generatedCsvs(0.05, 202));
  }, 600_000);
  afterAll(() => s3?.stop());

  it(
    "two environments built at once each ship their own data; a preview's page data stays byte-identical; " +
      "a killed process's root is removed; node bundles are shared",
    async () => {
      const local = await syncEnvironmentSnapshot(config("local"), s3.store);
      const preprod = await syncEnvironmentSnapshot(config("preprod"), s3.store);
      expect(local.datasetId).not.toBe(preprod.datasetId);
      // A preview of local holds local's page data; preprod's expected data is computed aside.
      const dev = await createFrameworkRoot(PROJECT_ROOT, "dev-local");
      try {
        const dead = await rootOfKilledProcess(PROJECT_ROOT);
        await prepareDataCache(config("local"), local, dev.cacheDir);
        const expectedPreprod = tempDir();
        await prepareDataCache(config("preprod"), preprod, expectedPreprod);
        const before = digests(dev.cacheDir);
        // Page data (the cache also holds Explore's queries and extracts, checked elsewhere).
        const pageFiles = Object.keys(before).filter((f) => f.startsWith("data/"));
        expect(pageFiles.length).toBeGreaterThan(0);

        const [builtLocal, builtPreprod] = await Promise.all([
          buildSite(config("local"), s3.store),
          buildSite(config("preprod"), s3.store),
        ]);

        expect(digests(dev.cacheDir)).toEqual(before);
        expect(builtLocal.info.datasetId).toBe(local.datasetId);
        expect(builtPreprod.info.datasetId).toBe(preprod.datasetId);
        let differing = 0;
        for (const file of pageFiles) {
          const name = file.replace(/^data\//, "").replace(/\.json$/, "");
          // The built site's copy is the data's browser view (data-loaders/site/browser-data.ts).
          const view = (dir: string) =>
            rounded(
              browserView(JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>),
            );
          const wantLocal = view(dev.cacheDir);
          const wantPreprod = view(expectedPreprod);
          expect(rounded(readBuiltData(builtLocal.outDir, name))).toEqual(wantLocal);
          expect(rounded(readBuiltData(builtPreprod.outDir, name))).toEqual(wantPreprod);
          if (JSON.stringify(wantLocal) !== JSON.stringify(wantPreprod)) differing++;
        }
        expect(differing).toBeGreaterThan(0);
        expect(existsSync(dead)).toBe(false);
        // The stash outlives the private roots: building local again reuses local's own data.
        const again = await buildSite(config("local"), s3.store);
        expect(again.reusedData).toBe(true);
        expect(again.info.fingerprint).toBe(builtLocal.info.fingerprint);
        for (const file of pageFiles) {
          const name = file.replace(/^data\//, "").replace(/\.json$/, "");
          expect(readBuiltData(again.outDir, name)).toEqual(readBuiltData(builtLocal.releaseDir, name));
        }
        // The builds' own roots are gone; their node bundles were published for the next one.
        expect(
          readdirSync(frameworkRootsDir(PROJECT_ROOT)).filter((e) => e.includes(`-${process.pid}-`)),
        ).toEqual([relative(frameworkRootsDir(PROJECT_ROOT), dirname(dev.dir))]);
        // The next root is seeded with them: no bundling again.
        const next = await createFrameworkRoot(PROJECT_ROOT, "build-local");
        try {
          const seeded = listFiles(join(next.cacheDir, "_node"));
          expect(seeded.some((f) => f.startsWith("@observablehq/plot@"))).toBe(true);
          // Another build may have published more since; never less.
          const shared = new Set(listFiles(join(frameworkRootsDir(PROJECT_ROOT), "_shared", "_node")));
          expect(seeded.filter((f) => !shared.has(f))).toEqual([]);
        } finally {
          await next.dispose();
        }
      } finally {
        await dev.dispose();
      }
    },
    600_000,
  );
});
