// The whole tree type-checks and lints: run here so CI (which runs `npm test`) enforces both.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

function run(command: string, args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(command, args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe("code quality", () => {
  it("type-checks in strict mode (npm run typecheck)", () => {
    const { code, output } = run(bin("tsc"), ["--noEmit", "-p", "."]);
    expect(output).toBe("");
    expect(code).toBe(0);
  }, 180_000);

  it("passes eslint and prettier (npm run lint)", () => {
    const eslint = run(bin("eslint"), ["."]);
    expect(eslint.output).toBe("");
    const prettier = run(bin("prettier"), ["--check", "--log-level", "warn", "."]);
    expect(prettier.output).toBe("");
    expect([eslint.code, prettier.code]).toEqual([0, 0]);
  }, 180_000);
});
