// The engine's Web Worker, started as early as the page can: before the engine's own module
// (DuckDB-Wasm's API and Arrow) is downloaded, since the worker's first act is to start compiling
// the wasm (src/explore/engine/engine-worker.js). Light on purpose — it imports nothing but the
// files' URLs — so the Explore page calls it first thing and the engine takes the worker when its
// module has arrived.
import { engineFiles } from "./engine-files.js";

/** Our worker, with DuckDB-Wasm's worker script and wasm (as the site serves them) in its query. */
export async function engineWorkerUrl(): Promise<string> {
  const [boot, duckdb, wasm] = await Promise.all([
    engineFiles.boot(),
    engineFiles.worker(),
    engineFiles.wasm(),
  ]);
  const url = new URL(boot, location.href);
  url.searchParams.set("duckdb", new URL(duckdb, location.href).href);
  url.searchParams.set("wasm", new URL(wasm, location.href).href);
  return url.href;
}

const newWorker = async () => new Worker(await engineWorkerUrl());

let early: Promise<Worker> | undefined;

/** Start the engine's worker now; the engine's first start takes it. */
export function startEngineWorker(): void {
  early ??= newWorker();
  early.catch(() => undefined); // the engine's start tries again and reports
}

/** The worker started early (once), else a new one — after a restart, or without an early start. */
export function takeEngineWorker(): Promise<Worker> {
  const started = early;
  early = undefined;
  return started ? started.catch(newWorker) : newWorker();
}
