// Garbage collection (`npm run data:gc`): what killed or abandoned work leaves behind.
//   - incomplete uploads: a dataset folder without manifest.json, untouched for the grace period;
//   - datasets no pointer (of any environment in the bucket) has named for `keepDays`, judged
//     from the pointers' histories; never the dataset a pointer names now or as `previous`;
//   - lock claims whose holder stopped renewing them (stale);
//   - local ingest work folders whose process is gone (or long abandoned), and temporary files
//     (*.part) of interrupted downloads (snapshot cache) and writes (embedded S3 server);
//   - local copies made from datasets no longer in the bucket (snapshot copies, Explore extracts),
//     Explore extracts an older writer or contract made, and precompressed forms no build has used
//     for `keepDays`.
// Ages are measured on the S3 server's clock (gc's own lock claim gives "now"), so a machine with
// a wrong clock cannot make gc remove fresh data. Each dataset is removed under its own lock after
// the pointers are read again: an ingest or a promotion in progress holds that lock, so it wins.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { logger } from "../logger.js";
import { DATASETS_ROOT, datasetOfKey, LOCKS_ROOT, MANIFEST_FILE } from "../storage/layout.js";
import { datasetLock, GC_LOCK, LockHeldError, staleClaims, withLock } from "../storage/lock.js";
import type { ObjectInfo, ObjectStore } from "../storage/s3-store.js";
import { readAllPointers, type DatasetPointer } from "./pointer.js";

export interface GcOptions {
  /** Complete datasets that no pointer has named for this many days go. */
  keepDays: number;
  /** Incomplete uploads, dead work folders and temporary files older than this go. */
  graceMinutes: number;
  /** Report what would go; change nothing (but gc's own lock claim). */
  dryRun: boolean;
  /** The local cache root (config.paths.cache): ingest work folders and snapshot copies live there. */
  cacheDir: string;
  /** The embedded S3 server's folder, when it is the store: a killed write leaves *.part files there. */
  localS3Dir?: string;
}

export const GC_DEFAULTS = { keepDays: 7, graceMinutes: 60 } as const;

export type GcKind =
  "incomplete-dataset" | "unreferenced-dataset" | "stale-claim" | "work-folder" | "temp-file" | "local-cache";

export interface GcItem {
  kind: GcKind;
  /** An S3 key or prefix, or a local path. */
  target: string;
  detail: string;
}

