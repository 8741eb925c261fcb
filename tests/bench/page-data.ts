// Child of `npm run bench pages`: time every analysis and every page's data on the environment's
// snapshot (the bench's default dataset, scale 1), one DuckDB session, as the build computes them.
// Prints JSON on stdout: { pages: [{ page, seconds, bytes, gzipBytes, analyses: [{ name, seconds }] }] }.
import { gzipSync } from "node:zlib";
import { loadConfig } from "../../data-loaders/config/config.js";
import { openSession } from "../../data-loaders/duckdb/session.js";
import { analysisKey, pageAnalyses, REGISTRY, runAnalysis } from "../../data-loaders/analyses/registry.js";
import { syncEnvironmentSnapshot } from "../../data-loaders/snapshot/open.js";
import { connectStore } from "../../data-loaders/storage/connect.js";

const config = loadConfig();
const connection = await connectStore(config);
const snapshot = await syncEnvironmentSnapshot(config, connection.store);
await connection.close();
const session = await openSession(snapshot);
const pages = [];
for (const page of Object.keys(REGISTRY.pages)) {
  const analyses = [];
  const data: Record<string, unknown> = {};
  const started = performance.now();
  for (const a of pageAnalyses(page)) {
    const t = performance.now();
    data[analysisKey(a)] = await runAnalysis(a, { session, snapshot });
    analyses.push({ name: a.name, seconds: (performance.now() - t) / 1000 });
  }
  const text = JSON.stringify(data);
  pages.push({
    page,
    seconds: (performance.now() - started) / 1000,
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text).length,
    analyses,
  });
}
session.close();
process.stdout.write(JSON.stringify({ pages }));
