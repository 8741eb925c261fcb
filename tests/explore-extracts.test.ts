// The browser extracts of the Explore page (data-loaders/explore/): one DuckDB database file per
// table of the contract (src/lib/explore/tables.ts) holding that table with exactly its columns, in
// its order, with its DuckDB types and every row of the snapshot — attached read-only and compared
// row for row with DuckDB over the same Parquet. Written once per snapshot and reused; a contract
// the snapshot cannot meet is refused with what to change. (That DuckDB-Wasm reads them is shown by
// tests/explore-engine.test.ts, which queries them in Chromium.)
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../data-loaders/config/config.js";
import { openSession, type Session } from "../data-loaders/duckdb/session.js";
import { writeExtract } from "../data-loaders/explore/extract.js";
import { tableArgument } from "../data-loaders/explore/loader.js";
import { extractFile, findTable, tableInfos } from "../data-loaders/explore/store.js";
import { ingestAndPublish } from "../data-loaders/ingest/pipeline.js";
import type { Snapshot } from "../data-loaders/snapshot/cache.js";
import { syncEnvironmentSnapshot } from "../data-loaders/snapshot/open.js";
import { EXPLORE_TABLES } from "../src/lib/explore/tables.js";
import { generatedCsvs } from "./helpers/site.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

let s3: TestS3;
let snapshot: Snapshot;
let session: Session;
let cacheDir: string;
let work: string;

const q = (name: string) => `"${name}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

beforeAll(async () => {
  s3 = await startTestS3("explore-extracts-bucket");
  work = tempDir("bttk-explore-extracts-");
  cacheDir = join(work, "cache");
  const config = loadConfig({
    env: "local",
    vars: { ...s3.vars, CACHE_DIR: cacheDir, DIST_DIR: join(work, "dist"), LOG_DIR: join(work, "logs") },
  });
  await ingestAndPublish(config, s3.store, await generatedCsvs(0.02, 5));
  snapshot = await syncEnvironmentSnapshot(config, s3.store);
  // The snapshot's tables as views over its Parquet, and each extract attached beside them.
  session = await openSession(snapshot);
  for (const table of EXPLORE_TABLES) {
    const file = await extractFile(snapshot, table, cacheDir);
    await session.run(`ATTACH ${literal(file)} AS ${q(`x_${table.name}`)} (READ_ONLY)`);
  }
}, 600_000);

afterAll(async () => {
  session?.close();
  await s3?.stop();
});

describe.each(EXPLORE_TABLES.map((t) => [t.name, t] as const))("the extract of %s", (name, table) => {
  const extract = () => `${q(`x_${name}`)}.main.${q(name)}`;

  it("holds one table, with exactly the contract's columns, in order, with its DuckDB types", async () => {
    const tables = await session.query<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'x_${name}'`,
    );
    expect(tables.map((t) => t.name)).toEqual([name]);
    const columns = await session.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${extract()}`,
    );
    expect(columns.map((c) => ({ name: c.column_name, type: c.column_type }))).toEqual(table.columns);
  });

  it("holds every row of the snapshot, with the values DuckDB reads from the Parquet", async () => {
    const list = table.columns.map((c) => q(c.name)).join(", ");
    const [{ rows, extracted, missing, extra }] = await session.query<{
      rows: number;
      extracted: number;
      missing: number;
      extra: number;
    }>(
      `SELECT (SELECT count(*) FROM ${q(name)}) AS "rows", (SELECT count(*) FROM ${extract()}) AS extracted, ` +
        `(SELECT count(*) FROM (SELECT ${list} FROM ${q(name)} EXCEPT ALL SELECT ${list} FROM ${extract()})) AS missing, ` +
        `(SELECT count(*) FROM (SELECT ${list} FROM ${extract()} EXCEPT ALL SELECT ${list} FROM ${q(name)})) AS extra`,
    );
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBe(snapshot.manifest.files.find((f) => f.name === name)!.rows);
    expect({ extracted, missing, extra }).toEqual({ extracted: rows, missing: 0, extra: 0 });
  });
});

describe("writing the extracts", () => {
  it("writes DuckDB database files on their own (no write-ahead log), and keeps them per snapshot: a second call writes nothing", async () => {
    const table = findTable("recipes");
    const file = await extractFile(snapshot, table, cacheDir);
    const bytes = readFileSync(file);
    // DuckDB's file header: a checksum, then the magic "DUCK".
    expect(bytes.subarray(8, 12).toString()).toBe("DUCK");
    expect(existsSync(`${file}.wal`)).toBe(false);
    // Nothing left aside once written.
    expect(readdirSync(join(file, "..")).filter((f) => /part/.test(f))).toEqual([]);
    const before = statSync(file).mtimeMs;
    expect(await extractFile(snapshot, table, cacheDir)).toBe(file);
    expect(statSync(file).mtimeMs).toBe(before);
    const infos = await tableInfos(snapshot, cacheDir);
    expect(infos.map((i) => i.name)).toEqual(EXPLORE_TABLES.map((t) => t.name));
    expect(infos.find((i) => i.name === "recipes")!.bytes).toBe(bytes.length);
  });

  it("refuses a contract the snapshot does not meet, saying what to change, and leaves no file", async () => {
    const file = join(work, "refused.duckdb");
    await expect(
      writeExtract(snapshot, { name: "recipes", columns: [{ name: "minutes", type: "BIGINT" }] }, file),
    ).rejects.toThrow(/recipes\.minutes as BIGINT, but dataset .* has INTEGER/);
    await expect(
      writeExtract(snapshot, { name: "recipes", columns: [{ name: "nope", type: "INTEGER" }] }, file),
    ).rejects.toThrow(/has no such column/);
    await expect(writeExtract(snapshot, { name: "menus", columns: [] }, file)).rejects.toThrow(
      /has no table "menus"/,
    );
    expect(existsSync(file)).toBe(false);
    expect(() => findTable("menus")).toThrow(/not a table of the Explore page/);
    expect(tableArgument(["--table=recipes"])).toBe("recipes");
    expect(tableArgument(["--table", "rejects"])).toBe("rejects");
    expect(() => tableArgument([])).toThrow(/needs --table=<table>/);
  });

  it("holds any DuckDB type the contract names: a list column too", async () => {
    const recipes = findTable("recipes");
    const file = join(work, "with-tags.duckdb");
    const written = await writeExtract(
      snapshot,
      { name: "recipes", columns: [recipes.columns[0], { name: "tags", type: "VARCHAR[]" }] },
      file,
    );
    await session.run(`ATTACH ${literal(file)} AS with_tags (READ_ONLY)`);
    const [{ n, lists }] = await session.query<{ n: number; lists: number }>(
      "SELECT count(*) AS n, count(*) FILTER (WHERE len(tags) > 0) AS lists FROM with_tags.recipes",
    );
    expect(n).toBe(written.rows);
    expect(lists).toBeGreaterThan(0);
    await session.run("DETACH with_tags");
  });

  it("is what the Framework loader prints, and the engine names a file for every table", async () => {
    const loader = join(PROJECT_ROOT, "src", "explore", "engine", "[table].duckdb.ts");
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
      ...files.matchAll(/(\w+): \(\) => FileAttachment\("\.\.\/\.\.\/explore\/engine\/(\w+)\.duckdb"\)/g),
    ];
    expect(named.map(([, key, file]) => [key, file])).toEqual(EXPLORE_TABLES.map((t) => [t.name, t.name]));
  });
});
