// Mutual exclusion between processes that share only a bucket: publishing a dataset id, switching
// an environment's pointer, collecting garbage. Conditional writes (If-None-Match / If-Match)
// would do, but s3rver ignores them on PUT and older Garage versions lack them, so the lock needs
// only what both do consistently: PUT, LIST and DELETE.
//
// A contender PUTs a claim under a key nobody else can pick (locks/<name>/<time>-<uuid>.json),
// then LISTs the claims. It holds the lock only when its claim is the only live one. Otherwise the
// contender with the oldest claim keeps it and lists again; the others delete theirs. All wait a
// random, growing time and try again, a bounded number of times.
// Why two can never both hold it: a claim exists from its PUT until its holder releases it, and
// each holder's LIST saw only its own claim, so each LIST ran before the other's PUT — but each
// PUT ran before its own LIST, so A's LIST < B's PUT < B's LIST < A's PUT < A's LIST.
// Keeping the oldest claim in line only decides who goes first, so that two contenders do not
// both step back every time and both give up.
//
// A holder renews its claim (PUT again, which moves LastModified) every quarter lease. Claims not
// renewed for a lease are stale: their holder was killed. Staleness is judged on the server's
// clock only (LastModified of the stale claim against that of the observer's fresh claim), so
// clock skew between machines does not matter.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { StorageError } from "../errors.js";
import { logger } from "../logger.js";
import { lockPrefix } from "./layout.js";
import type { ObjectInfo, ObjectStore } from "./s3-store.js";

/** The lock stayed taken by another live holder for every attempt. */
export class LockHeldError extends StorageError {}

export interface LockOptions {
  /** What the lock protects, for messages: "dataset 2026-11-kaggle", "the pointer of prod". */
  what: string;
  /** Claims tried before giving up (each costs a PUT, a LIST and a DELETE). */
  attempts: number;
  /** Ceiling of the first random wait between attempts; it doubles each time, up to 2 s. */
  backoffMs?: number;
  /** What to tell the user when the lock stays taken. */
  hint?: string;
}

export interface Lock {
  readonly name: string;
  readonly key: string;
  /** When the claim was confirmed, on the server's clock (its LastModified). */
  readonly since: Date;
  /**
   * Throws a StorageError when the lock may be lost: renewals failed for half a lease, or the
   * claim is gone (someone judged it stale). Call it right before each write the lock guards.
   */
  check(): Promise<void>;
  /** Stop renewing and delete the claim. Never throws: a claim left behind only goes stale. */
  release(): Promise<void>;
}

interface ClaimBody {
  holder: string;
  pid: number;
  host: string;
  claimedAt: string;
}

const claimKey = (name: string) => `${lockPrefix(name)}${Date.now().toString(36)}-${randomUUID()}.json`;

/** Claims older than a lease before `now` (server time): their holders stopped renewing. */
export function staleClaims(claims: ObjectInfo[], now: Date, leaseMs: number): ObjectInfo[] {
  return claims.filter((c) => c.lastModified.getTime() < now.getTime() - leaseMs);
}

async function describeClaim(store: ObjectStore, claim: ObjectInfo): Promise<string> {
  try {
    const body = JSON.parse(await store.getText(claim.key)) as ClaimBody;
    return `${body.holder} (pid ${body.pid} on ${body.host}, claimed ${body.claimedAt})`;
  } catch {
    return `s3://${store.bucket}/${claim.key}`;
  }
}

function body(): string {
  const holder = basename(process.argv[1] ?? "node");
  const claim: ClaimBody = {
    holder,
    pid: process.pid,
    host: hostname(),
    claimedAt: new Date().toISOString(),
  };
  return JSON.stringify(claim);
}

