// How often one client may post events: a token bucket per client holding `perMinute` tokens,
// refilled continuously. A reader clicking around never notices; a script posting in a loop gets
// 429 after a minute's worth. The table of clients is bounded, so a flood of addresses cannot
// grow memory without limit: past `maxClients` the least recently seen client is forgotten.

export interface RateLimiter {
  /** Take a token for `client`; false (and the seconds until the next token) when none is left. */
  take(client: string, now?: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  readonly clients: number;
}

export function createRateLimiter({
  perMinute,
  maxClients = 10_000,
}: {
  perMinute: number;
  maxClients?: number;
}): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, now = Date.now()) {
      const bucket = buckets.get(client) ?? { tokens: perMinute, at: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      // Re-insert: the Map's order is then least recently seen first.
      buckets.delete(client);
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens < 1)
        return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perMs / 1000) };
      bucket.tokens -= 1;
      return { allowed: true };
    },
    get clients() {
      return buckets.size;
    },
  };
}
