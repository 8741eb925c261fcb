// The one logger (consola). Console output goes to stderr only — stdout is reserved for the data
// loaders' output. Each environment also gets JSON-lines files with size rotation:
// logs/<env>_debug.log (everything) and logs/<env>_errors.log (errors). Reader events have their
// own writer (data-loaders/events/log.ts): one file, one writer, one rotation.
import { mkdirSync } from "node:fs";
import { createStream, type RotatingFileStream } from "rotating-file-stream";
import { createConsola, LogLevels, type ConsolaInstance, type LogObject } from "consola";
import type { AppConfig, LogLevel } from "./config/config.js";

const SECRET_KEYS = /secret|password|token|authorization|credential/i;

/** Replace values of secret-looking keys, recursively, so no reporter can leak them. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "***" : redact(v, depth + 1)]),
  );
}

const consolaLevel: Record<LogLevel, number> = {
  silent: LogLevels.silent,
  error: LogLevels.error,
  warn: LogLevels.warn,
  info: LogLevels.info,
  debug: LogLevels.debug,
  trace: LogLevels.trace,
};

interface FileSinks {
  debug: RotatingFileStream;
  errors: RotatingFileStream;
}

let sinks: FileSinks | undefined;
let sinkEnv: string | undefined;

function openSinks(config: AppConfig): FileSinks {
  mkdirSync(config.log.dir, { recursive: true });
  const open = (name: string) =>
    createStream(`${config.env}_${name}.log`, {
      path: config.log.dir,
      size: config.log.maxSize,
      maxFiles: config.log.maxFiles,
    });
  return { debug: open("debug"), errors: open("errors") };
}

function jsonLine(env: string, log: Pick<LogObject, "type" | "tag" | "args" | "date">): string {
  const [first, ...rest] = log.args;
  const message = first instanceof Error ? first.message : typeof first === "string" ? first : "";
  const context = redact(first instanceof Error || typeof first === "string" ? rest : log.args);
  return (
    JSON.stringify({
      time: log.date.toISOString(),
      env,
      level: log.type,
      tag: log.tag || undefined,
      message,
      context: Array.isArray(context) && context.length === 0 ? undefined : context,
    }) + "\n"
  );
}

export const logger: ConsolaInstance = createConsola({
  level: LogLevels.info,
  stdout: process.stderr,
  stderr: process.stderr,
  formatOptions: { date: false },
});

// consola filters by one level before any reporter runs; files want debug detail while the
// console follows the environment's level, so the console reporter filters on its own.
const consoleReporter = logger.options.reporters[0];
let consoleLevel: number = LogLevels.info;
logger.setReporters([
  {
    log: (log, ctx) =>
      log.level <= consoleLevel
        ? consoleReporter.log({ ...log, args: log.args.map((a) => redact(a)) }, ctx)
        : undefined,
  },
]);

/**
 * Point the logger at an environment: console level from the config, and JSON-lines files under
 * config.log.dir. Call once per command, after the config is known. Files are opened lazily here,
 * never at import time, so tests and loaders that do not configure logging write no files.
 */
export function configureLogger(config: AppConfig, options: { files?: boolean } = {}): ConsolaInstance {
  consoleLevel = consolaLevel[config.logLevel];
  logger.level = consoleLevel;
  if (options.files === false) return logger;
  logger.level = Math.max(consoleLevel, LogLevels.debug);
  if (sinks && sinkEnv !== config.env) closeLogger();
  if (!sinks) {
    sinks = openSinks(config);
    sinkEnv = config.env;
    const env = config.env;
    const files = sinks;
    logger.addReporter({
      log(log) {
        // Files keep debug detail whatever the console level.
        if (log.level > LogLevels.debug) return;
        const line = jsonLine(env, log);
        files.debug.write(line);
        if (log.level <= LogLevels.error) files.errors.write(line);
      },
    });
  }
  return logger;
}

/** Flush and close the log files (tests, or before a process exits). */
export async function closeLogger(): Promise<void> {
  const open = sinks;
  sinks = undefined;
  sinkEnv = undefined;
  logger.setReporters(logger.options.reporters.slice(0, 1));
  if (!open) return;
  await Promise.all(
    Object.values(open).map((s) => new Promise<void>((done) => (s as RotatingFileStream).end(done))),
  );
}
