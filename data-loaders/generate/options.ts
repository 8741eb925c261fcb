// The generator's two options, checked in one place: from the library (numbers) and from the
// command line (strings). Errors name the option and its valid range.
import { ConfigurationError } from "../errors.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export const DEFAULT_SCALE = 1;
export const DEFAULT_SEED = 42;

export function validateOptions(scale: unknown, seed: unknown): { scale: number; seed: number } {
  if (typeof scale !== "number" || !(scale > 0 && scale <= 1)) {
    throw new ConfigurationError(
      `scale=${String(scale)} is not valid: expected a number greater than 0 and at most 1.`,
      {
        hint: "1 is the full Food.com size (231,637 recipes); 0.01 is 1 % of it.",
      },
    );
  }
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    throw new ConfigurationError(
      `seed=${String(seed)} is not valid: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    );
  }
  return { scale, seed };
}

/** --scale as typed on the command line: a decimal number in (0, 1]. */
export function parseScale(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SCALE;
  const value = NUMBER.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value <= 1)) {
    throw new ConfigurationError(
      `--scale=${raw} is not valid: expected a number greater than 0 and at most 1.`,
      {
        hint: "1 is the full Food.com size (231,637 recipes); 0.01 is 1 % of it.",
      },
    );
  }
  return value;
}

/** --seed as typed on the command line: a whole number from 0 to 2^53 − 1. */
export function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SEED;
  const value = /^\+?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new ConfigurationError(
      `--seed=${raw} is not valid: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    );
  }
  return value;
}
