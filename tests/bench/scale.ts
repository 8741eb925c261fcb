// `npm run bench:scale`: how the data platform's costs grow with the dataset. For each scale
// (0.25, 0.5, 1 and 2 × Food.com's size) the generated CSVs are ingested (wall time, peak RSS) and
// every page's data computed in one DuckDB session as a build does (./page-data.ts: total time,
// peak RSS, total size raw and gzipped). Costs must grow at most linearly, page-data size must
// stay flat (rules in ./bench-math.ts); the verdicts are printed and written with a table and
// docs/performance-scale.svg. Each scale gets its own S3, cache and logs under the bench's work
// folder, removed once measured, so the suites sharing the default dataset are not disturbed.
import { mkdirSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";
import { generatedCsvs } from "../helpers/site.js";
import { growsLinearly, LINEAR_TOLERANCE, FLAT_RATIO, scaleChartSvg, staysFlat } from "./bench-math.js";
import { doubleDataset } from "./double-dataset.js";
import { measure } from "./measure.js";

export const SCALES = [0.25, 0.5, 1, 2] as const;
const SEED = 42;

interface PageDataResult {
  pages: { page: string; seconds: number; bytes: number; gzipBytes: number }[];
}

export interface ScaleRow {
  scale: number;
  recipesMb: number;
  interactionsMb: number;
  ingestSeconds: number;
  ingestCpu: number | null;
  ingestPeakMb: number | null;
  /** Sum of the pages' compute times, as the child measured them (no start-up, no sync). */
  computeSeconds: number;
  /** CPU time of the whole child (sync of the snapshot and DuckDB start-up included). */
  computeCpu: number | null;
  computePeakMb: number | null;
  bytes: number;
  gzipBytes: number;
}

/** The CSVs of a scale: generated (kept between runs like the tests' data), or two joined for 2. */
async function csvsFor(scale: number) {
  if (scale <= 1) return generatedCsvs(scale, SEED);
  if (scale !== 2)
    throw new Error(`scale suite: no way to make a dataset at scale ${scale} (only ≤ 1 or 2).`);
  const a = await generatedCsvs(1, SEED);
  const b = await generatedCsvs(1, SEED + 1);
  // Beside the generated folders, under the same generator digest: a new generator makes new files.
  return doubleDataset(a, b, join(dirname(dirname(a.recipes)), `seed-${SEED}+${SEED + 1}-scale-2`));
}

const mb = (bytes: number) => bytes / 2 ** 20;

export async function benchScale(baseEnv: NodeJS.ProcessEnv, work: string, machine: string): Promise<string> {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  // Scale 2 needs its CSVs (~600 MB), both scale-1 inputs, Parquet and a synced copy: ~3 GB at most.
  const fs = statfsSync(tmpdir());
  const freeGb = (fs.bavail * fs.bsize) / 2 ** 30;
  if (freeGb < 5)
    throw new Error(`scale suite: only ${freeGb.toFixed(1)} GB free in ${tmpdir()}; it needs about 5 GB.`);
  const load = loadavg()[0].toFixed(1);
  const rows: ScaleRow[] = [];
  for (const scale of SCALES) {
    const csvs = await csvsFor(scale);
    const dir = join(work, `scale-${scale}`);
    mkdirSync(dir, { recursive: true });
    const env = {
      ...baseEnv,
      CACHE_DIR: join(dir, "cache"),
      LOCAL_S3_DIR: join(dir, "s3"),
      DIST_DIR: join(dir, "dist"),
      LOG_DIR: join(dir, "logs"),
    };
    try {
      const ingest = await measure(
        tsx,
        [
          join(PROJECT_ROOT, "data-loaders", "cli", "ingest.ts"),
          "--recipes",
          csvs.recipes,
          "--interactions",
          csvs.interactions,
        ],
        env,
      );
      const compute = await measure(tsx, [join(import.meta.dirname, "page-data.ts")], env);
      const { pages } = JSON.parse(compute.stdout) as PageDataResult;
      rows.push({
        scale,
        recipesMb: mb(statSync(csvs.recipes).size),
        interactionsMb: mb(statSync(csvs.interactions).size),
        ingestSeconds: ingest.seconds,
        ingestCpu: ingest.cpuSeconds,
        ingestPeakMb: ingest.peakMb,
        computeSeconds: pages.reduce((sum, p) => sum + p.seconds, 0),
        computeCpu: compute.cpuSeconds,
        computePeakMb: compute.peakMb,
        bytes: pages.reduce((sum, p) => sum + p.bytes, 0),
        gzipBytes: pages.reduce((sum, p) => sum + p.gzipBytes, 0),
      });
      process.stderr.write(`scale ${scale}: ${JSON.stringify(rows.at(-1))}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return report(rows, machine, load);
}

/** The verdicts, the table and the chart, from the measured rows. */
export function report(rows: ScaleRow[], machine: string, load: string): string {
  const at = (s: number) => {
    const row = rows.find((r) => r.scale === s);
    if (!row) throw new Error(`scale suite: no measurement at scale ${s}.`);
    return row;
  };
  const [low, high] = [at(0.5), at(2)];
  // Judged on CPU time (wall time on a shared machine measures the neighbours too) and memory;
  // wall times are in the table.
  const costs: { name: string; get: (r: ScaleRow) => number | null }[] = [
    { name: "ingest CPU time", get: (r) => r.ingestCpu },
    { name: "ingest peak RSS", get: (r) => r.ingestPeakMb },
    { name: "page-data CPU time", get: (r) => r.computeCpu },
    { name: "page-data peak RSS", get: (r) => r.computePeakMb },
  ];
  const measured = costs.filter((c) => rows.every((r) => c.get(r) !== null));
  const verdicts = measured.map((c) => {
    const ratio = c.get(high)! / c.get(low)!;
    const ok = growsLinearly(c.get(low)!, c.get(high)!, 0.5, 2);
    return `- ${c.name}: cost(2) / cost(0.5) = ${ratio.toFixed(2)} — ${ok ? "at most linear" : "**grows faster than linearly**"}`;
  });
  const sizeRatio = at(2).gzipBytes / at(0.25).gzipBytes;
  const rawRatio = at(2).bytes / at(0.25).bytes;
  const flat = staysFlat(at(0.25).gzipBytes, at(2).gzipBytes) && staysFlat(at(0.25).bytes, at(2).bytes);
  verdicts.push(
    `- page-data size: size(2) / size(0.25) = ${rawRatio.toFixed(2)} raw, ${sizeRatio.toFixed(2)} gzipped — ${flat ? "flat" : "**grows with the data**"}`,
  );
  const peak = Math.max(...rows.map((r) => Math.max(r.ingestPeakMb ?? 0, r.computePeakMb ?? 0)));
  const ram = totalmem() / 2 ** 20;
  verdicts.push(
    `- peak memory at scale 2: ${peak.toFixed(0)} MB, ${((100 * peak) / ram).toFixed(0)} % of the machine's ${(ram / 1024).toFixed(0)} GiB${peak < ram / 4 ? "" : " — **over a quarter of the RAM**"}`,
  );
  const series = measured.map((c) => ({ name: c.name, values: rows.map((r) => c.get(r)!) }));
  series.push({ name: "page-data size (gzip)", values: rows.map((r) => r.gzipBytes) });
  writeFileSync(
    join(PROJECT_ROOT, "docs", "performance-scale.svg"),
    scaleChartSvg(
      rows.map((r) => r.scale),
      series,
      "Cost against dataset size, normalised to scale 1",
    ),
  );
  process.stderr.write(
    `scale: free memory now ${(freemem() / 2 ** 30).toFixed(1)} GiB\n${verdicts.join("\n")}\n`,
  );
  const n = (x: number | null, digits = 0) => (x === null ? "n/a" : x.toFixed(digits));
  return [
    `Measured on ${machine}, load average ${load} at start; seed 42 (scale 2: seeds 42 and 43 joined, ids of the second moved apart).`,
    "",
    "| scale | CSV MB (recipes + interactions) | ingest: wall / CPU time | ingest peak RSS | page data, all pages: compute / CPU time | page-data peak RSS | page data, raw | page data, gzip |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.scale} | ${n(r.recipesMb)} + ${n(r.interactionsMb)} | ${n(r.ingestSeconds, 1)} s / ${n(r.ingestCpu, 1)} s | ${n(r.ingestPeakMb)} MB | ${n(r.computeSeconds, 1)} s / ${n(r.computeCpu, 1)} s | ${n(r.computePeakMb)} MB | ${n(r.bytes / 1024)} KB | ${n(r.gzipBytes / 1024)} KB |`,
    ),
    "",
    "Page data: compute is the sum of the pages' compute times in one DuckDB session; CPU time is the whole child process's (snapshot sync and DuckDB start-up included).",
    "",
    `Rules: a cost grows at most linearly when cost(2) / cost(0.5) ≤ 4 × ${1 + LINEAR_TOLERANCE} (the data × 4, ${LINEAR_TOLERANCE * 100} % for noise);`,
    `page data stays flat when size(2) / size(0.25) ≤ ${FLAT_RATIO} (aggregates, not rows: the data × 8).`,
    "",
    ...verdicts,
    "",
    "![Costs against dataset scale, normalised to scale 1, with y = x for linear growth](performance-scale.svg)",
  ].join("\n");
}
