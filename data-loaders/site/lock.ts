// A cross-process lock on a file (O_EXCL create), for the few things builds and previews still
// share (each has its own Framework root): the page data stashes (withStashLock in
// framework-cache.ts), the shared node bundles (framework-root.ts) and the switch of dist/<env>
// (build.ts). The file names its owner (pid and host): a lock whose owner died on this host (a killed build) is taken
// over at once, any other only once older than `staleMs`.
import { hostname } from "node:os";
import { open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { StorageError } from "../errors.js";

const owner = () => `${process.pid} ${hostname()}`;

/** True when the lock's text names a process of this host that no longer runs. */
export function ownerIsGone(text: string): boolean {
  const [pid, host] = text.trim().split(" ");
  if (host !== hostname() || !/^\d+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Remove a lock left by a dead owner or older than staleMs; true when it was removed. */
async function takeOver(path: string, staleMs: number): Promise<boolean> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return true; // released meanwhile
  const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
  if (!ownerIsGone(text) && age <= staleMs) return false;
  // Re-read just before removing, so a lock a live build took meanwhile is left alone.
  if ((await readFile(path, "utf8").catch(() => undefined)) !== text) return false;
  await rm(path, { force: true });
  return true;
}

export async function withLock<T>(
  path: string,
  f: () => Promise<T>,
  { timeoutMs = 15 * 60_000, staleMs = 30 * 60_000 } = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(owner());
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (await takeOver(path, staleMs)) continue;
      if (Date.now() - started > timeoutMs) {
        throw new StorageError(`Another build holds ${path}.`, {
          hint: "Wait for it, or delete the file if no build runs.",
        });
      }
      await sleep(250);
    }
  }
  try {
    return await f();
  } finally {
    await rm(path, { force: true });
  }
}
