// Storage under faults, with real parts: an endpoint that accepts connections and never answers,
// one that is not S3, one that fails with 503, refused credentials; two publishing processes at
// once; a manifest edited after publishing; an ingest killed mid-upload, then data:gc.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYSES } from "../data-loaders/analyses/registry.js";
import { collectGarbage } from "../data-loaders/snapshot/gc.js";
import { readPointer } from "../data-loaders/snapshot/pointer.js";
import { verifyDataset } from "../data-loaders/snapshot/promote.js";
import { publishSnapshot } from "../data-loaders/ingest/publish.js";
import { manifestKey } from "../data-loaders/storage/layout.js";
import { requestBoundMs } from "../data-loaders/storage/limits.js";
import { createStore, type StoreSettings } from "../data-loaders/storage/s3-store.js";
import { writeCsvs } from "./helpers/csv.js";
import { writeFakeDataset } from "./helpers/fake-dataset.js";
import { finished, runCli, startScript } from "./helpers/run-cli.js";
import { startTestS3, tempDir, type TestS3 } from "./helpers/s3.js";

const listen = async <T extends NetServer | HttpServer>(
  server: T,
): Promise<{ server: T; endpoint: string }> => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
};

const closeServer = (server: NetServer | HttpServer) =>
  new Promise<void>((resolve) => {
    (server as HttpServer).closeAllConnections?.();
    server.close(() => resolve());
  });

const storeAt = (endpoint: string, extra: Partial<StoreSettings> = {}) =>
  createStore({
    endpoint,
    region: "us-east-1",
    bucket: "fault-bucket",
    accessKeyId: "AK",
    secretAccessKey: "SK",
    ...extra,
  });

/** Variables that point a command at `endpoint` with short, test-sized bounds. */
const commandVars = (endpoint: string, extra: Record<string, string> = {}) => ({
  S3_ENDPOINT: endpoint,
  S3_BUCKET: "fault-bucket",
  S3_ACCESS_KEY_ID: "AK",
  S3_SECRET_ACCESS_KEY: "SK",
  S3_TIMEOUT_MS: "300",
  S3_MAX_ATTEMPTS: "2",
  CACHE_DIR: tempDir("bttk-fault-cache-"),
  LOG_DIR: tempDir("bttk-fault-logs-"),
  DIST_DIR: tempDir("bttk-fault-dist-"),
  ...extra,
});

