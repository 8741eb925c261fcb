// One contract per page-data file, checked at build: each analysis declares the zod schema of its
// result (the entry of its page's schema in src/lib/contracts), and a result or page file that
// breaks it fails the page computation, `npm run analysis` and the build, naming the analysis and
// the first bad path, while the current site stays in place. Also: pages never ship zod to the
// browser (they import only types from the contracts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readlink, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { build as esbuild } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, findViolation, formatPath } from "../data-loaders/analyses/contract.js";
import { computePageData } from "../data-loaders/analyses/page-data.js";
import {
  ANALYSES,
  analysisKey,
  computePage,
  pageAnalyses,
  PAGES,
  REGISTRY,
  registryOf,
  runAnalysis,
  type Registry,
} from "../data-loaders/analyses/registry.js";
import { volume as volumeDefinition } from "../data-loaders/analyses/trends/volume.js";
import type { Analysis, AnalysisContext } from "../data-loaders/analyses/types.js";
import { loadConfig, PROJECT_ROOT, type AppConfig } from "../data-loaders/config/config.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { AnalysisError, ValidationError } from "../data-loaders/errors.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import { buildSite, checkBuildInfo, checkPageFile, prepareDataCache } from "../data-loaders/site/build.js";
import type { Snapshot } from "../data-loaders/snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { buildInfoSchema } from "../src/lib/contracts/build.js";
import {
  trendsDataSchema,
  volumeDataSchema,
  type ItemsData,
  type VolumeData,
} from "../src/lib/contracts/trends.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";
import { generatedCsvs, listFiles } from "./helpers/site.js";
import { craftedSession } from "./helpers/trends-data.js";

const clone = <T>(value: T): T => structuredClone(value);

/** trends/volume as the registry found it (its name comes from its file). */
const volume = { ...volumeDefinition, name: "trends/volume" } as const;

/** trends/volume with a bug in its statistics: the mean of the yearly counts comes out NaN. */
const nanVolume: Analysis = {
  ...volume,
  async run(context) {
    const data = await volume.run(context);
    return { ...data, fullSpan: { ...data.fullSpan, stats: { ...data.fullSpan.stats, mean: NaN } } };
  },
};

/** trends/volume with a bug in its SQL: the year comes out as text. */
const textYearVolume: Analysis = {
  ...volume,
  async run(context) {
    const data = await volume.run(context);
    const years = await context.session.query<{ year: number }>(
      "SELECT DISTINCT year::VARCHAR AS year FROM recipes ORDER BY year",
    );
    return { ...data, perYear: data.perYear.map((row, i) => ({ ...row, year: years[i]?.year ?? row.year })) };
  },
};

/** The project's registry with one analysis swapped for another of the same name. */
const swapping = (broken: Analysis): Registry =>
  registryOf(REGISTRY.analyses.map((a) => (a.name === broken.name ? broken : a)));

describe("the contract check", () => {
  it("writes paths the way a reader looks them up", () => {
    expect(formatPath(["fullSpan", "trend", "mean", "slope"])).toBe("fullSpan.trend.mean.slope");
    expect(formatPath(["perYear", 3, "n"])).toBe("perYear[3].n");
    expect(formatPath(["counts", 1])).toBe("counts[1]");
    expect(formatPath([])).toBe("");
  });

  it("names the first violation of a page and the analysis it belongs to", () => {
    const bad = { volume: { perYear: [{ year: 2000, n: -1 }] } };
    const violation = findViolation(trendsDataSchema, bad);
    expect(violation?.path).toEqual(["volume", "perYear", 0, "n"]);
    expect(violation?.more).toBeGreaterThan(0);
    expect(() => checkPage("trends", trendsDataSchema, bad)).toThrow(
      /contract of analysis trends\/volume at perYear\[0\]\.n: Too small.*\(and \d+ more violations\)/,
    );
  });
});

