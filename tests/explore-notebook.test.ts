// The Explore notebook's pure parts: names, what a cell runs, dependencies and run order, the .sql
// export and import, the link (compressed hash) and localStorage, and the example notebooks — each
// example's cells run, in order, by a real DuckDB over tables with the browser extracts' columns
// (src/lib/explore/tables.ts) filled with a few hand-made rows, so the results are known exactly.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain } from "../data-loaders/duckdb/session.js";
import { EXAMPLES, exampleNotebook, getExample } from "../src/lib/explore/examples.js";
import {
  addCell,
  cellStatement,
  dependencies,
  emptyNotebook,
  exportSql,
  importSql,
  mentionedNames,
  moveCell,
  nameProblem,
  NotebookError,
  planCell,
  removeCell,
  renameCell,
  runOrder,
  setCellSql,
  type Notebook,
} from "../src/lib/explore/notebook.js";
import {
  HASH_KEY,
  loadLocal,
  MAX_JSON_BYTES,
  notebookFromHash,
  notebookHash,
  restoreNotebook,
  saveLocal,
  STORAGE_KEY,
  type StorageLike,
} from "../src/lib/explore/share.js";
import { EXPLORE_TABLES } from "../src/lib/explore/tables.js";

/** A notebook of (name, sql) pairs. */
function notebookOf(...cells: [string, string][]): Notebook {
  let nb = emptyNotebook();
  for (const [name, sql] of cells) nb = addCell(nb, { name, sql }).notebook;
  return nb;
}
const names = (nb: Notebook) => nb.cells.map((c) => c.name);
const pairs = (nb: Notebook) => nb.cells.map((c) => [c.name, c.sql]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof NotebookError) return error.code;
    throw error;
  }
  return undefined;
}

describe("cell names", () => {
  const nb = notebookOf(["yearly", "SELECT 1"]);

  it("accepts SQL identifiers and refuses the rest with a reason", () => {
    expect(nameProblem("by_year_2", nb)).toBeUndefined();
    expect(nameProblem("_tmp", nb)).toBeUndefined();
    expect(nameProblem("", nb)?.code).toBe("nameEmpty");
    expect(nameProblem("2cells", nb)?.code).toBe("nameSyntax");
    expect(nameProblem("by year", nb)?.code).toBe("nameSyntax");
    expect(nameProblem('x"; DROP TABLE recipes; --', nb)?.code).toBe("nameSyntax");
    expect(nameProblem("a".repeat(64), nb)?.code).toBe("nameTooLong");
    expect(nameProblem("select", nb)?.code).toBe("nameReserved");
    expect(nameProblem("Recipes", nb)?.code).toBe("nameTable");
    expect(nameProblem("recipe_tags", nb)?.message).toBe(
      '"recipe_tags" is one of the dataset\'s tables: a cell of that name would hide it. Choose another name.',
    );
    expect(nameProblem("YEARLY", nb)?.code).toBe("nameTaken");
    expect(nameProblem("yearly", nb, nb.cells[0].id)).toBeUndefined();
  });

  it("every base table of the extracts is refused", () => {
    for (const t of EXPLORE_TABLES) expect(nameProblem(t.name, emptyNotebook())?.code).toBe("nameTable");
  });
});

describe("notebook operations", () => {
  it("adds with free names, after a cell, and moves, renames, edits and removes", () => {
    let nb = emptyNotebook();
    nb = addCell(nb).notebook;
    nb = addCell(nb).notebook;
    expect(names(nb)).toEqual(["cell1", "cell2"]);
    const { notebook, cell } = addCell(nb, { name: "middle", sql: "SELECT 2", afterId: nb.cells[0].id });
    nb = notebook;
    expect(names(nb)).toEqual(["cell1", "middle", "cell2"]);
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(3);
    nb = moveCell(nb, cell.id, -1);
    expect(names(nb)).toEqual(["middle", "cell1", "cell2"]);
    expect(moveCell(nb, cell.id, -1)).toBe(nb); // already first
    nb = moveCell(nb, cell.id, 2);
    expect(names(nb)).toEqual(["cell1", "cell2", "middle"]);
    nb = renameCell(nb, cell.id, "last");
    expect(names(nb)).toEqual(["cell1", "cell2", "last"]);
    expect(codeOf(() => renameCell(nb, cell.id, "cell1"))).toBe("nameTaken");
    expect(codeOf(() => renameCell(nb, cell.id, "interactions"))).toBe("nameTable");
    nb = setCellSql(nb, cell.id, "SELECT 3");
    expect(nb.cells[2].sql).toBe("SELECT 3");
    nb = removeCell(nb, nb.cells[0].id);
    expect(names(nb)).toEqual(["cell2", "last"]);
    expect(addCell(nb).cell.name).toBe("cell1");
  });

  it("refuses a duplicate name when adding, and more than 50 cells", () => {
    const nb = notebookOf(["a", ""]);
    expect(codeOf(() => addCell(nb, { name: "A" }))).toBe("nameTaken");
    let big = emptyNotebook();
    for (let i = 0; i < 50; i++) big = addCell(big).notebook;
    expect(codeOf(() => addCell(big))).toBe("tooManyCells");
  });
});

