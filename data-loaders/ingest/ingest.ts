// Turn the two Kaggle CSV files into a clean, checksummed Parquet snapshot in a local folder:
// header check → DuckDB read with rejects → cleaning rules (counted) → Parquet tables + rejects.csv
// + manifest.json. Publishing the folder to S3 is publish.ts's job.
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { IngestReport, Manifest, ManifestFile } from "../../src/lib/contracts/manifest.js";
import { SCHEMA_VERSION } from "../../src/lib/contracts/manifest.js";
import { openConnection, wrapConnection, type Session } from "../duckdb/session.js";
import { ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { sha256File } from "../snapshot/cache.js";
import { cleanInteractions } from "./clean-interactions.js";
import { cleanRecipes, DEFAULT_RECIPE_RULES, type RecipeRules } from "./clean-recipes.js";
import { checkHeader } from "./header.js";
import { listRejects, loadCsv, sqlString, type CsvLoad } from "./read-csv.js";
import { INTERACTIONS_CSV, RECIPES_CSV, type CsvSchema } from "./schema.js";

export interface IngestOptions {
  recipes: string;
  interactions: string;
  /** Folder that receives the snapshot files; created, and emptied first. */
  outDir: string;
  datasetId?: string;
  /** Share of a file's rows that may be rejected before the ingest fails (default 1 %). */
  maxRejectRate?: number;
  rules?: RecipeRules;
  now?: Date;
}

export interface IngestResult {
  manifest: Manifest;
  dir: string;
}

/** Tables written to Parquet, in manifest order, with the SQL that produces each. */
const TABLES: { name: string; sql: string }[] = [
  { name: "recipes", sql: "SELECT * FROM recipes" },
  { name: "interactions", sql: "SELECT * FROM interactions" },
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

/** A dataset id that sorts by time and names its sources: 20261124-081500-3f2a9c1d. */
export function makeDatasetId(now: Date, sourceDigests: string[]): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${stamp}-${sourceDigests.map((d) => d.slice(0, 4)).join("")}`;
}

async function enforceRejectLimit(
  session: Session,
  load: CsvLoad,
  path: string,
  table: string,
  maxRate: number,
): Promise<void> {
  if (load.rowsIn === 0) throw new ValidationError(`${path} has a header but no data rows.`);
  if (load.rejected / load.rowsIn <= maxRate) return;
  const sample = await listRejects(session, table, basename(path), 5);
  const lines = sample.map((r) => `  line ${r.line}${r.column ? `, column ${r.column}` : ""}: ${r.reason}`);
  throw new ValidationError(
    `${path}: ${load.rejected} of ${load.rowsIn} rows cannot be parsed (more than ${(maxRate * 100).toFixed(2)} %):\n${lines.join("\n")}`,
    { hint: "Fix the file, or raise --max-reject-rate if these rows may be dropped." },
  );
}

async function loadChecked(
  session: Session,
  path: string,
  schema: CsvSchema,
  table: string,
  maxRate: number,
) {
  const load = await loadCsv(session, path, schema, table);
  await enforceRejectLimit(session, load, path, table, maxRate);
  if (load.rejected > 0) logger.warn(`${basename(path)}: ${load.rejected} row(s) rejected (see rejects.csv)`);
  return load;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const maxRate = options.maxRejectRate ?? 0.01;
  await checkHeader(options.recipes, RECIPES_CSV);
  await checkHeader(options.interactions, INTERACTIONS_CSV);

  const hashing = Promise.all([options.recipes, options.interactions].map(sha256File));
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
    logger.start(`Reading ${options.recipes}`);
    const recipesLoad = await loadChecked(session, options.recipes, RECIPES_CSV, "recipes_raw", maxRate);
    logger.start(`Reading ${options.interactions}`);
    const interactionsLoad = await loadChecked(
      session,
      options.interactions,
      INTERACTIONS_CSV,
      "interactions_raw",
      maxRate,
    );

    logger.start("Cleaning");
    const report: IngestReport = {
      recipes: await cleanRecipes(
        session,
        recipesLoad.rowsIn,
        recipesLoad.rejected,
        options.rules ?? DEFAULT_RECIPE_RULES,
      ),
      interactions: await cleanInteractions(session, interactionsLoad.rowsIn, interactionsLoad.rejected),
    };

    logger.start("Writing Parquet");
    const files: ManifestFile[] = [];
    for (const table of TABLES) {
      const file = `${table.name}.parquet`;
      const path = join(dir, file);
      await session.run(
        `COPY (${table.sql}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      );
      const [{ n }] = await session.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(path)})`,
      );
      files.push({
        name: table.name,
        file,
        rows: n,
        bytes: (await stat(path)).size,
        sha256: await sha256File(path),
      });
    }
    const rejectsPath = join(dir, "rejects.csv");
    await session.run(`
      COPY (
        SELECT ${sqlString(RECIPES_CSV.file)} AS file, line, column_name, error_type, error_message, csv_line
        FROM recipes_raw_rejects
        UNION ALL
        SELECT ${sqlString(INTERACTIONS_CSV.file)}, line, column_name, error_type, error_message, csv_line
        FROM interactions_raw_rejects
        ORDER BY file, line
      ) TO ${sqlString(rejectsPath)} (HEADER, DELIMITER ',')`);
    files.push({
      name: "rejects",
      file: "rejects.csv",
      rows: recipesLoad.rejected + interactionsLoad.rejected,
      bytes: (await stat(rejectsPath)).size,
      sha256: await sha256File(rejectsPath),
    });

    const [recipesSha, interactionsSha] = await hashing;
    const now = options.now ?? new Date();
    const sources = [
      { name: RECIPES_CSV.file, bytes: (await stat(options.recipes)).size, sha256: recipesSha },
      {
        name: INTERACTIONS_CSV.file,
        bytes: (await stat(options.interactions)).size,
        sha256: interactionsSha,
      },
    ];
    const manifest: Manifest = {
      schemaVersion: SCHEMA_VERSION,
      datasetId: options.datasetId ?? makeDatasetId(now, [recipesSha, interactionsSha]),
      createdAt: now.toISOString(),
      sources,
      files,
      report,
    };
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    return { manifest, dir };
  } finally {
    session.close();
    await rm(join(dir, ".tmp"), { recursive: true, force: true });
  }
}
