// `npm run data:generate` end to end: files written, stdout left empty, bad options refused with
// exit code 1 and a message naming the option.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/s3.js";

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "data-loaders/cli/generate.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("data:generate command", () => {
  it("writes both files and keeps stdout empty", () => {
    const out = join(tempDir("bttk-gen-cli-"), "data");
    const result = run("--scale", "0.002", "--seed", "5", "--out", out);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/463 recipes, 2,265 interactions/);
    expect(existsSync(join(out, "RAW_recipes.csv")) && existsSync(join(out, "RAW_interactions.csv"))).toBe(
      true,
    );
  });

  it("exits 1 with the option's name and range on a bad scale or seed", () => {
    for (const [args, pattern] of [
      [["--scale", "0"], /--scale=0 .*greater than 0 and at most 1/],
      [["--scale", "1.5"], /--scale=1\.5 /],
      [["--scale", "abc"], /--scale=abc /],
      [["--seed=-1"], /--seed=-1 .*whole number/],
    ] as const) {
      const result = run(...args, "--out", tempDir("bttk-gen-cli-bad-"));
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(pattern);
    }
  });
});
