// Build real sites for tests: generated data → ingest → a real local S3 server → build per
// environment, into temporary cache and dist folders (the project's own dist/ is left alone).
// A spec with `files` ingests copies of the generated CSVs without the generator's record, as a
// user's own files would be: its dataset's provenance is `files`, with the given source label.
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { loadConfig, PROJECT_ROOT, type AppConfig } from "../../data-loaders/config/config.js";
import type { Environment } from "../../data-loaders/config/environment.js";
import { generateDataset } from "../../data-loaders/generate/index.js";
import { SIDECAR_FILE } from "../../data-loaders/generate/sidecar.js";
import { ingestAndPublish } from "../../data-loaders/ingest/pipeline.js";
import { buildSite, type BuildResult } from "../../data-loaders/site/build.js";
import { startTestS3, tempDir, type TestS3 } from "./s3.js";

export interface SiteSpec {
  env: Environment;
  scale: number;
  seed: number;
  /** Ingest the files as a user's own (provenance `files`, this source label) instead of as generated. */
  files?: { label: string | null };
}

export interface TestSites {
  s3: TestS3;
  config(env: Environment): AppConfig;
  builds: Map<Environment, BuildResult>;
  stop(): Promise<void>;
}

/** A digest of the generator's code: generated files kept between runs belong to one version of it. */
function generatorDigest(): string {
  const dir = join(PROJECT_ROOT, "data-loaders", "generate");
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest("hex").slice(0, 12);
}

/**
 * Generated CSVs are kept between runs in the OS temp folder: same generator code, seed and scale
 * give the same bytes, so there is nothing to regenerate.
 */
export async function generatedCsvs(scale: number, seed: number) {
  const outDir = join(tmpdir(), "bttk-test-data", generatorDigest(), `seed-${seed}-scale-${scale}`);
  const recipes = join(outDir, "RAW_recipes.csv");
  const interactions = join(outDir, "RAW_interactions.csv");
  const complete = [recipes, interactions, join(outDir, SIDECAR_FILE)].every((f) => existsSync(f));
  if (!complete) await generateDataset({ scale, seed, outDir });
  return { recipes, interactions };
}

/** Copies of the CSVs in a folder of their own, away from the generator's record of them. */
export function asUserFiles(csvs: { recipes: string; interactions: string }) {
  const dir = tempDir("bttk-user-files-");
  const recipes = join(dir, "RAW_recipes.csv");
  const interactions = join(dir, "RAW_interactions.csv");
  copyFileSync(csvs.recipes, recipes);
  copyFileSync(csvs.interactions, interactions);
  return { recipes, interactions };
}

export async function buildTestSites(specs: SiteSpec[]): Promise<TestSites> {
  const s3 = await startTestS3("sites-bucket");
  const work = tempDir("bttk-sites-");
  const vars = {
    ...s3.vars,
    CACHE_DIR: join(work, "cache"),
    DIST_DIR: join(work, "dist"),
    LOG_DIR: join(work, "logs"),
  };
  const config = (env: Environment) => loadConfig({ env, vars });
  const builds = new Map<Environment, BuildResult>();
  for (const spec of specs) {
    const c = config(spec.env);
    const csvs = await generatedCsvs(spec.scale, spec.seed);
    await ingestAndPublish(
      c,
      s3.store,
      spec.files ? { ...asUserFiles(csvs), sourceLabel: spec.files.label ?? undefined } : csvs,
    );
    builds.set(spec.env, await buildSite(c, s3.store));
  }
  return { s3, config, builds, stop: () => s3.stop() };
}

/** Every file under a folder, relative paths. */
export function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

/** The built copy of a page data file (Framework renames it with a content hash). */
export function readBuiltData<T>(distDir: string, name: string): T {
  const dir = join(distDir, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no ${name}.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}