describe("the Trends contract on a crafted dataset", () => {
  let session: Session;
  let context: AnalysisContext;
  let page: Record<string, unknown>;

  beforeAll(async () => {
    session = await craftedSession();
    context = { session, snapshot: {} as Snapshot };
    page = await computePage("trends", context);
  });
  afterAll(() => session?.close());

  it("accepts what the real analyses compute", () => {
    expect(trendsDataSchema.safeParse(page).error?.issues).toBeUndefined();
  });

  it("rejects a statistic that came out NaN (JSON would write it as null)", () => {
    const v = clone(page.volume) as VolumeData;
    v.fullSpan.stats.mean = NaN;
    expect(findViolation(volumeDataSchema, v)).toMatchObject({
      path: ["fullSpan", "stats", "mean"],
      message: expect.stringMatching(/expected number, received NaN/),
    });
  });

  it("rejects a field the contract does not name, and a fit on fewer than 3 years", () => {
    const v = clone(page.volume) as { perYear: Record<string, unknown>[] };
    v.perYear[1] = { ...v.perYear[1], share: 0.5 };
    expect(findViolation(volumeDataSchema, v)?.path).toEqual(["perYear", 1]);
    const d = clone(page.duration) as { fullSpan: { trend: { mean: { years: number } } } };
    d.fullSpan.trend.mean.years = 2;
    expect(findViolation(trendsDataSchema.shape.duration, d)?.path).toEqual([
      "fullSpan",
      "trend",
      "mean",
      "years",
    ]);
  });

  it("rejects item columns that do not line up with the years, naming the first one", () => {
    const items = clone(page.tags) as ItemsData;
    // With the default minimum of 50 recipes no tag is ranked here: list two, the second one short.
    items.items = ["easy", "dessert"];
    items.totals = [14, 3];
    items.counts = [items.years.map(() => 1), items.years.slice(1).map(() => 0)];
    expect(items.years.length).toBe(4);
    expect(findViolation(trendsDataSchema.shape.tags, items)).toMatchObject({
      path: ["counts", 1],
      message: `has ${items.years.length - 1} entries for ${items.years.length} years`,
    });
  });

  it("fails the page computation with the analysis name, the path and zod's message", async () => {
    const failure = computePage("trends", context, swapping(nanVolume));
    await expect(failure).rejects.toBeInstanceOf(AnalysisError);
    await expect(failure).rejects.toThrow(
      /^Analysis trends\/volume broke its contract at fullSpan\.stats\.mean: Invalid input: expected number, received NaN\./,
    );
  });

  it("fails on a SQL bug that returns years as text, at the first row", async () => {
    await expect(computePage("trends", context, swapping(textYearVolume))).rejects.toThrow(
      /trends\/volume broke its contract at perYear\[0\]\.year: Invalid input: expected number, received string/,
    );
    await expect(runAnalysis(textYearVolume, context)).rejects.toThrow(/perYear\[0\]\.year/);
  });

  it("fails page data that carries another analysis's result under a key", () => {
    const page = { volume: { perYear: [] } };
    expect(() => checkPage("trends", PAGES.trends.schema.pick({ volume: true }), page)).toThrow(
      /broke the contract of analysis trends\/volume at fullSpan: Invalid input/,
    );
  });

  it("fails an analysis that declares no schema (plain JavaScript, a half-done migration)", async () => {
    const { schema: _, ...bare } = volume;
    const failure = runAnalysis(bare as unknown as Analysis, context);
    await expect(failure).rejects.toThrow(/Analysis trends\/volume declares no schema/);
  });
});

describe("one contract per page", () => {
  it.each(Object.entries(PAGES))(
    "page %s: each analysis declares exactly its page schema's entry, one to one",
    (page, contract) => {
      const analyses = pageAnalyses(page);
      expect(analyses.map(analysisKey).sort()).toEqual(Object.keys(contract.schema.shape).sort());
      const shape: Record<string, unknown> = contract.schema.shape;
      for (const a of analyses) expect(a.schema, a.name).toBe(shape[analysisKey(a)]);
    },
  );

  it("registers every analysis under a page", () => {
    const pages = Object.keys(PAGES);
    for (const a of ANALYSES) expect(pages, a.name).toContain(a.name.split("/")[0]);
    expect(pageAnalyses("trends").map(analysisKey).sort()).toEqual([
      "complexity",
      "duration",
      "ingredients",
      "nutrition",
      "tags",
      "volume",
    ]);
  });

  it("checks what the build writes about itself against the BuildInfo contract", () => {
    const info = {
      env: "local",
      datasetId: "20260101-000000-abcdef01",
      manifestSha256: "a".repeat(64),
      gitCommit: "0123456789ab",
      builtAt: "2026-01-01T00:00:00.000Z",
      version: "0.1.0",
      counts: { recipes: 10, interactions: 20 },
      provenance: { kind: "generated", generator: { version: "1", scale: 0.01, seed: 42 } },
    };
    expect(() => checkBuildInfo(buildInfoSchema, info, "BuildInfo")).not.toThrow();
    const wrong = { ...info, counts: { recipes: 10, interactions: -1 } };
    expect(() => checkBuildInfo(buildInfoSchema, wrong, "BuildInfo")).toThrow(ValidationError);
    expect(() => checkBuildInfo(buildInfoSchema, wrong, "BuildInfo")).toThrow(
      /BuildInfo broke its contract \(src\/lib\/contracts\/build\.ts\) at counts\.interactions: Too small/,
    );
  });
});

