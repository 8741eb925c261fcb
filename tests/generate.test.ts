// The generator of Food.com-shaped data, tested on the files it writes: exact Kaggle format
// (headers, pandas quoting, Python list literals), exact sizes, determinism, the key
// distributions the analyses rely on, and the planted dirty rows.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigurationError } from "../data-loaders/errors.js";
import { generateDataset, type GenerateResult } from "../data-loaders/generate/index.js";
import { generatorVersion } from "../data-loaders/generate/version.js";
import { tempDir } from "./helpers/s3.js";

const RECIPES_HEADER =
  "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients";
const INTERACTIONS_HEADER = "user_id,recipe_id,date,rating,review";

interface CsvRecord {
  fields: string[];
  quoted: boolean[];
}

/** A strict CSV reader (RFC 4180 with "\n" line ends): throws on a stray quote. */
function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let field = "";
  let isQuoted = false;
  let inQuotes = false;
  const endField = () => {
    fields.push(field);
    quoted.push(isQuoted);
    field = "";
    isQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        inQuotes = false;
        const next = text[i + 1];
        if (next !== "," && next !== "\n" && next !== undefined)
          throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === '"') {
      if (field !== "") throw new Error(`stray quote inside an unquoted field at ${i}`);
      inQuotes = isQuoted = true;
    } else if (c === ",") endField();
    else if (c === "\n") {
      endField();
      records.push({ fields, quoted });
      fields = [];
      quoted = [];
    } else field += c;
  }
  if (inQuotes) throw new Error("unterminated quoted field");
  if (field !== "" || fields.length > 0) throw new Error("last line has no newline");
  return records;
}

