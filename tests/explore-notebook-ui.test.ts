// The Explore page's pure display rules: how a result's values print and sort by their DuckDB type,
// and which chart a result opens with (src/components/explore/values.ts, chart.ts).
import { describe, expect, it } from "vitest";
import { defaultChart } from "../src/components/explore/chart.js";
import { columnKind, compareValues, displayValue } from "../src/components/explore/values.js";

describe("result values", () => {
  it("kinds follow DuckDB's type names", () => {
    expect(["INTEGER", "BIGINT", "DOUBLE", "DECIMAL(18,3)", "TINYINT", "HUGEINT"].map(columnKind)).toEqual(
      Array(6).fill("number"),
    );
    expect(["DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE"].map(columnKind)).toEqual(
      Array(3).fill("temporal"),
    );
    expect(columnKind("BOOLEAN")).toBe("boolean");
    expect(columnKind("VARCHAR")).toBe("text");
  });

  it("prints whole numbers as they are, others in the language's format, dates as ISO, nulls as a dash", () => {
    expect(displayValue(2007, "INTEGER", "fr")).toBe("2007");
    expect(displayValue(123456789n, "BIGINT", "en")).toBe("123456789");
    expect(displayValue(2n ** 70n, "HUGEINT", "en")).toBe("1180591620717411303424");
    expect(displayValue(1234.5678, "DOUBLE", "en")).toBe("1,234.57");
    expect(displayValue(1234.5678, "DOUBLE", "fr")).toBe("1\u202f234,57");
    expect(displayValue(0.012345, "DOUBLE", "en")).toBe("0.0123");
    expect(displayValue(-3, "INTEGER", "en")).toBe("\u22123");
    expect(displayValue(Date.UTC(2008, 2, 12), "DATE", "en")).toBe("2008-03-12");
    expect(displayValue(new Date(Date.UTC(2008, 2, 12, 8, 30)), "TIMESTAMP", "en")).toBe(
      "2008-03-12 08:30:00",
    );
    expect(displayValue(null, "VARCHAR", "en")).toBe("–");
    expect(displayValue(true, "BOOLEAN", "en")).toBe("true");
  });

  it("sorts numbers as numbers, text in the language's order, missing values last", () => {
    const sort = (values: unknown[], type: string) =>
      [...values].sort((a, b) => compareValues(a, b, columnKind(type), "fr"));
    expect(sort([10, 9, null, 100n], "BIGINT")).toEqual([9, 10, 100n, null]);
    expect(sort(["éclair", "zeste", "abricot", null], "VARCHAR")).toEqual([
      "abricot",
      "éclair",
      "zeste",
      null,
    ]);
    expect(sort(["item 10", "item 9"], "VARCHAR")).toEqual(["item 9", "item 10"]);
  });
});

describe("the chart a result opens with", () => {
  const col = (name: string, type: string) => ({ name, type });
  const years = Array.from({ length: 20 }, (_, i) => ({ year: 1999 + i, n: i }));

  it("a date or a many-valued number first: a line of the first number after it", () => {
    expect(
      defaultChart([col("day", "DATE"), col("label", "VARCHAR"), col("n", "BIGINT")], [{ day: 0 }]),
    ).toEqual({
      type: "line",
      x: "day",
      y: "n",
    });
    expect(defaultChart([col("year", "INTEGER"), col("n", "BIGINT")], years)).toEqual({
      type: "line",
      x: "year",
      y: "n",
    });
  });

  it("few numbers or text first: bars", () => {
    expect(
      defaultChart(
        [col("rating", "TINYINT"), col("n", "BIGINT")],
        years.slice(0, 5).map((r) => ({ rating: r.n, n: 1 })),
      ),
    ).toEqual({
      type: "bar",
      x: "rating",
      y: "n",
    });
    expect(
      defaultChart([col("season", "VARCHAR"), col("n", "BIGINT")], [{ season: "Winter", n: 3 }]),
    ).toEqual({
      type: "bar",
      x: "season",
      y: "n",
    });
  });

  it("a lone number: its histogram; no number: counts of the first column; no rows: nothing", () => {
    expect(defaultChart([col("minutes", "INTEGER")], [{ minutes: 3 }])).toEqual({
      type: "histogram",
      x: "minutes",
    });
    expect(defaultChart([col("name", "VARCHAR"), col("minutes", "INTEGER")], [{ name: "a" }])).toEqual({
      type: "bar",
      x: "name",
      y: "minutes",
    });
    expect(defaultChart([col("ingredient", "VARCHAR")], [{ ingredient: "garlic" }])).toEqual({
      type: "histogram",
      x: "ingredient",
    });
    expect(defaultChart([col("n", "BIGINT")], [])).toBeUndefined();
  });
});
