// The browser extracts of the Explore page (data-loaders/explore/): one Arrow IPC stream per table
// of the contract (src/lib/explore/tables.ts) with exactly its columns, in its order, with its
// DuckDB types and every row of the snapshot — read back with apache-arrow and compared with
// DuckDB over the same Parquet. Written once per snapshot and reused; a contract the snapshot
// cannot meet is refused with what to change.
import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { tableFromIPC, type Table } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../data-loaders/config/config.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { writeExtract } from "../data-loaders/explore/extract.js";
import { tableArgument } from "../data-loaders/explore/loader.js";
import { extractFile, findTable, tableInfos } from "../data-loaders/explore/store.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import type { Snapshot } from "../data-loaders/snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { duckdbTypeName } from "../src/lib/explore/engine-values.js";
import { EXPLORE_TABLES } from "../src/lib/explore/tables.js";
import { generatedCsvs } from "./helpers/site.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let snapshot: Snapshot;
let session: Session;
let cacheDir: string;
const tables = new Map<string, Table>();

beforeAll(async () => {
  s3 = await startTestS3("explore-extracts-bucket");
  const work = tempDir("bttk-explore-extracts-");
  cacheDir = join(work, "cache");
  const config = loadConfig({
    env: "local",
    vars: { ...s3.vars, CACHE_DIR: cacheDir, DIST_DIR: join(work, "dist"), LOG_DIR: join(work, "logs") },
  });
  await ingestAndPublish(config, s3.store, await generatedCsvs(0.02, 5));
  snapshot = await syncEnvironmentSnapshot(config, s3.store);
  session = await openSession(snapshot);
  for (const table of EXPLORE_TABLES)
    tables.set(table.name, tableFromIPC(readFileSync(await extractFile(snapshot, table, cacheDir))));
}, 600_000);

afterAll(async () => {
  session?.close();
  await s3?.stop();
});

const q = (name: string) => `"${name}"`;

describe.each(EXPLORE_TABLES.map((t) => [t.name, t] as const))("the extract of %s", (name, table) => {
  it("has exactly the contract's columns, in order, with its DuckDB types", () => {
    const arrow = tables.get(name)!;
    expect(arrow.schema.fields.map((f) => f.name)).toEqual(table.columns.map((c) => c.name));
    expect(arrow.schema.fields.map((f) => duckdbTypeName(f.type))).toEqual(table.columns.map((c) => c.type));
  });

  it("holds every row of the snapshot, with the values DuckDB reads from the Parquet", async () => {
    const arrow = tables.get(name)!;
    const [{ rows }] = await session.query<{ rows: number }>(`SELECT count(*) AS "rows" FROM ${q(name)}`);
    expect(rows).toBeGreaterThan(0);
    expect(arrow.numRows).toBe(rows);
    expect(arrow.numRows).toBe(snapshot.manifest.files.find((f) => f.name === name)!.rows);
    for (const column of table.columns) {
      const values = arrow.getChild(column.name)!.toArray() as ArrayLike<unknown>;
      const got = Array.from({ length: arrow.numRows }, (_, i) => arrow.getChild(column.name)!.get(i));
      const present = got.filter((v) => v !== null);
      const c = q(column.name);
      if (column.type === "VARCHAR") {
        const [want] = await session.query<{ n: number; d: number; lo: string; hi: string; len: number }>(
          `SELECT count(${c}) AS n, count(DISTINCT ${c}) AS d, min(${c}) AS lo, max(${c}) AS hi, ` +
            `sum(length(${c}))::BIGINT AS len FROM ${q(name)}`,
        );
        const texts = present as string[];
        expect({
          n: texts.length,
          d: new Set(texts).size,
          len: texts.reduce((s, t) => s + [...t].length, 0),
        }).toEqual({ n: want.n, d: want.d, len: want.len ?? 0 });
        if (want.n > 0) expect(texts.includes(want.lo) && texts.includes(want.hi)).toBe(true);
      } else if (column.type === "DATE") {
        const [want] = await session.query<{ n: number; days: number }>(
          `SELECT count(${c}) AS n, sum(${c} - DATE '1970-01-01')::BIGINT AS days FROM ${q(name)}`,
        );
        // Arrow JS reads DateDay as milliseconds since 1970.
        const days = (present as number[]).reduce((s, ms) => s + ms / 86_400_000, 0);
        expect({ n: present.length, days }).toEqual({ n: want.n, days: want.days });
      } else if (column.type === "BOOLEAN") {
        const [want] = await session.query<{ n: number; t: number }>(
          `SELECT count(${c}) AS n, count(*) FILTER (WHERE ${c}) AS t FROM ${q(name)}`,
        );
        expect({ n: present.length, t: present.filter((v) => v === true).length }).toEqual(want);
      } else {
        const [want] = await session.query<{ n: number; s: number }>(
          `SELECT count(${c}) AS n, sum(${c})::DOUBLE AS s FROM ${q(name)}`,
        );
        const sum = (present as (number | bigint)[]).reduce<number>((s, v) => s + Number(v), 0);
        expect(present.length).toBe(want.n);
        expect(sum).toBeCloseTo(want.s ?? 0, 6);
      }
      expect(values.length).toBe(arrow.numRows);
    }
  });
});

