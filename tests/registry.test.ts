// Analyses are found from where they live: one folder per page's data, each file an analysis —
// a TypeScript module's default export or a plain `.sql` file — named after its folder and file,
// with helpers (`_…`) left alone, and the page's contract derived from the analyses' schemas.
// A file that is not an analysis, or a bad name, stops discovery with the file and what to do.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  camelKey,
  computePage,
  discoverRegistry,
  ERRORS_KEY,
  findAnalysis,
  kebabName,
  REGISTRY,
} from "../data-loaders/analyses/registry.js";
import { readQuery, sqlDescription } from "../data-loaders/analyses/sql.js";
import { pageArgument } from "../data-loaders/analyses/page-data.js";
import { openConnection, wrapConnection, type Session } from "../data-loaders/duckdb/session.js";
import { affectedPages, pageDependencies } from "../data-loaders/dev/dependencies.js";
import { pageDataOf } from "../data-loaders/dev/live-data.js";
import { pageData } from "../src/components/page-data.js";
import { tempDir } from "./helpers/s3.js";

// Modules written into temporary folders import the project's types by absolute path.
const TYPES = join(import.meta.dirname, "..", "data-loaders", "analyses", "types.ts");
const ZOD = "zod";

function writeTree(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const tsAnalysis = (body: string) => `import { z } from ${JSON.stringify(ZOD)};
import { defineAnalysis } from ${JSON.stringify(TYPES)};
export default defineAnalysis({
  description: "A TypeScript analysis",
  schema: z.object({ total: z.number() }),
  run: async ({ session }) => {
    ${body}
  },
});
`;

let session: Session;
let close: () => void;
beforeAll(async () => {
  const { instance, connection } = await openConnection({ threads: 1 });
  session = wrapConnection(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
  await session.run(
    `CREATE TABLE recipes AS SELECT * FROM (VALUES (1, 2001), (2, 2001), (3, 2002)) t(id, year)`,
  );
  close = () => session.close();
});
afterAll(() => close?.());

const context = () => ({ session, snapshot: {} as never });

describe("discovery", () => {
  it("finds SQL files and TypeScript modules per page folder, names them from the file, skips helpers", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), {
      "demo/per-year.sql":
        "-- Recipes per year\n-- of the demo page.\nSELECT year, count(*) AS n FROM recipes GROUP BY year ORDER BY year",
      "demo/total-count.ts": tsAnalysis(
        `const [r] = await session.query<{ n: number }>("SELECT count(*) AS n FROM recipes"); return { total: r.n };`,
      ),
      "demo/_helper.ts": "export const x = 1;",
      "demo/_shared.sql": "SELECT 1",
      "demo/notes.md": "not an analysis",
      "_drafts/ignored.sql": "SELECT 1",
    });
    const registry = await discoverRegistry(dir);
    expect(registry.analyses.map((a) => [a.name, a.description])).toEqual([
      ["demo/perYear", "Recipes per year of the demo page."],
      ["demo/totalCount", "A TypeScript analysis"],
    ]);
    expect(Object.keys(registry.pages)).toEqual(["demo"]);
    expect(registry.pages.demo.file).toBe("data/demo.json");
    expect(Object.keys(registry.pages.demo.schema.shape)).toEqual(["perYear", "totalCount"]);
    const page = await computePage("demo", context(), registry);
    expect(page).toEqual({
      perYear: [
        { year: 2001, n: 2 },
        { year: 2002, n: 1 },
      ],
      totalCount: { total: 3 },
    });
    expect(findAnalysis("demo/per-year", registry).name).toBe("demo/perYear");
  });

  it("takes a .sql file next to a module of the same name as that module's query", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), {
      "demo/busiest.sql": "SELECT count(*) AS n FROM recipes WHERE year = 2001",
      "demo/busiest.ts": `import { z } from "zod";
import { defineAnalysis } from ${JSON.stringify(TYPES)};
import { readQuery } from ${JSON.stringify(join(import.meta.dirname, "..", "data-loaders", "analyses", "sql.ts"))};
const QUERY = readQuery(import.meta.url);
export default defineAnalysis({
  description: "busiest",
  schema: z.object({ total: z.number() }),
  run: async ({ session }) => ({ total: (await session.query<{ n: number }>(QUERY))[0].n }),
});
`,
    });
    const registry = await discoverRegistry(dir);
    expect(registry.analyses.map((a) => a.name)).toEqual(["demo/busiest"]);
    expect(await computePage("demo", context(), registry)).toEqual({ busiest: { total: 2 } });
  });

  it("refuses a module without a default analysis, naming the file and what to do", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), { "demo/oops.ts": "export const oops = 1;" });
    await expect(discoverRegistry(dir)).rejects.toThrow(
      /data-loaders|oops\.ts is not an analysis: it has no default export from defineAnalysis[\s\S]*start its file name with _/,
    );
  });

  it("refuses names that are not lower-case words joined by hyphens", async () => {
    const bad = writeTree(tempDir("bttk-reg-"), { "demo/Per_Year.sql": "SELECT 1 AS x" });
    await expect(discoverRegistry(bad)).rejects.toThrow(/"Per_Year" is not a valid name/);
    const badPage = writeTree(tempDir("bttk-reg-"), { "My Page/x.sql": "SELECT 1 AS x" });
    await expect(discoverRegistry(badPage)).rejects.toThrow(/"My Page" is not a valid name/);
  });

  it("refuses an empty query and a module that does not load, with the file", async () => {
    const empty = writeTree(tempDir("bttk-reg-"), { "demo/empty.sql": "-- nothing yet\n" });
    await expect(discoverRegistry(empty)).rejects.toThrow(/The query .*empty\.sql is empty/);
    const broken = writeTree(tempDir("bttk-reg-"), { "demo/broken.ts": "export default {;" });
    await expect(discoverRegistry(broken)).rejects.toThrow(/Cannot load the analysis .*broken\.ts/);
  });

  it("finds the project's own analyses under the names the pages read", () => {
    const names = REGISTRY.analyses.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining(["overview/kpis", "overview/recipesPerYear", "trends/volume"]),
    );
    expect(REGISTRY.pages.overview.file).toBe("data/overview.json");
  });
});

