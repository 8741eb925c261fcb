// The digest that decides whether cached page data may be reused: it follows the code that
// computes page data (a query, a shared module, the lockfile) and nothing else.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeDigest } from "../data-loaders/site/fingerprint.js";

let root: string;

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "fingerprint-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("codeDigest", () => {
  const base = {
    "data-loaders/analyses/trends/volume.ts": "export const SQL = 'SELECT 1';",
    "src/lib/format.ts": "export const f = 1;",
    "src/lib/README.md": "notes",
    "package-lock.json": "{}",
  };

  it("is stable for the same files and changes when a query changes", () => {
    const dir = project(base);
    const first = codeDigest(dir);
    expect(codeDigest(dir)).toBe(first);
    writeFileSync(join(dir, "data-loaders/analyses/trends/volume.ts"), "export const SQL = 'SELECT 2';");
    expect(codeDigest(dir)).not.toBe(first);
  });

  it("changes when a code file is added or renamed, not when prose beside it changes", () => {
    const dir = project(base);
    const first = codeDigest(dir);
    writeFileSync(join(dir, "src/lib/README.md"), "other notes");
    expect(codeDigest(dir)).toBe(first);
    writeFileSync(join(dir, "src/lib/extra.sql"), "SELECT 3");
    const added = codeDigest(dir);
    expect(added).not.toBe(first);
    rmSync(join(dir, "src/lib/extra.sql"));
    writeFileSync(join(dir, "src/lib/other.sql"), "SELECT 3");
    expect(codeDigest(dir)).not.toBe(added);
  });
});
