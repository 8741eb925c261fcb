// Framework's preview server as a child process that can be restarted. The site's shell (sidebar,
// footer, page list, catalogues rendered in it) is rendered by the config's functions, which
// Framework imports once per process: a change to them needs a fresh process. The browser's
// preview client reconnects by itself; touching the config then tells it to reload.
import { spawn, type ChildProcess } from "node:child_process";
import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "../logger.js";

export interface Preview {
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Settles when the preview exits on its own (not by restart or stop). */
  exited: Promise<number | null>;
}

export interface PreviewOptions {
  root: string;
  host: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

async function untilAnswering(host: string, port: number, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`http://${host}:${port}/`).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
}

export function startPreview({ root, host, port, env }: PreviewOptions): Preview {
  const bin = join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
  let child: ChildProcess;
  let stopping = false;
  let exit: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => (exit = resolve));

  const launch = () => {
    child = spawn(process.execPath, [bin, "preview", "--host", host, "--port", String(port), "--no-open"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Framework prints progress on stdout; ours is reserved for data, so it goes to stderr.
    child.stdout?.pipe(process.stderr);
    const me = child;
    child.on("exit", (code) => {
      if (me === child && !stopping) exit(code);
    });
  };

  const kill = async () => {
    const old = child;
    if (old.exitCode !== null || old.signalCode !== null) return;
    const gone = new Promise((resolve) => old.once("exit", resolve));
    old.kill("SIGTERM");
    await Promise.race([gone, sleep(3000).then(() => old.kill("SIGKILL"))]);
    await gone;
  };

  launch();
  // Never leave an orphan server behind: a stopped `npm run dev` stops its preview too.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  return {
    exited,
    async restart() {
      stopping = true;
      await kill();
      stopping = false;
      launch();
      // Open pages reconnect (after 1.5 s, then less often) once it answers; a touched config
      // then makes them reload.
      await untilAnswering(host, port);
      await sleep(2500);
      const now = new Date();
      await utimes(join(root, "observablehq.config.ts"), now, now).catch(() => undefined);
      logger.info("Preview restarted: open pages reload");
    },
    async stop() {
      stopping = true;
      process.off("exit", killOnExit);
      await kill();
    },
  };
}
