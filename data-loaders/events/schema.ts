// What a reader's page may tell the server (POST /api/events), and what the log keeps of it.
// Strict objects: an unknown field is refused rather than stored, so no page can slip a personal
// detail into the log by accident. The only identifier is a random id per browser tab, drawn by
// the page (src/components/events.ts), never a cookie, an address or a user agent.
import { z } from "zod";

export const EVENT_TYPES = [
  "page_view",
  "year_range",
  "language",
  "download",
  "deep_link",
  "filter",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const lang = z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code");
/** A path of the site (`/en/trends`), nothing after it: a query or fragment could carry anything. */
const page = z
  .string()
  .max(200)
  .regex(/^\/[A-Za-z0-9._~\-/]*$/, "must be a site path without query or fragment");
/** 16 to 32 lowercase hex digits: the per-tab random id. */
const tab = z.string().regex(/^[0-9a-f]{16,32}$/, "must be 16-32 lowercase hex digits");
const year = z.number().int().min(1900).max(2100);
const name = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\w.\-# ]+$/, "may hold letters, digits, space, dot, dash, underscore and #");

/** A filter's name on its page, e.g. structural-tags: lowercase words joined by dashes. */
const filterName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by dashes");
/**
 * The value chosen: true/false for a toggle, a short token for a choice (an option's key, not its
 * label: the same in both languages). Never free text a reader typed: that could be anything.
 */
const filterValue = z.union([
  z.boolean(),
  z
    .string()
    .min(1)
    .max(60)
    .regex(/^[\w.-]+$/, "may hold letters, digits, dot, dash and underscore"),
]);

const common = { page, lang, tab };

export const readerEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("page_view"), ...common }),
  z
    .strictObject({ type: z.literal("year_range"), ...common, from: year, to: year })
    .refine((e) => e.from <= e.to, { message: "from must not come after to", path: ["to"] }),
  z.strictObject({ type: z.literal("language"), ...common, from: lang, to: lang }),
  z.strictObject({
    type: z.literal("download"),
    ...common,
    /** The file offered, e.g. trends-volume-2000-2010.csv. */
    file: name,
  }),
  z.strictObject({
    type: z.literal("deep_link"),
    ...common,
    /** What the copied link points at: a card's anchor, e.g. #volume. */
    target: name,
  }),
  /** A reader changed one of a page's filters (a toggle, a choice), to this value. */
  z.strictObject({ type: z.literal("filter"), ...common, name: filterName, value: filterValue }),
]);

export type ReaderEvent = z.infer<typeof readerEventSchema>;

/** One line of `<env>_user_interactions.log`: the event as received, stamped by the server. */
export type LoggedEvent = { time: string; env: string } & ReaderEvent;

/** The first problem of an invalid event, as a short sentence that echoes none of its content. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const at = issue.path.length > 0 ? issue.path.join(".") : "the event";
  return `${at}: ${issue.message}`;
}