// ── Browser bundles ───────────────────────────────────────────────────────────────────────────
// Framework bundles every package a page module imports (directly or through src/ modules) into
// _node/. zod in there would be dead weight in every page: pages and their modules import only
// types from src/lib/contracts, and constants from src/lib/contracts/*-keys.ts. esbuild follows
// the same imports as Framework (TypeScript, type-only imports dropped).

/** Each page (every .md under src/) and the local modules its code blocks import, as absolute paths. */
function pageModules(): Map<string, string[]> {
  const src = join(PROJECT_ROOT, "src");
  const pages = listFiles(src).filter((f) => f.endsWith(".md") && !f.startsWith(".observablehq"));
  const result = new Map<string, string[]>();
  for (const page of pages) {
    const modules = new Set<string>();
    const text = readFileSync(join(src, page), "utf8");
    for (const [, block] of text.matchAll(/```(?:js|ts)\b[^\n]*\n([\s\S]*?)```/g)) {
      for (const [, spec] of block.matchAll(/\bimport\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/g)) {
        if (spec.startsWith(".")) modules.add(join(src, dirname(page), spec).replace(/\.js$/, ".ts"));
      }
    }
    result.set(
      join("src", page),
      [...modules].filter((m) => existsSync(m)),
    );
  }
  return result;
}

/** Packages reachable from modules, each with the src/ module that imports it. */
async function packagesReachedFrom(modules: string[]): Promise<Map<string, string>> {
  const result = await esbuild({
    stdin: {
      contents: modules.map((m, i) => `export * as m${i} from ${JSON.stringify(m)};`).join("\n"),
      resolveDir: PROJECT_ROOT,
    },
    bundle: true,
    write: false,
    metafile: true,
    platform: "browser",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  const packageOf = (path: string) =>
    path
      .split("/")
      .slice(0, path.startsWith("@") ? 2 : 1)
      .join("/");
  const packages = new Map<string, string>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const i of input.imports)
      if (i.external) packages.set(packageOf(i.path), relative(PROJECT_ROOT, file));
  }
  return packages;
}

describe("browser bundles", () => {
  it("the check sees zod when a module imports a schema as a value", async () => {
    const packages = await packagesReachedFrom([join(PROJECT_ROOT, "src/lib/contracts/trends.ts")]);
    expect(packages.get("zod")).toBe("src/lib/contracts/trends.ts");
  });

  it("no page pulls zod into the browser: pages and their modules import only types from contracts", async () => {
    const pages = pageModules();
    expect([...pages.keys()]).toContain("src/[lang]/trends.md");
    expect(pages.get("src/[lang]/trends.md")!.map((m) => relative(PROJECT_ROOT, m))).toContain(
      "src/lib/trends/nutrition.ts",
    );
    const zodVia: Record<string, string | undefined> = {};
    for (const [page, modules] of pages) {
      const packages = await packagesReachedFrom(modules);
      if (page === "src/[lang]/trends.md") expect(packages.has("@observablehq/plot")).toBe(true);
      zodVia[page] = packages.get("zod");
    }
    expect(zodVia).toEqual(Object.fromEntries([...pages.keys()].map((p) => [p, undefined])));
  });
});

// ── A real snapshot and a real build ──────────────────────────────────────────────────────────
// Generated data → ingest → local S3 server → checksummed snapshot → DuckDB → Framework.

