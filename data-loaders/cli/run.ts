// Shared start and end of every command: config for the chosen environment, logger, store, and
// one place that turns an error into a clear message and exit code 1 (no stack trace for
// expected errors, a stack for bugs).
import { loadConfig, type AppConfig } from "../config/config.js";
import { MangetamainError } from "../errors.js";
import { closeLogger, configureLogger, logger } from "../logger.js";
import type { StoreConnection } from "../storage/connect.js";

export const envArg = {
  env: {
    type: "string",
    description: "Environment: local, preprod or prod (default: APP_ENV, then path hint, then local)",
  },
} as const;

export function commandConfig(env?: string): AppConfig {
  const config = loadConfig({ env });
  configureLogger(config);
  return config;
}

export async function withStore<T>(
  config: AppConfig,
  f: (connection: StoreConnection) => Promise<T>,
): Promise<T> {
  // Loaded when a command needs it: the S3 client and the embedded S3 server take longer to load
  // than `npm start` takes to serve an unchanged build.
  const { connectStore } = await import("../storage/connect.js");
  const connection = await connectStore(config);
  try {
    return await f(connection);
  } finally {
    await connection.close();
  }
}

/** Run a command body; exit 1 with a readable message on failure. */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await closeLogger();
  } catch (error) {
    if (error instanceof MangetamainError) logger.error(error.message);
    else logger.error(error);
    await closeLogger();
    process.exitCode = 1;
  }
}
