// generated.json, written next to the CSV files the generator made: which generator (version),
// which scale and seed, and the size and sha256 of each file. The ingest marks a dataset
// "generated" only when this sidecar sits next to the files it is given and vouches for their
// exact bytes; an edited file, or a sidecar copied next to other files, does not pass.
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export const SIDECAR_FILE = "generated.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const sidecarSchema = z.object({
  generator: z.object({
    version: z.string().min(1),
    scale: z.number().positive(),
    seed: z.number().int().nonnegative(),
  }),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256 })).min(1),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/** Written to a temporary name, then renamed: never a half-written sidecar. */
export async function writeSidecar(dir: string, sidecar: Sidecar): Promise<string> {
  const path = join(dir, SIDECAR_FILE);
  const temporary = join(dir, `.${SIDECAR_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(sidecar, null, 2) + "\n");
  await rename(temporary, path);
  return path;
}

/** The sidecar in `dir`, or undefined when there is none or it does not parse. */
export async function readSidecar(dir: string): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, SIDECAR_FILE), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
