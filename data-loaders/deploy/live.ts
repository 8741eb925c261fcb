// The live snapshot of an environment, kept on local disk for `npm run serve --from s3`: the
// pointer is read every `pollMs`; when it names another snapshot, its manifest is checked against
// the digest the pointer recorded, every file is fetched (or copied from the snapshot being served
// when its sha256 is the same) and checked against its sha256, the manifest is written next to the
// folder last (a folder without it is incomplete), and only then does the server switch to it.
// A failed sync keeps the current snapshot served. The id of the last one served is remembered,
// so a server restarted while S3 is down still serves it.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import type { Environment } from "../config/environment.js";
import { errorMessage, StorageError } from "../errors.js";
import { logger } from "../logger.js";
import type { SiteState } from "../server/app.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { siteFileKey, siteManifestKey } from "./layout.js";
import { readLivePointer } from "./pointer.js";
import { forEachLimit } from "./pool.js";
import { parseSiteManifest, sha256Of, sha256OfFile, type SiteManifest } from "./site-manifest.js";

export interface LiveSiteOptions {
  /** How often the pointer is read. */
  pollMs: number;
  /** Called after the served folder changed (warm the new one, forget the old one). */
  onSwitch?: (dir: string, previous: string | undefined) => void;
}

export interface LiveSite {
  state(): SiteState;
  /** The snapshot id served, if any. */
  snapshotId(): string | undefined;
  /** Read the pointer now and sync when it moved; resolves when done. Never throws. */
  refresh(): Promise<void>;
  stop(): void;
}

interface Served {
  id: string;
  dir: string;
  manifest: SiteManifest;
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.part`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Check a synced folder against its manifest: every file present with its sha256. */
async function holds(dir: string, manifest: SiteManifest): Promise<boolean> {
  for (const file of manifest.files) {
    const path = join(dir, file.path);
    if (!existsSync(path) || (await sha256OfFile(path)) !== file.sha256) return false;
  }
  return true;
}

export async function followLiveSite(
  store: ObjectStore,
  env: Environment,
  cacheRoot: string,
  { pollMs, onSwitch }: LiveSiteOptions,
): Promise<LiveSite> {
  const root = join(cacheRoot, env);
  const currentFile = join(root, "current");
  const folder = (id: string) => join(root, id);
  const marker = (id: string) => join(root, `${id}.site-manifest.json`);
  await mkdir(root, { recursive: true });

  let served: Served | undefined;
  let reason = `the live snapshot of "${env}" is being fetched from S3`;
  let lastProblem: string | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function serve(next: Served): void {
    const previous = served?.dir;
    served = next;
    onSwitch?.(next.dir, previous);
  }

  /** The folders of snapshots neither served nor just replaced are deleted. */
  async function tidy(keep: string[]): Promise<void> {
    for (const entry of await readdir(root)) {
      const id = entry.replace(/\.site-manifest\.json$/, "");
      if (entry === "current" || keep.includes(id) || entry.endsWith(".part")) continue;
      await rm(join(root, entry), { recursive: true, force: true });
    }
  }

  async function sync(id: string, manifestSha256: string): Promise<Served> {
    const where = `s3://${store.bucket}/${siteManifestKey(env, id)}`;
    const bytes = await store.getBytes(siteManifestKey(env, id));
    if (sha256Of(bytes) !== manifestSha256) {
      throw new StorageError(
        `The site manifest ${where} does not have the sha256 its live pointer recorded.`,
        {
          hint: `It was changed after the deploy: deploy again, or roll back (\`npm run rollback -- --env ${env}\`).`,
        },
      );
    }
    const manifest = parseSiteManifest(bytes.toString("utf8"), where);
    const dir = folder(id);
    const reusable = new Map((served?.manifest.files ?? []).map((f) => [f.path, f.sha256]));
    let fetched = 0;
    await forEachLimit(manifest.files, 8, async (file) => {
      const path = join(dir, file.path);
      if (existsSync(path) && (await sha256OfFile(path)) === file.sha256) return;
      await mkdir(dirname(path), { recursive: true });
      if (served && reusable.get(file.path) === file.sha256)
        await copyFile(join(served.dir, file.path), path);
      else {
        await store.download(siteFileKey(env, id, file.path), path);
        fetched++;
      }
      const actual = await sha256OfFile(path);
      if (actual !== file.sha256) {
        await rm(path, { force: true });
        throw new StorageError(
          `s3://${store.bucket}/${siteFileKey(env, id, file.path)} does not match its sha256 in the site manifest.`,
          {
            hint: "The snapshot was damaged after the deploy: deploy again or roll back.",
          },
        );
      }
    });
    await writeAtomic(marker(id), bytes);
    logger.info(
      `Synced site snapshot ${id} of "${env}" (${fetched} file(s) fetched, ${manifest.files.length - fetched} reused)`,
    );
    return { id, dir, manifest };
  }

  /** The snapshot served last time, if its folder is still whole. */
  async function restore(): Promise<Served | undefined> {
    const id = existsSync(currentFile) ? (await readFile(currentFile, "utf8")).trim() : "";
    if (!id || !existsSync(marker(id))) return undefined;
    try {
      const manifest = parseSiteManifest(await readFile(marker(id), "utf8"), marker(id));
      if (await holds(folder(id), manifest)) return { id, dir: folder(id), manifest };
    } catch {
      // A damaged copy is fetched again.
    }
    return undefined;
  }

  async function poll(): Promise<void> {
    try {
      const pointer = await readLivePointer(store, env);
      if (!pointer) {
        if (!served)
          reason = `no snapshot is live for "${env}" yet (deploy one with \`npm run deploy -- --env ${env}\`)`;
        throw new StorageError(`No site is live for "${env}" in s3://${store.bucket}/.`);
      }
      if (pointer.snapshotId !== served?.id) {
        const next = await sync(pointer.snapshotId, pointer.manifestSha256);
        const before = served?.id;
        serve(next);
        await writeAtomic(currentFile, next.id);
        logger.info(`Serving site snapshot ${next.id} of "${env}"${before ? ` (was ${before})` : ""}`);
        await tidy([next.id, ...(before ? [before] : [])]);
      }
      lastProblem = undefined;
    } catch (error) {
      const problem = errorMessage(error).split("\n")[0];
      if (!served && !reason.startsWith("no snapshot"))
        reason = `the live snapshot could not be fetched: ${problem}`;
      // Said once, not at every poll while it lasts.
      if (problem !== lastProblem) {
        logger.warn(`${problem}${served ? ` Still serving ${served.id}.` : ""}`);
        lastProblem = problem;
      }
    }
  }

  const live: LiveSite = {
    state: () => (served ? { dir: served.dir } : { reason }),
    snapshotId: () => served?.id,
    refresh() {
      running ??= poll().finally(() => (running = undefined));
      return running;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };

  const restored = await restore();
  if (restored) {
    serve(restored);
    logger.info(
      `Serving site snapshot ${restored.id} of "${env}" from the local copy while the pointer is read`,
    );
  }
  const loop = async () => {
    await live.refresh();
    if (!stopped) timer = setTimeout(loop, pollMs);
  };
  void loop();
  return live;
}