describe("what a cell runs", () => {
  it("materialises a query as a table named after the cell, then selects it", () => {
    expect(
      planCell({ name: "yearly", sql: "SELECT year, count(*) AS n FROM recipes GROUP BY year;" }),
    ).toEqual({
      kind: "query",
      statement: "SELECT year, count(*) AS n FROM recipes GROUP BY year",
      create: 'CREATE OR REPLACE TABLE "yearly" AS\nSELECT year, count(*) AS n FROM recipes GROUP BY year\n',
      show: 'SELECT * FROM "yearly"',
    });
  });

  it("keeps leading comments, drops trailing ones and the final semicolons", () => {
    const sql = "-- recipes per year\n/* block */ WITH x AS (SELECT 1 AS a) SELECT * FROM x ; ; -- done\n";
    expect(cellStatement(sql)).toBe(
      "-- recipes per year\n/* block */ WITH x AS (SELECT 1 AS a) SELECT * FROM x",
    );
    expect(planCell({ name: "c", sql }).kind).toBe("query");
    // A semicolon or a comment marker inside a string is text, not syntax.
    expect(cellStatement("SELECT ';' AS s, '--x' AS t -- c")).toBe("SELECT ';' AS s, '--x' AS t");
    expect(planCell({ name: "c", sql: "(SELECT 1) UNION ALL (SELECT 2)" }).kind).toBe("query");
    expect(planCell({ name: "c", sql: "FROM recipes LIMIT 3" }).kind).toBe("query");
  });

  it("runs other statements as written", () => {
    expect(planCell({ name: "c", sql: "SET threads = 1;" })).toEqual({
      kind: "statement",
      statement: "SET threads = 1",
    });
    expect(planCell({ name: "c", sql: "CREATE VIEW v AS SELECT 1" }).kind).toBe("statement");
  });

  it("refuses an empty cell, two statements and an unclosed quote", () => {
    expect(codeOf(() => planCell({ name: "c", sql: "  -- nothing\n ;" }))).toBe("sqlEmpty");
    expect(codeOf(() => planCell({ name: "c", sql: "SELECT 1; SELECT 2" }))).toBe("sqlMany");
    expect(codeOf(() => planCell({ name: "c", sql: "SELECT 'abc" }))).toBe("sqlUnclosed");
    expect(codeOf(() => planCell({ name: "c", sql: "SELECT 1 /* open" }))).toBe("sqlUnclosed");
  });

  it("quotes the name so the created table is exactly the cell's", () => {
    expect(planCell({ name: "Mixed_Case", sql: "SELECT 1" })).toMatchObject({
      create: 'CREATE OR REPLACE TABLE "Mixed_Case" AS\nSELECT 1\n',
    });
  });
});

describe("dependencies and run order", () => {
  const nb = notebookOf(
    ["summary", "SELECT * FROM yearly JOIN monthly USING (year)"],
    ["yearly", "SELECT year, count(*) AS n FROM base GROUP BY year"],
    ["monthly", "SELECT year, month, count(*) FROM base GROUP BY ALL -- not yearly"],
    ["base", "SELECT * FROM recipes WHERE name <> 'summary' AND s.yearly IS NULL"],
    ["alone", "SELECT 42"],
  );
  const id = (name: string) => nb.cells.find((c) => c.name === name)!.id;

  it("a cell reads the cells it names, not names in strings, comments or after a dot", () => {
    expect(mentionedNames('SELECT "Yearly".x FROM "Yearly"')).toEqual(new Set(["select", "yearly", "from"]));
    expect(names({ cells: dependencies(nb, id("summary")) })).toEqual(["yearly", "monthly"]);
    expect(names({ cells: dependencies(nb, id("monthly")) })).toEqual(["base"]);
    expect(names({ cells: dependencies(nb, id("base")) })).toEqual([]);
  });

  it("run all puts each cell after what it reads, otherwise in notebook order", () => {
    expect(names({ cells: runOrder(nb) })).toEqual(["base", "yearly", "monthly", "summary", "alone"]);
  });

  it("a target's order is only what it needs", () => {
    expect(names({ cells: runOrder(nb, [id("monthly")]) })).toEqual(["base", "monthly"]);
    expect(names({ cells: runOrder(nb, [id("alone")]) })).toEqual(["alone"]);
  });

  it("a cycle does not loop: each cell still runs once", () => {
    const cyc = notebookOf(["a", "SELECT * FROM b"], ["b", "SELECT * FROM a"]);
    expect(names({ cells: runOrder(cyc) })).toEqual(["b", "a"]);
  });
});

