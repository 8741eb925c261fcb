// A notebook in the page's URL and in localStorage. The URL hash holds the cells' names and SQL as
// JSON, deflated (CompressionStream "deflate-raw", built into browsers and Node) and written in
// base64url, after a version: `#nb=1.<data>`. A link therefore reproduces the notebook without any
// server. Reading never throws: a hash that is truncated, corrupt, hostile (a decompression bomb, a
// name that is not a SQL name) or of an unknown version gives an empty notebook and a problem code
// the page explains (explore.share.<code>). On load the hash wins; without one, the notebook the
// reader last had in this browser comes back from localStorage.
import { addCell, emptyNotebook, MAX_CELLS, nameProblem, type Notebook } from "./notebook.js";

export const HASH_KEY = "nb";
export const HASH_VERSION = 1;
export const STORAGE_KEY = "bttk.explore.notebook.v1";
/** Inflated JSON larger than this is refused (a link is never that long; a bomb is). */
export const MAX_JSON_BYTES = 512 * 1024;
/** Hash text longer than this is refused before anything is decoded. */
export const MAX_HASH_CHARS = 200_000;

export type ShareProblem = "version" | "corrupt" | "tooLarge" | "invalid";

export interface Restored {
  notebook: Notebook;
  /** Where it came from: the link, this browser's storage, or nowhere (a new notebook). */
  source: "hash" | "storage" | "none";
  /** Set when a hash was present but could not be read: the notebook is then empty. */
  problem?: ShareProblem;
}

interface Payload {
  v: number;
  /** [name, sql] per cell, in order: ids are the page's, not the link's. */
  cells: [string, string][];
}

function toPayload(notebook: Notebook): Payload {
  return { v: HASH_VERSION, cells: notebook.cells.map((c) => [c.name, c.sql]) };
}

/** A notebook from untrusted JSON: every field checked, names as strictly as when typed. */
function fromPayload(value: unknown): Notebook | undefined {
  if (!value || typeof value !== "object") return undefined;
  const cells = (value as { cells?: unknown }).cells;
  if (!Array.isArray(cells) || cells.length > MAX_CELLS) return undefined;
  let notebook = emptyNotebook();
  for (const cell of cells) {
    if (!Array.isArray(cell) || cell.length !== 2) return undefined;
    const [name, sql] = cell as unknown[];
    if (typeof name !== "string" || typeof sql !== "string") return undefined;
    if (nameProblem(name, notebook)) return undefined;
    notebook = addCell(notebook, { name, sql }).notebook;
  }
  return notebook;
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

class TooLarge extends Error {}

/** Inflate, stopping as soon as the output passes `limit` bytes (a small link may inflate to gigabytes). */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The hash of a link to this notebook: `#nb=1.<deflated JSON, base64url>`. */
export async function notebookHash(notebook: Notebook): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toPayload(notebook)));
  return `#${HASH_KEY}=${HASH_VERSION}.${base64url(await deflate(json))}`;
}

/** The notebook's value in a hash (`#nb=…`, possibly among other `&`-joined parts), or undefined. */
export function hashValue(hash: string): string | undefined {
  const text = hash.replace(/^#/, "");
  for (const part of text.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq) === HASH_KEY) return part.slice(eq + 1);
  }
  return undefined;
}

/**
 * The notebook of a hash. Undefined when the hash names none; otherwise the notebook or, when it
 * cannot be read, an empty notebook and the problem. Never throws.
 */
export async function notebookFromHash(
  hash: string,
): Promise<{ notebook: Notebook; problem?: ShareProblem } | undefined> {
  const value = hashValue(hash);
  if (value === undefined) return undefined;
  const fail = (problem: ShareProblem) => ({ notebook: emptyNotebook(), problem });
  if (value.length > MAX_HASH_CHARS) return fail("tooLarge");
  const dot = value.indexOf(".");
  if (dot < 0 || value.slice(0, dot) !== String(HASH_VERSION)) return fail(dot < 0 ? "corrupt" : "version");
  let json: unknown;
  try {
    const bytes = await inflate(fromBase64url(value.slice(dot + 1)), MAX_JSON_BYTES);
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return fail(error instanceof TooLarge ? "tooLarge" : "corrupt");
  }
  if ((json as { v?: unknown })?.v !== HASH_VERSION) return fail("version");
  const notebook = fromPayload(json);
  return notebook ? { notebook } : fail("invalid");
}

/** The parts of the Web Storage API used here (a test passes a Map-backed one). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Keep the notebook in this browser. False when storage is unavailable or full (the page still works). */
export function saveLocal(notebook: Notebook, storage: StorageLike | undefined): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(toPayload(notebook)));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The notebook last kept in this browser; undefined when there is none or it cannot be read. */
export function loadLocal(storage: StorageLike | undefined): Notebook | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const json = JSON.parse(text) as unknown;
    if ((json as { v?: unknown })?.v !== HASH_VERSION) return undefined;
    return fromPayload(json);
  } catch {
    return undefined;
  }
}

/** The notebook to open: the link's when the hash names one (even a broken one: its problem shows), else the stored one. */
export async function restoreNotebook(hash: string, storage: StorageLike | undefined): Promise<Restored> {
  const fromHash = await notebookFromHash(hash);
  if (fromHash) return { ...fromHash, source: "hash" };
  const stored = loadLocal(storage);
  return stored ? { notebook: stored, source: "storage" } : { notebook: emptyNotebook(), source: "none" };
}
