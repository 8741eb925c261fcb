// Checks a value against its zod contract and turns the first violation into an AnalysisError that
// names the analysis and the path inside its result (`trends/volume` at `fullSpan.stats.std`), so
// a broken contract fails the build or the command instead of drawing a broken chart.
import type { z } from "zod";
import { AnalysisError } from "../errors.js";

export interface Violation {
  /** Where in the checked value, e.g. `perYear[3].n`; empty for the value itself. */
  path: PropertyKey[];
  /** zod's message, e.g. "Invalid input: expected number, received NaN". */
  message: string;
  /** Further violations after the first (they are often consequences of it). */
  more: number;
}

/** `["perYear", 3, "n"]` → `perYear[3].n`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** The first place where `value` breaks `schema`, or undefined when it holds. */
export function findViolation(schema: z.ZodType, value: unknown): Violation | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const [first, ...rest] = parsed.error.issues;
  return { path: first.path, message: first.message, more: rest.length };
}

const describe = (v: Violation) =>
  `at ${v.path.length > 0 ? formatPath(v.path) : "the top level"}: ${v.message}` +
  (v.more > 0 ? ` (and ${v.more} more violation${v.more > 1 ? "s" : ""})` : "");

const HINT =
  "Fix the analysis, or change its schema in src/lib/contracts/ together with the page that " +
  'reads it (docs/authoring.md, "When a contract breaks").';

/** Throws AnalysisError when an analysis's result breaks its schema. */
export function checkResult(analysis: { name: string; schema: z.ZodType }, value: unknown): void {
  // Typed code cannot omit it; this covers plain-JS or half-migrated analyses.
  if (!analysis.schema) {
    throw new AnalysisError(`Analysis ${analysis.name} declares no schema.`, {
      hint: "Give its defineAnalysis a `schema` from src/lib/contracts/ (docs/authoring.md).",
    });
  }
  const violation = findViolation(analysis.schema, value);
  if (!violation) return;
  throw new AnalysisError(`Analysis ${analysis.name} broke its contract ${describe(violation)}.`, {
    hint: HINT,
  });
}

/**
 * Throws AnalysisError when a page's data breaks the page's schema (one key per analysis). The
 * first path segment is the analysis key: the error names `<page>/<key>` and the path inside it.
 */
export function checkPage(page: string, schema: z.ZodType, value: unknown, where = `page "${page}"`): void {
  const violation = findViolation(schema, value);
  if (!violation) return;
  const [key, ...inside] = violation.path;
  if (key === undefined) {
    throw new AnalysisError(`The data of ${where} broke its contract: ${violation.message}.`, { hint: HINT });
  }
  throw new AnalysisError(
    `The data of ${where} broke the contract of analysis ${page}/${String(key)} ` +
      `${describe({ ...violation, path: inside })}.`,
    { hint: HINT },
  );
}
