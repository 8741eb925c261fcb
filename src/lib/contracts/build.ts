// What a build knows about itself: written to dist/<env>/snapshot.json and shown in the site's
// badge and footer. The build command writes it before Framework runs; the config reads it.
import type { Environment } from "../environments.js";

export interface BuildInfo {
  env: Environment;
  datasetId: string;
  /** sha256 of the dataset's manifest.json: identifies the exact data the site was built from. */
  manifestSha256: string;
  /** Short git commit of the code, or "unversioned" outside a git checkout. */
  gitCommit: string;
  builtAt: string;
  version: string;
  counts: { recipes: number; interactions: number };
}

/** The environment variable through which the build hands the BuildInfo file path to Framework. */
export const BUILD_INFO_VARIABLE = "BTTK_BUILD_INFO";