/** Python's repr() of a list of str, read back strictly (quote choice included). */
function parsePyList(s: string): string[] {
  if (s === "[]") return [];
  if (!s.startsWith("[") || !s.endsWith("]")) throw new Error(`not a list: ${s.slice(0, 40)}`);
  const items: string[] = [];
  let i = 1;
  for (;;) {
    const quote = s[i];
    if (quote !== "'" && quote !== '"')
      throw new Error(`item must start with a quote: ${s.slice(i, i + 20)}`);
    let value = "";
    for (i++; s[i] !== quote; i++) {
      if (i >= s.length) throw new Error("unterminated item");
      if (s[i] === "\\") {
        const n = s[++i];
        value += n === "n" ? "\n" : n === "t" ? "\t" : n === "r" ? "\r" : n;
      } else value += s[i];
    }
    // Python picks double quotes exactly when the item holds a single quote and no double quote.
    const expected = value.includes("'") && !value.includes('"') ? '"' : "'";
    if (quote !== expected) throw new Error(`wrong quote for ${value}`);
    items.push(value);
    i++;
    if (s[i] === "]" && i === s.length - 1) return items;
    if (s.slice(i, i + 2) !== ", ") throw new Error(`bad separator at ${s.slice(i, i + 10)}`);
    i += 2;
  }
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function read(result: GenerateResult) {
  const recipes = parseCsv(readFileSync(result.recipesPath, "utf8"));
  const interactions = parseCsv(readFileSync(result.interactionsPath, "utf8"));
  return { recipes, interactions };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

describe("generateDataset: format, sizes, determinism", () => {
  let a: GenerateResult;
  let b: GenerateResult;
  let other: GenerateResult;
  beforeAll(async () => {
    a = await generateDataset({ scale: 0.01, seed: 7, outDir: tempDir("bttk-gen-a-") });
    b = await generateDataset({ scale: 0.01, seed: 7, outDir: tempDir("bttk-gen-b-") });
    other = await generateDataset({ scale: 0.01, seed: 8, outDir: tempDir("bttk-gen-c-") });
  });

  it("writes byte-identical files for the same seed and scale, different files for another seed", () => {
    expect(sha256(a.recipesPath)).toBe(sha256(b.recipesPath));
    expect(sha256(a.interactionsPath)).toBe(sha256(b.interactionsPath));
    expect(sha256(other.recipesPath)).not.toBe(sha256(a.recipesPath));
    expect(sha256(other.interactionsPath)).not.toBe(sha256(a.interactionsPath));
  });

  it("gives round(231637·s) recipes and round(1132367·s) interactions, and leaves no temporary file", () => {
    const { recipes, interactions } = read(a);
    expect(a.recipes).toBe(2316);
    expect(a.interactions).toBe(11324);
    expect(recipes.length - 1).toBe(2316);
    expect(interactions.length - 1).toBe(11324);
    expect(readdirSync(join(a.recipesPath, "..")).sort()).toEqual([
      "RAW_interactions.csv",
      "RAW_recipes.csv",
      "generated.json",
    ]);
    expect(new Set(interactions.slice(1).map((r) => r.fields[0])).size).toBe(a.users);
  });

  it("writes generated.json: the generator's version, scale, seed, and each file's size and sha256", () => {
    const sidecar = JSON.parse(readFileSync(a.sidecarPath, "utf8")) as unknown;
    expect(sidecar).toEqual({
      generator: { version: generatorVersion(), scale: 0.01, seed: 7 },
      files: [
        { name: "RAW_recipes.csv", bytes: statSync(a.recipesPath).size, sha256: sha256(a.recipesPath) },
        {
          name: "RAW_interactions.csv",
          bytes: statSync(a.interactionsPath).size,
          sha256: sha256(a.interactionsPath),
        },
      ],
    });
    expect(a.sidecar).toEqual(sidecar);
    expect(generatorVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });

  it("writes the exact Kaggle headers", () => {
    expect(readFileSync(a.recipesPath, "utf8").split("\n", 1)[0]).toBe(RECIPES_HEADER);
    expect(readFileSync(a.interactionsPath, "utf8").split("\n", 1)[0]).toBe(INTERACTIONS_HEADER);
  });

  it("quotes a field exactly when it holds a comma, a double quote, CR or LF (pandas QUOTE_MINIMAL)", () => {
    for (const path of [a.recipesPath, a.interactionsPath]) {
      for (const record of parseCsv(readFileSync(path, "utf8"))) {
        record.fields.forEach((f, i) => expect(record.quoted[i], f).toBe(/[",\r\n]/.test(f)));
      }
    }
  });

  it("makes every recipe row 12 fields with valid list literals and counts that match them", () => {
    const { recipes } = read(a);
    for (const { fields } of recipes.slice(1)) {
      expect(fields).toHaveLength(12);
      const [
        ,
        id,
        minutes,
        contributor,
        submitted,
        tags,
        nutrition,
        nSteps,
        steps,
        ,
        ingredients,
        nIngredients,
      ] = fields;
      expect(id).toMatch(/^\d+$/);
      expect(minutes).toMatch(/^\d+$/);
      expect(contributor).toMatch(/^\d+$/);
      expect(submitted >= "1999-08-06" && submitted <= "2018-12-04").toBe(true);
      expect(parsePyList(tags).length).toBeGreaterThan(0);
      expect(nutrition).toMatch(/^\[-?\d+\.\d(, \d+\.\d){6}\]$/);
      expect(parsePyList(steps)).toHaveLength(Number(nSteps));
      expect(parsePyList(ingredients)).toHaveLength(Number(nIngredients));
    }
  });

  it("dates each review on or after its recipe's submission, inside 2000-01-25 … 2018-12-20", () => {
    const { recipes, interactions } = read(a);
    const submitted = new Map(recipes.slice(1).map((r) => [r.fields[1], r.fields[4]]));
    for (const { fields } of interactions.slice(1)) {
      expect(fields).toHaveLength(5);
      const [user, recipe, date, rating] = fields;
      expect(user).toMatch(/^\d+$/);
      expect(submitted.has(recipe)).toBe(true);
      expect(date >= submitted.get(recipe)! && date >= "2000-01-25" && date <= "2018-12-20").toBe(true);
      expect(["0", "1", "2", "3", "4", "5"]).toContain(rating);
    }
  });

  it("rejects bad options with a ConfigurationError naming the option", async () => {
    const outDir = tempDir("bttk-gen-bad-");
    for (const scale of [0, 1.5, -0.1, Number.NaN]) {
      await expect(generateDataset({ scale, seed: 1, outDir })).rejects.toThrow(ConfigurationError);
      await expect(generateDataset({ scale, seed: 1, outDir })).rejects.toThrow(/scale/);
    }
    for (const seed of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      await expect(generateDataset({ scale: 0.01, seed, outDir })).rejects.toThrow(/seed/);
    }
  });

  it("leaves neither a final nor a temporary file when writing fails part-way", async () => {
    const outDir = tempDir("bttk-gen-crash-");
    const failing = generateDataset({
      scale: 0.02,
      seed: 1,
      outDir,
      onProgress: () => {
        throw new Error("disk full (simulated)");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe("generateDataset: distributions at scale 0.05", () => {
  let result: GenerateResult;
  let recipes: string[][];
  let interactions: string[][];
  beforeAll(async () => {
    result = await generateDataset({ scale: 0.05, seed: 42, outDir: tempDir("bttk-gen-dist-") });
    const files = read(result);
    recipes = files.recipes.slice(1).map((r) => r.fields);
    interactions = files.interactions.slice(1).map((r) => r.fields);
  });

  it("has a median preparation time between 25 and 45 minutes", () => {
    expect(median(recipes.map((r) => Number(r[2])))).toBeGreaterThanOrEqual(25);
    expect(median(recipes.map((r) => Number(r[2])))).toBeLessThanOrEqual(45);
  });

  it("has more recipes on Mondays than on Saturdays, and the most in a 2006–2009 year", () => {
    const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
    const monday = recipes.filter((r) => weekday(r[4]) === 1).length;
    const saturday = recipes.filter((r) => weekday(r[4]) === 6).length;
    expect(monday).toBeGreaterThan(1.5 * saturday);
    const perYear = new Map<string, number>();
    for (const r of recipes) perYear.set(r[4].slice(0, 4), (perYear.get(r[4].slice(0, 4)) ?? 0) + 1);
    const peak = [...perYear.entries()].sort((x, y) => y[1] - x[1])[0][0];
    expect(Number(peak)).toBeGreaterThanOrEqual(2006);
    expect(Number(peak)).toBeLessThanOrEqual(2009);
  });

  it("rates like Food.com: 68–76 % fives, 3–7 % reviews without a rating", () => {
    const share = (rating: string) =>
      interactions.filter((r) => r[3] === rating).length / interactions.length;
    expect(share("5")).toBeGreaterThan(0.68);
    expect(share("5")).toBeLessThan(0.76);
    expect(share("0")).toBeGreaterThan(0.03);
    expect(share("0")).toBeLessThan(0.07);
  });

  it("has long-tailed users: most review once, a few review a lot", () => {
    const perUser = new Map<string, number>();
    for (const r of interactions) perUser.set(r[0], (perUser.get(r[0]) ?? 0) + 1);
    const counts = [...perUser.values()];
    expect(counts.filter((n) => n === 1).length / counts.length).toBeGreaterThan(0.5);
    expect(Math.max(...counts)).toBeGreaterThan(100);
    expect(perUser.size).toBe(result.users);
  });

  it("plants at least one dirty row of each kind, exactly as many as reported", () => {
    const { dirty } = result;
    for (const n of Object.values(dirty)) expect(n).toBeGreaterThanOrEqual(1);
    expect(recipes.filter((r) => r[0] === "").length).toBe(dirty.missingName);
    expect(recipes.filter((r) => r[6].startsWith("[-")).length).toBe(dirty.negativeCalories);
    expect(recipes.filter((r) => r[2] === "0").length).toBe(dirty.zeroMinutes);
    expect(recipes.filter((r) => Number(r[2]) >= 1000).length).toBe(dirty.hugeMinutes);
    expect(recipes.some((r) => r[2] === "2147483647")).toBe(true);
    expect(recipes.length - new Set(recipes.map((r) => r[1])).size).toBe(dirty.duplicateRecipeId);
    const lines = interactions.map((r) => r.join("\u0000"));
    expect(lines.length - new Set(lines).size).toBe(dirty.duplicateInteraction);
  });

  it("writes fields with commas, quotes, line breaks and non-ASCII text", () => {
    const reviews = interactions.map((r) => r[4]);
    const descriptions = recipes.map((r) => r[9]);
    expect(reviews.some((t) => t.includes(","))).toBe(true);
    expect(reviews.some((t) => t.includes('"'))).toBe(true);
    expect(reviews.some((t) => t.includes("\n"))).toBe(true);
    expect(reviews.some((t) => [...t].some((ch) => ch.charCodeAt(0) > 0x7f))).toBe(true);
    expect(descriptions.some((t) => t.includes("\n"))).toBe(true);
    expect(recipes.some((r) => r[0].includes(","))).toBe(true);
    expect(recipes.some((r) => r[8].includes('"'))).toBe(true); // a step with an apostrophe
  });

  it("keeps time tags consistent with minutes and has seasonal ingredients", () => {
    const limits: Record<string, number> = {
      "15-minutes-or-less": 15,
      "30-minutes-or-less": 30,
      "60-minutes-or-less": 60,
      "4-hours-or-less": 240,
    };
    for (const r of recipes) {
      const minutes = Number(r[2]);
      if (minutes < 1 || minutes >= 1000) continue; // planted dirty times
      for (const tag of parsePyList(r[5]))
        if (tag in limits) expect(minutes).toBeLessThanOrEqual(limits[tag]);
    }
    const autumn = recipes.filter((r) => ["09", "10", "11"].includes(r[4].slice(5, 7)));
    const spring = recipes.filter((r) => ["03", "04", "05"].includes(r[4].slice(5, 7)));
    const pumpkin = (rows: string[][]) => rows.filter((r) => r[10].includes("pumpkin")).length / rows.length;
    expect(pumpkin(autumn)).toBeGreaterThan(2 * pumpkin(spring));
  });
});

describe("generateDataset: output folder", () => {
  it("creates a missing output folder", async () => {
    const outDir = join(tempDir("bttk-gen-nested-"), "a", "b");
    const result = await generateDataset({ scale: 0.001, seed: 3, outDir });
    expect(existsSync(result.recipesPath) && existsSync(result.interactionsPath)).toBe(true);
  });
});
