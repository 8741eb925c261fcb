// Dataset ids: what a valid one looks like (it becomes an S3 folder name) and how a fresh one is
// made. A default id sorts by time, names its sources, and ends with random characters so that
// two ingests started in the same second never get the same id.
import { randomBytes } from "node:crypto";
import { DATASET_ID_PATTERN } from "../../src/lib/contracts/manifest.js";
import { ConfigurationError } from "../errors.js";

/** Throws a ConfigurationError naming `where` (e.g. "--dataset-id") when `id` is not a valid id. */
export function checkDatasetId(id: string, where = "dataset id"): string {
  if (!DATASET_ID_PATTERN.test(id)) {
    throw new ConfigurationError(`${where}="${printable(id)}" is not a valid dataset id.`, {
      hint: 'Use 1–128 letters, digits, dot, dash or underscore (not "." or ".."), e.g. 2026-11-kaggle.',
    });
  }
  return id;
}

/** 20261124-081500-3f2a9c1d-k7q2: time (UTC), 4 hex of each source digest, 4 random characters. */
export function makeDatasetId(now: Date, sourceDigests: string[], random = randomBytes(3)): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const suffix = random
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 4);
  return `${stamp}-${sourceDigests.map((d) => d.slice(0, 4)).join("")}-${suffix}`;
}

/** Control characters and odd bytes shown escaped, and long values cut: safe to print. */
export function printable(text: string, max = 80): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
