// One validated configuration object per environment. Values come from the process environment,
// then from a git-ignored `.env.<env>` file; everything has a default that runs locally with the
// embedded S3 server, except credentials for a real endpoint, which must be given.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import { z } from "zod";
import { DATASET_ID_PATTERN } from "../../src/lib/contracts/manifest.js";
import { ConfigurationError } from "../errors.js";
import { STORE_DEFAULTS } from "../storage/limits.js";
import { detectEnvironment, parseEnvironment, type Environment } from "./environment.js";

/** The project root: every relative path in the config is resolved against it. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Credentials the embedded s3rver accepts; they protect nothing, the server listens on loopback only. */
export const EMBEDDED_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DEFAULT_LOG_LEVEL: Record<Environment, LogLevel> = { local: "info", preprod: "info", prod: "warn" };
const DEFAULT_PORT: Record<Environment, number> = { local: 3000, preprod: 3001, prod: 3002 };

export interface S3Settings {
  /** Undefined means "start the embedded local S3 server". */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A request fails when S3 sends or receives nothing for this long (connect, answer, or mid-transfer). */
  timeoutMs: number;
  /** Attempts per request, the first included; only transient failures (timeouts, resets, 5xx) are retried. */
  maxAttempts: number;
  /** A lock claim (publish, pointer switch) not renewed for this long is stale: its holder is gone. */
  lockLeaseMs: number;
}

/** Site snapshots (deploy, rollback, serve --from s3): a bucket of their own, apart from the data. */
export interface SitesSettings {
  bucket: string;
  /** Defaults to the S3 key pair; give one that may write only this environment's sites bucket. */
  accessKeyId: string;
  secretAccessKey: string;
  /** Complete snapshots kept per environment; the live one and the one before it are always kept. */
  keep: number;
  /** How often `serve --from s3` reads the live pointer. */
  pollMs: number;
  /** The environment's public URL: deploy health-checks it and rolls back when it fails. */
  url: string | undefined;
}

/** The reader-event beacon (POST /api/events) and its log. */
export interface EventsSettings {
  maxBytes: number;
  /** Posts one client may make per minute (a token bucket holding as many). */
  perMinute: number;
  /** Take the client from the last X-Forwarded-For entry (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Rotated files kept (daily, or past LOG_MAX_SIZE). */
  maxFiles: number;
}

export interface AppConfig {
  env: Environment;
  s3: S3Settings;
  sites: SitesSettings;
  events: EventsSettings;
  /** Deploy, rollback and failed health checks are posted here (Discord-style `{content}`); never logged. */
  webhookUrl: string | undefined;
  /** Interface `npm start` and `npm run serve` listen on. */
  host: string;
  /** Pin a dataset id instead of following the environment's current-dataset pointer. */
  datasetId: string | undefined;
  port: number;
  logLevel: LogLevel;
  log: { dir: string; maxSize: string; maxFiles: number };
  paths: {
    root: string;
    /** Everything local and disposable: snapshots, build caches, generated data, ingest work folders. */
    cache: string;
    /** Local, checksummed copies of snapshots (shared by environments: keyed by dataset id). */
    snapshots: string;
    /** Framework data caches, one per build fingerprint. */
    buildCache: string;
    /** Where the embedded S3 server keeps its objects. */
    localS3: string;
    /** Generated raw CSV files for the default dataset. */
    generated: string;
    dist: string;
  };
}

const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());
/** A whole number written as digits, inside [min, max]; the message names the range. */
const wholeNumber = (min: number, max: number, message = `must be a whole number from ${min} to ${max}`) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

const schema = z.object({
  S3_ENDPOINT: optional(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:3900" }),
  ),
  S3_REGION: optional(z.string()),
  S3_BUCKET: optional(
    z.string().regex(bucketName, "must be 3-63 lowercase letters, digits, dots or hyphens"),
  ),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_TIMEOUT_MS: optional(wholeNumber(100, 600_000, "must be milliseconds from 100 to 600000")),
  S3_MAX_ATTEMPTS: optional(wholeNumber(1, 10)),
  S3_LOCK_LEASE_SECONDS: optional(wholeNumber(1, 3_600, "must be seconds from 1 to 3600")),
  DATASET_ID: optional(
    z
      .string()
      .regex(DATASET_ID_PATTERN, "may only hold 1-128 letters, digits, dot, dash, underscore (not . or ..)"),
  ),
  PORT: optional(wholeNumber(1, 65_535, "must be a port number from 1 to 65535")),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  LOG_DIR: optional(z.string()),
  LOG_MAX_SIZE: optional(z.string().regex(/^\d+[BKMG]$/, "must look like 10M")),
  LOG_MAX_FILES: optional(z.string().regex(/^\d+$/, "must be a whole number")),
  CACHE_DIR: optional(z.string()),
  HOST: optional(z.string().regex(/^[\w.:-]+$/, "must be a host name or IP address")),
  SITES_BUCKET: optional(
    z.string().regex(bucketName, "must be 3-63 lowercase letters, digits, dots or hyphens"),
  ),
  SITES_ACCESS_KEY_ID: optional(z.string()),
  SITES_SECRET_ACCESS_KEY: optional(z.string()),
  SITES_KEEP: optional(wholeNumber(1, 1_000)),
  SITES_POLL_SECONDS: optional(wholeNumber(1, 3_600, "must be seconds from 1 to 3600")),
  SITE_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  DISCORD_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  EVENTS_MAX_BYTES: optional(wholeNumber(256, 65_536, "must be bytes from 256 to 65536")),
  EVENTS_PER_MINUTE: optional(wholeNumber(1, 10_000)),
  EVENTS_TRUST_PROXY: optional(z.enum(["true", "false"], { error: "must be true or false" })),
  EVENTS_LOG_MAX_FILES: optional(wholeNumber(1, 3_650)),
  LOCAL_S3_DIR: optional(z.string()),
  DIST_DIR: optional(z.string()),
});

