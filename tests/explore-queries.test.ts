// "Open in Explore": the SQL each analysis ran, recorded exactly as it ran (parameters inlined as
// literals), checked against the browser tables (src/lib/explore/tables.ts) in a real DuckDB, and
// turned into notebook cells. The Trends analyses run on the crafted dataset of
// tests/helpers/trends-data.ts; their recorded SQL, run again, gives the rows they computed.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePage, pageAnalyses, REGISTRY } from "../data-loaders/analyses/registry.js";
import { VOLUME_SQL } from "../data-loaders/analyses/trends/volume.js";
import type { Session } from "../data-loaders/duckdb/session.js";
import {
  checkNotRunnable,
  createRecorder,
  inlineParams,
  notRunnable,
  pageQueries,
  sqlLiteral,
  tidySql,
} from "../data-loaders/explore/queries.js";
import {
  openQueryChecker,
  sessionTables,
  unsupportedFeatures,
  type FullTable,
  type QueryChecker,
} from "../data-loaders/explore/query-check.js";
import type { PageQueries } from "../src/lib/explore/analysis-queries.js";
import { blockerOf, blockerText, exploreHref } from "../src/lib/explore/explore-link.js";
import {
  analysisFromHash,
  analysisNotebook,
  cellsOf,
  notebookFromHash,
} from "../src/lib/explore/from-analysis.js";
import { emptyNotebook, nameProblem } from "../src/lib/explore/notebook.js";
import { NOT_RUNNABLE } from "../src/lib/explore/not-runnable.js";
import { translator } from "../src/lib/i18n/index.js";
import { craftedSession } from "./helpers/trends-data.js";

describe("parameters inlined as SQL literals", () => {
  it("gives each value the literal of the type DuckDB binds it as", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral(50)).toBe("50");
    expect(sqlLiteral(-3)).toBe("-3");
    expect(sqlLiteral(3_000_000_000)).toBe("3000000000::BIGINT");
    expect(sqlLiteral(0.25)).toBe("0.25::DOUBLE");
    expect(sqlLiteral(Number.NaN)).toBe("'NaN'::DOUBLE");
    expect(sqlLiteral(true)).toBe("TRUE");
    expect(sqlLiteral(null)).toBe("NULL");
  });

  it("replaces $names in code only, never inside strings, quoted identifiers or comments", () => {
    const sql = `SELECT $a AS a, '$a' AS s, "$a" AS q -- $a\n, $b /* $b */ FROM t WHERE x = $a_b`;
    expect(inlineParams(sql, { a: "o'k", b: 1.5, a_b: 7 })).toBe(
      `SELECT 'o''k' AS a, '$a' AS s, "$a" AS q -- $a\n, 1.5::DOUBLE /* $b */ FROM t WHERE x = 7`,
    );
    expect(inlineParams("SELECT 'it''s $a', $a", { a: 1 })).toBe("SELECT 'it''s $a', 1");
  });

  it("refuses a $name with no value, naming it", () => {
    expect(() => inlineParams("SELECT $missing", {})).toThrow(/\$missing but no value/);
  });

  it("inlined statements give DuckDB's results for the bound ones", async () => {
    const session = await craftedSession();
    try {
      const sql = "SELECT $s AS s, $i + 1 AS i, $d * 2 AS d, typeof($d) AS td, typeof($i) AS ti";
      const params = { s: "a'b", i: 41, d: 0.1 };
      expect(await session.query(inlineParams(sql, params))).toEqual(await session.query(sql, params));
    } finally {
      session.close();
    }
  });
});

