// Row counting shared by the two writers, and the flush that reports progress once per chunk.
import { CHUNK_CHARS, type CsvFile } from "./csv-writer.js";

export interface Progress {
  done: number;
  readonly total: number;
  report(): void;
}

export function createProgress(total: number, onProgress?: (done: number, total: number) => void): Progress {
  const progress: Progress = { done: 0, total, report: () => onProgress?.(progress.done, total) };
  return progress;
}

/** Write the buffered rows once they pass ~1 MB, then report progress. */
export async function flushIfFull(file: CsvFile, progress: Progress): Promise<void> {
  if (file.pending < CHUNK_CHARS) return;
  await file.flush();
  progress.report();
}