/** Claims in contention order: older first (server time), then by key — the same order for all. */
const older = (a: ObjectInfo, b: ObjectInfo) =>
  a.lastModified.getTime() - b.lastModified.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export async function acquireLock(store: ObjectStore, name: string, options: LockOptions): Promise<Lock> {
  const lease = store.lockLeaseMs;
  const text = body();
  let blocker: ObjectInfo | undefined;
  let key: string | undefined;
  // Waiting in line (below) does not use up attempts, but has a budget of its own.
  let waits = 4 * options.attempts;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (!key) {
      key = claimKey(name);
      await store.put(key, text, "application/json");
    }
    const claims = await store.list(lockPrefix(name));
    const mine = claims.find((c) => c.key === key);
    let waitInLine = false;
    if (mine) {
      const others = claims.filter((c) => c.key !== key);
      const stale = staleClaims(others, mine.lastModified, lease);
      if (stale.length > 0) {
        logger.debug(`Lock ${name}: removing ${stale.length} stale claim(s) of stopped holders`);
        await store.remove(stale.map((c) => c.key)).catch(() => undefined);
      }
      const live = others.filter((c) => !stale.includes(c));
      if (live.length === 0) return held(store, name, key, text, mine.lastModified);
      blocker = live[0];
      // Contenders that all step back can all give up. The oldest claim stays in line instead
      // (it still holds nothing until it lists itself alone); the younger ones step back.
      waitInLine = live.every((c) => older(mine, c) < 0);
    }
    const ceiling = Math.min(2_000, (options.backoffMs ?? 100) * 2 ** (attempt - 1));
    if (waitInLine && waits > 0) {
      // List again soon: the younger contenders step back meanwhile (they wait longer, below).
      waits -= 1;
      attempt -= 1;
      await sleep(Math.round((Math.random() * ceiling) / 4));
      continue;
    }
    // Not first (or, on a store that broke read-after-write, not even listed): step back.
    await store.remove([key]).catch(() => undefined);
    key = undefined;
    if (attempt < options.attempts) await sleep(Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
  }
  const by = blocker ? ` by ${await describeClaim(store, blocker)}` : "";
  throw new LockHeldError(
    `Cannot lock ${options.what}: it is held${by} (s3://${store.bucket}/${lockPrefix(name)}, ${options.attempts} attempts).`,
    {
      hint:
        options.hint ??
        `Wait for the other command to finish and run this one again. A claim whose holder was killed expires after ${Math.round(lease / 1000)} s.`,
    },
  );
}

function held(store: ObjectStore, name: string, key: string, text: string, since: Date): Lock {
  const lease = store.lockLeaseMs;
  let lastRenewal = performance.now();
  let renewing: Promise<void> | undefined;
  let released = false;
  const timer = setInterval(() => {
    if (renewing) return;
    const started = performance.now();
    renewing = store
      .put(key, text, "application/json")
      .then(() => {
        lastRenewal = started;
      })
      .catch((error: unknown) => logger.warn(`Lock ${name}: renewal failed: ${(error as Error).message}`))
      .finally(() => {
        renewing = undefined;
      });
  }, lease / 4);
  // The renewal timer alone must not keep a finished command alive.
  timer.unref();
  return {
    name,
    key,
    since,
    async check() {
      if (released) throw new StorageError(`Lock ${name} was already released.`);
      // Half a lease: others call the claim stale only after a whole one, measured on the server.
      if (performance.now() - lastRenewal > lease / 2 || !(await store.exists(key))) {
        throw new StorageError(
          `Lost the lock on s3://${store.bucket}/${lockPrefix(name)}: its claim was not renewed in time.`,
          {
            hint: "S3 is too slow or was unreachable for a while; nothing more was written. Run the command again (raise S3_LOCK_LEASE_SECONDS if S3 is often this slow).",
          },
        );
      }
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await renewing;
      await store.remove([key]).catch((error: unknown) => {
        logger.warn(
          `Lock ${name}: could not delete claim ${key} (it expires on its own): ${(error as Error).message}`,
        );
      });
    },
  };
}

/** Run `f` holding the lock; the lock is released however `f` ends. */
export async function withLock<T>(
  store: ObjectStore,
  name: string,
  options: LockOptions,
  f: (lock: Lock) => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(store, name, options);
  try {
    return await f(lock);
  } finally {
    await lock.release();
  }
}

/** Lock names: one per dataset id (publish, promote, gc), one per environment's pointer, one for gc. */
export const datasetLock = (datasetId: string) => `dataset-${datasetId}`;
export const pointerLock = (env: string) => `pointer-${env}`;
export const GC_LOCK = "gc";
