// The one S3 client of the project (datasets now, site snapshots later): path-style addressing for
// Garage and s3rver, retries with backoff, timeouts, and errors mapped to StorageError with advice.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
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

export interface StoreSettings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Attempts per request, retries included (SDK "standard" mode: exponential backoff with jitter). */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface ObjectInfo {
  key: string;
  size: number;
}

export interface ObjectStore {
  readonly bucket: string;
  readonly endpoint: string;
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
  exists(key: string): Promise<boolean>;
  list(prefix: string): Promise<ObjectInfo[]>;
  remove(keys: string[]): Promise<void>;
  close(): void;
}

type Operation = "get" | "put" | "head" | "list" | "delete" | "bucket";

type Failure = "unreachable" | "credentials" | "no-bucket" | "no-key" | "other";

/** What kind of failure an SDK or network error is: decides the message and what callers do. */
export function classify(error: unknown): Failure {
  const name = (error as { name?: string })?.name ?? "";
  const code =
    (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? "";
  const status = error instanceof S3ServiceException ? error.$metadata?.httpStatusCode : undefined;
  if (
    ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT"].includes(code) ||
    name === "TimeoutError"
  )
    return "unreachable";
  if (
    ["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken"].includes(name) ||
    status === 403
  )
    return "credentials";
  if (name === "NoSuchBucket") return "no-bucket";
  if (name === "NoSuchKey" || name === "NotFound" || status === 404) return "no-key";
  return "other";
}

/** Map an SDK or network error to a StorageError that says what failed, where, and what to do. */
export function toStorageError(
  error: unknown,
  op: Operation,
  where: string,
  settings: StoreSettings,
): StorageError {
  const name = (error as { name?: string })?.name ?? "";
  const code =
    (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? "";
  const status = error instanceof S3ServiceException ? error.$metadata?.httpStatusCode : undefined;
  const target = `${settings.endpoint} (bucket "${settings.bucket}")`;
  const label = name && name !== "Unknown" ? name : status ? `HTTP ${status}` : code;
  let failure = classify(error);
  if (failure === "no-key" && op === "bucket") failure = "no-bucket";
  switch (failure) {
    case "unreachable":
      return new StorageError(
        `Cannot reach S3 at ${settings.endpoint} (${code || name}) while accessing ${where}.`,
        {
          hint: "Check S3_ENDPOINT and that the S3 server is running and reachable from this machine.",
          cause: error,
        },
      );
    case "credentials":
      return new StorageError(`S3 at ${target} refused the credentials (${label}) for ${where}.`, {
        hint: "Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY for this environment (environment or .env.<env>).",
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
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new StorageError(`S3 ${op} of ${where} at ${target} failed: ${detail}`, {
        hint: "Retry; if it persists, check the S3 server's logs.",
        cause: error,
      });
    }
  }
}

export function createStore(settings: StoreSettings): ObjectStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    maxAttempts: settings.maxAttempts ?? 4,
    retryMode: "standard",
    // Since 2025 the SDK streams uploads as aws-chunked with trailing CRC checksums by default;
    // s3rver stores that framing verbatim and older Garage versions reject it. Checksums only
    // where the API requires them; our own sha256 in the manifest guards integrity end to end.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: {
      connectionTimeout: settings.connectionTimeoutMs ?? 5_000,
      requestTimeout: settings.requestTimeoutMs ?? 120_000,
    },
  });
  const Bucket = settings.bucket;

  async function run<T>(op: Operation, where: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (error) {
      throw toStorageError(error, op, where, settings);
    }
  }

  async function body(key: string): Promise<Readable> {
    const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    return out.Body as Readable;
  }

  const store: ObjectStore = {
    bucket: Bucket,
    endpoint: settings.endpoint,

    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        const failure = classify(error);
        if (failure !== "no-bucket" && failure !== "no-key")
          throw toStorageError(error, "bucket", Bucket, settings);
        await run("bucket", Bucket, () => client.send(new CreateBucketCommand({ Bucket })));
      }
    },

    async checkAccess() {
      // A signed list proves endpoint, key pair and bucket at once, and its error body names the
      // cause (HeadBucket answers a bare 403/404).
      await run("bucket", Bucket, () => client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 })));
    },

    put: (key, data, contentType) =>
      run("put", key, async () => {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data, ContentType: contentType }));
      }),

    putFile: (key, path, contentType) =>
      run("put", key, async () => {
        const { size } = await stat(path);
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: createReadStream(path),
            ContentLength: size,
            ContentType: contentType,
          }),
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

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (classify(error) === "no-key") return false;
        throw toStorageError(error, "head", key, settings);
      }
    },

    list: (prefix) =>
      run("list", prefix, async () => {
        const found: ObjectInfo[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }),
          );
          for (const o of page.Contents ?? []) found.push({ key: o.Key!, size: o.Size ?? 0 });
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return found;
      }),

    remove: (keys) =>
      run("delete", keys[0] ?? "(none)", async () => {
        for (let i = 0; i < keys.length; i += 1000) {
          const Objects = keys.slice(i, i + 1000).map((Key) => ({ Key }));
          await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects } }));
        }
      }),

    close: () => client.destroy(),
  };
  return store;
}
