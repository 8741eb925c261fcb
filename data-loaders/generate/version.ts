// The generator's version, as recorded in generated.json and in a dataset's provenance: the
// package version and a digest of this folder's code. Any change to the generator changes it, so
// two datasets with the same version, scale and seed hold the same rows.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

let cached: string | undefined;

/** `<package version>+<first 12 hex of the sha256 of data-loaders/generate/*>`, e.g. 0.1.0+3f2a9c1d0b7e. */
export function generatorVersion(): string {
  if (cached) return cached;
  const hash = createHash("sha256");
  for (const file of readdirSync(HERE).sort()) hash.update(file).update(readFileSync(join(HERE, file)));
  const pkg = JSON.parse(readFileSync(join(HERE, "..", "..", "package.json"), "utf8")) as { version: string };
  cached = `${pkg.version}+${hash.digest("hex").slice(0, 12)}`;
  return cached;
}
