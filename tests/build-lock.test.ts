// The file lock builds take on what they still share (page data stashes, the shared node bundles,
// the switch of dist/<env>; each has its own Framework root): one holder at a time, a killed
// holder's lock taken over at once, a live one waited for.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StorageError } from "../data-loaders/errors.js";
import { withStashLock } from "../data-loaders/site/framework-cache.js";
import { ownerIsGone, withLock } from "../data-loaders/site/lock.js";
import { tempDir } from "./helpers/s3.js";

/** The pid of a process that has run and exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("build lock", () => {
  it("names its owner while held and is gone after", async () => {
    const path = join(tempDir(), "_build.lock");
    const seen = await withLock(path, async () => readFileSync(path, "utf8"));
    expect(seen).toBe(`${process.pid} ${hostname()}`);
    expect(existsSync(path)).toBe(false);
  });

  it("takes over at once the lock of a build that was killed", async () => {
    const path = join(tempDir(), "_build.lock");
    writeFileSync(path, `${deadPid()} ${hostname()}`);
    const started = Date.now();
    expect(await withLock(path, async () => "ran", { timeoutMs: 5_000 })).toBe("ran");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("waits for a live owner, then fails with a clear error", async () => {
    const path = join(tempDir(), "_build.lock");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path, `${child.pid} ${hostname()}`);
      expect(ownerIsGone(readFileSync(path, "utf8"))).toBe(false);
      await expect(withLock(path, async () => "ran", { timeoutMs: 600 })).rejects.toThrow(StorageError);
      expect(existsSync(path)).toBe(true);
    } finally {
      child.kill();
    }
  });

  it("lets one stash writer in at a time: two builds' critical sections never overlap", async () => {
    const buildCache = join(tempDir(), "builds");
    const events: string[] = [];
    const section = (name: string) =>
      withStashLock(buildCache, async () => {
        events.push(`${name} in`);
        expect(existsSync(join(buildCache, "_stash.lock"))).toBe(true);
        await new Promise((done) => setTimeout(done, 300));
        events.push(`${name} out`);
      });
    await Promise.all([section("a"), section("b")]);
    expect([events.slice(0, 2), events.slice(2)]).toEqual(
      events[0] === "a in"
        ? [
            ["a in", "a out"],
            ["b in", "b out"],
          ]
        : [
            ["b in", "b out"],
            ["a in", "a out"],
          ],
    );
    expect(existsSync(join(buildCache, "_stash.lock"))).toBe(false);
  });

  it("never judges a lock from another host by its pid, only by its age", () => {
    expect(ownerIsGone(`${deadPid()} ${hostname()}`)).toBe(true);
    expect(ownerIsGone(`${deadPid()} another-host`)).toBe(false);
    expect(ownerIsGone("garbage")).toBe(false);
  });
});
