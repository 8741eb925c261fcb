// A throwaway copy of the project for tests that change its sources (the scaffold writes pages,
// catalogues and declarations): every file git would keep — tracked, and untracked but not
// ignored — with node_modules symlinked rather than copied, and Framework's bundles of node and
// npm modules (seedBundles).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";
import { BUNDLE_DIRS } from "../../data-loaders/site/framework-root.js";
import { tempDir } from "./s3.js";

/** Framework's bundles of node modules, shared by the builds of a checkout (data-loaders/site/framework-root.ts). */
const SHARED_BUNDLES = ".cache/framework/_shared";

/** The files git would keep, relative to the project root. */
export function projectFiles(root: string = PROJECT_ROOT): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // A tracked file deleted in the working tree is still listed: it is not part of the copy.
  return out.split("\0").filter((f) => f && existsSync(join(root, f)));
}

/** Copy the project into a new temporary folder (removed after the test file) and return its path. */
export function copyProject(prefix = "bttk-project-", root: string = PROJECT_ROOT): string {
  const copy = tempDir(prefix);
  for (const file of projectFiles(root)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  seedBundles(root, copy);
  return copy;
}

/**
 * Give the copy Framework's bundles: the shared ones of the project's builds, or else those of a
 * Framework cache in src/ (Framework run directly). Without any, the copy's first build would
 * fetch the packages Framework's client imports (react-dom) from a CDN, which is not reachable.
 */
function seedBundles(root: string, copy: string): void {
  const sources = [join(root, SHARED_BUNDLES), join(root, "src", ".observablehq", "cache")];
  const source = sources.find((dir) => BUNDLE_DIRS.some((name) => existsSync(join(dir, name))));
  if (!source) return;
  for (const name of BUNDLE_DIRS) {
    if (!existsSync(join(source, name))) continue;
    try {
      cpSync(join(source, name), join(copy, SHARED_BUNDLES, name), { recursive: true });
    } catch {
      // A build of the project may be replacing them at this moment: the copy bundles its own.
    }
  }
}
