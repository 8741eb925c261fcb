// The precomputed periods (src/lib/periods.ts) every page with rank tests, box plots or per-user
// figures uses: the same list from the data's years, and the same rule for the reader's range.
import { describe, expect, it } from "vitest";
import { decadePeriods, periodFor, periodsOf, sameRange, type Period } from "../src/lib/periods.js";

describe("periods of the data", () => {
  it("lists the full span, then each decade the years touch, clipped to the span", () => {
    expect(periodsOf([2001, 1999, 2018])).toEqual([
      { kind: "full", from: 1999, to: 2018 },
      { kind: "decade", from: 1999, to: 1999 },
      { kind: "decade", from: 2000, to: 2009 },
      { kind: "decade", from: 2010, to: 2018 },
    ]);
    expect(decadePeriods([1999, 2005, 2018])).toEqual([
      { from: 1999, to: 1999 },
      { from: 2000, to: 2009 },
      { from: 2010, to: 2018 },
    ]);
  });

  it("gives a span within one decade no decade of its own, and no years no period", () => {
    expect(periodsOf([2003, 2007])).toEqual([{ kind: "full", from: 2003, to: 2007 }]);
    expect(periodsOf([2000, 2009])).toEqual([{ kind: "full", from: 2000, to: 2009 }]);
    expect(decadePeriods([2001, 2005])).toEqual([]);
    expect(periodsOf([])).toEqual([]);
  });
});

describe("the period shown for a range", () => {
  // Periods as the page data carries them: with figures of their own, which the choice keeps.
  const periods = periodsOf([1999, 2018]).map((p, i) => ({ ...p, n: i }));

  it("is the period equal to the range", () => {
    expect(periodFor(periods, { from: 2000, to: 2009 })).toBe(periods[2]);
    expect(periodFor(periods, { from: 1999, to: 2018 })).toBe(periods[0]);
    expect(sameRange(periods[2], { from: 2000, to: 2009 })).toBe(true);
  });

  it("else the narrowest period holding the range", () => {
    expect(periodFor(periods, { from: 2003, to: 2005 })).toBe(periods[2]);
    expect(periodFor(periods, { from: 2010, to: 2011 })).toBe(periods[3]);
    expect(sameRange(periods[2], { from: 2003, to: 2005 })).toBe(false);
  });

  it("else the full span, wherever it stands in the list", () => {
    expect(periodFor(periods, { from: 2005, to: 2012 })).toBe(periods[0]);
    const reversed = [...periods].reverse();
    expect(periodFor(reversed, { from: 2005, to: 2012 })).toBe(periods[0]);
  });

  it("refuses page data without a full span that holds nothing of the range", () => {
    const decades: Period[] = [{ kind: "decade", from: 2000, to: 2009 }];
    expect(periodFor(decades, { from: 2001, to: 2002 })).toBe(decades[0]);
    expect(() => periodFor(decades, { from: 2005, to: 2012 })).toThrow(/no full-span period/);
    expect(() => periodFor([], { from: 2000, to: 2001 })).toThrow(/no full-span period/);
  });
});
