// Run a command (data-loaders/cli/<name>.ts) as a user would, in its own process, without blocking
// this one: the test process may host the S3 server the command talks to.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

/** A process's output and exit, once it ends (or is killed after `timeoutMs`). */
export function finished(child: ChildProcess, timeoutMs = 120_000): Promise<CliResult> {
  const started = performance.now();
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/**
 * Start a TypeScript script (path relative to the project root) with these variables added. One
 * process (node with tsx's loader, not the tsx launcher, which runs the script in a second
 * process): killing it kills the script, and its pid is the script's.
 */
export function startScript(script: string, args: string[], vars: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ...vars },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Run `npm run <name>`'s script, data-loaders/cli/<name>.ts, to its end. */
export function runCli(
  name: string,
  args: string[],
  vars: Record<string, string>,
  timeoutMs?: number,
): Promise<CliResult> {
  return finished(startScript(`data-loaders/cli/${name}.ts`, args, vars), timeoutMs);
}
