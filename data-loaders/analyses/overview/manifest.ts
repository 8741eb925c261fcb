// overview/manifest: the snapshot's manifest as the build read and checked it — provenance,
// sources, files with sha256, and the ingest report (rules, integrity, date window).
import { manifestSchema } from "../../../src/lib/contracts/manifest.js";
import { defineAnalysis } from "../types.js";

export const manifest = defineAnalysis({
  description: "The snapshot's manifest: provenance, sources, files with sha256, and the ingest report",
  schema: manifestSchema,
  run: async ({ snapshot }) => snapshot.manifest,
});

export default manifest;
