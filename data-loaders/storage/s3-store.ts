// The one S3 client of the project (datasets now, site snapshots later): path-style addressing for
// Garage and s3rver, every request bounded in time and retried a bounded number of times, and
// errors mapped to StorageError with advice. See docs/operations.md for the bounds per command.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { StorageError } from "../errors.js";
import { logger } from "../logger.js";
import { backoffCeiling, STORE_DEFAULTS } from "./limits.js";

export interface StoreSettings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Silence that fails one attempt: no connection, no answer, or no byte moving mid-transfer. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Only transient failures are retried. */
  maxAttempts?: number;
  /** How long a lock claim in this bucket lives without renewal (storage/lock.ts). */
  lockLeaseMs?: number;
}

export interface ObjectInfo {
  key: string;
  size: number;
  /** As the server's clock saw it: compare only with other LastModified values of the same server. */
  lastModified: Date;
}

export interface ObjectStore {
  readonly bucket: string;
  readonly endpoint: string;
  /** Lease of lock claims written through this store (storage/lock.ts). */
  readonly lockLeaseMs: number;
  /** Create the bucket when it does not exist (embedded server, first run). */
  ensureBucket(): Promise<void>;
  /** Fail early with advice when the endpoint, credentials or bucket are wrong. */
  checkAccess(): Promise<void>;
  put(key: string, body: string | Uint8Array, contentType?: string): Promise<void>;
  putFile(key: string, path: string, contentType?: string): Promise<void>;
  getBytes(key: string): Promise<Buffer>;
  getText(key: string): Promise<string>;
  /** Download to `path` through a temporary file renamed at the end: never a partial file under `path`. */
  download(key: string, path: string): Promise<void>;
  /** sha256 and size of an object, streamed: nothing is kept in memory or on disk. */
  digest(key: string): Promise<{ sha256: string; bytes: number }>;
  exists(key: string): Promise<boolean>;
  list(prefix: string): Promise<ObjectInfo[]>;
  remove(keys: string[]): Promise<void>;
  close(): void;
}

type Operation = "get" | "put" | "head" | "list" | "delete" | "bucket";

export type Failure =
  "timeout" | "unreachable" | "not-s3" | "credentials" | "no-bucket" | "no-key" | "server" | "other";

const UNREACHABLE_CODES = [
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
];
/** Worth another attempt: the same request may well succeed a moment later. */
const RETRIED: Failure[] = ["timeout", "unreachable", "server"];
/** Error names the SDK invents when the answer carried no S3 error code. */
const SYNTHETIC_NAMES = ["Unknown", "NotFound", "Error"];

