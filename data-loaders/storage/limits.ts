// How long S3 work may take: the defaults of the timeout, attempt and lease settings, the backoff
// between attempts, and the resulting bound on one request. One place, so the client, the config,
// the docs and the fault tests agree on the numbers.

export const STORE_DEFAULTS = {
  /** Silence that fails one attempt: no connection, no answer, or no byte moving mid-transfer. */
  timeoutMs: 10_000,
  /** Attempts per request, the first included. */
  maxAttempts: 3,
  /** A lock claim not renewed for this long is stale: its holder is gone. */
  lockLeaseMs: 60_000,
} as const;

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 2_000;

/** The longest wait before retry n (1-based): min(2 s, 250 ms × 2^(n−1)); the actual wait is a random share of it. */
export const backoffCeiling = (retry: number): number =>
  Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));

/**
 * The longest one request can take against an endpoint that accepts connections and stays silent:
 * every attempt waits the timeout, and each retry waits at most its backoff ceiling.
 * Defaults: 3 × 10 s + 0.25 s + 0.5 s = 30.75 s.
 */
export function requestBoundMs(settings: { timeoutMs?: number; maxAttempts?: number } = {}): number {
  const timeout = settings.timeoutMs ?? STORE_DEFAULTS.timeoutMs;
  const attempts = settings.maxAttempts ?? STORE_DEFAULTS.maxAttempts;
  let backoff = 0;
  for (let retry = 1; retry < attempts; retry++) backoff += backoffCeiling(retry);
  return attempts * timeout + backoff;
}
