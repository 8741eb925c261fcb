// The slowlink and scale suites' pure parts: medians, the quiet-window rule, the growth rules, the
// chart, and the joining of two generated datasets into one twice as large.
import { describe, expect, it } from "vitest";
import {
  FLAT_RATIO,
  growsLinearly,
  median,
  mostFrequent,
  scaleChartSvg,
  settledAt,
  staysFlat,
  withoutScripts,
} from "./bench/bench-math.js";
import {
  offsetInteractionRecord,
  offsetRecipeRecord,
  RECIPE_ID_OFFSET,
  splitRecords,
  USER_ID_OFFSET,
} from "./bench/double-dataset.js";
import { cpuSecondsOf } from "./bench/measure.js";

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the two middle ones of an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe("mostFrequent", () => {
  it("gives the commonest value, the first seen among equals, and nothing for no values", () => {
    expect(mostFrequent(["a", "b", "b", "c"])).toBe("b");
    expect(mostFrequent(["x", "y"])).toBe("x");
    expect(mostFrequent([])).toBe("");
  });
});

describe("settledAt", () => {
  it("gives the last change once the quiet window has passed, not the end of the window", () => {
    expect(settledAt(420, 920, 500)).toBe(420);
    expect(settledAt(420, 919, 500)).toBeNull();
    expect(settledAt(null, 10_000, 500)).toBeNull();
  });
});

describe("withoutScripts", () => {
  // The head and body of a built page as Framework and the bundling step write them.
  const page = [
    "<head>",
    '<link rel="preload" as="style" href="../_import/style.845e4a0f.css">',
    '<link rel="stylesheet" type="text/css" href="../_import/style.845e4a0f.css">',
    '<link rel="stylesheet" href="../_file/assets/fonts.2540d490.css">',
    '<script>document.documentElement.lang = "en";</script>',
    '<link rel="preload" as="fetch" crossorigin href="../_file/data/trends.d4849b7d.json">',
    '<link rel="modulepreload" href="../_observablehq/runtime.fa9f71c0.js">',
    '<script type="module" src="../_observablehq/page.6dfffbdd.js"></script>',
    "</head>",
    '<body><main><div id="cell-1" class="observablehq observablehq--block"></div>',
    '<script type="module">\nimport {define} from "../_observablehq/client.js";\ndefine({id: "1"});\n</script>',
    "</main></body>",
  ].join("\n");

  it("leaves out the module scripts, module preloads and preloaded data, and keeps the rest as it was", () => {
    expect(withoutScripts(page)).toBe(
      [
        "<head>",
        '<link rel="preload" as="style" href="../_import/style.845e4a0f.css">',
        '<link rel="stylesheet" type="text/css" href="../_import/style.845e4a0f.css">',
        '<link rel="stylesheet" href="../_file/assets/fonts.2540d490.css">',
        '<script>document.documentElement.lang = "en";</script>',
        "</head>",
        '<body><main><div id="cell-1" class="observablehq observablehq--block"></div>',
        "</main></body>",
      ].join("\n"),
    );
  });
});

describe("growth rules", () => {
  it("accepts growth up to linear plus 15 % and refuses more", () => {
    expect(growsLinearly(10, 40, 0.5, 2)).toBe(true);
    expect(growsLinearly(10, 46, 0.5, 2)).toBe(true);
    expect(growsLinearly(10, 46.1, 0.5, 2)).toBe(false);
    // Sub-linear (fixed start-up costs) passes.
    expect(growsLinearly(10, 15, 0.5, 2)).toBe(true);
  });
  it("calls page data flat up to the ratio and growing beyond it", () => {
    expect(staysFlat(1000, 1000 * FLAT_RATIO)).toBe(true);
    expect(staysFlat(1000, 1000 * FLAT_RATIO + 1)).toBe(false);
  });
});

describe("scaleChartSvg", () => {
  it("draws one line per series normalised to scale 1 and the y = x reference", () => {
    const svg = scaleChartSvg([0.5, 1, 2], [{ name: "time <s>", values: [5, 10, 20] }], "t");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg).toContain("time &lt;s&gt;");
    expect(svg).toContain('stroke-dasharray="5 4"');
    // Normalised: the point at scale 1 sits at y = 1, as does the reference line at x = 1; the
    // series lies on y = x, so its last point is the reference's end point.
    const points = /<polyline points="([^"]+)"/.exec(svg)![1].split(" ");
    const ref = /<line x1="[^"]+" y1="[^"]+" x2="([^"]+)" y2="([^"]+)" stroke="#888"/.exec(svg)!;
    expect(points[2]).toBe(`${ref[1]},${ref[2]}`);
  });
  it("needs scale 1 to normalise", () => {
    expect(() => scaleChartSvg([0.5, 2], [{ name: "x", values: [1, 2] }], "t")).toThrow(/include 1/);
  });
});

describe("doubling a dataset", () => {
  it("splits CSV records at newlines outside quotes and hands back the unfinished tail", () => {
    const { records, rest } = splitRecords('a,"b\nc",d\ne,"f""\ng"\nh,"i');
    expect(records).toEqual(['a,"b\nc",d', 'e,"f""\ng"']);
    expect(rest).toBe('h,"i');
    expect(splitRecords(rest + '\nj",k\n')).toEqual({ records: ['h,"i\nj",k'], rest: "" });
  });
  it("moves the recipe id and contributor id of a recipe, whatever its name", () => {
    const tail = ",2009-07-01,\"['a', 'b']\",\"[1.0, 2.0]\",3";
    expect(offsetRecipeRecord(`"burritos, ""banana"" style",8544,40,38563${tail}`)).toBe(
      `"burritos, ""banana"" style",${8544 + RECIPE_ID_OFFSET},40,${38563 + USER_ID_OFFSET}${tail}`,
    );
    expect(offsetRecipeRecord(`,12,0,7${tail}`)).toBe(
      `,${12 + RECIPE_ID_OFFSET},0,${7 + USER_ID_OFFSET}${tail}`,
    );
    expect(() => offsetRecipeRecord(`name,x1,0,7${tail}`)).toThrow(/recipe id "x1"/);
  });
  it("moves the member id and recipe id of an interaction, the review untouched", () => {
    expect(offsetInteractionRecord('186731,450690,2013-12-20,3,"It was alright.\nOK"')).toBe(
      `${186731 + USER_ID_OFFSET},${450690 + RECIPE_ID_OFFSET},2013-12-20,3,"It was alright.\nOK"`,
    );
    expect(() => offsetInteractionRecord("user,1,2013-12-20,3,x")).toThrow(/not an interaction record/);
  });
});

describe("cpuSecondsOf", () => {
  it("adds user and system time from GNU time's verbose report", () => {
    const report =
      "\tUser time (seconds): 12.50\n\tSystem time (seconds): 1.25\n\tMaximum resident set size (kbytes): 1024\n";
    expect(cpuSecondsOf(report)).toBe(13.75);
    expect(cpuSecondsOf("no report")).toBeNull();
  });
});
