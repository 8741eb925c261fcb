// Turn the two Kaggle CSV files into a clean, checksummed Parquet snapshot in a local folder:
// header check → DuckDB read (unparsable records set aside) → cleaning rules, each row tagged with
// the first rule it breaks → integrity of interactions against recipes → Parquet tables +
// rejects.parquet (every set-aside row, with its reason) + manifest.json (report, provenance).
// Publishing the folder to S3, and whether to make it current, is pipeline.ts's job.
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { IngestReport, Manifest, ManifestFile } from "../../src/lib/contracts/manifest.js";
import { SCHEMA_VERSION } from "../../src/lib/contracts/manifest.js";
import { openConnection, wrapConnection } from "../duckdb/session.js";
import { logger } from "../logger.js";
import { sha256File } from "../snapshot/cache.js";
import { checkDatasetId, makeDatasetId } from "../storage/dataset-id.js";
import { cleanInteractions } from "./clean-interactions.js";
import {
  cleanRecipes,
  DEFAULT_RECIPE_RULES,
  dropCheckedRecipes,
  RECIPES_TABLE_SQL,
  type RecipeRules,
} from "./clean-recipes.js";
import { dateWindow as defaultWindow, type DateWindow } from "./date-window.js";
import { checkHeader } from "./header.js";
import { MACROS } from "./macros.js";
import { originalRulesKept } from "./original-rules.js";
import { detectProvenance } from "./provenance.js";
import { loadCsv, sqlString } from "./read-csv.js";
import { writeRejects } from "./rejects.js";
import { assertRowsKept } from "./removal-check.js";
import { INTERACTIONS_CSV, RECIPES_CSV } from "./schema.js";
import { stageClock, tracedSession, type StageClock } from "./stages.js";

export interface IngestOptions {
  recipes: string;
  interactions: string;
  /** Folder that receives the snapshot files; created, and emptied first. */
  outDir: string;
  datasetId?: string;
  rules?: RecipeRules;
  /** Plausible dates (default: 1999-01-01 to the day of the ingest). */
  dateWindow?: DateWindow;
  /** Where real files come from, e.g. "Kaggle Food.com Recipes and Interactions" (null: not said). */
  sourceLabel?: string | null;
  now?: Date;
  /** Records the wall time of each step (pipeline.ts logs the list); a fresh one by default. */
  clock?: StageClock;
}

export interface IngestResult {
  manifest: Manifest;
  dir: string;
}

/** Tables written to Parquet, in manifest order (the order they are written in differs). */
const TABLES = ["recipes", "interactions", "recipe_ingredients", "recipe_tags"] as const;

/**
 * A list column of recipes.parquet, one row per item with its position. The file is in submission
 * order and DuckDB scans one file in order (insertion order is preserved), so this is too.
 */
const listTable = (path: string, list: string, item: string) =>
  `SELECT id AS recipe_id, unnest(range(1, len(${list}) + 1))::INTEGER AS position,
          unnest(${list}) AS ${item} FROM read_parquet(${sqlString(path)})`;

/** How every table is written; the ingest benchmark's baseline writes with the same options. */
export const PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880";
/** DuckDB's memory budget for an ingest (the baseline uses the same). */
export const INGEST_MEMORY_LIMIT = "1536MB";

