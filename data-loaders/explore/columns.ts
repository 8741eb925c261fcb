// One Arrow column from DuckDB values, for each DuckDB type the Explore contract uses
// (src/lib/explore/tables.ts). @duckdb/node-api has no Arrow export, so the extract writer reads
// plain values chunk by chunk and fills typed arrays here; apache-arrow only frames them. Dates
// arrive as days since 1970 (the SELECT casts them), which is exactly Arrow's DateDay.
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  makeData,
  makeVector,
  Utf8,
  type Data,
  type DataType,
} from "apache-arrow";

/** A column being filled: `push` one DuckDB value (null included), `finish` the Arrow data. */
export interface ColumnBuilder {
  push(value: unknown): void;
  finish(): Data;
}

/** The DuckDB types an extract can hold, and how each is selected (DATE as days since 1970). */
export const SUPPORTED_TYPES = [
  "BOOLEAN",
  "TINYINT",
  "INTEGER",
  "BIGINT",
  "DOUBLE",
  "DATE",
  "VARCHAR",
] as const;

export function selectExpression(name: string, type: string): string {
  const id = `"${name.replaceAll('"', '""')}"`;
  return type === "DATE" ? `CAST(${id} - DATE '1970-01-01' AS INTEGER) AS ${id}` : id;
}

/** Validity bits, Arrow's layout (LSB first); undefined when nothing is null. */
function validity(length: number) {
  const bits = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  return {
    set(i: number, valid: boolean) {
      if (valid) bits[i >> 3] |= 1 << (i & 7);
      else nulls++;
    },
    get nullCount() {
      return nulls;
    },
    get bitmap() {
      return nulls === 0 ? undefined : bits;
    },
  };
}

type NumberArray = Int8Array | Int32Array | Float64Array;

function numbers(type: DataType, values: NumberArray): ColumnBuilder {
  const valid = validity(values.length);
  let i = 0;
  return {
    push(value) {
      valid.set(i, value !== null);
      if (value !== null) values[i] = Number(value);
      i++;
    },
    finish: () =>
      makeData({
        type,
        length: i,
        nullCount: valid.nullCount,
        nullBitmap: valid.bitmap,
        data: values,
      } as never),
  };
}

function bigints(length: number): ColumnBuilder {
  const values = new BigInt64Array(length);
  const valid = validity(length);
  let i = 0;
  return {
    push(value) {
      valid.set(i, value !== null);
      if (value !== null) values[i] = BigInt(value as bigint | number);
      i++;
    },
    finish: () =>
      makeData({
        type: new Int64(),
        length: i,
        nullCount: valid.nullCount,
        nullBitmap: valid.bitmap,
        data: values,
      }),
  };
}

function booleans(length: number): ColumnBuilder {
  const values = new Uint8Array(Math.ceil(length / 8));
  const valid = validity(length);
  let i = 0;
  return {
    push(value) {
      valid.set(i, value !== null);
      if (value === true) values[i >> 3] |= 1 << (i & 7);
      i++;
    },
    finish: () =>
      makeData({
        type: new Bool(),
        length: i,
        nullCount: valid.nullCount,
        nullBitmap: valid.bitmap,
        data: values,
      }),
  };
}

/** Strings as one UTF-8 buffer with offsets. */
function utf8Data(strings: readonly (string | null)[]): Data<Utf8> {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(strings.length + 1);
  const valid = validity(strings.length);
  let bytes = new Uint8Array(Math.max(1024, strings.length * 8));
  let end = 0;
  strings.forEach((s, i) => {
    valid.set(i, s !== null);
    if (s !== null) {
      // A UTF-8 encoding is at most 3 bytes per UTF-16 unit.
      if (end + s.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + s.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(s, bytes.subarray(end)).written;
    }
    offsets[i + 1] = end;
  });
  return makeData({
    type: new Utf8(),
    length: strings.length,
    nullCount: valid.nullCount,
    nullBitmap: valid.bitmap,
    valueOffsets: offsets,
    data: bytes.slice(0, end),
  });
}

function strings(length: number): ColumnBuilder {
  const values: (string | null)[] = new Array(length);
  let i = 0;
  return {
    push(value) {
      values[i++] = value === null ? null : String(value);
    },
    finish: () => utf8Data(values.slice(0, i)),
  };
}

/**
 * Strings with few distinct values (seasons, statuses, tags, ingredients) as an Arrow dictionary:
 * each row holds a small index into the distinct values, in the order first seen. DuckDB-Wasm
 * reads a dictionary column back as VARCHAR.
 */
function dictionary(length: number, distinct: number, id: number): ColumnBuilder {
  const index = distinct < 2 ** 7 ? new Int8() : distinct < 2 ** 15 ? new Int16() : new Int32();
  const Indices = distinct < 2 ** 7 ? Int8Array : distinct < 2 ** 15 ? Int16Array : Int32Array;
  const keys = new Indices(length);
  const valid = validity(length);
  const seen = new Map<string, number>();
  const values: string[] = [];
  let i = 0;
  return {
    push(value) {
      valid.set(i, value !== null);
      if (value !== null) {
        const text = String(value);
        let key = seen.get(text);
        if (key === undefined) {
          key = values.length;
          seen.set(text, key);
          values.push(text);
        }
        keys[i] = key;
      }
      i++;
    },
    finish: () =>
      makeData({
        type: new Dictionary(new Utf8(), index, id),
        length: i,
        nullCount: valid.nullCount,
        nullBitmap: valid.bitmap,
        data: keys,
        dictionary: makeVector(utf8Data(values)),
      } as never),
  };
}

export interface ColumnPlan {
  name: string;
  type: string;
  /** Distinct non-null values, for VARCHAR: decides dictionary encoding. */
  distinct?: number;
}

/** Dictionary-encode a string column when its values repeat enough to be worth it. */
export const worthDictionary = (distinct: number, rows: number) => distinct < 2 ** 31 && distinct * 2 <= rows;

export function columnBuilder(plan: ColumnPlan, length: number, dictionaryId: number): ColumnBuilder {
  switch (plan.type) {
    case "BOOLEAN":
      return booleans(length);
    case "TINYINT":
      return numbers(new Int8(), new Int8Array(length));
    case "INTEGER":
      return numbers(new Int32(), new Int32Array(length));
    case "DATE":
      return numbers(new DateDay(), new Int32Array(length));
    case "BIGINT":
      return bigints(length);
    case "DOUBLE":
      return numbers(new Float64(), new Float64Array(length));
    case "VARCHAR":
      return plan.distinct !== undefined && worthDictionary(plan.distinct, length)
        ? dictionary(length, plan.distinct, dictionaryId)
        : strings(length);
    default:
      throw new Error(
        `Column "${plan.name}" has type ${plan.type}, which the Explore extracts cannot hold ` +
          `(supported: ${SUPPORTED_TYPES.join(", ")}). Change it in src/lib/explore/tables.ts.`,
      );
  }
}
