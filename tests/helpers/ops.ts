// Helpers for the operations tests: small built-looking sites (a valid snapshot.json and a few
// pages and hashed assets, written in milliseconds instead of built), the project's commands run
// as a user runs them (tsx processes), long-running ones (serve) started and stopped, and a real
// HTTP receiver on 127.0.0.1 standing in for the operators' webhook.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";
import type { Environment } from "../../data-loaders/config/environment.js";
import { siteSnapshotId } from "../../data-loaders/deploy/snapshot-id.js";

export const BUILD_INFO = JSON.parse(
  readFileSync(join(PROJECT_ROOT, "tests", "fixtures", "build-info.json"), "utf8"),
) as Record<string, unknown>;

export interface SiteOptions {
  env?: Environment;
  builtAt?: string;
  /** Replaces the home page (a broken site: a home page that does not name the site). */
  home?: string;
  /** Extra files: site path → content. */
  files?: Record<string, string | Buffer>;
}

/** Write a site as `npm run build` would lay it out; returns its snapshot id. */
export function writeSite(
  dir: string,
  { env = "local", builtAt = "2026-03-12T11:02:41.512Z", home, files = {} }: SiteOptions = {},
): string {
  const snapshot =
    JSON.stringify({ ...BUILD_INFO, env, builtAt, fingerprint: "0123456789abcdef" }, null, 2) + "\n";
  const all: Record<string, string | Buffer> = {
    "index.html": home ?? `<!doctype html><title>Back to the Kitchen</title><p>home of ${builtAt}</p>`,
    "en/index.html": `<!doctype html><title>Overview | Back to the Kitchen</title><p>en ${builtAt}</p>`,
    "en/trends.html": `<!doctype html><title>Trends | Back to the Kitchen</title>${"<p>trend</p>".repeat(300)}`,
    "fr/index.html": `<!doctype html><title>Aperçu | Back to the Kitchen</title><p>fr ${builtAt}</p>`,
    "404.html": "<!doctype html><title>Not found | Back to the Kitchen</title><p>lost</p>",
    "_observablehq/client.1a2b3c4d.js": "export const client = 1;\n".repeat(400),
    "_file/data/trends.5e6f7a8b.json": JSON.stringify({
      builtAt,
      years: Array.from({ length: 200 }, (_, i) => 1900 + i),
    }),
    "_npm/d3@7.9.0/dist/d3.min.js": "var d3 = {};\n".repeat(800),
    "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
    "snapshot.json": snapshot,
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return siteSnapshotId(snapshot, builtAt);
}

const cliPath = (name: string) => join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`);
/**
 * Node itself with tsx's loader, not the `tsx` wrapper: the wrapper runs the command in a child
 * process of its own, so a signal sent to it (a test killing a deploy midway) would miss the command.
 */
const nodeArgs = (name: string, args: string[]) => ["--import", "tsx", cliPath(name), ...args];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a command to its end, blocking. Only for commands that need no server of the test's own
 * process (a local S3 server or webhook receiver there could not answer while it blocks).
 */
export function runCli(name: string, args: string[], env: NodeJS.ProcessEnv): CliResult {
  const r = spawnSync(process.execPath, nodeArgs(name, args), {
    cwd: PROJECT_ROOT,
    env,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run a command without blocking the test, whose own servers (S3, webhook, site) must keep answering. */
export function runCliAsync(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, nodeArgs(name, args), { cwd: PROJECT_ROOT, env });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d));
  child.stderr!.on("data", (d: Buffer) => (stderr += d));
  const done = new Promise<CliResult>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

export interface RunningCli {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** Start a long-running command that prints its URL on stdout (serve, start). */
export function startCli(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<RunningCli> {
  const child = spawn(process.execPath, nodeArgs(name, args), { cwd: PROJECT_ROOT, env });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} printed no URL in ${timeoutMs} ms:\n${stderr}`)),
      timeoutMs,
    );
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code} before serving:\n${stderr}`)));
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d;
      const line = stdout.split("\n").find((l) => l.startsWith("http://"));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        url: line.trim(),
        child,
        stderr: () => stderr,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
  });
}

export interface Receiver {
  url: string;
  /** Bodies received, parsed as JSON. */
  messages: { content: string }[];
  /** Status to answer with. */
  status: number;
  close(): Promise<void>;
}

/** A webhook receiver: a real HTTP server on 127.0.0.1 that records what is posted to it. */
export function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", messages: [], status: 204, close: async () => {} };
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d));
    req.on("end", () => {
      receiver.messages.push(JSON.parse(body) as { content: string });
      res.statusCode = receiver.status;
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/123/secret-token-xyz`;
      receiver.close = () => new Promise((ok) => server.close(() => ok()));
      resolve(receiver);
    }),
  );
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export function closedPort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

/** Poll until `f` holds (servers pick up pointer moves at their next poll). */
export async function eventually<T>(
  f: () => Promise<T | undefined | false>,
  { timeoutMs = 20_000, everyMs = 100 } = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await f().catch(() => undefined);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
