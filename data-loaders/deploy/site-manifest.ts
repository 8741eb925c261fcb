// The site manifest: what a snapshot holds, file by file (path, size, sha256, content type, cache
// policy), with the build's snapshot.json facts. Written last on upload — a snapshot without it
// is incomplete — and checked by every reader: the deploy's verification, rollback, and the
// server that syncs the live snapshot. Paths are checked like request paths, so a tampered
// manifest cannot make a sync write outside its folder.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { z } from "zod";
import { buildInfoSchema, type BuildInfo } from "../../src/lib/contracts/build.js";
import { ValidationError } from "../errors.js";
import { cacheControl, contentType } from "../server/content.js";
import { safeSegments } from "../server/resolve.js";
import { SITE_MANIFEST } from "./layout.js";
import { SNAPSHOT_ID_PATTERN, siteSnapshotId } from "./snapshot-id.js";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const sitePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !p.endsWith("/") && safeSegments(`/${p}`) !== undefined, {
    message: "must be a relative path inside the site, without `..` or dot-files",
  });

export const siteFileSchema = z.object({
  path: sitePath,
  bytes: z.number().int().nonnegative(),
  sha256,
  contentType: z.string(),
  cacheControl: z.string(),
});

export const siteManifestSchema = z.object({
  schemaVersion: z.literal(1),
  snapshotId: z.string().regex(SNAPSHOT_ID_PATTERN),
  env: buildInfoSchema.shape.env,
  /** When the deploy wrote it. */
  createdAt: z.iso.datetime(),
  build: buildInfoSchema,
  files: z.array(siteFileSchema),
});

export type SiteFile = z.infer<typeof siteFileSchema>;
export type SiteManifest = z.infer<typeof siteManifestSchema>;

export function sha256Of(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

export function parseSiteManifest(text: string, where: string): SiteManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError(`The site manifest ${where} is not JSON.`, {
      hint: "The snapshot is damaged: deploy the build again.",
    });
  }
  const parsed = siteManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      `The site manifest ${where} is malformed at ${issue.path.join(".")}: ${issue.message}.`,
      {
        hint: "The snapshot is damaged or was written by another tool: deploy the build again.",
      },
    );
  }
  return parsed.data;
}

/** The build facts of a built site folder and its snapshot id; a clear error when it is not one. */
export async function readBuild(dir: string): Promise<{ build: BuildInfo; snapshotId: string }> {
  const path = join(dir, "snapshot.json");
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ValidationError(`${dir} has no snapshot.json: it is not a site built by \`npm run build\`.`, {
      hint: "Build it first: `npm run build -- --env <env>`.",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = buildInfoSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(`${path} is not a build's snapshot.json.`, {
      hint: "Build the site again: `npm run build -- --env <env>`.",
    });
  }
  return { build: parsed.data, snapshotId: siteSnapshotId(bytes, parsed.data.builtAt) };
}

/** Describe a built site folder: every file hashed, in path order. */
export async function buildSiteManifest(dir: string, now = new Date()): Promise<SiteManifest> {
  const { build, snapshotId } = await readBuild(dir);
  const paths = await listFiles(dir);
  if (paths.includes(SITE_MANIFEST)) {
    throw new ValidationError(
      `${dir} holds a file named ${SITE_MANIFEST}, the name the deploy reserves for its manifest.`,
      {
        hint: "Rename that file in src/.",
      },
    );
  }
  const files: SiteFile[] = [];
  for (const path of paths) {
    if (!sitePath.safeParse(path).success) {
      throw new ValidationError(
        `${join(dir, path)} cannot be deployed: site paths may not start with a dot.`,
        {
          hint: "Rename or remove the file; Framework never writes such files.",
        },
      );
    }
    const full = join(dir, path);
    const { size: bytes } = await stat(full);
    files.push({
      path,
      bytes,
      sha256: await sha256OfFile(full),
      contentType: contentType(path),
      cacheControl: cacheControl(`/${path}`),
    });
  }
  return { schemaVersion: 1, snapshotId, env: build.env, createdAt: now.toISOString(), build, files };
}
