// npm run bench:server — how many requests a second the server (`npm run serve`, the same one as
// `npm start`) answers over loopback, for content-hashed assets and for HTML pages, with autocannon
// in this process and the server in its own (two cores: one each). The site is the default
// dataset's local build; every request asks for brotli or gzip, as browsers do.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative, sep } from "node:path";
import autocannon, { type Result } from "autocannon";
import { PROJECT_ROOT } from "../../data-loaders/config/config.js";
import { isHashed } from "../../data-loaders/server/content.js";
import { LANGS } from "../../src/lib/i18n/index.js";
import { PAGES, pagePath } from "../../src/lib/pages.js";

const cli = (name: string) => join(PROJECT_ROOT, "data-loaders", "cli", `${name}.ts`);

export const TARGETS = { assets: 5_000, html: 2_000 } as const;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => "/" + relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", cli("serve"), "--env", "local", "--port", "0"], {
    cwd: PROJECT_ROOT,
    env: { ...env, LOG_LEVEL: "info", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Ready once it listens and has compressed the whole site (brotli 11, in its thread pool).
  let url: string | undefined;
  let warmed = false;
  return new Promise((resolve, reject) => {
    const ready = () => url && warmed && resolve({ url, stop: () => child.kill("SIGTERM") });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    child.stdout.on("data", (d: Buffer) => {
      url ??= d
        .toString()
        .split("\n")
        .find((l) => l.startsWith("http://"))
        ?.trim();
      ready();
    });
    child.stderr.on("data", (d: Buffer) => {
      const text = d.toString();
      if (!text.includes("Precompressed")) return;
      process.stderr.write(text);
      warmed = true;
      ready();
    });
  });
}

/**
 * The machine's ceiling for the same load: a bare node:http server answering one fixed 10 KB body,
 * in its own process like the real one. Other work on the machine lowers both alike.
 */
const BASELINE = `const body = Buffer.alloc(10240, 97);
require("node:http").createServer((q, r) => { r.writeHead(200, { "content-type": "text/javascript", "content-length": body.length }); r.end(body); })
  .listen(0, "127.0.0.1", function () { console.log("http://127.0.0.1:" + this.address().port + "/"); });`;

function startBaseline(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["-e", BASELINE], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) =>
    child.stdout.once("data", (d: Buffer) => resolve({ url: d.toString().trim(), stop: () => child.kill() })),
  );
}

async function load(url: string, paths: string[], seconds: number): Promise<Result> {
  return autocannon({
    url,
    connections: 50,
    pipelining: 1,
    duration: seconds,
    headers: { "accept-encoding": "br, gzip" },
    requests: paths.map((path) => ({ path })),
  });
}

const row = (name: string, r: Result, target: number) =>
  `| ${name} | ${Math.round(r.requests.average).toLocaleString("en")} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${(r.throughput.average / 2 ** 20).toFixed(1)} MB/s | ${r.errors + r.timeouts} / ${r.non2xx} | ≥ ${target.toLocaleString("en")} req/s, no error |`;

/** Build the site if the work folder has none, serve it, load it; the section for docs/performance.md. */
export async function benchServer(env: NodeJS.ProcessEnv, machine: string, seconds = 10): Promise<string> {
  const dist = join(env.DIST_DIR!, "local");
  if (!existsSync(join(dist, "snapshot.json"))) {
    const built = spawnSync(process.execPath, ["--import", "tsx", cli("build"), "--env", "local"], {
      cwd: PROJECT_ROOT,
      env,
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("the build for the server bench failed");
  }
  const assets = files(dist).filter(isHashed);
  const html = LANGS.flatMap((lang) => PAGES.map((p) => pagePath(p.id, lang)));
  const server = await startServer(env);
  try {
    // Connections and the JIT warm up on both paths first.
    await load(server.url, assets, 2);
    await load(server.url, html, 2);
    const a = await load(server.url, assets, seconds);
    const h = await load(server.url, html, seconds);
    const baseline = await startBaseline();
    let b: Result;
    try {
      b = await load(baseline.url, ["/"], seconds);
    } finally {
      baseline.stop();
    }
    const busy = loadavg()[0].toFixed(1);
    process.stderr.write(
      `hashed assets: ${Math.round(a.requests.average)} req/s, p99 ${a.latency.p99} ms, errors ${a.errors}\n` +
        `HTML pages: ${Math.round(h.requests.average)} req/s, p99 ${h.latency.p99} ms, errors ${h.errors}\n`,
    );
    return [
      `Measured on ${machine}: \`npm run serve\` in its own process, autocannon in the bench's (50 connections,`,
      `${seconds} s after a warm-up, \`Accept-Encoding: br, gzip\`), over loopback. Hashed assets: the ${assets.length}`,
      `content-hashed files of the default dataset's local build, in turn; HTML: the ${html.length} pages, in turn.`,
      "",
      "| requests | req/s (mean) | p50 | p99 | throughput | errors / non-2xx | target |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      row("hashed assets", a, TARGETS.assets),
      row("HTML pages", h, TARGETS.html),
      `| *baseline: bare node:http, one 10 KB body* | ${Math.round(b.requests.average).toLocaleString("en")} | ${b.latency.p50} ms | ${b.latency.p99} ms | ${(b.throughput.average / 2 ** 20).toFixed(1)} MB/s | ${b.errors + b.timeouts} / ${b.non2xx} | the machine's ceiling for this load |`,
      "",
      `Load average during the run: ${busy} (other work on the machine lowers every row alike).`,
    ].join("\n");
  } finally {
    server.stop();
  }
}
