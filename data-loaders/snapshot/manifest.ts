// Parse and check a manifest.json against the Manifest contract (src/lib/contracts/manifest.ts).
import { createHash } from "node:crypto";
import { manifestSchema, SCHEMA_VERSION, type Manifest } from "../../src/lib/contracts/manifest.js";
import { DataLoadError } from "../errors.js";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Parse manifest bytes; `where` names the object or file in the error. */
export function parseManifest(text: string, where: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DataLoadError(`Manifest ${where} is not valid JSON.`, {
      hint: "The snapshot is damaged: ingest the dataset again.",
      cause,
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataLoadError(
      `Manifest ${where} does not match schema version ${SCHEMA_VERSION}: ${issue.path.join(".")} ${issue.message}.`,
      { hint: "Ingest the dataset again with this version of the code." },
    );
  }
  return parsed.data;
}