describe("on a small generated dataset", () => {
  let s3: TestS3;
  let config: AppConfig;
  let snapshot: Snapshot;
  let session: Session;

  beforeAll(async () => {
    s3 = await startTestS3("contracts-bucket");
    const work = tempDir("bttk-contracts-");
    config = loadConfig({
      env: "local",
      vars: {
        ...s3.vars,
        CACHE_DIR: join(work, "cache"),
        DIST_DIR: join(work, "dist"),
        LOG_DIR: join(work, "logs"),
      },
    });
    await ingestAndPublish(config, s3.store, await generatedCsvs(0.02, 5));
    snapshot = await syncEnvironmentSnapshot(config, s3.store);
    session = await openSession(snapshot);
  }, 600_000);
  afterAll(async () => {
    session?.close();
    await s3?.stop();
  });

  it.each(ANALYSES.map((a) => [a.name, a] as const))(
    "%s: its output passes the schema it declares",
    async (_, a) => {
      const result = await a.run({ session, snapshot });
      expect(a.schema.safeParse(result).error?.issues).toBeUndefined();
    },
  );

  it.each(Object.entries(PAGES))(
    "page %s: the file as written (JSON) passes the page contract",
    async (page, contract) => {
      const text = JSON.stringify(await computePageData(page, snapshot));
      expect(() => checkPageFile(page, contract, text)).not.toThrow();
      expect(contract.schema.safeParse(JSON.parse(text)).success).toBe(true);
    },
  );

  it("the page data computation writes no file when an analysis breaks its contract", async () => {
    // Any folder does as the cache of a private Framework root (data-loaders/site/framework-root.ts).
    const cacheDir = tempDir();
    const target = join(cacheDir, PAGES.trends.file);
    const failure = prepareDataCache(config, snapshot, cacheDir, { registry: swapping(nanVolume) });
    await expect(failure).rejects.toThrow(
      /Analysis trends\/volume broke its contract at fullSpan\.stats\.mean/,
    );
    expect(existsSync(target)).toBe(false);
  });

  describe("build", () => {
    const current = () => join(config.paths.dist, config.env);
    const releases = () => readdirSync(join(config.paths.dist, ".releases")).sort();

    it("builds with every contract checked, and ships no zod module to the browser", async () => {
      const built = await buildSite(config, s3.store);
      expect(built.info.provenance.kind).toBe("generated");
      const files = listFiles(built.releaseDir);
      // Framework's package copies are removed after bundling (data-loaders/site/bundle.ts): the
      // page scripts carry the packages they use, and none carries zod.
      expect(files.some((f) => f.startsWith("_node/"))).toBe(false);
      expect(files.filter((f) => /(^|\/)zod@/.test(f))).toEqual([]);
      const scripts = files.filter((f) => /^_observablehq\/.+\.js$/.test(f));
      expect(scripts.length).toBeGreaterThan(0);
      const withZod = scripts.filter((f) =>
        readFileSync(join(built.releaseDir, f), "utf8").includes("ZodError"),
      );
      expect(withZod).toEqual([]);
    });

    it("does not reuse a stash whose page file was damaged: it computes the data again", async () => {
      const built = JSON.parse(readFileSync(join(current(), "snapshot.json"), "utf8")) as {
        fingerprint: string;
      };
      const stash = join(config.paths.buildCache, built.fingerprint);
      expect(existsSync(join(stash, ".complete"))).toBe(true);
      writeFileSync(join(stash, PAGES.trends.file), JSON.stringify({ volume: { perYear: [] } }));
      const cacheDir = tempDir();
      const prepared = await prepareDataCache(config, snapshot, cacheDir);
      expect(prepared).toEqual({ fingerprint: built.fingerprint, reused: false });
      expect(existsSync(stash)).toBe(false);
      const text = readFileSync(join(cacheDir, PAGES.trends.file), "utf8");
      expect(() => checkPageFile("trends", PAGES.trends, text)).not.toThrow();
    });

    it("fails a build whose analysis breaks its contract, naming it, and leaves the current site in place", async () => {
      // Without the build above (e.g. pages broken for another reason) this still checks the rule
      // against a stand-in release.
      if (!existsSync(current())) {
        const previous = join(config.paths.dist, ".releases", "local-previous");
        await mkdir(previous, { recursive: true });
        await writeFile(join(previous, "index.html"), "<p>previous</p>");
        await symlink(relative(config.paths.dist, previous), current());
      }
      const link = await readlink(current());
      const before = releases();
      const index = readFileSync(join(current(), "index.html"), "utf8");
      const failure = buildSite(config, s3.store, { registry: swapping(textYearVolume) });
      await expect(failure).rejects.toBeInstanceOf(AnalysisError);
      await expect(failure).rejects.toThrow(/trends\/volume broke its contract at perYear\[0\]\.year/);
      expect(await readlink(current())).toBe(link);
      expect(releases()).toEqual(before);
      expect(readFileSync(join(current(), "index.html"), "utf8")).toBe(index);
    });
  });
});
