// Parse and check a manifest.json (runtime check of the Manifest contract in src/lib/contracts).
import { createHash } from "node:crypto";
import { z } from "zod";
import { SCHEMA_VERSION, type Manifest } from "../../src/lib/contracts/manifest.js";
import { DataLoadError } from "../errors.js";

const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const rules = z.array(z.object({ rule: z.string(), removed: count }));
const range = z.tuple([z.number(), z.number()]);

export const manifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  datasetId: z.string().min(1),
  createdAt: z.iso.datetime(),
  sources: z.array(z.object({ name: z.string(), bytes: count, sha256 })),
  files: z.array(
    z.object({ name: z.string(), file: z.string().regex(/^[\w.-]+$/), rows: count, bytes: count, sha256 }),
  ),
  report: z.object({
    recipes: z.object({
      rowsIn: count,
      rules,
      rowsOut: count,
      negativeCaloriesNulled: count,
      bounds: z.object({ minutes: range, nSteps: range, nIngredients: range }),
    }),
    interactions: z.object({ rowsIn: count, rules, rowsOut: count, unrated: count }),
  }),
});

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
  return parsed.data as Manifest;
}
