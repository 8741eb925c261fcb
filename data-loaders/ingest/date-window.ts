// The window of plausible dates: recipes submitted and interactions dated outside it are set aside
// (rule `date_out_of_window`), so one row dated 1970 or 2099 cannot stretch every per-year series
// by decades of empty years. Default: Food.com's first year (1999-01-01) to the day of the ingest.
import { ConfigurationError } from "../errors.js";
import { printable } from "../storage/dataset-id.js";

export interface DateWindow {
  /** First plausible day, YYYY-MM-DD, included. */
  from: string;
  /** Last plausible day, YYYY-MM-DD, included. */
  to: string;
}

export const DEFAULT_MIN_DATE = "1999-01-01";

/** The ingest day in UTC, YYYY-MM-DD. */
export const isoDay = (now: Date) => now.toISOString().slice(0, 10);

/** A calendar date written YYYY-MM-DD that exists (2023-02-29 does not). */
function parseDay(raw: string, option: string): string {
  const day = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = match ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new ConfigurationError(`${option}="${printable(raw)}" is not a date written YYYY-MM-DD.`, {
      hint: `For example ${option} ${DEFAULT_MIN_DATE}.`,
    });
  }
  return day;
}

/** The window from the command-line options (strings) or their defaults. */
export function dateWindow(options: { from?: string; to?: string; now?: Date } = {}): DateWindow {
  const from = options.from === undefined ? DEFAULT_MIN_DATE : parseDay(options.from, "--min-date");
  const to =
    options.to === undefined ? isoDay(options.now ?? new Date()) : parseDay(options.to, "--max-date");
  if (from > to) {
    throw new ConfigurationError(`The date window is empty: --min-date ${from} is after --max-date ${to}.`, {
      hint: "Give a --min-date on or before the --max-date (default: the day of the ingest).",
    });
  }
  return { from, to };
}