describe("an endpoint that accepts connections and never answers", () => {
  let silent: NetServer;
  let endpoint: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    ({ server: silent, endpoint } = await listen(createNetServer((socket) => sockets.push(socket))));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await closeServer(silent);
  });

  it("fails each request after its attempts × timeout plus backoff, never later", async () => {
    const settings = { timeoutMs: 300, maxAttempts: 3 };
    const bound = requestBoundMs(settings);
    expect(bound).toBe(3 * 300 + 250 + 500);
    const store = storeAt(endpoint, settings);
    for (const request of [
      () => store.getText("x"),
      () => store.checkAccess(),
      () => store.list("datasets/"),
    ]) {
      const started = performance.now();
      await expect(request()).rejects.toThrow(
        /S3 at http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms after 3 attempts while accessing .*\n→ Something there accepts connections but does not answer/,
      );
      const ms = performance.now() - started;
      expect(ms).toBeGreaterThanOrEqual(3 * 300 - 50);
      expect(ms).toBeLessThan(bound + 500);
    }
    store.close();
  });

  it("fails an upload within the bound too (no byte moves)", async () => {
    const dir = tempDir();
    writeFakeDataset(dir, "up");
    const store = storeAt(endpoint, { timeoutMs: 300, maxAttempts: 2 });
    const started = performance.now();
    await expect(store.putFile("datasets/up/recipes.parquet", `${dir}/recipes.parquet`)).rejects.toThrow(
      /did not answer within 300 ms after 2 attempts/,
    );
    expect(performance.now() - started).toBeLessThan(
      requestBoundMs({ timeoutMs: 300, maxAttempts: 2 }) + 500,
    );
    store.close();
  });

  const commands: [string, string[]][] = [
    ["inspect", []],
    ["ingest", ["--recipes", "RECIPES", "--interactions", "INTERACTIONS"]],
    ["promote", ["--dataset-id", "some-id"]],
    ["gc", ["--dry-run"]],
    ["build", []],
    ["analysis", [ANALYSES[0].name]],
    ["start", ["--no-serve"]],
    ["dev", []],
  ];

  it("makes every command exit 1 within one request's bound of connecting, with advice", async () => {
    const csvs = writeCsvs(tempDir(), [{ id: 1 }], [{ user_id: 1, recipe_id: 1 }]);
    const bound = requestBoundMs({ timeoutMs: 300, maxAttempts: 2 });
    const logDirs = commands.map(() => tempDir("bttk-fault-logs-"));
    const run = ([name, args]: [string, string[]], i: number) =>
      runCli(
        name,
        args.map((a) => (a === "RECIPES" ? csvs.recipes : a === "INTERACTIONS" ? csvs.interactions : a)),
        commandVars(endpoint, { APP_ENV: "preprod", LOG_DIR: logDirs[i] }),
        90_000,
      );
    // Four at a time: eight start-ups at once would measure the machine, not the commands.
    const results = [
      ...(await Promise.all(commands.slice(0, 4).map((c, i) => run(c, i)))),
      ...(await Promise.all(commands.slice(4).map((c, i) => run(c, i + 4)))),
    ];
    for (const [i, result] of results.entries()) {
      const name = commands[i][0];
      expect({ name, code: result.code, signal: result.signal }).toEqual({ name, code: 1, signal: null });
      expect(result.stderr).toMatch(/did not answer within 300 ms after 2 attempts/);
      expect(result.stderr).toContain("check that S3_ENDPOINT names the S3 API");
      expect(result.stdout).toBe("");
      // The S3 part, from the command's own log: connecting → error, at most `bound` (+ a margin
      // for a busy machine). Start-up (tsx, imports) comes before and depends on the machine.
      const log = readFileSync(join(logDirs[i], "preprod_debug.log"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { time: string; level: string; message: string });
      const connecting = log.find((l) => l.message.startsWith("Connecting to S3 at"));
      const failed = log.find((l) => l.level === "error");
      expect(connecting?.message).toContain(`fails a request within ${bound} ms`);
      const s3Ms = Date.parse(failed!.time) - Date.parse(connecting!.time);
      expect(s3Ms).toBeGreaterThanOrEqual(2 * 300);
      expect(s3Ms).toBeLessThan(bound + 1_500);
    }
  });
});

