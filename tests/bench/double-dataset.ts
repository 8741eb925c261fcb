// A dataset larger than Food.com for the scale suite: the generator stops at scale 1 (the real
// dump's size), so scale 2 is two generated scale-1 datasets with different seeds in one pair of
// CSVs, the second's recipe and member ids moved out of the first's range. Same years, twice the
// recipes, members and reviews — what the site would face if Food.com had doubled.
// Records are copied as written (quoted multi-line reviews included); only the id fields change.
import { createReadStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Recipe ids are INTEGER (generated ones stay under 10^6): +10^8 keeps them disjoint and in range. */
export const RECIPE_ID_OFFSET = 100_000_000;
/** Member ids are BIGINT (generated ones stay under 10^10). */
export const USER_ID_OFFSET = 10_000_000_000;

/**
 * Split CSV text into records at newlines outside double quotes. Returns the complete records and
 * the unfinished tail, to be put in front of the next chunk (a record starts outside quotes, so
 * the tail is scanned again from that state).
 */
export function splitRecords(text: string): { records: string[]; rest: string } {
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return { records, rest: text.slice(start) };
}

/** End of the first field of a record (index of the comma after it). */
function firstFieldEnd(record: string): number {
  if (record.startsWith('"')) {
    let i = 1;
    for (;;) {
      const q = record.indexOf('"', i);
      if (q < 0) throw new Error(`unterminated quoted field in: ${record.slice(0, 80)}`);
      if (record[q + 1] === '"') i = q + 2;
      else return q + 1;
    }
  }
  return record.indexOf(",");
}

const add = (field: string, offset: number, what: string): string => {
  if (!/^\d+$/.test(field)) throw new Error(`${what} "${field}" is not a whole number.`);
  return String(BigInt(field) + BigInt(offset));
};

/** RAW_recipes.csv record `name,id,minutes,contributor_id,…`: move id and contributor_id. */
export function offsetRecipeRecord(record: string): string {
  const end = firstFieldEnd(record);
  const fields = record.slice(end + 1).split(",", 3);
  if (record[end] !== "," || fields.length < 3)
    throw new Error(`not a recipe record: ${record.slice(0, 80)}`);
  const [id, minutes, contributor] = fields;
  const rest = record.slice(end + 1 + id.length + minutes.length + contributor.length + 2);
  return `${record.slice(0, end)},${add(id, RECIPE_ID_OFFSET, "recipe id")},${minutes},${add(contributor, USER_ID_OFFSET, "contributor_id")}${rest}`;
}

/** RAW_interactions.csv record `user_id,recipe_id,…`: move both ids. */
export function offsetInteractionRecord(record: string): string {
  const m = /^(\d+),(\d+),/.exec(record);
  if (!m) throw new Error(`not an interaction record: ${record.slice(0, 80)}`);
  return `${add(m[1], USER_ID_OFFSET, "user_id")},${add(m[2], RECIPE_ID_OFFSET, "recipe_id")},${record.slice(m[0].length)}`;
}

/** Write `first` then `second` (header dropped, each record through `edit`) to `out`, atomically. */
async function concatenate(first: string, second: string, out: string, edit: (r: string) => string) {
  const temporary = join(dirname(out), `.${process.pid}.tmp`);
  const handle = await open(temporary, "w");
  try {
    for (const [file, transform] of [
      [first, null],
      [second, edit],
    ] as const) {
      let rest = "";
      let header = transform !== null;
      for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
        const split = splitRecords(rest + (chunk as string));
        rest = split.rest;
        let records = split.records;
        if (header && records.length > 0) {
          records = records.slice(1);
          header = false;
        }
        const lines = transform ? records.map(transform) : records;
        if (lines.length > 0) await handle.write(lines.join("\n") + "\n");
      }
      if (rest.length > 0) await handle.write((transform ? transform(rest) : rest) + "\n");
    }
  } finally {
    await handle.close();
  }
  renameSync(temporary, out);
}

/** The two datasets' CSVs joined into `outDir` (kept: done once per pair of inputs). */
export async function doubleDataset(
  a: { recipes: string; interactions: string },
  b: { recipes: string; interactions: string },
  outDir: string,
): Promise<{ recipes: string; interactions: string }> {
  mkdirSync(outDir, { recursive: true });
  const recipes = join(outDir, "RAW_recipes.csv");
  const interactions = join(outDir, "RAW_interactions.csv");
  if (!existsSync(recipes)) await concatenate(a.recipes, b.recipes, recipes, offsetRecipeRecord);
  if (!existsSync(interactions))
    await concatenate(a.interactions, b.interactions, interactions, offsetInteractionRecord);
  return { recipes, interactions };
}
