// Post a short message to the operators' webhook (Discord's `{"content": …}` format, which Slack-
// and Mattermost-style incoming webhooks accept too): deploys, rollbacks, failed health checks.
// The URL is a secret — whoever has it can post — so it is never logged, not even in errors, and
// a notification that fails is a warning: it never fails the deploy it reports.
import { logger } from "../logger.js";

/** Discord refuses content past 2,000 characters. */
const MAX_CONTENT = 1_900;

export async function notify(
  url: string | undefined,
  message: string,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<boolean> {
  if (!url) return false;
  const content = message.length > MAX_CONTENT ? `${message.slice(0, MAX_CONTENT - 1)}…` : message;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ content }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok) return true;
    logger.warn(`The webhook (DISCORD_WEBHOOK_URL) refused the notification with HTTP ${response.status}.`);
  } catch (error) {
    // Only the kind of failure: messages of network errors may quote the URL.
    const e = error as { name?: string; cause?: { code?: string } };
    const why =
      e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? "network error");
    logger.warn(`The webhook (DISCORD_WEBHOOK_URL) could not be reached (${why}).`);
  }
  return false;
}
