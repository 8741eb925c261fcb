// Check a CSV header before DuckDB reads the file, so a wrong file gets a message naming the
// missing and unexpected columns instead of thousands of rejected rows.
import { open } from "node:fs/promises";
import { DataLoadError, ValidationError } from "../errors.js";
import type { CsvSchema } from "./schema.js";

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

export async function readHeader(path: string): Promise<string[]> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    throw new DataLoadError(`Cannot open ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}.`, {
      hint: "Check the path given to --recipes / --interactions.",
      cause,
    });
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (bytesRead === 0)
      throw new ValidationError(`${path} is empty.`, { hint: "Give the Kaggle CSV file." });
    const line = text.split(/\r?\n/, 1)[0];
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
  if (missing.length || unexpected.length) {
    const parts = [
      missing.length ? `missing column(s) ${missing.join(", ")}` : "",
      unexpected.length ? `unexpected column(s) ${unexpected.join(", ")}` : "",
    ].filter(Boolean);
    throw new ValidationError(`Header of ${path} (line 1): ${parts.join("; ")}.`, { hint });
  }
  if (actual.join(",") !== expected.join(",")) {
    throw new ValidationError(`Header of ${path} (line 1): columns are in the order ${actual.join(",")}.`, {
      hint,
    });
  }
}
