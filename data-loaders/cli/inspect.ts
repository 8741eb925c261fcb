// npm run data:inspect [-- --env <env>] [--json] [--list]: the current snapshot's manifest, the
// ingest report and each table's row count as DuckDB reads it.
import { defineCommand, runMain } from "citty";
import { openSession } from "../duckdb/session.js";
import { syncEnvironmentSnapshot } from "../snapshot/open.js";
import { readPointer } from "../snapshot/pointer.js";
import { commandConfig, envArg, runCommand, withStore } from "./run.js";

const main = defineCommand({
  meta: { name: "data:inspect", description: "Show the environment's current dataset snapshot" },
  args: {
    ...envArg,
    json: { type: "boolean", description: "Print JSON instead of text" },
    list: { type: "boolean", description: "List every dataset in the bucket" },
  },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      await withStore(config, async ({ store, endpoint }) => {
        if (args.list) {
          const manifests = (await store.list("datasets/")).filter((o) => o.key.endsWith("/manifest.json"));
          for (const m of manifests) process.stdout.write(`${m.key.split("/")[1]}\n`);
          return;
        }
        const pointer = await readPointer(store, config.env);
        const snapshot = await syncEnvironmentSnapshot(config, store);
        const session = await openSession(snapshot);
        const counts: Record<string, number> = {};
        try {
          for (const table of session.tables) {
            const [{ n }] = await session.query<{ n: number }>(
              `SELECT count(*)::INTEGER AS n FROM "${table}"`,
            );
            counts[table] = n;
          }
        } finally {
          session.close();
        }
        if (args.json) {
          process.stdout.write(
            JSON.stringify({ env: config.env, pointer, manifest: snapshot.manifest, counts }, null, 2) + "\n",
          );
          return;
        }
        const { manifest } = snapshot;
        const lines = [
          `environment   ${config.env} (s3://${store.bucket} at ${endpoint})`,
          `dataset       ${manifest.datasetId}${config.datasetId ? " (pinned by DATASET_ID)" : ""}`,
          `created       ${manifest.createdAt}`,
          `schema        v${manifest.schemaVersion}`,
          `manifest      sha256 ${snapshot.manifestSha256}`,
          pointer ? `pointer       updated ${pointer.updatedAt}, previous ${pointer.previous ?? "none"}` : "",
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
          "ingest report",
          ...(["recipes", "interactions"] as const).flatMap((t) => {
            const r = manifest.report[t];
            return [
              `  ${t}: ${r.rowsIn} in → ${r.rowsOut} out`,
              ...r.rules.map((rule) => `    − ${String(rule.removed).padStart(8)}  ${rule.rule}`),
            ];
          }),
        ];
        process.stdout.write(lines.filter((l, i) => l !== "" || i > 0).join("\n") + "\n");
      });
    }),
});

await runMain(main);
