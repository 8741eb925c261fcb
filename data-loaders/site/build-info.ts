// The facts a build records about itself (BuildInfo): environment, dataset and where its data came
// from (the manifest's provenance: the site shows a notice for generated data), code version, time.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildInfo } from "../../src/lib/contracts/build.js";
import type { Environment } from "../config/environment.js";
import type { Snapshot } from "../snapshot/cache.js";

export function gitCommit(root: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git("rev-parse", "--short=12", "HEAD");
    return git("status", "--porcelain", "--untracked-files=no") ? `${commit}-dirty` : commit;
  } catch {
    return "unversioned";
  }
}

export function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
}

export function makeBuildInfo(
  root: string,
  env: Environment,
  snapshot: Snapshot,
  now = new Date(),
): BuildInfo {
  const rows = (name: string) => snapshot.manifest.files.find((f) => f.name === name)?.rows ?? 0;
  return {
    env,
    datasetId: snapshot.datasetId,
    manifestSha256: snapshot.manifestSha256,
    gitCommit: gitCommit(root),
    builtAt: now.toISOString(),
    version: packageVersion(root),
    counts: { recipes: rows("recipes"), interactions: rows("interactions") },
    provenance: snapshot.manifest.provenance,
  };
}
