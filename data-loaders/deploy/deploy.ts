// `npm run deploy`: make a built site (dist/<env>) the environment's live site. Upload it as an
// immutable snapshot, prove every object (size and sha256) against the manifest written last,
// switch the live pointer (recording what was live before), keep the newest snapshots, then
// health-check the served URL and roll back automatically when it fails. A deploy that dies
// before the switch leaves the live site untouched: the only write that changes it is the pointer.
import type { Environment } from "../config/environment.js";
import { MangetamainError, ValidationError } from "../errors.js";
import { logger } from "../logger.js";
import { notify } from "../notify/webhook.js";
import type { ObjectStore } from "../storage/s3-store.js";
import { waitHealthy, type HealthResult } from "./healthcheck.js";
import { siteManifestKey } from "./layout.js";
import { switchLive } from "./pointer.js";
import { buildSiteManifest } from "./site-manifest.js";
import { pruneSnapshots } from "./snapshots.js";
import { uploadSnapshot } from "./upload.js";
import { verifySnapshot } from "./verify.js";

/** The deploy went live but failed its health check (rolled back when there was something to roll back to). */
export class DeployError extends MangetamainError {}

export interface CheckSettings {
  retries: number;
  intervalMs: number;
  timeoutMs: number;
}

export interface DeployOptions {
  env: Environment;
  /** The built site, dist/<env>. */
  dir: string;
  /** Complete snapshots kept. */
  keep: number;
  /** The served site to health-check after the switch; without it there is no check. */
  url?: string;
  check: CheckSettings;
  webhookUrl?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DeployResult {
  snapshotId: string;
  /** What was live before (null for a first deploy). */
  previous: string | null;
  uploaded: number;
  reused: number;
  removed: string[];
  /** Undefined without a URL to check. */
  health?: HealthResult;
}

export async function deploySite(store: ObjectStore, options: DeployOptions): Promise<DeployResult> {
  const { env, dir } = options;
  const manifest = await buildSiteManifest(dir);
  const id = manifest.snapshotId;
  if (manifest.env !== env) {
    throw new ValidationError(`${dir} is a build of "${manifest.env}", not of "${env}".`, {
      hint: `Build it for ${env}: \`npm run build -- --env ${env}\`, or deploy with --env ${manifest.env}.`,
    });
  }
  logger.info(`Deploying ${dir} to "${env}" as snapshot ${id} (${manifest.files.length} files)`);
  let upload = await uploadSnapshot(store, env, dir, manifest, { onProgress: options.onProgress });
  let verified;
  try {
    verified = await verifySnapshot(store, env, id);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // A same-size object that was not ours (an interrupted earlier upload overwritten by hand…):
    // send everything again once, then the verification decides.
    logger.warn(`${error.message.split("\n")[0]} Uploading every file again.`);
    await store.remove([siteManifestKey(env, id)]);
    upload = await uploadSnapshot(store, env, dir, manifest, { onProgress: options.onProgress, force: true });
    verified = await verifySnapshot(store, env, id);
  }
  const mb = (upload.bytes / 2 ** 20).toFixed(1);
  logger.info(`Uploaded ${upload.uploaded} file(s) (${mb} MB), ${upload.reused} already in S3`);
  logger.info(`Verified ${manifest.files.length} objects of snapshot ${id} (size and sha256)`);

  let removed: string[] = [];
  const { before } = await switchLive(
    store,
    env,
    { snapshotId: id, manifestSha256: verified.manifestSha256 },
    "deploy",
    // Under the pointer's lock: no rollback can pick a snapshot while it is being removed.
    { after: async (pointer) => void (removed = await pruneSnapshots(store, env, pointer, options.keep)) },
  );
  const previous = before?.snapshotId ?? null;
  logger.success(`Snapshot ${id} is live for "${env}" (before: ${previous ?? "none"})`);
  const result: DeployResult = {
    snapshotId: id,
    previous,
    uploaded: upload.uploaded,
    reused: upload.reused,
    removed,
  };

  const facts = `dataset ${manifest.build.datasetId}, commit ${manifest.build.gitCommit}`;
  if (!options.url) {
    logger.warn(
      `No URL to health-check (--url or SITE_URL): the deploy is not checked and cannot roll back on its own.`,
    );
    await notify(
      options.webhookUrl,
      `✅ ${env}: snapshot ${id} is live (${facts}); before: ${previous ?? "none"}. Not health-checked.`,
    );
    return result;
  }
  const health = await waitHealthy(
    options.url,
    { env, snapshot: id, timeoutMs: options.check.timeoutMs },
    {
      retries: options.check.retries,
      intervalMs: options.check.intervalMs,
      onFailure: (n, problem) =>
        logger.warn(`Health check ${n}/${options.check.retries} of ${options.url}: ${problem}`),
    },
  );
  result.health = health;
  if (health.ok) {
    logger.success(`${options.url} is healthy and serves snapshot ${id}`);
    await notify(
      options.webhookUrl,
      `✅ ${env}: snapshot ${id} is live and healthy at ${options.url} (${facts}); before: ${previous ?? "none"}.`,
    );
    return result;
  }
  if (!before || before.snapshotId === id) {
    await notify(
      options.webhookUrl,
      `❌ ${env}: snapshot ${id} failed its health check (${health.problem}); there is no earlier snapshot to roll back to.`,
    );
    throw new DeployError(
      `Snapshot ${id} of "${env}" failed its health check: ${health.problem}. There is no earlier snapshot to roll back to.`,
      {
        hint: `Check the server at ${options.url} (\`npm run healthcheck -- --url ${options.url}\`) and its logs.`,
      },
    );
  }
  logger.error(
    `Snapshot ${id} failed its health check (${health.problem}): rolling back to ${before.snapshotId}`,
  );
  const back = await verifySnapshot(store, env, before.snapshotId);
  await switchLive(
    store,
    env,
    { snapshotId: before.snapshotId, manifestSha256: back.manifestSha256 },
    "auto-rollback",
  );
  const restored = await waitHealthy(
    options.url,
    { env, snapshot: before.snapshotId, timeoutMs: options.check.timeoutMs },
    { retries: options.check.retries, intervalMs: options.check.intervalMs },
  );
  const after = restored.ok
    ? "the site is healthy again"
    : `the site is STILL UNHEALTHY (${restored.problem})`;
  await notify(
    options.webhookUrl,
    `❌ ${env}: snapshot ${id} failed its health check (${health.problem}); rolled back to ${before.snapshotId} — ${after}.`,
  );
  throw new DeployError(
    `Snapshot ${id} of "${env}" failed its health check: ${health.problem}. Rolled back to ${before.snapshotId}: ${after}.`,
    {
      hint: `Look at the server's logs and \`npm run healthcheck -- --url ${options.url}\`; the failed snapshot stays in S3 for inspection.`,
    },
  );
}
