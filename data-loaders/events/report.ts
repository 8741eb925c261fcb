// Summarise the reader-event log for analysts (`npm run events:report`): page views per page
// (and distinct tabs), year ranges chosen, filters set, language switches, downloads and copied
// deep links, over the live file and its rotated, gzipped predecessors, optionally since a date.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { ConfigurationError } from "../errors.js";
import { EVENT_TYPES, readerEventSchema, type LoggedEvent } from "./schema.js";

export interface Count {
  key: string;
  count: number;
}

export interface EventReport {
  env: string;
  files: number;
  events: number;
  /** Lines that are not events (a line cut by a crash, a hand edit). */
  skipped: number;
  first: string | null;
  last: string | null;
  byType: Record<string, number>;
  pageViews: (Count & { tabs: number })[];
  yearRanges: Count[];
  /** Filters set, by name and value ("structural-tags = true"). */
  filters: Count[];
  languages: Count[];
  downloads: Count[];
  deepLinks: Count[];
}

/** `--since`: an ISO date or time, or a span back from now: 30m, 24h, 7d. */
export function parseSince(text: string, now = new Date()): Date {
  const span = /^(\d+)\s*([mhd])$/.exec(text.trim());
  if (span) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[span[2] as "m" | "h" | "d"];
    return new Date(now.getTime() - Number(span[1]) * unit);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    throw new ConfigurationError(`--since=${text} is neither a date nor a span.`, {
      hint: "Use a date (2026-11-01, 2026-11-01T12:00:00Z) or a span back from now (30m, 24h, 7d).",
    });
  }
  return date;
}

/** The log files of an environment, oldest rotated first, the live one last. */
export function eventLogFiles(dir: string, env: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live = `${env}_user_interactions.log`;
  const rotated = names
    .filter((n) => n.startsWith(`${env}_user_interactions.`) && n.endsWith(".log.gz"))
    .sort();
  return [...rotated, ...(names.includes(live) ? [live] : [])].map((n) => join(dir, n));
}

function readLines(path: string): string[] {
  const bytes = readFileSync(path);
  const text = path.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  return text.split("\n").filter((l) => l.trim() !== "");
}

/**
 * A line the server wrote: its stamp, and an event the schema accepts. The server only writes valid
 * events, but a hand edit or a line from an older version must be skipped, not counted as
 * "undefined".
 */
function isEvent(value: unknown): value is LoggedEvent {
  if (typeof value !== "object" || value === null) return false;
  const { time, env, ...event } = value as Record<string, unknown>;
  return (
    typeof time === "string" &&
    !Number.isNaN(Date.parse(time)) &&
    typeof env === "string" &&
    readerEventSchema.safeParse(event).success
  );
}

const ranked = (counts: Map<string, number>): Count[] =>
  [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function reportEvents(dir: string, env: string, { since }: { since?: Date } = {}): EventReport {
  const files = eventLogFiles(dir, env);
  const views = new Map<string, number>();
  const tabs = new Map<string, Set<string>>();
  const ranges = new Map<string, number>();
  const filters = new Map<string, number>();
  const languages = new Map<string, number>();
  const downloads = new Map<string, number>();
  const deepLinks = new Map<string, number>();
  const byType: Record<string, number> = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0]));
  let events = 0;
  let skipped = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const file of files) {
    let lines: string[];
    try {
      lines = readLines(file);
    } catch {
      skipped++;
      continue;
    }
    for (const line of lines) {
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        skipped++;
        continue;
      }
      if (!isEvent(event)) {
        skipped++;
        continue;
      }
      if (since && new Date(event.time) < since) continue;
      events++;
      byType[event.type]++;
      if (!first || event.time < first) first = event.time;
      if (!last || event.time > last) last = event.time;
      switch (event.type) {
        case "page_view":
          bump(views, event.page);
          tabs.set(event.page, (tabs.get(event.page) ?? new Set()).add(event.tab));
          break;
        case "year_range":
          bump(ranges, `${event.from}–${event.to}`);
          break;
        case "filter":
          bump(filters, `${event.name} = ${event.value}`);
          break;
        case "language":
          bump(languages, `${event.from} → ${event.to}`);
          break;
        case "download":
          bump(downloads, event.file);
          break;
        case "deep_link":
          bump(deepLinks, `${event.page}${event.target.startsWith("#") ? "" : " "}${event.target}`);
          break;
      }
    }
  }
  return {
    env,
    files: files.length,
    events,
    skipped,
    first,
    last,
    byType,
    pageViews: ranked(views).map((c) => ({ ...c, tabs: tabs.get(c.key)?.size ?? 0 })),
    yearRanges: ranked(ranges),
    filters: ranked(filters),
    languages: ranked(languages),
    downloads: ranked(downloads),
    deepLinks: ranked(deepLinks),
  };
}

/** The report as text tables for a terminal. */
export function formatReport(report: EventReport, { top = 20 }: { top?: number } = {}): string {
  const out: string[] = [];
  const period = report.first ? `${report.first} → ${report.last}` : "no events";
  out.push(
    `Reader events of "${report.env}": ${report.events} event(s) in ${report.files} file(s), ${period}`,
  );
  if (report.skipped > 0) out.push(`(${report.skipped} line(s) that are not events were skipped)`);
  const section = (title: string, rows: Count[], extra?: (c: Count) => string) => {
    out.push("", title);
    if (rows.length === 0) out.push("  (none)");
    const width = Math.max(...rows.slice(0, top).map((r) => r.key.length), 4);
    for (const row of rows.slice(0, top))
      out.push(`  ${row.key.padEnd(width)}  ${String(row.count).padStart(7)}${extra ? extra(row) : ""}`);
    if (rows.length > top) out.push(`  … ${rows.length - top} more`);
  };
  section(
    "Page views (views, distinct tabs)",
    report.pageViews,
    (c) => `  ${String((c as Count & { tabs: number }).tabs).padStart(7)}`,
  );
  section("Year ranges chosen", report.yearRanges);
  section("Filters set (name = value)", report.filters);
  section("Language switches", report.languages);
  section("Downloads", report.downloads);
  section("Deep links copied", report.deepLinks);
  return out.join("\n") + "\n";
}
