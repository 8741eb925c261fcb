// One validated configuration object per environment. Values come from the process environment,
// then from a git-ignored `.env.<env>` file; everything has a default that runs locally with the
// embedded S3 server, except credentials for a real endpoint, which must be given.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import { z } from "zod";
import { ConfigurationError } from "../errors.js";
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
}

export interface AppConfig {
  env: Environment;
  s3: S3Settings;
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
  DATASET_ID: optional(
    z.string().regex(/^[A-Za-z0-9._-]+$/, "may only hold letters, digits, dot, dash, underscore"),
  ),
  PORT: optional(z.string().regex(/^\d{1,5}$/, "must be a port number")),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  LOG_DIR: optional(z.string()),
  LOG_MAX_SIZE: optional(z.string().regex(/^\d+[BKMG]$/, "must look like 10M")),
  LOG_MAX_FILES: optional(z.string().regex(/^\d+$/, "must be a whole number")),
  CACHE_DIR: optional(z.string()),
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
    },
    datasetId: v.DATASET_ID,
    port: v.PORT ? Number(v.PORT) : DEFAULT_PORT[env],
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
  return { ...config, s3: { ...config.s3, secretAccessKey: "***" } };
}