describe("an endpoint that answers but is not S3", () => {
  let web: HttpServer;
  let endpoint: string;
  let requests = 0;
  let answer: (res: import("node:http").ServerResponse) => void = () => undefined;
  beforeAll(async () => {
    ({ server: web, endpoint } = await listen(
      createHttpServer((_req, res) => {
        requests += 1;
        answer(res);
      }),
    ));
  });
  afterAll(async () => closeServer(web));

  const html = (status: number) => (res: import("node:http").ServerResponse) => {
    res.writeHead(status, { "content-type": "text/html" });
    res.end("<!doctype html><html><body><h1>Welcome</h1></body></html>");
  };

  it.each([
    [
      "an HTML page (200)",
      html(200),
      /answered bucket of fault-bucket with a listing without the bucket's name/,
    ],
    ["an HTML error page (404)", html(404), /answered bucket of fault-bucket with HTTP 404 text\/html/],
    ["an HTML 403 page", html(403), /answered bucket of fault-bucket with HTTP 403 text\/html/],
    [
      "garbage XML",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/xml" });
        res.end("<<<not xml");
      },
      /answered bucket of fault-bucket with HTTP 200 application\/xml/,
    ],
  ])("says so for %s, without retrying", async (_what, respond, message) => {
    answer = respond;
    requests = 0;
    const store = storeAt(endpoint, { maxAttempts: 3 });
    const attempt = store.checkAccess();
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(
      "which is not an S3 API answer.\n→ S3_ENDPOINT points at something that is not an S3 API: check the URL and port",
    );
    expect(requests).toBe(1);
    store.close();
  });

  it("retries a server error (503) its attempts, then says the server failed", async () => {
    answer = (res) => {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("busy");
    };
    requests = 0;
    const store = storeAt(endpoint, { maxAttempts: 3 });
    await expect(store.checkAccess()).rejects.toThrow(
      /failed bucket of fault-bucket with HTTP 503 after 3 attempts\.\n→ The S3 server \(or a proxy in front of it\) reports an error/,
    );
    expect(requests).toBe(3);
    store.close();
  });

  it("makes a command exit 1 at once with that advice", async () => {
    answer = html(200);
    requests = 0;
    const result = await runCli("inspect", [], commandVars(endpoint, { S3_MAX_ATTEMPTS: "3" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("S3_ENDPOINT points at something that is not an S3 API");
    expect(requests).toBe(1);
  });
});

describe("against a real S3 server", () => {
  let s3: TestS3;
  let vars: Record<string, string>;
  beforeAll(async () => {
    s3 = await startTestS3("fault-bucket");
    vars = { ...s3.vars, CACHE_DIR: tempDir("bttk-fault-cache-"), LOG_DIR: tempDir() };
  });
  afterAll(async () => s3.stop());

  it("refuses unknown credentials with its own advice, never printing the secret", async () => {
    const result = await runCli("inspect", [], {
      ...vars,
      S3_ACCESS_KEY_ID: "GK-unknown",
      S3_SECRET_ACCESS_KEY: "wrong-secret",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the credentials \(InvalidAccessKeyId\)/);
    expect(result.stderr).toContain("Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    expect(result.stderr).not.toContain("wrong-secret");
  });

  it("lets only one of two processes publishing the same id write it, three times over", async () => {
    for (const id of ["twin-1", "twin-2", "twin-3"]) {
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          finished(startScript("tests/helpers/publish-child.ts", [], { ...vars, PUBLISH_ID: id })),
        ),
      );
      const codes = [a.code, b.code].sort();
      expect(codes).toEqual([0, 1]);
      const loser = a.code === 1 ? a : b;
      expect(loser.stderr).toMatch(
        new RegExp(`Dataset ${id} already exists|Cannot lock dataset ${id}: it is held`),
      );
      await expect(verifyDataset(s3.store, id)).resolves.toBeDefined();
      const pointer = await readPointer(s3.store, "preprod");
      expect(pointer?.datasetId).toBe(id);
      expect(pointer?.previous).not.toBe(id);
    }
    const pointer = await readPointer(s3.store, "preprod");
    expect([pointer?.datasetId, ...pointer!.history.map((h) => h.datasetId)]).toEqual([
      "twin-3",
      "twin-2",
      "twin-1",
    ]);
  });

  it("keeps both datasets and the pointer's history when two processes publish different ids at once", async () => {
    const ids = ["pair-a", "pair-b"];
    const results = await Promise.all(
      ids.map((id) =>
        finished(startScript("tests/helpers/publish-child.ts", [], { ...vars, PUBLISH_ID: id })),
      ),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    for (const id of ids) await expect(verifyDataset(s3.store, id)).resolves.toBeDefined();
    const pointer = (await readPointer(s3.store, "preprod"))!;
    const [latest, earlier] = [pointer.datasetId, pointer.history[0].datasetId];
    expect([latest, earlier].sort()).toEqual(ids);
    expect(pointer.previous).toBe(earlier);
    expect(pointer.history[1].datasetId).toBe("twin-3");
  });

  it("two real ingests of the same files at once: both intact or one refused, history intact", async () => {
    const csvs = writeCsvs(tempDir(), [{ id: 1 }, { id: 2 }], [{ user_id: 1, recipe_id: 1 }]);
    const before = (await readPointer(s3.store, "preprod"))!;
    const args = ["--env", "preprod", "--recipes", csvs.recipes, "--interactions", csvs.interactions];
    const results = await Promise.all([runCli("ingest", args, vars), runCli("ingest", args, vars)]);
    const ok = results.filter((r) => r.code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.code !== 0))
      expect(
        r.stderr
          .split("\n")
          .filter((l) => /ERROR|→/.test(l))
          .join("\n"),
      ).toMatch(/already exists|Cannot lock dataset/);
    const ids = ok.map((r) => r.stdout.trim());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) await expect(verifyDataset(s3.store, id)).resolves.toBeDefined();
    const pointer = (await readPointer(s3.store, "preprod"))!;
    const chain = [pointer.datasetId, ...pointer.history.map((h) => h.datasetId)];
    expect(chain.slice(0, ids.length).sort()).toEqual([...ids].sort());
    expect(chain[ids.length]).toBe(before.datasetId);
  });

  it("refuses, in a command, a current dataset whose manifest was edited after publishing", async () => {
    const dir = tempDir();
    const manifest = writeFakeDataset(dir, "to-tamper");
    await publishSnapshot(s3.store, dir, manifest, "prod", { promote: true });
    const text = await s3.store.getText(manifestKey("to-tamper"));
    await s3.store.put(manifestKey("to-tamper"), text.replace('"rowsIn": 1', '"rowsIn": 5000'));
    const result = await runCli("inspect", ["--env", "prod"], vars);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /datasets\/to-tamper\/manifest\.json has sha256 [0-9a-f]{12}…, but s3:\/\/fault-bucket\/environments\/prod\/current-dataset\.json recorded/,
    );
    const promote = await runCli("promote", ["--env", "prod", "--dataset-id", "to-tamper"], vars);
    // The files still match the edited manifest, so promote re-records it: the operator's explicit act.
    expect(promote.code).toBe(0);
  });

  it("after an ingest killed mid-upload, data:gc leaves only complete, referenced data", async () => {
    // A six-second lease: long enough for the first gc to start while the claim is live.
    const gcVars = { ...vars, CACHE_DIR: tempDir("bttk-killed-cache-"), S3_LOCK_LEASE_SECONDS: "6" };
    const child = startScript("tests/helpers/publish-child.ts", [], {
      ...gcVars,
      PUBLISH_ID: "killed",
      PUBLISH_HANG: "1",
    });
    const done = finished(child);
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) if (line === "uploaded-first") break;
    child.kill("SIGKILL");
    const killedAt = performance.now();
    expect((await done).signal).toBe("SIGKILL");
    // What the kill left: a partial dataset, its lock claim, the work folder.
    expect((await s3.store.list("datasets/killed/")).map((o) => o.key)).toEqual([
      "datasets/killed/recipes.parquet",
    ]);
    expect(await s3.store.list("locks/dataset-killed/")).toHaveLength(1);
    const work = `${gcVars.CACHE_DIR}/ingest/${child.pid}-`;

    // Within the lease the killed claim still protects its upload (gc in this process: no start-up).
    const sameLease = createStore({ ...s3.settings, lockLeaseMs: 6_000 });
    const early = await collectGarbage(sameLease, {
      keepDays: 7,
      graceMinutes: 0,
      dryRun: false,
      cacheDir: gcVars.CACHE_DIR,
    });
    sameLease.close();
    expect(performance.now() - killedAt).toBeLessThan(5_000);
    expect(early.kept).toContainEqual({ datasetId: "killed", reason: "in use by another command" });
    expect(early.removed.map((i) => i.target)).toEqual([expect.stringMatching(new RegExp(`^${work}\\d+$`))]);

    // Past the lease (plus a second: LastModified has one-second resolution on s3rver).
    await new Promise((r) => setTimeout(r, Math.max(0, 7_200 - (performance.now() - killedAt))));
    const dry = await runCli("gc", ["--env", "preprod", "--grace-minutes", "0", "--dry-run"], gcVars);
    expect(dry.stdout).toMatch(
      /^would-remove\tincomplete-dataset\tdatasets\/killed\/\tno manifest, last written/m,
    );
    expect((await s3.store.list("datasets/killed/")).length).toBe(1);

    const gc = await runCli("gc", ["--env", "preprod", "--grace-minutes", "0"], gcVars);
    expect(gc.code).toBe(0);
    expect(gc.stdout).toMatch(/^removed\tincomplete-dataset\tdatasets\/killed\/\t/m);
    expect(gc.stdout).toMatch(/^removed\tstale-claim\tlocks\/dataset-killed\/.*\.json\t/m);
    expect(await s3.store.list("datasets/killed/")).toEqual([]);
    expect(await s3.store.list("locks/")).toEqual([]);
    // Every dataset left is complete, and the current one is among them.
    const left = [...new Set((await s3.store.list("datasets/")).map((o) => o.key.split("/")[1]))];
    expect(left.length).toBeGreaterThan(0);
    for (const id of left) await expect(verifyDataset(s3.store, id)).resolves.toBeDefined();
    const current = await readPointer(s3.store, "preprod");
    expect(left).toContain(current?.datasetId);
  });
});
