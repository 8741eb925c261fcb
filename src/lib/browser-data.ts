// The browser's view of a page data file, and back. The build writes each page data file in this
// form (data-loaders/site/browser-data.ts); the page turns it back (src/components/page-data.ts)
// before any code reads it, so pages and src/lib see the analyses' results as the contracts say,
// less the keys in BROWSER_OMITTED. Two changes, both for size on the wire:
//
// - BROWSER_OMITTED keys are left out: `fullSpan`, the whole-span summary each page computes again
//   on load from the per-year aggregates with the same src/lib functions as the loader.
// - An item analysis's `counts` (one row per item, one count per cell: a year, or a year's season)
//   travels as residuals from what the item's total spread like the cells' `recipes` would give,
//   cell by cell: small numbers, most near zero, that gzip packs ~20 % tighter. Integers in,
//   integers out: fromBrowserView gives back the same counts exactly (browserView checks it and
//   keeps the counts as they are otherwise).
//
// Pure functions on plain JSON: the same module runs in the build and in the browser.

/** Keys of an analysis's result that the pages recompute and never read. */
export const BROWSER_OMITTED = ["fullSpan"] as const;

/** The encoded `counts`: per cell, each item's count less its expected count; the items' totals. */
const RESIDUALS = "countsResiduals";
const TOTALS = "countsTotals";

type Result = Record<string, unknown>;

const isObject = (x: unknown): x is Result => !!x && typeof x === "object" && !Array.isArray(x);
const isIntegers = (x: unknown): x is number[] => Array.isArray(x) && x.every(Number.isSafeInteger);

/** The cells' recipe counts, flat, when `recipes` is a list of counts or of lists of counts. */
function cellRecipes(recipes: unknown): number[] | undefined {
  if (isIntegers(recipes)) return recipes;
  if (Array.isArray(recipes) && recipes.every(isIntegers)) return (recipes as number[][]).flat();
  return undefined;
}

/** An item's expected count in each cell: its total spread as the cells' recipes are. */
function expected(total: number, recipes: readonly number[], sum: number): number[] {
  return recipes.map((r) => (sum === 0 ? 0 : Math.round((total * r) / sum)));
}

function encodeCounts(result: Result): Result {
  const recipes = cellRecipes(result.recipes);
  const counts = result.counts;
  if (!recipes || !Array.isArray(counts) || counts.length === 0) return result;
  if (!counts.every((row) => isIntegers(row) && row.length === recipes.length)) return result;
  const rows = counts as number[][];
  const sum = recipes.reduce((a, b) => a + b, 0);
  const totals = rows.map((row) => row.reduce((a, b) => a + b, 0));
  // The result's own `totals`, when they are these sums, need not travel twice.
  const own = isIntegers(result.totals) && totals.every((t, i) => t === (result.totals as number[])[i]);
  const expectations = totals.map((t) => expected(t, recipes, sum));
  const residuals = recipes.map((_, c) => rows.map((row, i) => row[c] - expectations[i][c]));
  const rest = Object.fromEntries(Object.entries(result).filter(([field]) => field !== "counts"));
  const encoded: Result = { ...rest, [RESIDUALS]: residuals, ...(own ? {} : { [TOTALS]: totals }) };
  const back = decodeCounts(encoded);
  const same = rows.every((row, i) => row.every((v, c) => v === (back.counts as number[][])[i][c]));
  return same ? encoded : result;
}

function decodeCounts(result: Result): Result {
  if (!(RESIDUALS in result)) return result;
  const {
    [RESIDUALS]: residuals,
    [TOTALS]: ownTotals,
    ...rest
  } = result as Result & {
    [RESIDUALS]: number[][];
    [TOTALS]?: number[];
  };
  const recipes = cellRecipes(result.recipes) ?? [];
  const totals = ownTotals ?? (result.totals as number[]);
  const sum = recipes.reduce((a, b) => a + b, 0);
  const counts = totals.map((t, i) => expected(t, recipes, sum).map((e, c) => e + residuals[c][i]));
  return { ...rest, counts };
}

/** A page's data as the build ships it: each analysis without BROWSER_OMITTED, its counts encoded. */
export function browserView(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, result]) => {
      if (!isObject(result)) return [key, result];
      const kept = Object.fromEntries(
        Object.entries(result).filter(([field]) => !(BROWSER_OMITTED as readonly string[]).includes(field)),
      );
      return [key, encodeCounts(kept)];
    }),
  );
}

/** A page's data as its code reads it: the encoded counts decoded (the data unchanged otherwise). */
export function fromBrowserView<T extends object>(data: T): T {
  if (!Object.values(data).some((r) => isObject(r) && RESIDUALS in r)) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, result]) => [key, isObject(result) ? decodeCounts(result) : result]),
  ) as T;
}
