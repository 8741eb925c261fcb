// The two catalogues and the pages that use them: same keys, nothing empty, same placeholders;
// every key a page or component asks for exists; and no page carries interface text of its own
// (all of it must come from the catalogues through `${t("…")}` expressions).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { INTERACTION_RULES, RECIPE_RULES } from "../src/lib/contracts/manifest.js";
import {
  CATALOGUES,
  flatten,
  isLang,
  LANGS,
  placeholders,
  seasonName,
  translator,
  weekdayName,
  type MessageKey,
} from "../src/lib/i18n/index.js";

const SRC = join(import.meta.dirname, "..", "src");
const en = flatten(CATALOGUES.en);
const fr = flatten(CATALOGUES.fr);

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory())
      return e.name === ".observablehq" || e.name === "node_modules" ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Remove `${…}` expressions, matching braces and skipping strings and template literals inside. */
function stripExpressions(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("${", i)) {
      i = skipExpression(text, i + 2);
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** From just after an opening brace, return the index just after its closing brace. */
function skipExpression(text: string, i: number): number {
  let depth = 1;
  while (i < text.length && depth > 0) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i + 1, c);
    } else if (c === "`") {
      i = skipTemplate(text, i + 1);
    } else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      i++;
    }
  }
  return i;
}

function skipString(text: string, i: number, quote: string): number {
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipTemplate(text: string, i: number): number {
  while (i < text.length && text[i] !== "`") {
    if (text[i] === "\\") i += 2;
    else if (text.startsWith("${", i)) i = skipExpression(text, i + 2);
    else i++;
  }
  return i + 1;
}

/** What a reader would see of a page's own words: prose outside code, expressions and tags. */
function literalText(markdown: string): string {
  return stripExpressions(
    markdown.replace(/^---\n[\s\S]*?\n---\n/, "").replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ""),
  )
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, "");
}

describe("catalogues", () => {
  it("have the same keys in English and French", () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("have no empty message", () => {
    for (const [lang, table] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      for (const [key, message] of table) expect(message.trim(), `${lang}: ${key}`).not.toBe("");
    }
  });

  it("are plain nested objects of strings", () => {
    const walk = (node: unknown, path: string): void => {
      if (typeof node === "string") return;
      expect(node !== null && typeof node === "object" && !Array.isArray(node), path).toBe(true);
      for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
    };
    for (const lang of LANGS) walk(CATALOGUES[lang], lang);
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, message] of en) {
      expect(placeholders(fr.get(key) ?? ""), key).toEqual(placeholders(message));
    }
  });

  it("label the footer's usage-statistics toggle and its Do Not Track state in each language's own words", () => {
    for (const key of ["shell.events.label", "shell.events.refused"]) {
      expect(en.get(key), key).toBeTruthy();
      expect(fr.get(key), key).toBeTruthy();
      expect(fr.get(key), key).not.toBe(en.get(key));
    }
  });

  it("name every cleaning rule of the ingest, with a label and an explanation", () => {
    for (const table of [en, fr]) {
      for (const rule of RECIPE_RULES) {
        expect(table.get(`data.rules.recipe.${rule}.label`)).toBeTruthy();
        expect(table.get(`data.rules.recipe.${rule}.explain`)).toBeTruthy();
      }
      for (const rule of INTERACTION_RULES) {
        expect(table.get(`data.rules.interaction.${rule}.label`)).toBeTruthy();
        expect(table.get(`data.rules.interaction.${rule}.explain`)).toBeTruthy();
      }
    }
  });
});

