// npm run data:inspect [-- --env <env>] [--dataset-id <id>] [--json] [--list]
//                      [--rejects <rule> [--table recipes|interactions] [--limit n]]
// A snapshot's manifest (the environment's current one, or --dataset-id), its ingest report and
// each table's row count as DuckDB reads it; or, with --rejects, the first rows a rule set aside
// (from rejects.parquet: file, line, column, reason, raw fields). Data on stdout only.
import { defineCommand, runMain } from "citty";
import { INTERACTION_RULES, RECIPE_RULES } from "../../src/lib/contracts/manifest.js";
import { openSession, type Session } from "../duckdb/session.js";
import { ConfigurationError, StorageError } from "../errors.js";
import { syncSnapshot, type SyncResult } from "../snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { readPointer } from "../snapshot/pointer.js";
import { checkDatasetId, printable } from "../storage/dataset-id.js";
import { manifestKey } from "../storage/layout.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const RULES: readonly string[] = [...new Set([...RECIPE_RULES, ...INTERACTION_RULES])];
const TABLES = ["recipes", "interactions"] as const;
const DEFAULT_LIMIT = 20;
/** Raw text shown per reject in the text output (--json gives it whole). */
const RAW_CHARS = 300;

interface RejectRow {
  table: string;
  rule: string;
  source_file: string;
  source_line: number;
  column_name: string | null;
  detail: string | null;
  raw: string | null;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n >= 1)) {
    throw new ConfigurationError(`--limit=${printable(raw)} is not a whole number ≥ 1.`);
  }
  return n;
}

function checkRejectOptions(rule: string, table: string | undefined) {
  if (!RULES.includes(rule)) {
    throw new ConfigurationError(`--rejects=${printable(rule)} is not a rule.`, {
      hint: `Rules: recipes ${RECIPE_RULES.join(", ")}; interactions ${INTERACTION_RULES.join(", ")}.`,
    });
  }
  if (table !== undefined && !(TABLES as readonly string[]).includes(table)) {
    throw new ConfigurationError(`--table=${printable(table)} is not recipes or interactions.`);
  }
}

async function printRejects(
  session: Session,
  snapshot: SyncResult,
  options: { rule: string; table?: string; limit: number; json: boolean },
) {
  const where = `rule = $rule${options.table ? ` AND "table" = $table` : ""}`;
  const params = { rule: options.rule, ...(options.table ? { table: options.table } : {}) };
  const [{ n }] = await session.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM rejects WHERE ${where}`,
    params,
  );
  const rows = await session.query<RejectRow>(
    `SELECT "table", rule, source_file, source_line, column_name, detail, raw FROM rejects
     WHERE ${where} ORDER BY "table" DESC, source_line LIMIT ${options.limit}`,
    params,
  );
  if (options.json) {
    process.stdout.write(
      JSON.stringify({ datasetId: snapshot.datasetId, rule: options.rule, total: n, rows }, null, 2) + "\n",
    );
    return;
  }
  const lines = [
    `dataset ${snapshot.datasetId}: ${n.toLocaleString("en-US")} row(s) set aside by ${options.rule}` +
      `${options.table ? ` in ${options.table}` : ""}${n > rows.length ? `, first ${rows.length}` : ""}`,
    ...rows.flatMap((r) => [
      `${r.table}  ${printable(r.source_file, 60)} line ${r.source_line}${r.column_name ? `, ${r.column_name}` : ""}: ${printable(r.detail ?? "", 200)}`,
      `    ${printable(r.raw ?? "", RAW_CHARS)}`,
    ]),
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

async function tableCounts(session: Session): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of session.tables) {
    const [{ n }] = await session.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${table}"`);
    counts[table] = n;
  }
  return counts;
}