describe("recording the Trends analyses", () => {
  let session: Session;
  let recorded: PageQueries;
  let data: Record<string, unknown>;
  let checker: QueryChecker;
  const trends = pageAnalyses("trends");

  beforeAll(async () => {
    session = await craftedSession();
    const recorder = createRecorder(session);
    const snapshot = {} as never;
    data = await computePage("trends", { session, snapshot }, REGISTRY, {
      contextFor: (a) => ({ session: recorder.sessionFor(a.name), snapshot }),
    });
    checker = await openQueryChecker(await sessionTables(session));
    recorded = await pageQueries("trends", trends, recorder, checker);
  });
  afterAll(() => {
    checker?.close();
    session?.close();
  });

  it("records every query of every analysis, under the analysis's key", () => {
    expect(Object.keys(recorded.analyses).sort()).toEqual(trends.map((a) => a.name.split("/")[1]).sort());
    for (const entry of Object.values(recorded.analyses)) expect(entry.queries.length).toBeGreaterThan(0);
    expect(recorded.analyses.volume.queries.map((q) => q.sql)).toEqual([tidySql(VOLUME_SQL)]);
  });

  it("inlines the parameters: trends/tags ran with minCount 50 and sampleSize 100", () => {
    const [years, items] = recorded.analyses.tags.queries.map((q) => q.sql);
    expect(years).toContain("t.recipes - i.k < 100 THEN");
    expect(years).not.toContain("$sampleSize");
    expect(items).toContain("HAVING count(*) >= 50");
    expect(items).not.toMatch(/\$\w/);
  });

  it("the recorded SQL, run again, gives the rows the card shows (trends/volume)", async () => {
    const rows = await session.query(recorded.analyses.volume.queries[0].sql);
    expect(rows).toEqual((data.volume as { perYear: unknown[] }).perYear);
    expect(rows).toEqual([
      { year: 2000, n: 4 },
      { year: 2001, n: 4 },
      { year: 2002, n: 2 },
      { year: 2003, n: 0 },
      { year: 2004, n: 4 },
    ]);
  });

  it("marks every Trends analysis runnable on the browser tables, or says why (and the cards agree)", () => {
    for (const entry of Object.values(recorded.analyses)) {
      expect(entry.runnable || entry.blocker !== undefined, entry.analysis).toBe(true);
      expect(entry.blocker, entry.analysis).toEqual(NOT_RUNNABLE[entry.analysis]);
      expect(blockerOf(entry.analysis)).toEqual(entry.blocker);
    }
    expect(Object.values(recorded.analyses).every((e) => e.runnable)).toBe(true);
  });

  it("one notebook cell per query, named after the analysis, each a valid cell name", async () => {
    const load = async (page: string) => {
      expect(page).toBe("trends");
      return recorded;
    };
    const volume = await analysisNotebook("trends/volume", load);
    expect(volume.cells).toEqual([{ name: "trends_volume", sql: tidySql(VOLUME_SQL) }]);
    expect(volume.runnable).toBe(true);
    expect(cellsOf(recorded.analyses.volume)).toEqual(volume.cells);
    const tags = await notebookFromHash("#analysis=trends/tags", load);
    expect(tags?.cells.map((c) => c.name)).toEqual(["trends_tags_1", "trends_tags_2"]);
    for (const cell of [...volume.cells, ...tags!.cells])
      expect(nameProblem(cell.name, emptyNotebook())).toBeUndefined();
    expect(await notebookFromHash("#nb=1.abc", load)).toBeUndefined();
    await expect(analysisNotebook("trends/nothing", load)).rejects.toThrow(/no analysis "trends\/nothing"/);
  });
});

describe("the check against the browser tables", () => {
  let checker: QueryChecker;
  // The snapshot's recipes has columns the browser tables leave out (tables.ts).
  const full: FullTable[] = [
    {
      name: "recipes",
      columns: [
        { name: "id", type: "INTEGER" },
        { name: "year", type: "INTEGER" },
        { name: "minutes", type: "INTEGER" },
        { name: "tags", type: "VARCHAR[]" },
        { name: "steps", type: "VARCHAR[]" },
      ],
    },
    { name: "rejects", columns: [{ name: "raw", type: "VARCHAR" }] },
    { name: "users", columns: [{ name: "id", type: "BIGINT" }] },
  ];
  beforeAll(async () => {
    checker = await openQueryChecker(full);
  });
  afterAll(() => checker?.close());

  it("passes a query within the browser tables", async () => {
    expect(await checker.check("SELECT year, count(*) AS n FROM recipes GROUP BY year")).toEqual({
      runnable: true,
    });
    expect(await checker.check(`SELECT "table", rule FROM rejects`)).toEqual({ runnable: true });
  });

  it("marks a query using a left-out column as not runnable, naming table and column", async () => {
    expect(await checker.check("SELECT year, len(tags) FROM recipes")).toEqual({
      runnable: false,
      blocker: { kind: "columns", detail: "recipes.tags" },
    });
    // Every left-out column it needs, not just the first DuckDB complains about; aliases too.
    expect(await checker.check("SELECT r.tags, r.steps, r.minutes FROM recipes r")).toEqual({
      runnable: false,
      blocker: { kind: "columns", detail: "recipes.tags, recipes.steps" },
    });
    expect(await checker.check("SELECT left(raw, 10) FROM rejects")).toEqual({
      runnable: false,
      blocker: { kind: "columns", detail: "rejects.raw" },
    });
    expect(await checker.check("SELECT * FROM users")).toEqual({
      runnable: false,
      blocker: { kind: "columns", detail: "users" },
    });
  });

  it("marks what the browser's DuckDB lacks: Parquet and JSON functions, remote files, extensions", async () => {
    expect(await checker.check("SELECT * FROM read_parquet('recipes.parquet')")).toEqual({
      runnable: false,
      blocker: { kind: "functions", detail: "read_parquet" },
    });
    expect(unsupportedFeatures("SELECT json_extract(x, '$.a'), y::JSON FROM t")).toEqual([
      "json_extract",
      "::json",
    ]);
    expect(unsupportedFeatures("SELECT * FROM read_csv('https://example.org/x.csv')")).toEqual([
      "https://… (a remote file)",
    ]);
    expect(unsupportedFeatures("INSTALL httpfs")).toEqual(["install httpfs"]);
    // Names inside strings, quoted identifiers and comments are not calls.
    expect(unsupportedFeatures(`SELECT 'read_parquet(x)' AS "json(", 1 -- read_parquet(\n`)).toEqual([]);
  });

  it("reports another binder error as DuckDB says it", async () => {
    const result = await checker.check("SELECT nosuch FROM recipes");
    expect(result.runnable).toBe(false);
    expect(result.blocker).toEqual({ kind: "error", detail: expect.stringContaining('"nosuch" not found') });
  });
});

