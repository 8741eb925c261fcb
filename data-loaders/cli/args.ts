// Small parsers for command-line values shared by the operations commands: a port, a count, a
// duration in seconds. Each names the option in its error.
import { ConfigurationError } from "../errors.js";

export function parseWhole(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new ConfigurationError(`${option}=${value} is not a whole number from ${min} to ${max}.`);
  }
  return n;
}

export function parseSeconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3_600) {
    throw new ConfigurationError(`${option}=${value} is not a number of seconds from 0 to 3600.`);
  }
  return n;
}