async function describeFile(dir: string, name: string, file: string, rows: number): Promise<ManifestFile> {
  const path = join(dir, file);
  return { name, file, rows, bytes: (await stat(path)).size, sha256: await sha256File(path) };
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  if (options.datasetId !== undefined) checkDatasetId(options.datasetId, "--dataset-id");
  const now = options.now ?? new Date();
  const window = options.dateWindow ?? defaultWindow({ now });
  const clock = options.clock ?? stageClock();
  await checkHeader(options.recipes, RECIPES_CSV);
  await checkHeader(options.interactions, INTERACTIONS_CSV);

  const hashing = Promise.all([options.recipes, options.interactions].map(sha256File));
  hashing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  const dir = options.outDir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  const { instance, connection } = await openConnection({ memoryLimit: INGEST_MEMORY_LIMIT });
  const session = tracedSession(
    wrapConnection(connection, () => {
      connection.closeSync();
      instance.closeSync();
    }),
  );
  try {
    await session.run(`SET temp_directory = ${sqlString(join(dir, ".tmp"))}`);
    await session.run(MACROS);
    // Each table goes straight from its query to Parquet, then is counted from the file; its
    // checksum is computed while DuckDB goes on with the next step (awaited with the manifest).
    const written = new Map<string, Promise<ManifestFile>>();
    const writeTable = async (name: string, sql: string) => {
      const file = `${name}.parquet`;
      const path = join(dir, file);
      await clock.time(`write ${name}`, () =>
        session.run(`COPY (${sql}) TO ${sqlString(path)} (${PARQUET_OPTIONS})`),
      );
      const [{ n }] = await session.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(path)})`,
      );
      const described = clock.time(`checksum ${name}`, () => describeFile(dir, name, file, n));
      described.catch(() => undefined); // awaited below; a failure before then must not go unhandled
      written.set(name, described);
      return path;
    };

    logger.start(`Reading ${options.recipes}`);
    const recipesLoad = await clock.time("read recipes", () =>
      loadCsv(session, options.recipes, RECIPES_CSV, "recipes"),
    );
    const recipes = await clock.time("clean recipes", () =>
      cleanRecipes(session, recipesLoad, window, options.rules ?? DEFAULT_RECIPE_RULES),
    );
    const originalKept = await clock.time("original rules", () => originalRulesKept(session));
    // What the tables need is in recipes_checked, the removed rows in recipes_rejects: the rows
    // as read can go, then the checked rows once the recipes are written, before the interactions.
    await session.run("DROP VIEW recipes_lines; DROP TABLE recipes_read;");
    logger.start("Writing the recipe tables");
    const recipesPath = await writeTable("recipes", RECIPES_TABLE_SQL);
    await dropCheckedRecipes(session);
    await writeTable("recipe_ingredients", listTable(recipesPath, "ingredients", "ingredient"));
    await writeTable("recipe_tags", listTable(recipesPath, "tags", "tag"));

    logger.start(`Reading ${options.interactions}`);
    const interactionsLoad = await clock.time("read interactions", () =>
      loadCsv(session, options.interactions, INTERACTIONS_CSV, "interactions"),
    );
    const interactions = await clock.time("clean interactions", () =>
      cleanInteractions(session, interactionsLoad, window),
    );
    await session.run("DROP VIEW interactions_lines; DROP TABLE interactions_read;");

    const report: IngestReport = {
      recipes: { ...recipes, originalRulesKept: originalKept },
      interactions,
      dateWindow: window,
    };
    const files = { recipes: basename(options.recipes), interactions: basename(options.interactions) };
    await clock.time("removal check", () =>
      assertRowsKept(session, report, { recipes: options.recipes, interactions: options.interactions }),
    );
    for (const [table, load] of [
      ["recipes", recipesLoad],
      ["interactions", interactionsLoad],
    ] as const) {
      if (load.unparsable > 0)
        logger.warn(`${files[table]}: ${load.unparsable} unparsable record(s) set aside (rejects.parquet)`);
    }

    logger.start("Writing the interactions and rejects");
    await writeTable("interactions", "SELECT * FROM interactions ORDER BY date, recipe_id, user_id");
    const rejectRows = await clock.time("write rejects", () =>
      writeRejects(session, join(dir, "rejects.parquet"), [
        { table: "recipes", file: files.recipes },
        { table: "interactions", file: files.interactions },
      ]),
    );
    const removed = [report.recipes, report.interactions].flatMap((t) => t.rules.map((r) => r.removed));
    const expected = removed.reduce((sum, n) => sum + n, 0);
    // The report and rejects.parquet must count the same rows: a mismatch is a bug, never data.
    if (rejectRows !== expected)
      throw new Error(`rejects.parquet holds ${rejectRows} rows, the report removed ${expected}.`);
    const describedFiles = await Promise.all([
      ...TABLES.map((name) => written.get(name) as Promise<ManifestFile>),
      describeFile(dir, "rejects", "rejects.parquet", rejectRows),
    ]);

    const [recipesSha, interactionsSha] = await clock.time("source checksums (rest)", () => hashing);
    const sources = [
      { name: RECIPES_CSV.file, bytes: (await stat(options.recipes)).size, sha256: recipesSha },
      {
        name: INTERACTIONS_CSV.file,
        bytes: (await stat(options.interactions)).size,
        sha256: interactionsSha,
      },
    ];
    const provenance = await detectProvenance(
      [
        { path: options.recipes, sha256: recipesSha },
        { path: options.interactions, sha256: interactionsSha },
      ],
      options.sourceLabel ?? null,
    );
    const manifest: Manifest = {
      schemaVersion: SCHEMA_VERSION,
      datasetId: options.datasetId ?? makeDatasetId(now, [recipesSha, interactionsSha]),
      createdAt: now.toISOString(),
      provenance,
      sources,
      files: describedFiles,
      report,
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    return { manifest, dir };
  } finally {
    session.close();
    await rm(join(dir, ".tmp"), { recursive: true, force: true });
  }
}
