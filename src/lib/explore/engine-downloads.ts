// Extract downloads shared between a prefetch and the load that attaches the table. Explore starts
// DuckDB-Wasm as it opens (seconds of compiling); the tables the notebook names are downloaded at
// the same time instead of after it, so the first run finds its bytes ready. Each table is
// downloaded once: a load that finds a download under way waits for it (with its own progress
// listener and its own cancel); a failed download is reported to the load that takes it, and the
// next use downloads again.
import type { FetchProgress } from "./engine-tables.js";

type Listener = (p: FetchProgress) => void;

interface Download {
  bytes: Promise<Uint8Array>;
  last: FetchProgress;
  listeners: Set<Listener>;
}

const downloads = new Map<string, Download>();

/** Start downloading `table` with `fetchFile` unless a download of it is already under way. */
export function startDownload(table: string, fetchFile: (onProgress: Listener) => Promise<Uint8Array>): void {
  if (downloads.has(table)) return;
  const download: Download = {
    bytes: Promise.resolve(new Uint8Array()),
    last: { loadedBytes: 0, totalBytes: 0 },
    listeners: new Set(),
  };
  download.bytes = fetchFile((p) => {
    download.last = p;
    for (const listener of download.listeners) listener(p);
  });
  download.bytes.catch(() => undefined); // reported when taken
  downloads.set(table, download);
}

/**
 * The bytes of a started download, reporting its progress (what has arrived so far first). Once it
 * ends the download is handed over and forgotten here (its memory goes to the engine; after a
 * failure the next use starts again). `signal` stops the wait, not the download: a later run finds
 * it still under way.
 */
export async function takeDownload(
  table: string,
  onProgress: Listener,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const download = downloads.get(table);
  if (!download) throw new Error(`No download of ${table} was started.`);
  if (download.last.totalBytes > 0) onProgress(download.last);
  download.listeners.add(onProgress);
  let onAbort: (() => void) | undefined;
  try {
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal!.reason ?? new DOMException("Aborted", "AbortError"));
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort);
    });
    const settled = download.bytes.then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    );
    const outcome = await Promise.race([settled, aborted]);
    // Ended (either way): handed over, so the next use starts afresh after a failure.
    if (downloads.get(table) === download) downloads.delete(table);
    if ("error" in outcome) throw outcome.error;
    return outcome.bytes;
  } finally {
    download.listeners.delete(onProgress);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

/** Forget every download (the engine closed): their bytes are no longer wanted. */
export function forgetDownloads(): void {
  downloads.clear();
}
