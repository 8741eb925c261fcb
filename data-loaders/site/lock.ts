// A cross-process lock on a file (O_EXCL create): builds share src/.observablehq/cache, so two
// builds must not prepare it at the same time. A lock older than `staleMs` is taken over.
import { open, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { StorageError } from "../errors.js";

export async function withLock<T>(
  path: string,
  f: () => Promise<T>,
  { timeoutMs = 15 * 60_000, staleMs = 30 * 60_000 } = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > staleMs) await rm(path, { force: true });
      else if (Date.now() - started > timeoutMs) {
        throw new StorageError(`Another build holds ${path}.`, {
          hint: "Wait for it, or delete the file if no build runs.",
        });
      } else await sleep(250);
    }
  }
  try {
    return await f();
  } finally {
    await rm(path, { force: true });
  }
}
