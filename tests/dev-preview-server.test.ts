// The dev command's restartable Framework preview (data-loaders/dev/preview.ts), run for real on a
// tiny Framework project: it serves the pages on the port asked for, comes back after a restart
// (and touches the config so open pages reload), and stop leaves the port closed.
import { mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../data-loaders/dev/preview.js";
import { closedPort } from "./helpers/ops.js";
import { removeTempDirs, tempDir } from "./helpers/s3.js";

const REPO = join(import.meta.dirname, "..");

function tinySite(): string {
  const root = tempDir("bttk-preview-");
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(root, "observablehq.config.ts"), `export default { root: "src", title: "Tiny" };\n`);
  writeFileSync(join(root, "src", "index.md"), "# Hello from the tiny site\n");
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

async function page(url: string, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const text = await fetch(url).then(
      (r) => (r.ok ? r.text() : null),
      () => null,
    );
    if (text !== null) return text;
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

let preview: Preview | undefined;
afterAll(async () => {
  await preview?.stop();
  removeTempDirs();
});

describe("startPreview", () => {
  it("serves the site, restarts with the config touched, and stops without settling `exited`", async () => {
    const root = tinySite();
    const config = join(root, "observablehq.config.ts");
    utimesSync(config, new Date(0), new Date(0));
    const port = await closedPort();
    preview = startPreview({ root, host: "127.0.0.1", port, env: process.env });
    let exitedOnItsOwn = false;
    void preview.exited.then(() => (exitedOnItsOwn = true));

    expect(await page(`http://127.0.0.1:${port}/`)).toContain("Hello from the tiny site");

    await preview.restart();
    expect(statSync(config).mtimeMs).toBeGreaterThan(0);
    expect(await page(`http://127.0.0.1:${port}/`, 5000)).toContain("Hello from the tiny site");

    await preview.stop();
    preview = undefined;
    const after = await fetch(`http://127.0.0.1:${port}/`).then(
      () => "answered",
      () => "refused",
    );
    expect(after).toBe("refused");
    expect(exitedOnItsOwn).toBe(false);
  }, 60_000);

  it("settles `exited` with the exit code when the preview dies on its own", async () => {
    // No Framework installed in this root: the preview process fails at once.
    const root = tempDir("bttk-preview-");
    const own = startPreview({ root, host: "127.0.0.1", port: await closedPort(), env: process.env });
    expect(await own.exited).toBe(1);
    await own.stop();
  });
});