function errorCode(error: unknown): string {
  return (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? "";
}

/**
 * What kind of failure an SDK or network error is: decides the message and whether to retry.
 * `op` matters because HEAD answers carry no body, so only there a bare status is normal S3.
 */
export function classify(error: unknown, op: Operation = "get"): Failure {
  const name = (error as { name?: string })?.name ?? "";
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : "";
  const status =
    error instanceof S3ServiceException
      ? error.$metadata?.httpStatusCode
      : (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (name === "TimeoutError" || code === "ETIMEDOUT") return "timeout";
  if (UNREACHABLE_CODES.includes(code)) return "unreachable";
  // The SDK could not read the answer as S3 XML (an HTML page, JSON, garbage).
  if (
    typeof (error as { $responseBodyText?: unknown })?.$responseBodyText === "string" ||
    /Deserialization error|XML parse error/.test(message)
  )
    return status !== undefined && status >= 500 ? "server" : "not-s3";
  if (["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken"].includes(name))
    return "credentials";
  if (name === "NoSuchBucket") return "no-bucket";
  if (name === "NoSuchKey") return "no-key";
  if (status !== undefined && status >= 500) return "server";
  if (name === "SlowDown" || name === "ServiceUnavailable") return "server";
  const bodyless = op === "head";
  if (bodyless && status === 404) return "no-key";
  if (bodyless && status === 403) return "credentials";
  // S3 explains every refusal of a request with a body in an XML <Error><Code>; an answer without
  // one (a bare 404, an HTML 403 or 405) comes from something else.
  if (!bodyless && status !== undefined && SYNTHETIC_NAMES.includes(name)) return "not-s3";
  if (status === 403) return "credentials";
  if (status === 404) return "no-key";
  return "other";
}

const NOT_S3_HINT =
  "S3_ENDPOINT points at something that is not an S3 API: check the URL and port (Garage's S3 API listens on 3900 by default).";

function answerLabel(error: unknown): string {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const headers = (error as { $response?: { headers?: Record<string, string> } })?.$response?.headers;
  const type = headers?.["content-type"];
  return [status ? `HTTP ${status}` : "", type ?? ""].filter(Boolean).join(" ") || "an unreadable answer";
}

/** Map an SDK or network error to a StorageError that says what failed, where, and what to do. */
export function toStorageError(
  error: unknown,
  op: Operation,
  where: string,
  settings: StoreSettings,
  attempts = 1,
): StorageError {
  const name = (error as { name?: string })?.name ?? "";
  const code = errorCode(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const target = `${settings.endpoint} (bucket "${settings.bucket}")`;
  const label = name && !SYNTHETIC_NAMES.includes(name) ? name : status ? `HTTP ${status}` : code;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  let failure = classify(error, op);
  if (failure === "no-key" && op === "bucket") failure = "no-bucket";
  switch (failure) {
    case "timeout":
      return new StorageError(
        `S3 at ${settings.endpoint} did not answer within ${settings.timeoutMs ?? STORE_DEFAULTS.timeoutMs} ms${tries} while accessing ${where}.`,
        {
          hint: "Something there accepts connections but does not answer: check that S3_ENDPOINT names the S3 API (host and port) and that the server is healthy; on a slow link raise S3_TIMEOUT_MS.",
          cause: error,
        },
      );
    case "unreachable":
      return new StorageError(
        `Cannot reach S3 at ${settings.endpoint} (${code || name})${tries} while accessing ${where}.`,
        {
          hint: "Check S3_ENDPOINT and that the S3 server is running and reachable from this machine.",
          cause: error,
        },
      );
    case "not-s3":
      return new StorageError(
        `${settings.endpoint} answered ${op} of ${where} with ${answerLabel(error)}, which is not an S3 API answer.`,
        { hint: NOT_S3_HINT, cause: error },
      );
    case "credentials":
      return new StorageError(`S3 at ${target} refused the credentials (${label}) for ${where}.`, {
        hint: "Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY for this environment (environment or .env.<env>), and that the key may use this bucket.",
        cause: error,
      });
    case "no-bucket":
      return new StorageError(`Bucket "${settings.bucket}" does not exist at ${settings.endpoint}.`, {
        hint: "Create it on the S3 server (garage bucket create …), or set S3_BUCKET to an existing bucket.",
        cause: error,
      });
    case "no-key":
      return new StorageError(
        `Object s3://${settings.bucket}/${where} does not exist at ${settings.endpoint}.`,
        {
          hint: "Check the dataset id, or run `npm run data:ingest` to publish a dataset for this environment.",
          cause: error,
        },
      );
    case "server":
      return new StorageError(`S3 at ${target} failed ${op} of ${where} with ${label}${tries}.`, {
        hint: "The S3 server (or a proxy in front of it) reports an error of its own: check its health and logs, then run the command again.",
        cause: error,
      });
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new StorageError(`S3 ${op} of ${where} at ${target} failed: ${detail}`, {
        hint: "S3 rejected the request itself (not retried): check the S3 server's logs for the reason.",
        cause: error,
      });
    }
  }
}

function notS3Answer(settings: StoreSettings, op: Operation, where: string, what: string): StorageError {
  return new StorageError(
    `${settings.endpoint} answered ${op} of ${where} with ${what}, which is not an S3 API answer.`,
    { hint: NOT_S3_HINT },
  );
}

export function createStore(settings: StoreSettings): ObjectStore {
  const timeoutMs = settings.timeoutMs ?? STORE_DEFAULTS.timeoutMs;
  const maxAttempts = settings.maxAttempts ?? STORE_DEFAULTS.maxAttempts;
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Retries are ours (below): the SDK's would replay a consumed upload stream, and ours know
    // which failures are worth another attempt.
    maxAttempts: 1,
    // Since 2025 the SDK streams uploads as aws-chunked with trailing CRC checksums by default;
    // s3rver stores that framing verbatim and older Garage versions reject it. Checksums only
    // where the API requires them; our own sha256 in the manifest guards integrity end to end.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // Without throwOnRequestTimeout the SDK only logs a warning and a silent endpoint hangs forever.
    // socketTimeout bounds silence mid-transfer, where the request timeout no longer applies.
    requestHandler: {
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  const Bucket = settings.bucket;

  async function run<T>(op: Operation, where: string, f: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await f();
      } catch (error) {
        if (error instanceof StorageError) throw error;
        const failure = classify(error, op);
        if (attempt >= maxAttempts || !RETRIED.includes(failure) || errorCode(error) === "ENOTFOUND")
          throw toStorageError(error, op, where, settings, attempt);
        const delay = Math.round(Math.random() * backoffCeiling(attempt));
        logger.debug(
          `S3 ${op} of ${where} failed (${failure}, attempt ${attempt} of ${maxAttempts}); retrying in ${delay} ms`,
        );
        await sleep(delay);
      }
    }
  }

  async function body(key: string): Promise<Readable> {
    const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    return out.Body as Readable;
  }

  async function listPage(op: Operation, where: string, prefix: string, token?: string, maxKeys?: number) {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: maxKeys }),
    );
    // Every S3 listing names its bucket; a web page that happens to parse as XML does not.
    if (page.Name !== Bucket) throw notS3Answer(settings, op, where, "a listing without the bucket's name");
    return page;
  }

  const store: ObjectStore = {
    bucket: Bucket,
    endpoint: settings.endpoint,
    lockLeaseMs: settings.lockLeaseMs ?? STORE_DEFAULTS.lockLeaseMs,

    async ensureBucket() {
      try {
        await run("head", Bucket, () => client.send(new HeadBucketCommand({ Bucket })));
      } catch (error) {
        const failure = classify((error as Error).cause, "head");
        if (failure !== "no-bucket" && failure !== "no-key") throw error;
        await run("bucket", Bucket, () => client.send(new CreateBucketCommand({ Bucket })));
      }
    },

    async checkAccess() {
      // A signed list proves endpoint, key pair and bucket at once, and its error body names the
      // cause (HeadBucket answers a bare 403/404).
      await run("bucket", Bucket, () => listPage("bucket", Bucket, "", undefined, 1));
    },

    put: (key, data, contentType) =>
      run("put", key, async () => {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data, ContentType: contentType }));
      }),

    putFile: (key, path, contentType) =>
      run("put", key, async () => {
        const { size } = await stat(path);
        // A fresh stream per attempt. No overall request timeout: a large upload may take minutes;
        // the socket timeout still fails it when nothing moves for timeoutMs.
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: createReadStream(path),
            ContentLength: size,
            ContentType: contentType,
          }),
          { requestTimeout: 0 },
        );
      }),

    getBytes: (key) =>
      run("get", key, async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of await body(key)) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      }),

    getText: async (key) => (await store.getBytes(key)).toString("utf8"),

    download: (key, path) =>
      run("get", key, async () => {
        const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.part`;
        try {
          await pipeline(await body(key), createWriteStream(tmp));
          await rename(tmp, path);
        } finally {
          await rm(tmp, { force: true });
        }
      }),

    digest: (key) =>
      run("get", key, async () => {
        const hash = createHash("sha256");
        let bytes = 0;
        for await (const chunk of await body(key)) {
          hash.update(chunk as Buffer);
          bytes += (chunk as Buffer).length;
        }
        return { sha256: hash.digest("hex"), bytes };
      }),

    async exists(key) {
      try {
        await run("head", key, () => client.send(new HeadObjectCommand({ Bucket, Key: key })));
        return true;
      } catch (error) {
        if (classify((error as Error).cause, "head") === "no-key") return false;
        throw error;
      }
    },

    list: (prefix) =>
      run("list", prefix, async () => {
        const found: ObjectInfo[] = [];
        let token: string | undefined;
        do {
          const page = await listPage("list", prefix || "(bucket root)", prefix, token);
          for (const o of page.Contents ?? [])
            found.push({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) });
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return found;
      }),

    remove: (keys) =>
      run("delete", keys[0] ?? "(none)", async () => {
        for (let i = 0; i < keys.length; i += 1000) {
          const Objects = keys.slice(i, i + 1000).map((Key) => ({ Key }));
          const out = await client.send(
            new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }),
          );
          const failed = out.Errors ?? [];
          if (failed.length > 0) {
            throw new StorageError(
              `S3 at ${settings.endpoint} could not delete ${failed.length} object(s), first s3://${Bucket}/${failed[0].Key} (${failed[0].Code}).`,
              { hint: "Check that the key may delete objects in this bucket, then run the command again." },
            );
          }
        }
      }),

    close: () => client.destroy(),
  };
  return store;
}
