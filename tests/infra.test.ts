// infra/: the compose file, Garage's config, its bootstrap script and the web image, checked by
// reading them (Docker cannot run here: `docker` is only a client, with no daemon). When a Docker
// daemon and the compose plugin are there, the stack itself is brought up and health-checked.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadConfig, PROJECT_ROOT } from "../data-loaders/config/config.js";

const infra = (...p: string[]) => join(PROJECT_ROOT, "infra", ...p);
const text = (...p: string[]) => readFileSync(infra(...p), "utf8");

interface Service {
  image: string;
  command?: string[];
  user?: string;
  ports?: string[];
  networks?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  healthcheck?: { test: string[] };
  read_only?: boolean;
  depends_on?: Record<string, { condition: string }>;
  build?: { context: string; dockerfile: string };
}

const compose = parseYaml(text("compose.yaml"), { merge: true }) as {
  services: Record<string, Service>;
  networks: Record<string, unknown>;
  volumes: Record<string, unknown>;
};
const webs = { preprod: compose.services["web-preprod"], prod: compose.services["web-prod"] };

describe("compose.yaml", () => {
  it("runs Garage v2.1 and one web container per environment", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["garage", "web-preprod", "web-prod"]);
    expect(compose.services.garage.image).toBe("dxflrs/garage:v2.1.0");
    expect(webs.preprod.build).toEqual({ context: "..", dockerfile: "infra/Dockerfile" });
    // One image, built once, for both environments.
    expect(webs.preprod.image).toBe(webs.prod.image);
  });

  it("publishes preprod on 8500 and prod on 8501, and Garage's S3 API on loopback only", () => {
    expect(webs.preprod.ports).toEqual(["8500:8080"]);
    expect(webs.prod.ports).toEqual(["8501:8080"]);
    expect(compose.services.garage.ports).toEqual(["127.0.0.1:3900:3900"]);
  });

  it("keeps the environments on networks of their own, both reaching Garage", () => {
    expect(webs.preprod.networks).toEqual(["preprod"]);
    expect(webs.prod.networks).toEqual(["prod"]);
    expect(compose.services.garage.networks!.sort()).toEqual(["preprod", "prod"]);
    expect(Object.keys(compose.networks).sort()).toEqual(["preprod", "prod"]);
  });

  it.each(["preprod", "prod"] as const)(
    "serves %s's live snapshot from its own sites bucket, as a non-root user",
    (env) => {
      const web = webs[env];
      expect(web.command).toEqual([
        "data-loaders/cli/serve.ts",
        "--env",
        env,
        "--from",
        "s3",
        "--host",
        "0.0.0.0",
        "--port",
        "8080",
      ]);
      expect(existsSync(join(PROJECT_ROOT, web.command![0]))).toBe(true);
      expect(web.environment).toMatchObject({
        APP_ENV: env,
        S3_ENDPOINT: "http://garage:3900",
        SITES_BUCKET: `bttk-sites-${env}`,
      });
      expect(web.env_file).toEqual([`./secrets/web-${env}.env`]);
      expect(web.user).toBe("node");
      expect(web.read_only).toBe(true);
      expect(web.volumes).toEqual([`../logs/${env}:/app/logs`, `web-${env}-cache:/app/.cache`]);
      expect(web.depends_on).toEqual({ garage: { condition: "service_healthy" } });
      // The config the container will load is valid, with compose's defaults (${VAR:-default}) filled in.
      const vars = Object.fromEntries(
        Object.entries(web.environment!).map(([k, v]) => [k, v.replace(/\$\{\w+:-([^}]*)\}/g, "$1")]),
      );
      const config = loadConfig({
        env,
        vars: { ...vars, S3_ACCESS_KEY_ID: "GK1", S3_SECRET_ACCESS_KEY: "s" },
      });
      expect(config.events.trustProxy).toBe(false);
      expect([config.sites.bucket, config.log.dir, config.sites.pollMs]).toEqual([
        `bttk-sites-${env}`,
        "/app/logs",
        5_000,
      ]);
    },
  );

  it("health-checks every container: the web ones on /healthz", () => {
    expect(compose.services.garage.healthcheck!.test).toEqual([
      "CMD",
      "/garage",
      "-c",
      "/etc/garage.toml",
      "status",
    ]);
    for (const web of Object.values(webs)) {
      expect(web.healthcheck!.test.slice(0, 3)).toEqual(["CMD", "node", "-e"]);
      expect(web.healthcheck!.test[3]).toContain("http://127.0.0.1:8080/healthz");
    }
  });

  it("keeps every secret out of the file", () => {
    const raw = text("compose.yaml");
    expect(compose.services.garage.environment).toEqual({
      GARAGE_RPC_SECRET: "${GARAGE_RPC_SECRET:?set GARAGE_RPC_SECRET in infra/.env (openssl rand -hex 32)}",
      GARAGE_ADMIN_TOKEN:
        "${GARAGE_ADMIN_TOKEN:?set GARAGE_ADMIN_TOKEN in infra/.env (openssl rand -hex 32)}",
    });
    expect(raw).not.toMatch(/SECRET_ACCESS_KEY|[0-9a-f]{32}/);
    expect(text(".env.example")).toMatch(/^GARAGE_RPC_SECRET=$/m);
  });
});

