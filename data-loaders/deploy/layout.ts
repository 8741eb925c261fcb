// Where site snapshots live in the sites bucket (a bucket of their own, apart from the data):
//   <env>/snapshots/<id>/<file of dist/<env>>     the site, as built
//   <env>/snapshots/<id>/site-manifest.json      every file's size and sha256, written last
//   <env>/live.json                              the pointer: which snapshot is live, and before
//   locks/site-pointer-<env>/                    claims of the pointer's lock (storage/lock.ts)
// Every key of an environment starts with its name, so a bucket per environment (Garage grants
// keys per bucket) and a shared bucket use the same layout.
import type { Environment } from "../config/environment.js";
import { checkSnapshotId } from "./snapshot-id.js";

export const SITE_MANIFEST = "site-manifest.json";

export const snapshotsPrefix = (env: Environment) => `${env}/snapshots/`;
export const snapshotPrefix = (env: Environment, id: string) =>
  `${snapshotsPrefix(env)}${checkSnapshotId(id, "snapshot id")}/`;
export const siteFileKey = (env: Environment, id: string, path: string) =>
  `${snapshotPrefix(env, id)}${path}`;
export const siteManifestKey = (env: Environment, id: string) => `${snapshotPrefix(env, id)}${SITE_MANIFEST}`;
export const livePointerKey = (env: Environment) => `${env}/live.json`;
export const sitePointerLock = (env: Environment) => `site-pointer-${env}`;

/** The snapshot id of a key under <env>/snapshots/, or undefined. */
export function snapshotOfKey(env: Environment, key: string): string | undefined {
  const prefix = snapshotsPrefix(env);
  return key.startsWith(prefix) ? key.slice(prefix.length).split("/")[0] || undefined : undefined;
}
