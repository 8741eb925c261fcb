// CSV output as pandas `to_csv` writes it (QUOTE_MINIMAL, "\n" line ends), streamed in ~1 MB
// chunks to a temporary file in the target folder that is renamed into place only when complete:
// a crash never leaves a half-written file under the final name. The bytes are hashed as they are
// written, so the generator can vouch for its files (generated.json) without reading them again.
import { createHash } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const MUST_QUOTE = /[",\r\n]/;

/** One CSV field: quoted only when it holds a comma, a double quote, CR or LF; inner quotes doubled. */
export function csvField(value: string): string {
  return MUST_QUOTE.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Characters buffered before a write (UTF-16 units: about 1 MB of mostly ASCII text). */
export const CHUNK_CHARS = 1 << 20;

/** What a committed file holds: its size and sha256. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

export interface CsvFile {
  /** Queue one line (without its newline). */
  add(line: string): void;
  /** Characters queued since the last flush: callers flush when it passes CHUNK_CHARS. */
  readonly pending: number;
  flush(): Promise<void>;
  /** Flush, close, and rename the temporary file to its final name. */
  commit(): Promise<WrittenFile>;
  /** Close and delete the temporary file. */
  abort(): Promise<void>;
}

export async function openCsv(path: string, header: string): Promise<CsvFile> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle: FileHandle = await open(temporary, "w");
  // A string built by concatenation (V8 keeps it as a rope until the write flattens it once).
  let buffer = header + "\n";
  let closed = false;
  const hash = createHash("sha256");
  let bytes = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = Buffer.from(buffer, "utf8");
    buffer = "";
    hash.update(chunk);
    bytes += chunk.length;
    await handle.write(chunk);
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    add(line) {
      buffer += line + "\n";
    },
    get pending() {
      return buffer.length;
    },
    flush,
    async commit() {
      await flush();
      await handle.sync();
      await close();
      await rename(temporary, path);
      return { bytes, sha256: hash.digest("hex") };
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(temporary, { force: true });
    },
  };
}
