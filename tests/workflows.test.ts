// The GitHub workflows, checked by reading them: they parse, run on the right triggers, have the
// jobs the runbook names, pin actions to a major version, use the Node of .nvmrc, and every
// `npm run` they call is a script of package.json whose options the command really has.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../data-loaders/config/config.js";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string | string[];
  "runs-on": string | string[];
  environment?: string;
  steps: Step[];
  strategy?: { matrix: Record<string, unknown> };
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  env?: Record<string, string>;
}

const dir = join(PROJECT_ROOT, ".github", "workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
const workflows = Object.fromEntries(
  files.map((f) => [f, parse(readFileSync(join(dir, f), "utf8")) as Workflow]),
);
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** Files where a command's options are declared: its own, and the shared option sets it spreads. */
const SHARED_ARGS = [
  "data-loaders/cli/run.ts",
  "data-loaders/cli/healthcheck-args.ts",
  "data-loaders/ingest/bootstrap.ts",
];

function declaresOption(script: string, option: string): boolean {
  const file = /tsx (\S+\.ts)/.exec(pkg.scripts[script])?.[1];
  if (!file) return false;
  const sources = [file, ...SHARED_ARGS].map((f) => readFileSync(join(PROJECT_ROOT, f), "utf8")).join("\n");
  const name = option.replace(/^no-/, "");
  return new RegExp(`(^|[\\s{,])"?${name.replace(/[-]/g, "\\-")}"?\\s*:\\s*\\{`, "m").test(sources);
}

/** Every `npm run <script> [-- options]` of a shell snippet, with its options. */
function npmRuns(shell: string): { script: string; options: string[] }[] {
  return [...shell.replace(/\\\n/g, " ").matchAll(/npm run (?:--silent )?([\w:-]+)([^\n|;&>]*)/g)].map(
    (m) => ({
      script: m[1],
      options: [...(m[2].split(" -- ")[1] ?? "").matchAll(/(?:^|\s)--([a-z][\w-]*)/g)].map((o) => o[1]),
    }),
  );
}

describe("workflows", () => {
  it("are the four the runbook describes, and parse", () => {
    expect(files.sort()).toEqual(["cd-preprod.yml", "cd-prod.yml", "ci.yml", "monitor.yml"]);
    for (const [file, w] of Object.entries(workflows)) expect(w.name, file).toBe(file.replace(".yml", ""));
  });

  it("call only npm scripts that exist, with options their commands have", () => {
    const calls = Object.values(workflows).flatMap((w) => runs(w).flatMap(npmRuns));
    expect(calls.length).toBeGreaterThan(10);
    let checked = 0;
    for (const { script, options } of calls) {
      expect(Object.keys(pkg.scripts), script).toContain(script);
      // Options of the project's own commands; vitest's (test:coverage) are vitest's business.
      if (!pkg.scripts[script].startsWith("tsx data-loaders/cli/")) continue;
      for (const option of options) {
        expect(declaresOption(script, option), `npm run ${script} -- --${option}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(declaresOption("deploy", "no-such-option")).toBe(false);
  });

  it("pin actions to a major version and use the Node of .nvmrc", () => {
    for (const w of Object.values(workflows)) {
      for (const step of steps(w).filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
      for (const step of steps(w).filter((s) => s.uses?.startsWith("actions/setup-node")))
        expect(step.with?.["node-version-file"]).toBe(".nvmrc");
    }
  });
});

describe("ci.yml", () => {
  const ci = workflows["ci.yml"];

  it("runs on pushes to main and on pull requests", () => {
    expect(ci.on.push).toEqual({ branches: ["main"] });
    expect(ci.on).toHaveProperty("pull_request");
  });

  it("lints, type-checks, tests with a line-coverage floor, builds every environment and builds offline", () => {
    expect(runs(ci)).toEqual(expect.arrayContaining(["npm run lint", "npm run typecheck"]));
    const test = ci.jobs.test.steps.find((s) => s.run?.startsWith("npm run test:coverage"))!;
    expect(test.run).toBe("npm run test:coverage -- --coverage.thresholds.lines=${{ env.COVERAGE_LINES }}");
    expect(pkg.scripts["test:coverage"]).toContain(
      "--coverage.include='data-loaders/**' --coverage.include='src/lib/**'",
    );
    expect(Number(ci.env!.COVERAGE_LINES)).toBeGreaterThan(0);
    expect(ci.jobs.test.steps.some((s) => s.run?.includes("apt-get install -y -qq chromium"))).toBe(true);
    expect(ci.jobs.build.strategy!.matrix.env).toEqual(["local", "preprod", "prod"]);
    expect(
      ci.jobs.build.steps.some(
        (s) => s.uses === "actions/upload-artifact@v4" && s.with?.name === "site-${{ matrix.env }}",
      ),
    ).toBe(true);
    expect(
      runs(ci).some((r) => r.includes("docker run --rm --network none") && r.includes("npm run build")),
    ).toBe(true);
  });
});

describe("cd-preprod.yml", () => {
  const cd = workflows["cd-preprod.yml"];

  it("runs only after CI succeeded on a push to main", () => {
    expect(cd.on).toEqual({ workflow_run: { workflows: ["ci"], types: ["completed"], branches: ["main"] } });
    expect(cd.jobs.deploy.if).toBe(
      "github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'",
    );
  });

  it("builds and deploys the commit CI tested, with a health check that rolls back", () => {
    expect(cd.jobs.deploy.steps[0].with?.ref).toBe("${{ github.event.workflow_run.head_sha }}");
    expect(runs(cd)).toContain(
      'npm run deploy -- --env preprod --url "$SITE_URL" --retries 10 --interval 10',
    );
    expect(cd.jobs.deploy.env).toMatchObject({
      SITES_BUCKET: "bttk-sites-preprod",
      DISCORD_WEBHOOK_URL: "${{ secrets.DISCORD_WEBHOOK_URL }}",
    });
  });
});

describe("cd-prod.yml", () => {
  const cd = workflows["cd-prod.yml"];

  it("is manual and deploys only when DEPLOY was typed", () => {
    expect(Object.keys(cd.on)).toEqual(["workflow_dispatch"]);
    expect(
      (cd.on.workflow_dispatch as { inputs: Record<string, { required?: boolean }> }).inputs.confirm.required,
    ).toBe(true);
    expect(cd.jobs.deploy.if).toBe("inputs.confirm == 'DEPLOY'");
    expect(cd.jobs.deploy.needs).toBe("confirm");
    expect(cd.jobs.confirm.steps[0].if).toBe("inputs.confirm != 'DEPLOY'");
  });

  it("records the live snapshot, then deploys with 10 × 10 s of health checks and a rollback", () => {
    const order = runs(cd)
      .map((r) => npmRuns(r)[0]?.script)
      .filter(Boolean);
    expect(order.slice(-4)).toEqual(["snapshots", "build", "deploy", "snapshots"]);
    expect(runs(cd)).toContain('npm run deploy -- --env prod --url "$SITE_URL" --retries 10 --interval 10');
    expect(cd.jobs.deploy.env).toMatchObject({ SITES_BUCKET: "bttk-sites-prod" });
  });
});

describe("monitor.yml", () => {
  const monitor = workflows["monitor.yml"];

  it("health-checks preprod and prod every 5 minutes and tells the webhook", () => {
    expect(monitor.on.schedule).toEqual([{ cron: "*/5 * * * *" }]);
    expect(monitor.jobs.health.strategy!.matrix.include).toEqual([
      { env: "preprod", url: "PREPROD_URL" },
      { env: "prod", url: "PROD_URL" },
    ]);
    const check = monitor.jobs.health.steps.find((s) => s.run?.includes("npm run healthcheck"))!;
    expect(check.run).toContain("--env ${{ matrix.env }}");
    expect((check as Step & { env: Record<string, string> }).env.DISCORD_WEBHOOK_URL).toBe(
      "${{ secrets.DISCORD_WEBHOOK_URL }}",
    );
  });
});