describe("provenance in the wording", () => {
  // Generated data must never read as recipes posted on Food.com: a sentence may say so only in
  // the `files` variant of a message chosen by the dataset's provenance.
  const claims = /(posted|published) on Food\.com|on Food\.com|publiées sur Food\.com|sur Food\.com/;

  it("claim that recipes were posted on Food.com only in messages for data ingested from files", () => {
    for (const table of [en, fr]) {
      const claiming = [...table].filter(([, m]) => claims.test(m)).map(([key]) => key);
      expect(claiming.length).toBeGreaterThan(0);
      for (const key of claiming) expect(key, key).toMatch(/\.files$/);
    }
  });

  it("have a generated twin, saying the data is not real, for every files-only message", () => {
    for (const [lang, table] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      for (const key of [...table.keys()].filter((k) => k.endsWith(".files"))) {
        const twin = table.get(key.replace(/\.files$/, ".generated"));
        expect(twin, `${lang}: ${key}`).toBeTruthy();
        expect(twin).not.toMatch(claims);
        expect(twin).toMatch(lang === "en" ? /generat/i : /génér/i);
      }
    }
  });

  it("would catch a generated message that claims Food.com", () => {
    expect(claims.test("1,000 recipes posted on Food.com")).toBe(true);
    expect(claims.test("recipes shaped like Food.com's")).toBe(false);
  });
});

describe("translator", () => {
  it("fills placeholders and formats numbers in the language", () => {
    const params = { recipes: 200066, interactions: 1132367 };
    expect(translator("en")("shell.footer.rows", params)).toBe("200,066 recipes · 1,132,367 interactions");
    expect(translator("fr")("shell.footer.rows", params)).toBe(
      "200\u202f066 recettes · 1\u202f132\u202f367 interactions",
    );
  });

  it("passes strings through untouched (years, identifiers)", () => {
    expect(translator("fr")("common.range", { from: "1999", to: "2018" })).toBe("1999 – 2018");
  });

  it("throws on an unknown key or a missing parameter, so a page fails its browser test", () => {
    const t = translator("en");
    expect(() => t("shell.nope" as MessageKey)).toThrow(/no message "shell\.nope"/);
    expect(() => t("shell.footer.version")).toThrow(/needs the parameter \{version\}/);
  });

  it("knows its languages", () => {
    expect(LANGS).toEqual(["en", "fr"]);
    expect(isLang("fr")).toBe(true);
    expect(isLang("de")).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it("names seasons and weekdays from the catalogue", () => {
    expect(seasonName("Winter", "fr")).toBe("Hiver");
    expect(seasonName("fall", "en")).toBe("Autumn");
    expect(weekdayName(1, "en")).toBe("Monday");
    expect(weekdayName(7, "fr", { short: true })).toBe("dim.");
    expect(() => weekdayName(0, "en")).toThrow(/ISO weekday/);
    expect(() => seasonName("monsoon", "en")).toThrow(/not a season/);
  });
});

describe("pages and components", () => {
  const pages = files(SRC, (p) => p.endsWith(".md"));
  const code = files(SRC, (p) => /\.(md|ts)$/.test(p) && !p.includes(join("lib", "i18n")));

  it("find the pages", () => {
    expect(pages.map((p) => relative(SRC, p))).toEqual(expect.arrayContaining(["index.md"]));
  });

  it("leave no untranslated text in a page", () => {
    for (const page of pages) {
      const left = literalText(readFileSync(page, "utf8"));
      expect(left.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [], relative(SRC, page)).toEqual([]);
    }
  });

  it("ask only for keys the catalogue has", () => {
    for (const file of code) {
      const text = readFileSync(file, "utf8");
      for (const [, key] of text.matchAll(/\bt\(\s*["']([\w.]+)["']/g)) {
        expect(en.has(key), `${relative(SRC, file)}: t("${key}")`).toBe(true);
      }
    }
  });

  it("would catch a literal word left in a page", () => {
    expect(literalText('# Recipes per year ${t("x")}\n<p>${t("y")} words</p>')).toMatch(/Recipes.*words/s);
  });

  it("strip expressions with nested braces, strings and templates", () => {
    expect(stripExpressions('a ${t("x", {n: 1})} b ${`c${"}"}`} d')).toBe("a  b  d");
    expect(literalText('---\ntitle: X\n---\n```js\nconst a = "b";\n```\n<p class="x">${t("y")}</p>')).toBe(
      "\n",
    );
  });
});