describe("the .sql file", () => {
  const nb = notebookOf(
    ["yearly", "-- per year\nSELECT year, count(*) AS n\nFROM recipes\nGROUP BY year;  -- end"],
    ["settings", "SET threads = 2"],
    ["top", "SELECT * FROM yearly ORDER BY n DESC LIMIT 3"],
  );

  it("writes each cell as `-- cell: <name>` and the statement that materialises it", () => {
    expect(exportSql(nb)).toBe(
      [
        "-- Back to the Kitchen · Explore notebook. Each cell: `-- cell: <name>`, then its statement.",
        "",
        "-- cell: yearly",
        'CREATE OR REPLACE TABLE "yearly" AS',
        "-- per year\nSELECT year, count(*) AS n\nFROM recipes\nGROUP BY year;",
        "",
        "-- cell: settings",
        "SET threads = 2;",
        "",
        "-- cell: top",
        'CREATE OR REPLACE TABLE "top" AS',
        "SELECT * FROM yearly ORDER BY n DESC LIMIT 3;",
        "",
      ].join("\n"),
    );
  });

  it("reads its own file back to the same cells (statements without their last `;`)", () => {
    const back = importSql(exportSql(nb));
    expect(pairs(back)).toEqual([
      ["yearly", "-- per year\nSELECT year, count(*) AS n\nFROM recipes\nGROUP BY year"],
      ["settings", "SET threads = 2"],
      ["top", "SELECT * FROM yearly ORDER BY n DESC LIMIT 3"],
    ]);
    expect(pairs(importSql(exportSql(back)))).toEqual(pairs(back));
  });

  it("reads a plain query file as one cell, Windows line ends included", () => {
    expect(pairs(importSql("SELECT 1 AS one;\r\n"))).toEqual([["cell1", "SELECT 1 AS one"]]);
  });

  it("refuses a file with a bad cell name (naming its line) or no cell", () => {
    let error: unknown;
    try {
      importSql("-- cell: ok\nSELECT 1;\n\n-- cell: recipes\nSELECT 2;\n");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotebookError);
    expect((error as NotebookError).code).toBe("importName");
    expect((error as NotebookError).params.line).toBe(4);
    expect((error as Error).message).toMatch(/^Line 4: "recipes" is one of the dataset's tables/);
    expect(codeOf(() => importSql("\n\n"))).toBe("importEmpty");
  });
});

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** base64url of bytes, as share.ts writes them. */
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
async function deflateRaw(text: string | Uint8Array): Promise<Uint8Array> {
  const input = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const stream = new Blob([input as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("the link", () => {
  const nb = notebookOf(
    ["wanted", "SELECT * FROM (VALUES ('garlic'), ('crème fraîche')) AS t(ingredient)"],
    ["quick", "-- « moins de 30 min »\nSELECT * FROM recipes WHERE minutes <= 30"],
  );

  it("round-trips names and SQL (accents, quotes, newlines) through a compact, versioned hash", async () => {
    const hash = await notebookHash(nb);
    expect(hash).toMatch(/^#nb=1\.[A-Za-z0-9_-]+$/);
    const back = await notebookFromHash(hash);
    expect(back?.problem).toBeUndefined();
    expect(pairs(back!.notebook)).toEqual(pairs(nb));
    // Deflated: a long, repetitive notebook is far shorter than its JSON.
    const long = notebookOf(
      ...Array.from(
        { length: 20 },
        (_, i) => [`c${i}`, "SELECT year, count(*) FROM recipes GROUP BY year"] as [string, string],
      ),
    );
    const longHash = await notebookHash(long);
    expect(longHash.length).toBeLessThan(JSON.stringify(pairs(long)).length / 4);
    expect(pairs((await notebookFromHash(`#other=x&${longHash.slice(1)}`))!.notebook)).toEqual(pairs(long));
  });

  it("a hash without a notebook is not a problem", async () => {
    expect(await notebookFromHash("")).toBeUndefined();
    expect(await notebookFromHash("#results")).toBeUndefined();
  });

  it("a corrupt, truncated, foreign-version, hostile or oversized hash gives an empty notebook and a reason", async () => {
    const hash = await notebookHash(nb);
    const cases: [string, string][] = [
      [hash.slice(0, hash.length - 12), "corrupt"],
      ["#nb=1.!!!not-base64!!!", "corrupt"],
      ["#nb=garbage", "corrupt"],
      ["#nb=2." + hash.split(".")[1], "version"],
      [`#nb=1.${b64url(await deflateRaw("not json"))}`, "corrupt"],
      [
        `#nb=1.${b64url(await deflateRaw(JSON.stringify({ v: 1, cells: [["recipes", "SELECT 1"]] })))}`,
        "invalid",
      ],
      [
        `#nb=1.${b64url(await deflateRaw(JSON.stringify({ v: 1, cells: [['x" AS SELECT 1; --', "SELECT 1"]] })))}`,
        "invalid",
      ],
      [`#nb=1.${b64url(await deflateRaw(JSON.stringify({ v: 1, cells: [["a", 1]] })))}`, "invalid"],
      [`#nb=1.${b64url(await deflateRaw(JSON.stringify({ v: 1, cells: "x" })))}`, "invalid"],
      // A decompression bomb: 8 MB of spaces deflate to a few KB.
      [`#nb=1.${b64url(await deflateRaw(new Uint8Array(8 * MAX_JSON_BYTES).fill(32)))}`, "tooLarge"],
      [`#nb=1.${"A".repeat(300_000)}`, "tooLarge"],
    ];
    for (const [bad, problem] of cases) {
      const out = await notebookFromHash(bad);
      expect({ bad: bad.slice(0, 40), problem: out?.problem, cells: out?.notebook.cells.length }).toEqual({
        bad: bad.slice(0, 40),
        problem,
        cells: 0,
      });
    }
  });

  it("localStorage keeps the last notebook; the hash wins when present", async () => {
    const storage = new MemoryStorage();
    expect(await restoreNotebook("", storage)).toEqual({ notebook: emptyNotebook(), source: "none" });
    expect(saveLocal(nb, storage)).toBe(true);
    const restored = await restoreNotebook("", storage);
    expect(restored.source).toBe("storage");
    expect(pairs(restored.notebook)).toEqual(pairs(nb));
    const other = notebookOf(["shared", "SELECT 2"]);
    const fromLink = await restoreNotebook(await notebookHash(other), storage);
    expect(fromLink.source).toBe("hash");
    expect(pairs(fromLink.notebook)).toEqual([["shared", "SELECT 2"]]);
    // A broken link shows its problem rather than silently opening the stored notebook.
    const broken = await restoreNotebook(`#${HASH_KEY}=1.zz`, storage);
    expect(broken).toMatchObject({ source: "hash", problem: "corrupt" });
    expect(broken.notebook.cells).toEqual([]);
  });

  it("unreadable or unavailable storage is no error", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "{not json");
    expect(loadLocal(storage)).toBeUndefined();
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, cells: [["select", "x"]] }));
    expect(loadLocal(storage)).toBeUndefined();
    expect(loadLocal(undefined)).toBeUndefined();
    expect(saveLocal(nb, undefined)).toBe(false);
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(saveLocal(nb, full)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The examples, run cell by cell (as the page runs them) by DuckDB over the extracts' columns.

let instance: DuckDBInstance;
let db: DuckDBConnection;
const rows = async (sql: string) =>
  plain((await db.runAndReadAll(sql)).getRowObjectsJS()) as Record<string, unknown>[];

/** A row per table, in EXPLORE_TABLES column order, with the columns not given left NULL. */
async function insert(table: string, values: Record<string, unknown>[]): Promise<void> {
  const cols = EXPLORE_TABLES.find((t) => t.name === table)!.columns;
  const literal = (v: unknown) =>
    v === undefined || v === null ? "NULL" : typeof v === "string" ? `'${v.replace(/'/g, "''")}'` : String(v);
  for (const row of values)
    await db.run(`INSERT INTO ${table} VALUES (${cols.map((c) => literal(row[c.name])).join(", ")})`);
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  db = await instance.connect();
  for (const t of EXPLORE_TABLES)
    await db.run(`CREATE TABLE "${t.name}" (${t.columns.map((c) => `"${c.name}" ${c.type}`).join(", ")})`);
  await insert("recipes", [
    { id: 1, name: "garlic butter shrimp", minutes: 15, n_ingredients: 4, year: 2005 },
    { id: 2, name: "garlic bread", minutes: 25, n_ingredients: 3, year: 2006 },
    { id: 3, name: "slow roast", minutes: 240, n_ingredients: 5, year: 2006 },
    { id: 4, name: "butter cookies", minutes: 20, n_ingredients: 3, year: 2007 },
  ]);
  await insert("recipe_ingredients", [
    { recipe_id: 1, position: 1, ingredient: "garlic" },
    { recipe_id: 1, position: 2, ingredient: "butter" },
    { recipe_id: 1, position: 3, ingredient: "shrimp" },
    { recipe_id: 2, position: 1, ingredient: "garlic" },
    { recipe_id: 2, position: 2, ingredient: "butter" },
    { recipe_id: 3, position: 1, ingredient: "garlic" },
    { recipe_id: 3, position: 2, ingredient: "butter" },
    { recipe_id: 4, position: 1, ingredient: "butter" },
  ]);
  // Recipe 1: 25 ratings (5 ×15, 4 ×10) → 4.6; recipe 2: 20 ratings of 5 and 2 reviews without one;
  // recipe 4: 5 ratings of 5 (too few for "best rated"). User 7 wrote 30 reviews, user 8 the rest.
  const x: Record<string, unknown>[] = [];
  for (let i = 0; i < 25; i++)
    x.push({ user_id: i < 20 ? 7 : 8, recipe_id: 1, rating: i < 15 ? 5 : 4, year: 2010 + (i % 3) });
  for (let i = 0; i < 22; i++)
    x.push({ user_id: i < 10 ? 7 : 8, recipe_id: 2, rating: i < 20 ? 5 : 0, year: 2012 });
  for (let i = 0; i < 5; i++) x.push({ user_id: 8, recipe_id: 4, rating: 5, year: 2015 });
  await insert("interactions", x);
}, 60_000);

afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
});

/** Run an example as the page does (run order; each query materialised, then shown). */
async function runExample(id: string): Promise<Map<string, Record<string, unknown>[]>> {
  const nb = exampleNotebook(getExample(id)!, (cell) => `note for ${cell}`);
  const out = new Map<string, Record<string, unknown>[]>();
  for (const cell of runOrder(nb)) {
    const plan = planCell(cell);
    expect(plan.kind).toBe("query");
    if (plan.kind !== "query") continue;
    await db.run(plan.create);
    out.set(cell.name, await rows(plan.show));
  }
  return out;
}

describe("example notebooks", () => {
  it("are three, each with valid, distinct cell names and a comment from its note", () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(["finder", "bestRated", "reviewers"]);
    for (const e of EXAMPLES) {
      const nb = exampleNotebook(e, (cell) => `why ${cell}`);
      expect(nb.cells.map((c) => c.sql.split("\n")[0])).toEqual(e.cells.map((c) => `-- why ${c.name}`));
    }
  });

  it("recipe finder: recipes with all the wanted ingredients, within 30 minutes, most rated first", async () => {
    const out = await runExample("finder");
    expect(out.get("finder")).toEqual([
      { name: "garlic butter shrimp", minutes: 15, n_ingredients: 4, ratings: 25, mean_rating: 4.6 },
      { name: "garlic bread", minutes: 25, n_ingredients: 3, ratings: 20, mean_rating: 5 },
    ]);
  });

  it("best rated: recipes with at least 20 ratings, by mean rating", async () => {
    const out = await runExample("bestRated");
    expect(out.get("rated")!.length).toBe(3);
    expect(out.get("best")).toEqual([
      { name: "garlic bread", year: 2006, ratings: 20, mean_rating: 5 },
      { name: "garlic butter shrimp", year: 2005, ratings: 25, mean_rating: 4.6 },
    ]);
  });

  it("prolific reviewers: who reviews most, and how their ratings compare with everyone's", async () => {
    const out = await runExample("reviewers");
    expect(out.get("prolific")).toEqual([
      { user_id: 7, reviews: 30, ratings: 30, mean_rating: 4.83, first_year: 2010, last_year: 2012 },
      { user_id: 8, reviews: 22, ratings: 20, mean_rating: 4.75, first_year: 2010, last_year: 2015 },
    ]);
    // Both users are in the top 20, so "prolific" and "everyone" agree: 10 fours, 40 fives of 50.
    expect(out.get("shares")).toEqual([
      { rating: 4, prolific_pct: 20, everyone_pct: 20 },
      { rating: 5, prolific_pct: 80, everyone_pct: 80 },
    ]);
  });
});