describe("SQL analyses", () => {
  it("check their rows: a NaN or a nested value breaks the contract, naming the analysis", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), {
      "demo/nan.sql": "SELECT 'nan'::DOUBLE AS x",
      "demo/nested.sql": "SELECT [1, 2] AS list",
    });
    const registry = await discoverRegistry(dir);
    await expect(computePage("demo", context(), registry)).rejects.toThrow(
      /Analysis demo\/nan broke its contract at \[0\]\.x/,
    );
  });

  it("report DuckDB's message with the analysis when the query fails", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), { "demo/typo.sql": "SELECT yeer FROM recipes" });
    const registry = await discoverRegistry(dir);
    await expect(computePage("demo", context(), registry)).rejects.toThrow(
      /Referenced column "yeer" not found/,
    );
  });

  it("read their description from the leading comment lines only", () => {
    expect(sqlDescription("-- One\n--   two\nSELECT 1 -- not this")).toBe("One two");
    expect(sqlDescription("SELECT 1")).toBe("");
  });

  it("are read next to their module by readQuery", () => {
    const dir = writeTree(tempDir("bttk-reg-"), { "x.sql": "SELECT 42" });
    expect(readQuery(`file://${join(dir, "x.ts")}`)).toBe("SELECT 42");
    expect(() => readQuery(`file://${join(dir, "y.ts")}`)).toThrow(/Cannot read the query .*y\.sql/);
  });
});

describe("the dev preview's tolerance", () => {
  it("keeps the other analyses when one fails, and lists the failure with its file and DuckDB's message", async () => {
    const dir = writeTree(tempDir("bttk-reg-"), {
      "demo/good.sql": "SELECT count(*) AS n FROM recipes",
      "demo/typo.sql": "SELECT yeer FROM recipes",
    });
    const registry = await discoverRegistry(dir);
    const page = await computePage("demo", context(), registry, { tolerant: true });
    expect(page.good).toEqual([{ n: 3 }]);
    expect(page).not.toHaveProperty("typo");
    const failures = page[ERRORS_KEY] as Record<
      string,
      { analysis: string; source: string; message: string }
    >;
    expect(failures.typo.analysis).toBe("demo/typo");
    expect(failures.typo.source).toMatch(/demo\/typo\.sql$/);
    expect(failures.typo.message).toMatch(/Referenced column "yeer" not found/);
    // In the page: the failed key throws the error where it is used, the others read normally.
    const data = pageData(JSON.parse(JSON.stringify(page)) as Record<string, unknown>);
    expect(data.good).toEqual([{ n: 3 }]);
    expect(() => data.typo).toThrow(/demo\/typo failed \(.*typo\.sql\): .*"yeer" not found/);
  });

  it("turns a loader that could not run at all into an error covering the whole page", () => {
    const outcome = pageDataOf("demo", {
      code: 1,
      stdout: "",
      stderr: "\u001b[31m ERROR \u001b[0m Cannot load the analysis x.ts: Unexpected token",
    });
    const data = pageData(JSON.parse(outcome.text) as Record<string, unknown>);
    expect(outcome.errors[0]).toMatch(/^demo: ERROR {2}Cannot load the analysis x\.ts/);
    expect(() => data.anything).toThrow(
      /demo failed \(data-loaders\/analyses\/demo\/\): ERROR {2}Cannot load/,
    );
  });

  it("passes a built page's data through untouched", () => {
    const json = { a: 1 };
    expect(pageData(json)).toBe(json);
  });
});

describe("what depends on what", () => {
  it("maps a page's data to its analyses and every project file they import", async () => {
    const root = join(import.meta.dirname, "..");
    const graph = await pageDependencies(root, join(root, "data-loaders", "analyses"));
    expect(affectedPages(graph, "data-loaders/analyses/trends/volume.ts")).toEqual(["trends"]);
    expect(affectedPages(graph, "src/lib/trends/volume.ts")).toContain("trends");
    expect(affectedPages(graph, "src/lib/trends/volume.ts")).not.toContain("overview");
    expect(affectedPages(graph, "src/lib/contracts/overview.ts")).toContain("overview");
    expect(affectedPages(graph, "data-loaders/duckdb/session.ts").sort()).toEqual([...graph.keys()].sort());
    // A new file in a page's folder belongs to that page even before anything imports it.
    expect(affectedPages(graph, "data-loaders/analyses/trends/new-one.sql")).toEqual(["trends"]);
    expect(affectedPages(graph, "README.md")).toEqual([]);
  });
});

describe("names", () => {
  it("turn file names into data keys and back", () => {
    expect(camelKey("recipes-per-year")).toBe("recipesPerYear");
    expect(kebabName("recipesPerYear")).toBe("recipes-per-year");
    expect(camelKey("volume")).toBe("volume");
  });

  it("the loader reads its page from Framework's parameter", () => {
    expect(pageArgument(["node", "x", "--page=trends"])).toBe("trends");
    expect(pageArgument(["node", "x", "--page", "overview"])).toBe("overview");
    expect(() => pageArgument(["node", "x"])).toThrow(/needs --page=<page>/);
  });
});

void z;
