// Is a served site healthy? /healthz answers 200 for the right environment (and the expected
// snapshot, when one is given), and the home page answers 200 and names the site. One check is
// bounded by a timeout; `waitHealthy` repeats it, because a server picks up a new live snapshot
// only at its next poll of the pointer.
import { setTimeout as sleep } from "node:timers/promises";
import { errorMessage } from "../errors.js";

export const SITE_NAME = "Back to the Kitchen";

export interface HealthExpectation {
  env?: string;
  snapshot?: string;
  /** Per request. */
  timeoutMs?: number;
}

export interface Health {
  status: string;
  env: string;
  datasetId: string;
  gitCommit: string;
  builtAt: string;
  snapshot: string;
}

export type HealthResult = { ok: true; health: Health } | { ok: false; problem: string };

/** The URL with a trailing slash, so `healthz` resolves under a path prefix too. */
export function siteBase(url: string): URL {
  const base = new URL(url);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return base;
}

async function get(url: URL, timeoutMs: number): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { "cache-control": "no-cache" },
  });
  return { status: response.status, text: await response.text() };
}

export async function checkHealth(url: string, expect: HealthExpectation = {}): Promise<HealthResult> {
  const timeoutMs = expect.timeoutMs ?? 10_000;
  const base = siteBase(url);
  const healthz = new URL("healthz", base);
  let answer;
  try {
    answer = await get(healthz, timeoutMs);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? errorMessage(error));
    return { ok: false, problem: `${healthz.href} cannot be reached (${why})` };
  }
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (answer.status !== 200) {
    const reason = typeof body?.reason === "string" ? `: ${body.reason}` : "";
    return { ok: false, problem: `${healthz.href} answered ${answer.status}${reason}` };
  }
  if (!body || body.status !== "ok")
    return { ok: false, problem: `${healthz.href} did not answer a health report` };
  const health = body as unknown as Health;
  if (expect.env && health.env !== expect.env)
    return { ok: false, problem: `${healthz.href} serves "${health.env}", expected "${expect.env}"` };
  if (expect.snapshot && health.snapshot !== expect.snapshot)
    return {
      ok: false,
      problem: `${healthz.href} serves snapshot ${health.snapshot ?? "(none)"}, expected ${expect.snapshot}`,
    };
  try {
    const home = await get(base, timeoutMs);
    if (home.status !== 200)
      return { ok: false, problem: `the home page ${base.href} answered ${home.status}` };
    if (!home.text.includes(SITE_NAME))
      return { ok: false, problem: `the home page ${base.href} does not name the site` };
  } catch (error) {
    return { ok: false, problem: `the home page ${base.href} cannot be read (${errorMessage(error)})` };
  }
  return { ok: true, health };
}

export interface RetryOptions {
  /** Checks in all, the first included. */
  retries: number;
  intervalMs: number;
  onFailure?: (attempt: number, problem: string) => void;
}

/** Check until healthy or out of attempts; the last problem is the one reported. */
export async function waitHealthy(
  url: string,
  expect: HealthExpectation,
  { retries, intervalMs, onFailure }: RetryOptions,
): Promise<HealthResult & { attempts: number }> {
  let last: HealthResult = { ok: false, problem: "not checked" };
  for (let attempt = 1; attempt <= Math.max(1, retries); attempt++) {
    last = await checkHealth(url, expect);
    if (last.ok) return { ...last, attempts: attempt };
    onFailure?.(attempt, last.problem);
    if (attempt < retries) await sleep(intervalMs);
  }
  return { ...last, attempts: Math.max(1, retries) };
}
