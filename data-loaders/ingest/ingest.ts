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
import { cleanRecipes, createRecipesTable, DEFAULT_RECIPE_RULES, type RecipeRules } from "./clean-recipes.js";
import { dateWindow as defaultWindow, type DateWindow } from "./date-window.js";
import { checkHeader } from "./header.js";
import { MACROS } from "./macros.js";
import { originalRulesKept } from "./original-rules.js";
import { detectProvenance } from "./provenance.js";
import { loadCsv, sqlString } from "./read-csv.js";
import { writeRejects } from "./rejects.js";
import { assertRowsKept } from "./removal-check.js";
import { INTERACTIONS_CSV, RECIPES_CSV } from "./schema.js";

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
}

export interface IngestResult {
  manifest: Manifest;
  dir: string;
}

/** Tables written to Parquet, in manifest order, with the SQL that produces each. */
const TABLES: { name: string; sql: string }[] = [
  // `recipes` is a table built in submission order, and DuckDB keeps insertion order.
  { name: "recipes", sql: "SELECT * FROM recipes" },
  { name: "interactions", sql: "SELECT * FROM interactions ORDER BY date, recipe_id, user_id" },
  {
    name: "recipe_ingredients",
    sql: `SELECT id AS recipe_id, unnest(range(1, len(ingredients) + 1))::INTEGER AS position,
                 unnest(ingredients) AS ingredient FROM recipes`,
  },
  {
    name: "recipe_tags",
    sql: `SELECT id AS recipe_id, unnest(range(1, len(tags) + 1))::INTEGER AS position,
                 unnest(tags) AS tag FROM recipes`,
  },
];

async function describeFile(dir: string, name: string, file: string, rows: number): Promise<ManifestFile> {
  const path = join(dir, file);
  return { name, file, rows, bytes: (await stat(path)).size, sha256: await sha256File(path) };
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  if (options.datasetId !== undefined) checkDatasetId(options.datasetId, "--dataset-id");
  const now = options.now ?? new Date();
  const window = options.dateWindow ?? defaultWindow({ now });
  await checkHeader(options.recipes, RECIPES_CSV);
  await checkHeader(options.interactions, INTERACTIONS_CSV);

  const hashing = Promise.all([options.recipes, options.interactions].map(sha256File));
  hashing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  const dir = options.outDir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  const { instance, connection } = await openConnection({ memoryLimit: "1536MB" });
  const session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  try {
    await session.run(`SET temp_directory = ${sqlString(join(dir, ".tmp"))}`);
    await session.run(MACROS);

    logger.start(`Reading ${options.recipes}`);
    const recipesLoad = await loadCsv(session, options.recipes, RECIPES_CSV, "recipes");
    const recipes = await cleanRecipes(session, recipesLoad, window, options.rules ?? DEFAULT_RECIPE_RULES);
    const originalKept = await originalRulesKept(session);
    // What the tables need is in recipes_checked, the removed rows in recipes_rejects: the rows
    // as read can go, then the checked rows once the table is built, before the interactions.
    await session.run("DROP VIEW recipes_lines; DROP TABLE recipes_read;");
    await createRecipesTable(session);

    logger.start(`Reading ${options.interactions}`);
    const interactionsLoad = await loadCsv(session, options.interactions, INTERACTIONS_CSV, "interactions");
    const interactions = await cleanInteractions(session, interactionsLoad, window);
    await session.run("DROP VIEW interactions_lines; DROP TABLE interactions_read;");

    const report: IngestReport = {
      recipes: { ...recipes, originalRulesKept: originalKept },
      interactions,
      dateWindow: window,
    };
    const files = { recipes: basename(options.recipes), interactions: basename(options.interactions) };
    await assertRowsKept(session, report, { recipes: options.recipes, interactions: options.interactions });
    for (const [table, load] of [
      ["recipes", recipesLoad],
      ["interactions", interactionsLoad],
    ] as const) {
      if (load.unparsable > 0)
        logger.warn(`${files[table]}: ${load.unparsable} unparsable record(s) set aside (rejects.parquet)`);
    }

    logger.start("Writing Parquet");
    const written: ManifestFile[] = [];
    for (const table of TABLES) {
      const file = `${table.name}.parquet`;
      const path = join(dir, file);
      await session.run(
        `COPY (${table.sql}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      );
      const [{ n }] = await session.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(path)})`,
      );
      written.push(await describeFile(dir, table.name, file, n));
    }
    const rejectRows = await writeRejects(session, join(dir, "rejects.parquet"), [
      { table: "recipes", file: files.recipes },
      { table: "interactions", file: files.interactions },
    ]);
    const removed = [report.recipes, report.interactions].flatMap((t) => t.rules.map((r) => r.removed));
    const expected = removed.reduce((sum, n) => sum + n, 0);
    // The report and rejects.parquet must count the same rows: a mismatch is a bug, never data.
    if (rejectRows !== expected)
      throw new Error(`rejects.parquet holds ${rejectRows} rows, the report removed ${expected}.`);
    written.push(await describeFile(dir, "rejects", "rejects.parquet", rejectRows));

    const [recipesSha, interactionsSha] = await hashing;
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
      files: written,
      report,
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    return { manifest, dir };
  } finally {
    session.close();
    await rm(join(dir, ".tmp"), { recursive: true, force: true });
  }
}
