// POST /api/events: the reader-event beacon. In order: the post must come from a page of this site
// (Origin), fit the size limit (413), stay within the client's rate (429), be JSON (400) of a known
// event (400). Only then is it appended to the log, and the answer is 204 with no body. Nothing
// refused is ever written. The client is told what was wrong, never given its own data back.
import type { Context } from "hono";
import { createRateLimiter, type RateLimiter } from "../events/rate-limit.js";
import { describeProblem, readerEventSchema, type ReaderEvent } from "../events/schema.js";

export interface EventsOptions {
  /** Where accepted events go (the rotating log in production). */
  write(event: ReaderEvent): void;
  maxBytes: number;
  perMinute: number;
  /** Take the client from X-Forwarded-For / X-Forwarded-Host (only behind a proxy that sets them). */
  trustProxy: boolean;
}

const JSON_TYPES = /^(application\/json|text\/plain)\s*(;|$)/i;

/** The client a rate applies to: the socket's address, or the address our proxy saw. */
function clientOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    // The last entry is the one our own proxy appended; earlier ones are whatever the client sent.
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

function sameSite(c: Context, trustProxy: boolean): boolean {
  const origin = c.req.header("origin");
  // Browsers send Origin with every POST; a missing one is a script, refused by the other checks if bad.
  if (!origin) return true;
  const host = (trustProxy && c.req.header("x-forwarded-host")) || c.req.header("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The body as text, or undefined once it passes `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<string | undefined> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function eventsHandler(options: EventsOptions, limiter: RateLimiter = createRateLimiter(options)) {
  return async (c: Context): Promise<Response> => {
    const refuse = (status: 400 | 403 | 413 | 415 | 429, error: string) => c.json({ error }, status);
    if (!sameSite(c, options.trustProxy))
      return refuse(403, "Events are accepted from this site's pages only.");
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > options.maxBytes) return refuse(413, `An event is at most ${options.maxBytes} bytes.`);
    const taken = limiter.take(clientOf(c, options.trustProxy));
    if (!taken.allowed) {
      c.header("Retry-After", String(taken.retryAfterSeconds));
      return refuse(429, "Too many events from this client: wait a moment.");
    }
    if (!JSON_TYPES.test(c.req.header("content-type") ?? ""))
      return refuse(415, "Send the event as application/json or text/plain.");
    const text = await readCapped(c.req.raw, options.maxBytes);
    if (text === undefined) return refuse(413, `An event is at most ${options.maxBytes} bytes.`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(400, "The body is not JSON.");
    }
    const parsed = readerEventSchema.safeParse(json);
    if (!parsed.success) return refuse(400, `Not a reader event (${describeProblem(parsed.error)}).`);
    options.write(parsed.data);
    return c.body(null, 204);
  };
}