type Vars = Record<string, string | undefined>;

/** Variables from `.env.<env>` under the root, overridden by the process environment. */
export function environmentVariables(env: Environment, vars: Vars = process.env, root = PROJECT_ROOT): Vars {
  const file = join(root, `.env.${env}`);
  if (!existsSync(file)) return { ...vars };
  let fromFile: Vars;
  try {
    fromFile = parseEnv(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new ConfigurationError(`Cannot read ${file}.`, { hint: "Fix its KEY=value lines.", cause });
  }
  return { ...fromFile, ...vars };
}

export interface LoadConfigOptions {
  env?: Environment | string;
  vars?: Vars;
  root?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const vars0 = options.vars ?? process.env;
  const env = options.env ? parseEnvironment(options.env, "--env") : detectEnvironment(vars0);
  const root = options.root ?? PROJECT_ROOT;
  const vars = environmentVariables(env, vars0, root);
  const parsed = schema.safeParse(vars);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new ConfigurationError(`Invalid configuration for environment "${env}": ${problems}.`, {
      hint: `Fix the variable in the environment or in .env.${env} (see .env.example).`,
    });
  }
  const v = parsed.data;
  const endpoint = v.S3_ENDPOINT?.replace(/\/+$/, "");
  if (endpoint && (!v.S3_ACCESS_KEY_ID || !v.S3_SECRET_ACCESS_KEY)) {
    const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((k) => !vars[k]);
    throw new ConfigurationError(`S3_ENDPOINT is set for "${env}" but ${missing.join(" and ")} is not.`, {
      hint: `Give the key pair of ${endpoint} in the environment or in .env.${env}, or unset S3_ENDPOINT to use the embedded local S3 server.`,
    });
  }
  if (Boolean(v.SITES_ACCESS_KEY_ID) !== Boolean(v.SITES_SECRET_ACCESS_KEY)) {
    throw new ConfigurationError(
      `Only one of SITES_ACCESS_KEY_ID and SITES_SECRET_ACCESS_KEY is set for "${env}".`,
      {
        hint: "Give both (the key pair of the sites bucket), or neither to use the S3 key pair.",
      },
    );
  }
  const credentials = endpoint
    ? { accessKeyId: v.S3_ACCESS_KEY_ID!, secretAccessKey: v.S3_SECRET_ACCESS_KEY! }
    : EMBEDDED_CREDENTIALS;
  const cache = resolve(root, v.CACHE_DIR ?? ".cache");
  return {
    env,
    s3: {
      endpoint,
      region: v.S3_REGION ?? (endpoint ? "garage" : "us-east-1"),
      bucket: v.S3_BUCKET ?? "back-to-the-kitchen",
      ...credentials,
      timeoutMs: v.S3_TIMEOUT_MS ?? STORE_DEFAULTS.timeoutMs,
      maxAttempts: v.S3_MAX_ATTEMPTS ?? STORE_DEFAULTS.maxAttempts,
      lockLeaseMs: v.S3_LOCK_LEASE_SECONDS ? v.S3_LOCK_LEASE_SECONDS * 1000 : STORE_DEFAULTS.lockLeaseMs,
    },
    sites: {
      bucket: v.SITES_BUCKET ?? "back-to-the-kitchen-sites",
      ...(v.SITES_ACCESS_KEY_ID && v.SITES_SECRET_ACCESS_KEY
        ? { accessKeyId: v.SITES_ACCESS_KEY_ID, secretAccessKey: v.SITES_SECRET_ACCESS_KEY }
        : credentials),
      keep: v.SITES_KEEP ?? 5,
      pollMs: (v.SITES_POLL_SECONDS ?? 10) * 1000,
      url: v.SITE_URL?.replace(/\/+$/, ""),
    },
    events: {
      maxBytes: v.EVENTS_MAX_BYTES ?? 4096,
      perMinute: v.EVENTS_PER_MINUTE ?? 60,
      trustProxy: v.EVENTS_TRUST_PROXY === "true",
      maxFiles: v.EVENTS_LOG_MAX_FILES ?? 90,
    },
    webhookUrl: v.DISCORD_WEBHOOK_URL,
    host: v.HOST ?? "127.0.0.1",
    datasetId: v.DATASET_ID,
    port: v.PORT ?? DEFAULT_PORT[env],
    logLevel: v.LOG_LEVEL ?? DEFAULT_LOG_LEVEL[env],
    log: {
      dir: resolve(root, v.LOG_DIR ?? "logs"),
      maxSize: v.LOG_MAX_SIZE ?? "10M",
      maxFiles: v.LOG_MAX_FILES ? Number(v.LOG_MAX_FILES) : 5,
    },
    paths: {
      root,
      cache,
      snapshots: join(cache, "snapshots"),
      buildCache: join(cache, "builds"),
      localS3: resolve(root, v.LOCAL_S3_DIR ?? join(".cache", "s3")),
      generated: join(cache, "generated"),
      dist: resolve(root, v.DIST_DIR ?? "dist"),
    },
  };
}

/** A copy safe to print or log: secrets replaced. */
export function redactConfig(config: AppConfig): AppConfig {
  return {
    ...config,
    s3: { ...config.s3, secretAccessKey: "***" },
    sites: { ...config.sites, secretAccessKey: "***" },
    webhookUrl: config.webhookUrl ? "***" : undefined,
  };
}