describe("the list the cards read (src/lib/explore/not-runnable.ts)", () => {
  const page = (analyses: PageQueries["analyses"]): PageQueries => ({ page: "p", analyses });
  const ok = { analysis: "p/a", queries: [{ sql: "SELECT 1", runnable: true }], runnable: true };
  const blocked = {
    analysis: "p/b",
    queries: [
      {
        sql: "SELECT tags FROM recipes",
        runnable: false,
        blocker: { kind: "columns" as const, detail: "recipes.tags" },
      },
    ],
    runnable: false,
    blocker: { kind: "columns" as const, detail: "recipes.tags" },
  };

  it("lists the analyses that cannot be opened, with why", () => {
    expect(notRunnable([page({ a: ok, b: blocked })])).toEqual({ "p/b": blocked.blocker });
  });

  it("stops the build when the list no longer says what the build found, printing the list to put there", () => {
    expect(() => checkNotRunnable([page({ a: ok, b: blocked })], { "p/b": blocked.blocker })).not.toThrow();
    expect(() => checkNotRunnable([page({ a: ok, b: blocked })], {})).toThrow(
      /p\/b: needs recipes.tags, not in the browser tables.*not-runnable\.ts/,
    );
    expect(() => checkNotRunnable([page({ a: ok })], { "p/b": blocked.blocker })).toThrow(
      /p\/b: runnable now/,
    );
  });

  it("names only analyses that exist", () => {
    const names = new Set<string>(REGISTRY.analyses.map((a) => a.name));
    for (const name of Object.keys(NOT_RUNNABLE)) expect(names.has(name), name).toBe(true);
  });
});

describe("the cards' side", () => {
  it("links to the Explore page of the same language with the analysis in the hash", () => {
    expect(exploreHref("trends/volume")).toBe("./explore#analysis=trends/volume");
    expect(analysisFromHash("#analysis=trends/volume")).toBe("trends/volume");
    expect(analysisFromHash("#x=1&analysis=overview/recipesPerYear")).toBe("overview/recipesPerYear");
    expect(analysisFromHash("#analysis=../../etc")).toBeUndefined();
    expect(analysisFromHash("")).toBeUndefined();
  });

  it("says why a card cannot be opened, in both languages", () => {
    const blocker = { kind: "columns" as const, detail: "rejects.raw" };
    expect(blockerText(blocker, translator("en"))).toBe(
      "This card's query needs columns not in the browser tables: rejects.raw.",
    );
    expect(blockerText(blocker, translator("fr"))).toContain("rejects.raw");
    expect(blockerText({ kind: "none" }, translator("fr"))).toMatch(/pas calculée par une requête SQL/);
  });

  it("every analysis card names an analysis that exists", () => {
    const names = new Set<string>(REGISTRY.analyses.map((a) => a.name));
    for (const page of ["community", "data", "index", "ratings", "seasonality", "trends", "weekend"]) {
      const text = readFileSync(new URL(`../src/[lang]/${page}.md`, import.meta.url), "utf8");
      const cards = text.match(/analysisCard\(\{/g) ?? [];
      const named = [...text.matchAll(/analysis: (?:"([^"]+)"|`([^`]+)`)/g)];
      expect(named.length, page).toBeGreaterThanOrEqual(cards.length);
      for (const [, plain] of named) if (plain) expect(names.has(plain), `${page}: ${plain}`).toBe(true);
    }
  });

  it("the site has a queries file for every page data (query-files.ts names each one literally)", () => {
    const text = readFileSync(new URL("../src/lib/explore/query-files.ts", import.meta.url), "utf8");
    const files = [
      ...text.matchAll(/(\w+): \(\) => FileAttachment\("\.\.\/\.\.\/explore\/queries\/(\w+)\.json"\)/g),
    ];
    expect(files.map(([, key, file]) => [key, file])).toEqual(Object.keys(REGISTRY.pages).map((p) => [p, p]));
  });
});
