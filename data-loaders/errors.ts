// One small error hierarchy. Every message says what failed, where (file, row, key) and what to do,
// so a command can print `error.message` and nothing else.

export class MangetamainError extends Error {
  /** What the reader can do about it; appended to the message. */
  readonly hint?: string;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(options.hint ? `${message}\n→ ${options.hint}` : message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Input data could not be read or parsed (CSV, manifest, cache file). */
export class DataLoadError extends MangetamainError {}

/** The S3 store or the local snapshot cache failed. */
export class StorageError extends MangetamainError {}

/** Data broke a contract: wrong header, too many rejected rows, bad checksum. */
export class ValidationError extends MangetamainError {}

/** Environment, variables or command-line options are invalid. */
export class ConfigurationError extends MangetamainError {}

/** An analysis could not be computed from the snapshot. */
export class AnalysisError extends MangetamainError {}

/** The message of any thrown value, for logs and command output. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
