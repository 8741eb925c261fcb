// What a build knows about itself: written to dist/<env>/snapshot.json and shown in the site's
// badge, footer and data notice. The build command writes it before Framework runs; the config
// reads it. One zod schema, the type derived from it.
import { z } from "zod";
import { ENVIRONMENTS } from "../environments.js";
import { datasetIdSchema, provenanceSchema } from "./manifest.js";

export const buildInfoSchema = z.object({
  env: z.enum(ENVIRONMENTS),
  datasetId: datasetIdSchema,
  /** sha256 of the dataset's manifest.json: identifies the exact data the site was built from. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Short git commit of the code, or "unversioned" outside a git checkout. */
  gitCommit: z.string(),
  builtAt: z.iso.datetime(),
  version: z.string(),
  counts: z.object({ recipes: z.number().int().nonnegative(), interactions: z.number().int().nonnegative() }),
  /** Where the data came from: the site shows a "generated data" notice when it was generated. */
  provenance: provenanceSchema,
});

export type BuildInfo = z.infer<typeof buildInfoSchema>;

/** The environment variable through which the build hands the BuildInfo file path to Framework. */
export const BUILD_INFO_VARIABLE = "BTTK_BUILD_INFO";
