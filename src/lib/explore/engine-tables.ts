// Which base tables a statement needs, and fetching an extract with progress. The engine loads a
// base table into DuckDB-Wasm the first time a statement names it, so opening Explore costs the
// engine alone and each table is paid for when a reader first asks for it.
import { EXPLORE_TABLE_NAMES } from "./tables.js";

/** The statement without its comments and string literals (a table named in them is not used). */
function codeOnly(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, " ");
}

/**
 * Base tables named in `sql`, as words or quoted identifiers, in the contract's order. Generous on
 * purpose: loading a table a statement does not really need costs time, missing one fails it.
 */
export function tablesNamed(sql: string, names: readonly string[] = EXPLORE_TABLE_NAMES): string[] {
  const words = new Set<string>();
  for (const [, quoted, word] of codeOnly(sql).matchAll(/"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)/g))
    words.add(quoted !== undefined ? quoted.replaceAll('""', '"') : word.toLowerCase());
  return names.filter((n) => words.has(n));
}

export interface FetchProgress {
  loadedBytes: number;
  totalBytes: number;
}

/**
 * The whole body of `url` as bytes, reporting progress as it arrives. `expectedBytes` (from
 * tables.json) is the total when the server sends the file compressed: Content-Length is then the
 * compressed size, while the body read here is the decompressed one.
 */
export async function fetchBytes(
  url: string,
  expectedBytes: number,
  onProgress: (p: FetchProgress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  const encoded = response.headers.get("content-encoding");
  const length = Number(response.headers.get("content-length"));
  const total = !encoded && length > 0 ? length : expectedBytes;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ loadedBytes: bytes.length, totalBytes: bytes.length });
    return bytes;
  }
  let buffer = new Uint8Array(Math.max(total, 1));
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, loaded + value.length));
      grown.set(buffer.subarray(0, loaded));
      buffer = grown;
    }
    buffer.set(value, loaded);
    loaded += value.length;
    onProgress({ loadedBytes: loaded, totalBytes: Math.max(total, loaded) });
  }
  return loaded === buffer.length ? buffer : buffer.slice(0, loaded);
}