describe("writing the extracts", () => {
  it("writes Arrow IPC streams (not files), and keeps them per snapshot: a second call writes nothing", async () => {
    const table = findTable("recipes");
    const file = await extractFile(snapshot, table, cacheDir);
    const bytes = readFileSync(file);
    // A stream starts with a message (continuation marker), a file with the magic "ARROW1".
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(bytes.subarray(0, 6).toString()).not.toBe("ARROW1");
    const before = statSync(file).mtimeMs;
    expect(await extractFile(snapshot, table, cacheDir)).toBe(file);
    expect(statSync(file).mtimeMs).toBe(before);
    const infos = await tableInfos(snapshot, cacheDir);
    expect(infos.map((i) => i.name)).toEqual(EXPLORE_TABLES.map((t) => t.name));
    expect(infos.find((i) => i.name === "recipes")!.bytes).toBe(bytes.length);
  });

  it("refuses a contract the snapshot does not meet, or a type it cannot hold, saying what to change", async () => {
    const recipes = findTable("recipes");
    await expect(
      writeExtract(snapshot, { name: "recipes", columns: [{ name: "minutes", type: "BIGINT" }] }),
    ).rejects.toThrow(/recipes\.minutes as BIGINT, but dataset .* has INTEGER/);
    await expect(
      writeExtract(snapshot, { name: "recipes", columns: [{ name: "nope", type: "INTEGER" }] }),
    ).rejects.toThrow(/has no such column/);
    await expect(
      writeExtract(snapshot, {
        name: "recipes",
        columns: [...recipes.columns, { name: "tags", type: "VARCHAR[]" }],
      }),
    ).rejects.toThrow(
      /type VARCHAR\[\], which the Explore extracts cannot hold .*src\/lib\/explore\/tables\.ts/,
    );
    await expect(writeExtract(snapshot, { name: "menus", columns: [] })).rejects.toThrow(
      /has no table "menus"/,
    );
    expect(() => findTable("menus")).toThrow(/not a table of the Explore page/);
    expect(tableArgument(["--table=recipes"])).toBe("recipes");
    expect(tableArgument(["--table", "rejects"])).toBe("rejects");
    expect(() => tableArgument([])).toThrow(/needs --table=<table>/);
  });

  it("is what the Framework loader prints, and the engine names a file for every table", async () => {
    const loader = join(PROJECT_ROOT, "src", "explore", "engine", "[table].arrows.ts");
    const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    const { stdout } = await promisify(execFile)(tsx, [loader, "--table=rejects"], {
      encoding: "buffer",
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, BTTK_SNAPSHOT_DIR: snapshot.dir, CACHE_DIR: cacheDir, APP_ENV: "local" },
    });
    expect(Buffer.from(stdout)).toEqual(
      readFileSync(await extractFile(snapshot, findTable("rejects"), cacheDir)),
    );
    // FileAttachment needs literal paths: one line per table in engine-files.ts.
    const files = readFileSync(join(PROJECT_ROOT, "src", "lib", "explore", "engine-files.ts"), "utf8");
    const named = [
      ...files.matchAll(/(\w+): \(\) => FileAttachment\("\.\.\/\.\.\/explore\/engine\/(\w+)\.arrows"\)/g),
    ];
    expect(named.map(([, key, file]) => [key, file])).toEqual(EXPLORE_TABLES.map((t) => [t.name, t.name]));
  });
});
