// The cards' CSV downloads (src/components/csv.ts): what a spreadsheet or d3.csvParse reads back.
import { csvParse } from "d3";
import { describe, expect, it } from "vitest";
import { toCsv } from "../src/components/csv.js";

describe("toCsv", () => {
  it("writes a header in the first row's key order and one line per row", () => {
    expect(
      toCsv([
        { year: 2001, n: 3 },
        { year: 2002, n: 4.5 },
      ]),
    ).toBe("year,n\n2001,3\n2002,4.5");
  });

  it("quotes commas, quotes and line breaks so the text reads back unchanged", () => {
    const rows = [{ name: 'a "b", c', note: "line 1\nline 2", plain: "x" }];
    const text = toCsv(rows);
    expect(text).toBe('name,note,plain\n"a ""b"", c","line 1\nline 2",x');
    expect([...csvParse(text)]).toEqual(rows);
  });

  it("leaves missing values empty and writes dates as ISO strings", () => {
    const text = toCsv([{ a: null, b: undefined, c: new Date(Date.UTC(2020, 0, 2)), d: false }]);
    expect(text).toBe("a,b,c,d\n,,2020-01-02T00:00:00.000Z,false");
  });

  it("is empty for no rows", () => {
    expect(toCsv([])).toBe("");
  });
});
