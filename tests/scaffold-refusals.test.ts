// What the scaffold refuses beyond names, in a temporary copy of the project whose files are then
// broken one at a time: unusable titles, a missing or damaged declarations file, a catalogue index
// it cannot extend, analysis targets that name no page or no card place — each a ConfigurationError
// that says what failed where, with a hint. And the French words of --title-fr.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PATHS, scaffoldAnalysis, scaffoldPage } from "../data-loaders/authoring/scaffold.js";
import { PAGE_ANCHOR, PAGES_MARKER } from "../data-loaders/authoring/templates.js";
import { ConfigurationError } from "../data-loaders/errors.js";
import { copyProject } from "./helpers/project-copy.js";
import { removeTempDirs } from "./helpers/s3.js";

let root: string;
const created: string[] = [];
const read = (path: string) => readFileSync(join(root, path), "utf8");
const write = (path: string, text: string) => writeFileSync(join(root, path), text);

/** The error's own message, without the hint the hierarchy appends after "→". */
const head = (error: ConfigurationError) => error.message.split("\n")[0];

async function refused(f: () => Promise<unknown>): Promise<ConfigurationError> {
  const error = await f().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as ConfigurationError;
}

beforeEach(() => {
  root = copyProject("bttk-scaffold-refusals-");
  created.push(root);
});
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

describe("new:page refuses", () => {
  it("a title that is empty, on two lines or too long", async () => {
    for (const title of ["   ", "Two\nlines", "x".repeat(200)]) {
      const error = await refused(() => scaffoldPage(root, "weekday-habits", { title }));
      expect(error.message).toContain("--title");
      expect(error.message).toContain("is not a usable title");
      expect(error.hint).toMatch(/Give one line of 1 to \d+ characters/);
    }
    const error = await refused(() => scaffoldPage(root, "weekday-habits", { titleFr: "" }));
    expect(head(error)).toMatch(/^--title-fr "" is not a usable title/);
  });

  it("a project without its page declarations, naming the file", async () => {
    rmSync(join(root, PATHS.pages));
    const error = await refused(() => scaffoldPage(root, "weekday-habits"));
    expect(head(error)).toBe(`${PATHS.pages} does not exist (the page declarations).`);
    expect(error.hint).toMatch(/project's root folder/);
  });

  it("declarations without the marker line, or with two", async () => {
    const pages = read(PATHS.pages);
    const marker = pages.split("\n").find((l) => l.trim() === PAGES_MARKER)!;
    write(PATHS.pages, pages.replace(marker, ""));
    expect(head(await refused(() => scaffoldPage(root, "weekday-habits")))).toBe(
      `${PATHS.pages} has no line \`${PAGES_MARKER}\`, where the scaffold adds its part.`,
    );
    write(PATHS.pages, pages.replace(marker, `${marker}\n${marker}`));
    expect(head(await refused(() => scaffoldPage(root, "weekday-habits")))).toContain("has 2 lines");
    expect(existsIn(PATHS.page("weekday-habits"))).toBe(false);
  });

  it("a catalogue index with no export line to follow, or that already exports the namespace", async () => {
    const index = PATHS.catalogueIndex("fr");
    const text = read(index);
    write(index, "// emptied\n");
    const error = await refused(() => scaffoldPage(root, "weekday-habits"));
    expect(head(error)).toBe(`${index} has no \`export { x } from "./x.js";\` line to add the page's after.`);
    expect(error.hint).toBe('Add `export { weekdayHabits } from "./weekday-habits.js";` to it by hand.');
    write(index, `${text}\nexport { weekdayHabits } from "./elsewhere.js";\n`);
    expect(head(await refused(() => scaffoldPage(root, "weekday-habits")))).toBe(
      `${index} already exports a catalogue namespace "weekdayHabits".`,
    );
  });
});

function existsIn(path: string): boolean {
  try {
    readFileSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}

describe("new:page with a French title", () => {
  it("writes real French words and leaves no note asking for a translation", async () => {
    const result = await scaffoldPage(root, "weekday-habits", {
      title: "Weekday habits",
      titleFr: " Habitudes ",
    });
    expect(result.notes).toEqual([]);
    const fr = read(PATHS.catalogue("fr", "weekday-habits"));
    expect(fr).toContain('title: "Habitudes"');
    expect(fr).toContain("Habitudes : les recettes par année, une première analyse à compléter.");
  });
});

describe("new:analysis refuses", () => {
  it("a target that is not <page>/<name>", async () => {
    const error = await refused(() => scaffoldAnalysis(root, "just-a-name"));
    expect(head(error)).toBe('"just-a-name" does not name an analysis as <page>/<name>.');
  });

  it("a page folder that no page reads", async () => {
    await scaffoldPage(root, "weekday-habits");
    rmSync(join(root, PATHS.page("weekday-habits")));
    const error = await refused(() => scaffoldAnalysis(root, "weekday-habits/minutes"));
    expect(head(error)).toBe(
      `No page in ${PATHS.pagesDir}/ reads data/weekday-habits.json, so the card has nowhere to go.`,
    );
  });

  it("two pages with the anchor line, a page without rowsCard, and a card id already there", async () => {
    await scaffoldPage(root, "weekday-habits");
    const page = PATHS.page("weekday-habits");
    const markdown = read(page);
    write(PATHS.page("weekday-copy"), markdown);
    expect(head(await refused(() => scaffoldAnalysis(root, "weekday-habits/minutes")))).toBe(
      `${PATHS.page("weekday-copy")}, ${page} all have the line \`${PAGE_ANCHOR}\`; new:analysis needs exactly one page.`,
    );
    rmSync(join(root, PATHS.page("weekday-copy")));

    write(page, markdown.replaceAll("rowsCard", "otherCard"));
    expect(head(await refused(() => scaffoldAnalysis(root, "weekday-habits/minutes")))).toBe(
      `${page} does not import rowsCard, which draws the new card.`,
    );

    write(page, `${markdown}\n<!-- id: "minutes" -->\n`);
    expect(head(await refused(() => scaffoldAnalysis(root, "weekday-habits/minutes")))).toBe(
      `${page} already has a card with the id "minutes".`,
    );
  });

  it("a card whose words the catalogue already has", async () => {
    await scaffoldPage(root, "weekday-habits");
    const en = PATHS.catalogue("en", "weekday-habits");
    write(en, read(en).replace("cards: {", 'cards: {\n    minutesPerYear: { question: "x" },'));
    const error = await refused(() => scaffoldAnalysis(root, "weekday-habits/minutes-per-year"));
    expect(head(error)).toBe(`${en} already has words for the card "minutesPerYear".`);
    expect(existsIn(PATHS.query("weekday-habits", "minutes-per-year"))).toBe(false);
  });
});
