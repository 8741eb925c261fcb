// Map a request path to a file of the site, the way Framework's clean URLs expect: `/en/trends` →
// en/trends.html, `/en/` → en/index.html. A folder asked for without its slash (`/en`) is
// redirected to it (`/en/`): its page's relative links only work from there. Anything that could
// leave the site's folder — `..` in any encoding, a backslash, a NUL byte, a dot-file — is refused
// before any lookup, and folders are never listed.
//
// The server looks paths up in an index of the site's files, built by walking the folder once (as
// production static servers such as sirv do): no file-system call per request. A built site never
// changes in place — a build writes a new release and a deploy a new snapshot folder — so the index
// is rebuilt only when the folder's real path or its snapshot.json changes (checked once a second,
// and before any 404, so a request right after a build switched the folder never misses a file).
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type Resolved =
  | { kind: "file"; file: string; sitePath: string }
  | { kind: "redirect"; location: string }
  | { kind: "missing" };

/** The decoded path segments, or undefined when the path is malformed or tries to escape. */
export function safeSegments(rawPath: string): string[] | undefined {
  let path = rawPath;
  if (path.includes("%")) {
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return undefined;
    }
  }
  // What a second decoding would turn into a dot, slash, backslash or NUL (%252e…) is refused too.
  if (/%(2e|2f|5c|00)/i.test(path)) return undefined;
  if (!path.startsWith("/") || path.includes("\\") || path.includes("\0")) return undefined;
  // "." and ".." and dot-files (.env, .git) are never part of a built site.
  if (path.includes("/.")) return undefined;
  return path.split("/").slice(1);
}

/** Resolve with `has(sitePath)` telling whether the site has that file. */
function resolveWith(root: string, rawPath: string, has: (sitePath: string) => boolean): Resolved {
  const segments = safeSegments(rawPath);
  if (!segments) return { kind: "missing" };
  const sitePath = "/" + segments.join("/");
  const file = (p: string): Resolved => ({ kind: "file", file: join(root, p), sitePath: p });
  if (sitePath.endsWith("/")) {
    if (has(`${sitePath}index.html`)) return file(`${sitePath}index.html`);
    // `/en/trends/` → `/en/trends`: from under a slash its relative links would point elsewhere.
    if (sitePath !== "/" && has(`${sitePath.slice(0, -1)}.html`))
      return { kind: "redirect", location: sitePath.slice(0, -1) };
    return { kind: "missing" };
  }
  if (has(sitePath)) return file(sitePath);
  if (has(`${sitePath}.html`)) return file(`${sitePath}.html`);
  if (has(`${sitePath}/index.html`)) return { kind: "redirect", location: `${sitePath}/` };
  return { kind: "missing" };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Resolve against the file system directly (no index): for one-off lookups and tests. */
export function resolveRequest(root: string, rawPath: string): Resolved {
  return resolveWith(root, rawPath, (p) => isFile(join(root, p)));
}

/** The file that serves a URL path, or undefined (redirects and refusals included). */
export function resolveFile(root: string, rawPath: string): string | undefined {
  const resolved = resolveRequest(root, rawPath);
  return resolved.kind === "file" ? resolved.file : undefined;
}

function walk(root: string, dir: string, into: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    // Symbolic links are not followed: nothing outside the folder can be reached through one.
    if (entry.isDirectory()) walk(root, path, into);
    else if (entry.isFile()) into.add("/" + relative(root, path).split(sep).join("/"));
  }
}

interface Indexed {
  files: Set<string>;
  real: string;
  snapshotMtime: number;
  checkedAt: number;
}

export interface SiteIndex {
  resolve(root: string, rawPath: string): Resolved;
}

export function createSiteIndex({ recheckMs = 1_000 }: { recheckMs?: number } = {}): SiteIndex {
  const indexes = new Map<string, Indexed>();
  const identity = (root: string) => {
    try {
      return {
        real: realpathSync(root),
        snapshotMtime: statSync(join(root, "snapshot.json"), { throwIfNoEntry: false })?.mtimeMs ?? 0,
      };
    } catch {
      return { real: "", snapshotMtime: 0 };
    }
  };
  function index(root: string, force = false): Indexed {
    const now = performance.now();
    let known = indexes.get(root);
    if (known && !force && now - known.checkedAt < recheckMs) return known;
    const id = identity(root);
    if (known && known.real === id.real && known.snapshotMtime === id.snapshotMtime) {
      known.checkedAt = now;
      return known;
    }
    const files = new Set<string>();
    if (id.real) walk(id.real, id.real, files);
    known = { files, ...id, checkedAt: now };
    // Served folders come and go (a snapshot per deploy): keep the few most recent.
    indexes.delete(root);
    indexes.set(root, known);
    if (indexes.size > 4) indexes.delete(indexes.keys().next().value!);
    return known;
  }
  return {
    resolve(root, rawPath) {
      const known = index(root);
      const resolved = resolveWith(root, rawPath, (p) => known.files.has(p));
      if (resolved.kind !== "missing") return resolved;
      // Not found: make sure the index is not from before a build switched the folder this instant.
      const fresh = index(root, true);
      return fresh === known ? resolved : resolveWith(root, rawPath, (p) => fresh.files.has(p));
    },
  };
}
