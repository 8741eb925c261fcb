// Run a command and measure it: wall time, and peak resident memory of the process tree's largest
// process and CPU time via GNU time (/usr/bin/time -v) when the machine has it. On a shared machine
// the wall time measures the neighbours as much as the work, the CPU time much less, so the scale
// suite judges growth on it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export interface Measured {
  seconds: number;
  /** Peak resident set size in MB, or null without /usr/bin/time. */
  peakMb: number | null;
  /** User + system CPU seconds of the command and its children, or null without /usr/bin/time. */
  cpuSeconds: number | null;
  stdout: string;
}

/** The CPU seconds in GNU time's verbose report (user + system), or null when absent. */
export function cpuSecondsOf(report: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  return user && system ? Number(user[1]) + Number(system[1]) : null;
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const timed = existsSync("/usr/bin/time");
  const [bin, argv] = timed ? ["/usr/bin/time", ["-v", command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(bin, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({ seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, cpuSeconds: cpuSecondsOf(stderr), stdout });
    });
  });
}
