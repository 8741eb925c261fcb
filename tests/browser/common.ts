// What every page's browser checks share: finding elements by test id, reading the numbers cards
// put in attributes, comparing floats, reading a card's CSV download (the rows its chart draws),
// moving the page-wide year range, and Benjamini–Hochberg by hand (independent of src/lib/stats).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { autoType, csvParse } from "d3";
import type { Download, Locator, Page } from "playwright-core";

export type Row = Record<string, number | string | boolean | null>;

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Whitespace-insensitive text (French puts narrow no-break spaces in numbers). */
export const squash = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** A number a card exposes in an attribute (`data-value`…); fails when the attribute is missing. */
export async function numberAttribute(locator: Locator, name: string): Promise<number> {
  const value = await locator.getAttribute(name);
  assert.ok(value !== null && value !== "", `missing ${name} on ${locator}`);
  return Number(value);
}

/** |actual − expected| ≤ tolerance · max(1, |expected|): relative for large values, absolute near 0. */
export function assertClose(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance * scale, `${what}: ${actual} ≠ ${expected}`);
}

/** The rows of a card's first CSV download (clicked twice at most: a first click can race the page). */
export async function cardCsv(page: Page, card: string): Promise<Row[]> {
  const button = page.locator(`#${card} .analysis-card__downloads button`).first();
  let download: Download | undefined;
  for (let attempt = 0; attempt < 2 && !download; attempt++) {
    [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }).catch(() => undefined),
      button.click(),
    ]);
  }
  const path = await download?.path();
  assert.ok(path, `clicking the CSV button of #${card} downloaded nothing`);
  // A plain array: d3 adds a `columns` property that deep equality would trip on.
  return [...csvParse(await readFile(path, "utf8"), autoType)] as unknown as Row[];
}

/** Benjamini–Hochberg adjusted p-values, in the input's order. */
export function bh(p: number[]): number[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Array<number>(p.length);
  let running = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    running = Math.min(running, (p.length * p[order[k]]) / (k + 1));
    q[order[k]] = running;
  }
  return q;
}

/** Selects `from`–`to` in the page-wide range of page `prefix` (its test ids: `<prefix>-range-from`…). */
export async function selectYears(page: Page, prefix: string, from: number, to: number): Promise<void> {
  await byTestId(page, `${prefix}-range-from`)
    .locator("select")
    .selectOption({ label: String(from) });
  await byTestId(page, `${prefix}-range-to`)
    .locator("select")
    .selectOption({ label: String(to) });
}

/**
 * `selectYears`, then waits until the range summary names the new range and no cell is still
 * running, so that what the check reads next belongs to the new range.
 */
export async function pickYears(page: Page, prefix: string, from: number, to: number): Promise<void> {
  await selectYears(page, prefix, from, to);
  await page.waitForFunction(
    ({ id, from, to }) =>
      (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "").includes(`${from}–${to}`),
    { id: `${prefix}-range-summary`, from, to },
    { timeout: 15_000 },
  );
  await page.waitForFunction(
    () => !document.querySelector(".observablehq--running, .observablehq--loading"),
    null,
    {
      timeout: 15_000,
    },
  );
}
