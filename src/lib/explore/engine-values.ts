// Arrow results of DuckDB-Wasm as plain JS for the notebook: numbers, strings, booleans, ISO dates,
// arrays and objects. BIGINT becomes a number when it is exact as one (a BigInt otherwise), DATE an
// ISO date, TIMESTAMP an ISO date-time, DECIMAL (and HUGEINT, which DuckDB sends as a decimal) a
// number. Column types are named as DuckDB names them, from the Arrow type.
import { DataType, util, type Field } from "apache-arrow";

/** DuckDB's name for an Arrow type of a DuckDB-Wasm result. */
export function duckdbTypeName(type: DataType): string {
  if (DataType.isDictionary(type)) return duckdbTypeName(type.dictionary);
  if (DataType.isInt(type)) {
    const name = { 8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT" }[type.bitWidth];
    return type.isSigned ? name : `U${name}`;
  }
  if (DataType.isFloat(type)) return type.precision === 2 ? "DOUBLE" : "FLOAT";
  if (DataType.isDecimal(type))
    return type.scale === 0 && type.precision === 38 ? "HUGEINT" : `DECIMAL(${type.precision},${type.scale})`;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return "VARCHAR";
  if (DataType.isBool(type)) return "BOOLEAN";
  if (DataType.isDate(type)) return "DATE";
  if (DataType.isTimestamp(type)) return type.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
  if (DataType.isTime(type)) return "TIME";
  if (DataType.isInterval(type) || DataType.isDuration(type)) return "INTERVAL";
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type))
    return "BLOB";
  if (DataType.isList(type) || DataType.isFixedSizeList(type))
    return `${duckdbTypeName(type.children[0].type)}[]`;
  if (DataType.isStruct(type))
    return `STRUCT(${type.children.map((f: Field) => `${f.name} ${duckdbTypeName(f.type)}`).join(", ")})`;
  if (DataType.isMap(type)) {
    const [key, value] = type.children[0].type.children;
    return `MAP(${duckdbTypeName(key.type)}, ${duckdbTypeName(value.type)})`;
  }
  if (DataType.isNull(type)) return "NULL";
  return String(type).toUpperCase();
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One value of a column of Arrow type `type`, as plain JS. */
export function plainValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isDictionary(type)) return plainValue(value, type.dictionary);
  if (DataType.isDecimal(type)) return util.bigNumToNumber(value as never, type.scale);
  if (DataType.isDate(type)) return isoDate(value instanceof Date ? value.getTime() : Number(value));
  if (DataType.isTimestamp(type)) {
    // Arrow JS gives milliseconds since 1970 whatever the unit.
    const ms = value instanceof Date ? value.getTime() : Number(value);
    return new Date(ms).toISOString();
  }
  if (typeof value === "bigint")
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value;
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = type.children[0].type;
    return Array.from(value as Iterable<unknown>, (v) => plainValue(v, child));
  }
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>;
    return Object.fromEntries(type.children.map((f: Field) => [f.name, plainValue(row[f.name], f.type)]));
  }
  if (DataType.isMap(type)) {
    const [key, item] = type.children[0].type.children;
    const entries = (value as { toJSON(): Record<string, unknown> }).toJSON();
    return Object.fromEntries(
      Object.entries(entries).map(([k, v]) => [plainValue(k, key.type), plainValue(v, item.type)]),
    );
  }
  return value;
}
