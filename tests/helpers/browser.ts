// Debian's Chromium driven by playwright-core, with the flags that keep it off the network, and a
// page visit that records console errors, page errors and any request leaving 127.0.0.1.
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Visit {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** URLs requested outside the site's origin (127.0.0.1). */
  outside: string[];
}

export async function visit(browser: Browser, url: string, width = 1280, height = 900): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  const origin = new URL(url).origin;
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) outside.push(u);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors, outside };
}

/** Wait until Framework has run every cell: no pending cell and at least one rendered chart or none expected. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => !document.querySelector(".observablehq--running, .observablehq--loading"),
    null,
    {
      timeout: 30_000,
    },
  );
}