describe("Garage config and bootstrap", () => {
  const toml = parseToml(text("garage", "garage.toml")) as Record<string, unknown> & {
    s3_api: { s3_region: string; api_bind_addr: string };
  };

  it("is a single node whose S3 API listens where compose publishes it, in the region clients sign for", () => {
    expect(toml.replication_factor).toBe(1);
    expect(toml.db_engine).toBe("sqlite");
    expect(toml.s3_api.api_bind_addr).toBe("[::]:3900");
    const config = loadConfig({
      env: "prod",
      vars: { S3_ENDPOINT: "http://garage:3900", S3_ACCESS_KEY_ID: "GK1", S3_SECRET_ACCESS_KEY: "s" },
    });
    expect(toml.s3_api.s3_region).toBe(config.s3.region);
    expect(Object.keys(toml)).not.toContain("rpc_secret");
    expect(JSON.stringify(toml)).not.toContain("admin_token");
  });

  it("bootstrap creates the buckets compose uses and gives each key only its own bucket", () => {
    const script = text("garage", "bootstrap.sh");
    expect(spawnSync("sh", ["-n", infra("garage", "bootstrap.sh")]).status).toBe(0);
    expect(script).toContain("bttk-sites-$env");
    expect(script).toContain('garage bucket allow --read --write "bttk-sites-$env" --key "bttk-deploy-$env"');
    // The web key of an environment only reads its own sites bucket.
    expect(script).toContain('garage bucket allow --read "bttk-sites-$env" --key "bttk-web-$env"');
    expect(script).not.toMatch(/--write[^\n]*bttk-web/);
    for (const web of Object.values(webs))
      expect(script).toContain(
        web.env_file![0].replace("./secrets/", "").replace(/-(preprod|prod)\.env$/, "-$env.env"),
      );
    expect(script).toContain("umask 077");
  });
});

describe("the web image", () => {
  const dockerfile = text("Dockerfile");
  const ignore = readFileSync(join(PROJECT_ROOT, ".dockerignore"), "utf8").split("\n");

  it("is node:24-slim with production dependencies installed at build time, run as a non-root user", () => {
    expect(dockerfile.match(/^FROM (\S+)/gm)).toEqual(["FROM node:24-slim", "FROM node:24-slim"]);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "--import", "tsx"]');
  });

  it("copies only paths that exist, and never secrets or local state", () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(" "));
    expect(copied).toEqual([
      "package.json",
      "package-lock.json",
      "package.json",
      "tsconfig.json",
      "data-loaders",
      "src/lib",
    ]);
    for (const path of copied) expect(existsSync(join(PROJECT_ROOT, path)), path).toBe(true);
    for (const entry of ["node_modules", ".git", "**/.env", "**/.env.*", "infra/secrets", "dist", ".cache"])
      expect(ignore).toContain(entry);
    // Runtime dependencies the server needs are production ones (npm ci --omit=dev keeps them).
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const dep of [
      "tsx",
      "hono",
      "@hono/node-server",
      "@aws-sdk/client-s3",
      "rotating-file-stream",
      "zod",
      "citty",
      "consola",
    ])
      expect(Object.keys(pkg.dependencies), dep).toContain(dep);
  });
});

describe("the stack, when Docker can run it", () => {
  const docker = (...args: string[]) => spawnSync("docker", args, { encoding: "utf8", timeout: 600_000 });
  const available = docker("info").status === 0 && docker("compose", "version").status === 0;

  it("comes up healthy (docker compose up), or says why it cannot here", () => {
    if (!available) {
      // Not a skip: what can be checked without a daemon is checked above; this says what was not.
      process.stderr.write(
        "Docker stack not started: `docker info` or `docker compose version` failed (no daemon or no compose plugin here)." +
          "\n",
      );
      expect(docker("info").status).not.toBe(0);
      return;
    }
    const file = infra("compose.yaml");
    const env = { ...process.env, GARAGE_RPC_SECRET: "0".repeat(64), GARAGE_ADMIN_TOKEN: "1".repeat(64) };
    execFileSync("docker", ["compose", "-f", file, "config", "--quiet"], { env });
    try {
      execFileSync("docker", ["compose", "-f", file, "up", "-d", "--wait", "garage"], {
        env,
        stdio: "inherit",
        timeout: 600_000,
      });
      execFileSync("sh", [infra("garage", "bootstrap.sh")], { env, stdio: "inherit" });
      execFileSync("docker", ["compose", "-f", file, "up", "-d", "--build"], {
        env,
        stdio: "inherit",
        timeout: 600_000,
      });
      const ps = execFileSync("docker", ["compose", "-f", file, "ps", "--format", "json"], {
        env,
        encoding: "utf8",
      });
      expect(ps).toContain("garage");
    } finally {
      execFileSync("docker", ["compose", "-f", file, "down", "-v"], { env, stdio: "inherit" });
    }
  });
});