export interface GcReport {
  dryRun: boolean;
  /** Removed, or (dry run) would be removed. */
  removed: GcItem[];
  /** Datasets kept, and why. */
  kept: { datasetId: string; reason: string }[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function ago(ms: number): string {
  if (ms >= DAY_MS) return `${(ms / DAY_MS).toFixed(1)} days`;
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= MINUTE_MS) return `${Math.round(ms / MINUTE_MS)} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** Datasets pointers protect outright: current and previous of every environment. */
function protectedIds(pointers: Map<string, DatasetPointer>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [env, p] of pointers) {
    ids.set(p.datasetId, `current for "${env}"`);
    if (p.previous && !ids.has(p.previous)) ids.set(p.previous, `previous for "${env}"`);
  }
  return ids;
}

/** The last time each dataset was named by some pointer (its `until` in a history). */
function lastNamed(pointers: Map<string, DatasetPointer>): Map<string, number> {
  const last = new Map<string, number>();
  for (const p of pointers.values())
    for (const h of p.history) {
      const until = Date.parse(h.until);
      if (until > (last.get(h.datasetId) ?? 0)) last.set(h.datasetId, until);
    }
  return last;
}

interface Candidate {
  datasetId: string;
  kind: "incomplete-dataset" | "unreferenced-dataset";
  detail: string;
}

function classifyDatasets(
  objects: ObjectInfo[],
  pointers: Map<string, DatasetPointer>,
  now: number,
  options: GcOptions,
  report: GcReport,
): Candidate[] {
  const byId = new Map<string, ObjectInfo[]>();
  for (const o of objects) {
    const id = datasetOfKey(o.key);
    if (id) byId.set(id, [...(byId.get(id) ?? []), o]);
  }
  const keep = protectedIds(pointers);
  const named = lastNamed(pointers);
  const candidates: Candidate[] = [];
  for (const [id, files] of byId) {
    const manifest = files.find((o) => o.key === `${DATASETS_ROOT}${id}/${MANIFEST_FILE}`);
    const bytes = files.reduce((sum, o) => sum + o.size, 0);
    const size = `${files.length} object(s), ${bytes} bytes`;
    if (!manifest) {
      const idle = now - Math.max(...files.map((o) => o.lastModified.getTime()));
      if (idle >= options.graceMinutes * MINUTE_MS)
        candidates.push({
          datasetId: id,
          kind: "incomplete-dataset",
          detail: `no manifest, last written ${ago(idle)} ago; ${size}`,
        });
      else
        report.kept.push({
          datasetId: id,
          reason: `incomplete but written ${ago(idle)} ago (within the grace period)`,
        });
      continue;
    }
    const reason = keep.get(id);
    if (reason) {
      report.kept.push({ datasetId: id, reason });
      continue;
    }
    const wasNamed = named.get(id);
    const since = now - (wasNamed ?? manifest.lastModified.getTime());
    const what = wasNamed ? `last current ${ago(since)} ago` : `never current, published ${ago(since)} ago`;
    if (since >= options.keepDays * DAY_MS)
      candidates.push({ datasetId: id, kind: "unreferenced-dataset", detail: `${what}; ${size}` });
    else report.kept.push({ datasetId: id, reason: `${what} (kept ${options.keepDays} days)` });
  }
  return candidates;
}

/** Remove one dataset under its lock, after checking again that nothing names it or writes it. */
async function removeDataset(
  store: ObjectStore,
  candidate: Candidate,
  now: number,
  options: GcOptions,
): Promise<string | undefined> {
  const { datasetId: id } = candidate;
  const prefix = `${DATASETS_ROOT}${id}/`;
  try {
    return await withLock(store, datasetLock(id), { what: `dataset ${id}`, attempts: 1 }, async (lock) => {
      const reason = protectedIds(await readAllPointers(store)).get(id);
      if (reason) return `${reason} (changed while gc ran)`;
      const files = await store.list(prefix);
      const manifestKey = `${prefix}${MANIFEST_FILE}`;
      const hasManifest = files.some((o) => o.key === manifestKey);
      if (candidate.kind === "incomplete-dataset") {
        const idle = now - Math.max(0, ...files.map((o) => o.lastModified.getTime()));
        if (hasManifest || idle < options.graceMinutes * MINUTE_MS) return "written to while gc ran";
      }
      await lock.check();
      // The manifest first: a dataset half removed then looks incomplete, never complete.
      if (hasManifest) await store.remove([manifestKey]);
      await store.remove(files.map((o) => o.key).filter((k) => k !== manifestKey));
      return undefined;
    });
  } catch (error) {
    if (error instanceof LockHeldError) return "in use by another command";
    throw error;
  }
}

/** Removes (or, dry run, lists) the datasets that go; returns their ids. */
async function collectDatasets(
  store: ObjectStore,
  now: number,
  options: GcOptions,
  report: GcReport,
): Promise<Set<string>> {
  const gone = new Set<string>();
  const pointers = await readAllPointers(store);
  const candidates = classifyDatasets(await store.list(DATASETS_ROOT), pointers, now, options, report);
  for (const candidate of candidates) {
    const keptBecause = options.dryRun ? undefined : await removeDataset(store, candidate, now, options);
    if (keptBecause) report.kept.push({ datasetId: candidate.datasetId, reason: keptBecause });
    else {
      gone.add(candidate.datasetId);
      report.removed.push({
        kind: candidate.kind,
        target: `${DATASETS_ROOT}${candidate.datasetId}/`,
        detail: candidate.detail,
      });
    }
  }
  return gone;
}

async function collectClaims(
  store: ObjectStore,
  now: Date,
  ownClaim: string,
  options: GcOptions,
  report: GcReport,
): Promise<void> {
  const claims = (await store.list(LOCKS_ROOT)).filter((c) => c.key !== ownClaim);
  const stale = staleClaims(claims, now, store.lockLeaseMs);
  if (!options.dryRun && stale.length > 0) await store.remove(stale.map((c) => c.key));
  for (const c of stale)
    report.removed.push({
      kind: "stale-claim",
      target: c.key,
      detail: `not renewed for ${ago(now.getTime() - c.lastModified.getTime())}`,
    });
}

/** True when a process with this id runs (EPERM: it runs, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/**
 * Work folders are named <pid>-<time> by the ingest (ingest/pipeline.ts). One whose process is gone
 * goes at once; one whose process runs stays — unless untouched for a day and the grace period,
 * when the id surely belongs to another process by now. Other folders go after the grace period.
 */
async function collectLocal(options: GcOptions, report: GcReport): Promise<void> {
  const grace = options.graceMinutes * MINUTE_MS;
  const workRoot = join(options.cacheDir, "ingest");
  for (const name of await entries(workRoot)) {
    const path = join(workRoot, name);
    const age = Date.now() - (await stat(path)).mtimeMs;
    const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? NaN);
    const known = Number.isInteger(pid) && pid > 0;
    const dead = known && pid !== process.pid && !processAlive(pid);
    const abandoned = known ? age >= Math.max(grace, DAY_MS) : age >= grace;
    if (!dead && !abandoned) continue;
    if (!options.dryRun) await rm(path, { recursive: true, force: true });
    report.removed.push({
      kind: "work-folder",
      target: path,
      detail: dead ? `its ingest (pid ${pid}) is gone` : `untouched for ${ago(age)}`,
    });
  }
  const snapshots = join(options.cacheDir, "snapshots");
  await collectPartFiles(snapshots, "interrupted download", grace, options, report);
  await collectPartFiles(join(options.cacheDir, "explore"), "interrupted extract", grace, options, report);
  await collectPartFiles(
    join(options.cacheDir, "precompressed"),
    "interrupted compression",
    grace,
    options,
    report,
  );
  // The embedded S3 server writes each object to a *.part file renamed at the end (s3rver-patch.ts).
  if (options.localS3Dir)
    await collectPartFiles(options.localS3Dir, "interrupted S3 write", grace, options, report);
}

/**
 * Temporary files (*.part, and the *.part.wal DuckDB leaves beside an extract killed halfway) under
 * `root`, at any depth, older than the grace period.
 */
async function collectPartFiles(
  root: string,
  what: string,
  grace: number,
  options: GcOptions,
  report: GcReport,
): Promise<void> {
  const names = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  for (const name of names.filter((n) => /\.part(\.wal)?$/.test(n))) {
    const path = join(root, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    const age = Date.now() - info.mtimeMs;
    if (age < grace) continue;
    if (!options.dryRun) await rm(path, { force: true });
    report.removed.push({ kind: "temp-file", target: path, detail: `${what}, ${ago(age)} old` });
  }
}

/** An Explore extract folder is named `<dataset id>-<16 hex of snapshot, contract and writer>`. */
const EXTRACT_DIR = /^(.+)-[0-9a-f]{16}$/;

async function removeLocal(
  path: string,
  detail: string,
  options: GcOptions,
  report: GcReport,
): Promise<void> {
  if (!options.dryRun) await rm(path, { recursive: true, force: true });
  report.removed.push({ kind: "local-cache", target: path, detail });
}

/**
 * What builds derive from datasets and keep under the cache: copies of datasets the bucket no longer
 * holds go (a build would download them again anyway, and cannot: they are gone); of a dataset's
 * Explore extracts only the newest set stays, older sets (an older contract or writer) go after the
 * grace period; a precompressed form no build has used for `keepDays` goes (a build uses one by
 * touching it).
 */
async function collectDerived(present: Set<string>, options: GcOptions, report: GcReport): Promise<void> {
  const grace = options.graceMinutes * MINUTE_MS;
  const snapshots = join(options.cacheDir, "snapshots");
  for (const id of await entries(snapshots))
    if (!present.has(id))
      await removeLocal(join(snapshots, id), "copy of a dataset gone from the bucket", options, report);

  const explore = join(options.cacheDir, "explore");
  const sets = await Promise.all(
    (await entries(explore)).map(async (name) => ({
      name,
      datasetId: EXTRACT_DIR.exec(name)?.[1],
      mtimeMs: (await stat(join(explore, name))).mtimeMs,
    })),
  );
  for (const set of sets) {
    const path = join(explore, set.name);
    if (!set.datasetId || !present.has(set.datasetId)) {
      await removeLocal(path, "Explore extracts of a dataset gone from the bucket", options, report);
      continue;
    }
    const newer = sets.some((o) => o.datasetId === set.datasetId && o.mtimeMs > set.mtimeMs);
    const age = Date.now() - set.mtimeMs;
    if (newer && age >= grace)
      await removeLocal(path, `Explore extracts replaced by a newer set, ${ago(age)} old`, options, report);
  }

  const packed = join(options.cacheDir, "precompressed");
  for (const name of await entries(packed)) {
    if (name.endsWith(".part")) continue; // temporary files: collectPartFiles
    const path = join(packed, name);
    const age = Date.now() - (await stat(path)).mtimeMs;
    if (age >= options.keepDays * DAY_MS)
      await removeLocal(path, `precompressed form unused for ${ago(age)}`, options, report);
  }
}

export async function collectGarbage(store: ObjectStore, options: GcOptions): Promise<GcReport> {
  const report: GcReport = { dryRun: options.dryRun, removed: [], kept: [] };
  let gone = new Set<string>();
  await withLock(
    store,
    GC_LOCK,
    { what: "garbage collection", attempts: 3, hint: "Another `npm run data:gc` is running: let it finish." },
    async (lock) => {
      // The server's "now": the LastModified of the claim it has just stored. Claims first, so the
      // report names the stale claims that taking a dataset's lock would otherwise remove silently.
      await collectClaims(store, lock.since, lock.key, options, report);
      gone = await collectDatasets(store, lock.since.getTime(), options, report);
    },
  );
  await collectLocal(options, report);
  const listed = (await store.list(DATASETS_ROOT)).map((o) => datasetOfKey(o.key));
  const present = new Set(listed.filter((id): id is string => !!id && !gone.has(id)));
  await collectDerived(present, options, report);
  logger.debug(
    `gc: ${report.removed.length} item(s) ${options.dryRun ? "would go" : "removed"}, ${report.kept.length} dataset(s) kept`,
  );
  return report;
}
