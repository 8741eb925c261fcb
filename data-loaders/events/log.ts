// The reader-event log: `<env>_user_interactions.log`, one JSON object per line, rotated every day
// and whenever it passes its size limit, rotated files gzipped and the oldest removed past a count.
// rotating-file-stream does the rotation; this module only names the files and stamps each line.
import { mkdirSync } from "node:fs";
import { createStream, type RotatingFileStream } from "rotating-file-stream";
import { logger } from "../logger.js";
import type { LoggedEvent, ReaderEvent } from "./schema.js";

export interface EventLogOptions {
  dir: string;
  env: string;
  /** Rotate past this size, e.g. "10M". */
  maxSize: string;
  /** Rotated files kept. */
  maxFiles: number;
  /** Rotation period (rotating-file-stream syntax); daily by default. */
  interval?: string;
}

export interface EventLog {
  write(event: ReaderEvent, now?: Date): LoggedEvent;
  /** Flush and close; resolves once every line is on disk. */
  close(): Promise<void>;
  /** The stream, for tests that wait on its rotation events. */
  readonly stream: RotatingFileStream;
}

/** The live file's name; rotated ones add the period and a counter before `.log.gz`. */
export const eventLogName = (env: string) => `${env}_user_interactions.log`;

const pad = (n: number) => String(n).padStart(2, "0");

export function rotatedName(env: string, time: Date, index: number): string {
  const day = `${time.getFullYear()}${pad(time.getMonth() + 1)}${pad(time.getDate())}`;
  const clock = `${pad(time.getHours())}${pad(time.getMinutes())}`;
  return `${env}_user_interactions.${day}-${clock}-${index}.log.gz`;
}

export function openEventLog({ dir, env, maxSize, maxFiles, interval = "1d" }: EventLogOptions): EventLog {
  mkdirSync(dir, { recursive: true });
  const stream = createStream(
    (time: number | Date | null, index?: number) =>
      time === null ? eventLogName(env) : rotatedName(env, new Date(time), index ?? 1),
    {
      path: dir,
      size: maxSize,
      interval,
      maxFiles,
      compress: "gzip",
      history: `.${env}_user_interactions.history`,
    },
  );
  // An unhandled 'error' event would end the server: a full disk loses events, not the site.
  stream.on("error", (error: Error) => logger.error(`Reader-event log ${dir}: ${error.message}`));
  stream.on("warning", (error: Error) => logger.warn(`Reader-event log ${dir}: ${error.message}`));
  return {
    stream,
    write(event, now = new Date()) {
      const line: LoggedEvent = { time: now.toISOString(), env, ...event };
      stream.write(JSON.stringify(line) + "\n");
      return line;
    },
    close: () => new Promise<void>((done) => stream.end(done)),
  };
}
