// A tiny, valid dataset for storage tests that do not need a real ingest: a few files with known
// bytes and a schema-valid manifest listing their sha256, written to a folder and/or to S3.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { manifestSchema, SCHEMA_VERSION, type Manifest } from "../../src/lib/contracts/manifest.js";
import { sha256Hex } from "../../data-loaders/snapshot/manifest.js";
import { datasetKey, manifestKey } from "../../data-loaders/storage/layout.js";
import type { ObjectStore } from "../../data-loaders/storage/s3-store.js";

export const DEFAULT_FILES = {
  "recipes.parquet": "recipes bytes",
  "interactions.parquet": "interactions bytes",
};

export function fakeManifest(id: string, files: Record<string, string> = DEFAULT_FILES): Manifest {
  return manifestSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    datasetId: id,
    createdAt: "2026-01-01T00:00:00.000Z",
    provenance: { kind: "files", label: "storage test" },
    sources: [],
    files: Object.entries(files).map(([file, text]) => ({
      name: file.replace(/\..*/, ""),
      file,
      rows: 1,
      bytes: Buffer.byteLength(text),
      sha256: sha256Hex(text),
    })),
    report: {
      recipes: {
        rowsIn: 1,
        rules: [],
        rowsOut: 1,
        negativeCaloriesNulled: 0,
        bounds: { minutes: [1, 180], nSteps: [1, 1], nIngredients: [1, 1] },
        originalRulesKept: 1,
      },
      interactions: {
        rowsIn: 1,
        rules: [],
        rowsOut: 1,
        unrated: 0,
        integrity: { recipeKept: 1, recipeSetAside: 0, beforeRecipe: 0 },
      },
      dateWindow: { from: "1999-01-01", to: "2026-12-31" },
    },
  });
}

/** Files and manifest.json in `dir`, as an ingest leaves them before publishing. */
export function writeFakeDataset(
  dir: string,
  id: string,
  files: Record<string, string> = DEFAULT_FILES,
): Manifest {
  mkdirSync(dir, { recursive: true });
  const manifest = fakeManifest(id, files);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Files then manifest straight into S3 (no pointer, no lock): a dataset as some ingest left it. */
export async function putFakeDataset(
  store: ObjectStore,
  id: string,
  files: Record<string, string> = DEFAULT_FILES,
): Promise<{ manifest: Manifest; manifestText: string }> {
  const manifest = fakeManifest(id, files);
  for (const [file, text] of Object.entries(files)) await store.put(datasetKey(id, file), text);
  const manifestText = JSON.stringify(manifest, null, 2);
  await store.put(manifestKey(id), manifestText);
  return { manifest, manifestText };
}