const main = defineCommand({
  meta: { name: "data:inspect", description: "Show a dataset snapshot: manifest, report, rows set aside" },
  args: {
    ...envArg,
    "dataset-id": {
      type: "string",
      description: "Inspect this dataset instead of the environment's current one",
    },
    rejects: {
      type: "string",
      description: "Print the rows this rule set aside (e.g. minutes_out_of_range)",
    },
    table: { type: "string", description: "With --rejects: only recipes or interactions" },
    limit: { type: "string", description: `With --rejects: rows to print (default ${DEFAULT_LIMIT})` },
    json: { type: "boolean", description: "Print JSON instead of text" },
    list: { type: "boolean", description: "List every dataset in the bucket" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const datasetId =
        args["dataset-id"] === undefined ? undefined : checkDatasetId(args["dataset-id"], "--dataset-id");
      const limit = parseLimit(args.limit);
      if (args.rejects !== undefined) checkRejectOptions(args.rejects, args.table);
      await withStore(config, async ({ store, endpoint }) => {
        if (args.list) {
          const manifests = (await store.list("datasets/")).filter((o) => o.key.endsWith("/manifest.json"));
          for (const m of manifests) process.stdout.write(`${m.key.split("/")[1]}\n`);
          return;
        }
        if (datasetId !== undefined && !(await store.exists(manifestKey(datasetId)))) {
          throw new StorageError(`Dataset ${datasetId} has no manifest in s3://${store.bucket}/.`, {
            hint: "Check the id with `npm run data:inspect -- --list`.",
          });
        }
        const pointer = await readPointer(store, config.env);
        const snapshot =
          datasetId === undefined
            ? await syncEnvironmentSnapshot(config, store)
            : await syncSnapshot(store, datasetId, config.paths.snapshots);
        const session = await openSession(snapshot);
        let counts: Record<string, number>;
        try {
          if (args.rejects !== undefined) {
            await printRejects(session, snapshot, {
              rule: args.rejects,
              table: args.table,
              limit,
              json: Boolean(args.json),
            });
            return;
          }
          counts = await tableCounts(session);
        } finally {
          session.close();
        }
        const { manifest } = snapshot;
        if (args.json) {
          process.stdout.write(
            JSON.stringify({ env: config.env, pointer, manifest, counts }, null, 2) + "\n",
          );
          return;
        }
        const { report, provenance } = manifest;
        const current = pointer?.datasetId === manifest.datasetId;
        const lines = [
          `environment   ${config.env} (s3://${store.bucket} at ${endpoint})`,
          `dataset       ${manifest.datasetId}${config.datasetId ? " (pinned by DATASET_ID)" : ""}${current ? " (current)" : " (not current)"}`,
          `created       ${manifest.createdAt}`,
          `schema        v${manifest.schemaVersion}`,
          `manifest      sha256 ${snapshot.manifestSha256}`,
          provenance.kind === "generated"
            ? `provenance    generated (generator ${provenance.generator.version}, scale ${provenance.generator.scale}, seed ${provenance.generator.seed})`
            : `provenance    files${provenance.label ? `: ${printable(provenance.label, 200)}` : " (no --source-label)"}`,
          pointer
            ? `pointer       ${pointer.datasetId}, updated ${pointer.updatedAt}, previous ${pointer.previous ?? "none"}`
            : "",
          "",
          "sources",
          ...manifest.sources.map(
            (s) => `  ${s.name.padEnd(24)} ${String(s.bytes).padStart(12)} B  ${s.sha256}`,
          ),
          "",
          "tables (rows as read by DuckDB)",
          ...manifest.files.map(
            (f) =>
              `  ${f.file.padEnd(28)} ${String(counts[f.name] ?? f.rows).padStart(10)} rows ${String(f.bytes).padStart(12)} B`,
          ),
          "",
          `ingest report (dates kept: ${report.dateWindow.from} to ${report.dateWindow.to})`,
          ...TABLES.flatMap((t) => {
            const r = report[t];
            return [
              `  ${t}: ${r.rowsIn} in → ${r.rowsOut} out`,
              ...r.rules.map((rule) => `    − ${String(rule.removed).padStart(8)}  ${rule.rule}`),
            ];
          }),
          `  recipes the original app's rules would keep: ${report.recipes.originalRulesKept}`,
          `  interactions kept: ${report.interactions.integrity.recipeKept} on kept recipes, ` +
            `${report.interactions.integrity.recipeSetAside} on recipes set aside (recipe_status = 'set_aside'), ` +
            `${report.interactions.integrity.beforeRecipe} dated before their recipe (before_recipe)`,
        ];
        process.stdout.write(lines.filter((l, i) => l !== "" || i > 0).join("\n") + "\n");
      });
    }),
});

await runMain(main);
