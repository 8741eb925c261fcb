// Notifications to the operators' webhook, against a real HTTP receiver on 127.0.0.1: the message
// arrives as Discord's {"content": …}, long ones are cut to what Discord accepts, a refusing or
// unreachable webhook is a warning (never a failure), and its URL — a secret — is never logged.
import { LogLevels } from "consola";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "../data-loaders/logger.js";
import { notify } from "../data-loaders/notify/webhook.js";
import { closedPort, startReceiver, type Receiver } from "./helpers/ops.js";

let receiver: Receiver;
const warnings: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  // tests/setup.ts keeps only errors; the warnings are what this file checks.
  logger.level = LogLevels.warn;
  logger.addReporter({ log: (entry) => void (entry.type === "warn" && warnings.push(entry.args.join(" "))) });
});

afterAll(async () => {
  logger.level = LogLevels.error;
  await receiver.close();
});

describe("webhook notifications", () => {
  it("posts the message as {content}", async () => {
    receiver.status = 204;
    expect(await notify(receiver.url, "✅ prod: snapshot 20261124-101500-abcdef0123 is live")).toBe(true);
    expect(receiver.messages.at(-1)).toEqual({
      content: "✅ prod: snapshot 20261124-101500-abcdef0123 is live",
    });
  });

  it("cuts a long message to what Discord accepts", async () => {
    await notify(receiver.url, "x".repeat(5_000));
    const content = receiver.messages.at(-1)!.content;
    expect(content.length).toBe(1_900);
    expect(content.endsWith("…")).toBe(true);
  });

  it("sends nothing without a URL", async () => {
    const before = receiver.messages.length;
    expect(await notify(undefined, "nobody listens")).toBe(false);
    expect(receiver.messages.length).toBe(before);
  });

  it("warns without the URL when the webhook refuses or cannot be reached", async () => {
    receiver.status = 500;
    warnings.length = 0;
    expect(await notify(receiver.url, "refused")).toBe(false);
    expect(warnings).toEqual(["The webhook (DISCORD_WEBHOOK_URL) refused the notification with HTTP 500."]);
    const closed = receiver.url.replace(/:\d+\//, `:${await closedPort()}/`);
    expect(await notify(closed, "lost", { timeoutMs: 2_000 })).toBe(false);
    expect(warnings[1]).toBe("The webhook (DISCORD_WEBHOOK_URL) could not be reached (ECONNREFUSED).");
    expect(warnings.join("\n")).not.toContain("secret-token-xyz");
    receiver.status = 204;
  });
});
