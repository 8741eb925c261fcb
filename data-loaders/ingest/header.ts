// Check a CSV header before DuckDB reads the file, so a wrong file gets a message naming the
// missing and unexpected columns instead of thousands of rejected rows. A UTF-8 byte-order mark
// and CRLF line ends are accepted (DuckDB reads both). A header that is not UTF-8 (Latin-1 bytes,
// a binary file) is refused with the file, line 1 and the bytes shown escaped (\xe9): never
// echoed raw to the terminal. Bytes that are not UTF-8 further down make their record
// unparsable (a counted reject with its line), not the ingest.
import { open } from "node:fs/promises";
import { DataLoadError, ValidationError } from "../errors.js";
import { printable } from "../storage/dataset-id.js";
import type { CsvSchema } from "./schema.js";

const BOM = [0xef, 0xbb, 0xbf];
/** Header bytes shown in a message, at most. */
const SHOWN_BYTES = 60;

/** Split one CSV line (the header) on commas outside double quotes. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Bytes as text safe for a terminal: printable ASCII as is, everything else as \xHH; cut long. */
export function escapeBytes(bytes: Uint8Array, max = SHOWN_BYTES): string {
  let out = "";
  for (const b of bytes.subarray(0, max)) {
    out +=
      b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return bytes.length > max ? `${out}…` : out;
}

/** The header line's bytes: up to the first LF, without a trailing CR or a leading BOM. */
function headerBytes(buffer: Uint8Array): Uint8Array {
  const start = BOM.every((b, i) => buffer[i] === b) ? BOM.length : 0;
  let end = buffer.indexOf(0x0a, start);
  if (end < 0) end = buffer.length;
  if (end > start && buffer[end - 1] === 0x0d) end--;
  return buffer.subarray(start, end);
}

export async function readHeader(path: string): Promise<string[]> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    throw new DataLoadError(
      `Cannot open ${printable(path, 200)}: ${(cause as NodeJS.ErrnoException).code ?? cause}.`,
      {
        hint: "Check the path given to --recipes / --interactions.",
        cause,
      },
    );
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0)
      throw new ValidationError(`${printable(path, 200)} is empty.`, { hint: "Give the Kaggle CSV file." });
    const bytes = headerBytes(buffer.subarray(0, bytesRead));
    let line: string;
    try {
      line = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ValidationError(
        `Header of ${printable(path, 200)} (line 1) is not UTF-8 text: "${escapeBytes(bytes)}".`,
        {
          hint: "Give the Kaggle CSV file; a file in another encoding (e.g. Latin-1) must be converted to UTF-8 first (`iconv -f latin1 -t utf-8`).",
        },
      );
    }
    return splitCsvLine(line);
  } finally {
    await handle.close();
  }
}

export async function checkHeader(path: string, schema: CsvSchema): Promise<void> {
  const actual = await readHeader(path);
  const expected = schema.columns.map((c) => c.name);
  const missing = expected.filter((c) => !actual.includes(c));
  const unexpected = actual.filter((c) => !expected.includes(c));
  const hint = `${schema.file} has the columns ${expected.join(",")} in this order.`;
  const where = `Header of ${printable(path, 200)} (line 1)`;
  const names = (list: string[]) => printable(list.slice(0, 20).join(", "), 200);
  if (missing.length || unexpected.length) {
    const parts = [
      missing.length ? `missing column(s) ${names(missing)}` : "",
      unexpected.length ? `unexpected column(s) ${names(unexpected)}` : "",
    ].filter(Boolean);
    throw new ValidationError(`${where}: ${parts.join("; ")}.`, { hint });
  }
  if (actual.join(",") !== expected.join(",")) {
    throw new ValidationError(`${where}: columns are in the order ${printable(actual.join(","), 200)}.`, {
      hint,
    });
  }
}
