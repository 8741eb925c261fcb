// npm run snapshots -- --env <env> [--json]: the environment's site snapshots, newest first, with
// the live one and the rollback target marked and incomplete ones (deploys that did not finish)
// flagged. On stdout: a table, or JSON with --json.
import { defineCommand, runMain } from "citty";
import { connectSites } from "../deploy/connect.js";
import { readLivePointer } from "../deploy/pointer.js";
import { listSnapshots } from "../deploy/snapshots.js";
import { commandConfig, envArg, runCommand } from "./run.js";

const main = defineCommand({
  meta: { name: "snapshots", description: "List an environment's site snapshots, the live one marked" },
  args: { ...envArg, json: { type: "boolean", description: "Print JSON" } },
  run: ({ args }) =>
    runCommand(async () => {
      const config = commandConfig(args.env);
      const connection = await connectSites(config);
      try {
        const pointer = await readLivePointer(connection.store, config.env);
        const snapshots = await listSnapshots(connection.store, config.env, pointer);
        if (args.json) {
          process.stdout.write(
            JSON.stringify({ env: config.env, live: pointer ?? null, snapshots }, null, 2) + "\n",
          );
          return;
        }
        if (snapshots.length === 0) {
          process.stdout.write(`No site snapshot for "${config.env}" in s3://${config.sites.bucket}/.\n`);
          return;
        }
        const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
        const lines = snapshots.map((s) => {
          const mark = s.live
            ? "* live"
            : s.rollbackTarget
              ? "  rollback target"
              : s.complete
                ? ""
                : "  INCOMPLETE";
          return `${s.id}  ${s.lastModified.toISOString()}  ${String(s.files).padStart(5)} files  ${mb(s.bytes).padStart(9)}${mark ? `  ${mark.trim()}` : ""}`;
        });
        const since = pointer ? `live since ${pointer.updatedAt} (${pointer.reason})` : "nothing live";
        process.stdout.write(
          `Site snapshots of "${config.env}" (s3://${config.sites.bucket}/${config.env}/), ${since}:\n${lines.join("\n")}\n`,
        );
      } finally {
        await connection.close();
      }
    }),
});

await runMain(main);
