// The reader-event beacon, browser side: page views, year-range, filter and language changes,
// downloads and copied deep links are sent to POST /api/events with navigator.sendBeacon (no cookie, no
// identifier beyond a random id per browser tab, kept in sessionStorage). Nothing is sent when
// the reader opted out (a footer toggle, remembered in localStorage) or when the browser asks not
// to be tracked (Do Not Track or Global Privacy Control). The server checks every event against
// data-loaders/events/schema.ts; the shapes below must stay the same.
//
// Wiring (see docs/operations.md, "Reader events"): the footer renders `optOutToggleHtml(labels)`;
// language-switch links carry `data-bttk-language="<lang>"`; every page calls `initEvents()` once
// (it binds the toggle, sends the page view and follows language switches); pages call
// `trackEvent(...)` when the reader changes the year range or a filter, downloads a file or copies a
// deep link.

export type ReaderEventInput =
  | { type: "page_view" }
  | { type: "year_range"; from: number; to: number }
  | { type: "language"; from: string; to: string }
  | { type: "download"; file: string }
  | { type: "deep_link"; target: string }
  /**
   * A filter of the page set by the reader: `name` in lowercase words joined by dashes
   * (structural-tags), `value` true/false for a toggle or an option's key (never its label, nor
   * text the reader typed).
   */
  | { type: "filter"; name: string; value: string | boolean };

export interface EventsOptions {
  /** Where events go; the site's own server. */
  endpoint?: string;
  /** Send the page view now (default true). */
  pageView?: boolean;
}

/** localStorage key of the reader's choice: "off" means opted out. */
export const OPT_OUT_KEY = "bttk-events";
/** sessionStorage key of the per-tab id. */
export const TAB_KEY = "bttk-tab";
/** Attribute of language-switch links: its value is the language the link leads to. */
export const LANGUAGE_ATTRIBUTE = "data-bttk-language";
/** Attribute of the footer checkbox that turns the beacon on and off. */
export const TOGGLE_ATTRIBUTE = "data-bttk-events-toggle";
/**
 * A slider or a select dragged across ten years sends one year_range event, not ten; a toggle
 * flicked on and off sends one filter event with where it ended.
 */
export const DEBOUNCE_MS = 800;

let endpoint = "/api/events";
let memoryTab: string | undefined;
const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; event: ReaderEventInput }>();

function storage(kind: "localStorage" | "sessionStorage"): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    // Storage can be blocked outright (privacy settings): then nothing is remembered.
    return undefined;
  }
}

/** Do Not Track or Global Privacy Control: the browser speaks for the reader. */
export function browserRefuses(nav: Navigator = navigator): boolean {
  const n = nav as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const w = globalThis as { doNotTrack?: string };
  return (
    n.doNotTrack === "1" ||
    n.doNotTrack === "yes" ||
    w.doNotTrack === "1" ||
    n.msDoNotTrack === "1" ||
    n.globalPrivacyControl === true
  );
}

export function optedOut(): boolean {
  try {
    return storage("localStorage")?.getItem(OPT_OUT_KEY) === "off";
  } catch {
    return false;
  }
}

export function setOptOut(out: boolean): void {
  try {
    if (out) storage("localStorage")?.setItem(OPT_OUT_KEY, "off");
    else storage("localStorage")?.removeItem(OPT_OUT_KEY);
  } catch {
    // Not remembered: the toggle still applies to this page.
  }
  if (out) for (const { timer } of pending.values()) clearTimeout(timer);
  if (out) pending.clear();
  for (const box of toggles()) box.checked = !out;
}

export function eventsEnabled(): boolean {
  return !browserRefuses() && !optedOut();
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The random id of this tab: the same across its pages, different in another tab. */
export function tabId(): string {
  const session = storage("sessionStorage");
  try {
    const known = session?.getItem(TAB_KEY);
    if (known && /^[0-9a-f]{16,32}$/.test(known)) return known;
    const fresh = randomHex(8);
    session?.setItem(TAB_KEY, fresh);
    if (session) return fresh;
  } catch {
    // Fall through to an id for this page only.
  }
  memoryTab ??= randomHex(8);
  return memoryTab;
}

/** The page as the server records it: the site path only, never the query or fragment. */
export function currentPage(): string {
  return location.pathname.replace(/[^A-Za-z0-9._~\-/]/g, "") || "/";
}

export function currentLang(): string {
  const lang = (document.documentElement.lang || "en").slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(lang) ? lang : "en";
}

/** The JSON the server receives for an event. */
export function eventBody(event: ReaderEventInput): string {
  return JSON.stringify({ ...event, page: currentPage(), lang: currentLang(), tab: tabId() });
}

function send(event: ReaderEventInput): boolean {
  if (!eventsEnabled()) return false;
  const body = eventBody(event);
  // A string body goes as text/plain: a simple request, which sendBeacon never refuses.
  if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon(endpoint, body)) return true;
  void fetch(endpoint, {
    method: "POST",
    body,
    keepalive: true,
    credentials: "omit",
    headers: { "content-type": "text/plain" },
  }).catch(() => undefined);
  return true;
}

/** What a burst of changes collapses on: the year range, or one filter; other events are sent at once. */
function debounceKey(event: ReaderEventInput): string | undefined {
  if (event.type === "year_range") return event.type;
  if (event.type === "filter") return `filter:${event.name}`;
  return undefined;
}

/**
 * Record a reader's action. Year ranges and filters are debounced (the last change within
 * DEBOUNCE_MS is sent, per filter). Returns whether the event will be sent (false when opted out
 * or refused by the browser).
 */
export function trackEvent(event: ReaderEventInput): boolean {
  if (!eventsEnabled()) return false;
  const key = debounceKey(event);
  if (key === undefined) return send(event);
  clearTimeout(pending.get(key)?.timer);
  const timer = setTimeout(() => {
    pending.delete(key);
    send(event);
  }, DEBOUNCE_MS);
  pending.set(key, { timer, event });
  return true;
}

/** Send what is still waiting for its debounce: the page is going away. */
function flush(): void {
  sendPageView();
  for (const { timer, event } of pending.values()) {
    clearTimeout(timer);
    send(event);
  }
  pending.clear();
}

function toggles(): HTMLInputElement[] {
  return typeof document === "undefined"
    ? []
    : Array.from(document.querySelectorAll<HTMLInputElement>(`input[${TOGGLE_ATTRIBUTE}]`));
}

export interface ToggleLabels {
  /** Next to the checkbox, e.g. "Share anonymous usage statistics". */
  label: string;
  /** Shown instead when the browser asks not to be tracked, e.g. "Not shared: your browser asks not to be tracked". */
  refused: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The footer toggle as HTML (for the shell, which renders strings); `initEvents` brings it to life. */
export function optOutToggleHtml(labels: ToggleLabels): string {
  return `<label class="bttk-events-toggle" data-refused="${escapeHtml(labels.refused)}"><input type="checkbox" ${TOGGLE_ATTRIBUTE} checked> <span>${escapeHtml(labels.label)}</span></label>`;
}

/** The same toggle as an element, for a page cell. */
export function renderOptOutToggle(labels: ToggleLabels): HTMLLabelElement {
  const template = document.createElement("template");
  template.innerHTML = optOutToggleHtml(labels);
  const label = template.content.firstElementChild as HTMLLabelElement;
  bind(label.querySelector("input")!);
  return label;
}

function bind(box: HTMLInputElement): void {
  if (box.dataset.bound) return;
  box.dataset.bound = "1";
  if (browserRefuses()) {
    box.checked = false;
    box.disabled = true;
    const label = box.closest("label");
    const text = label?.querySelector("span");
    if (label?.dataset.refused && text) text.textContent = label.dataset.refused;
    return;
  }
  box.checked = !optedOut();
  box.addEventListener("change", () => setOptOut(!box.checked));
}

let started = false;
let pageViewDue = false;

function sendPageView(): void {
  if (!pageViewDue) return;
  pageViewDue = false;
  send({ type: "page_view" });
}

/** Bind the opt-out toggles on the page and send the page view, once per page load. */
export function initEvents({ endpoint: url = "/api/events", pageView = true }: EventsOptions = {}): void {
  endpoint = url;
  for (const box of toggles()) bind(box);
  if (started) return;
  started = true;
  addEventListener("pagehide", flush);
  // Language switches are links: one listener for all of them, wherever the shell puts them.
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(`a[${LANGUAGE_ATTRIBUTE}]`);
    const to = link?.getAttribute(LANGUAGE_ATTRIBUTE);
    if (to && to !== currentLang()) trackEvent({ type: "language", from: currentLang(), to });
  });
  // The page view goes when the main thread is first idle, not while the page is being drawn (the
  // beacon reads storage, serialises and queues a request: tens of milliseconds on a slow
  // machine); a reader who leaves before that still counts, as pagehide flushes it first.
  if (pageView) {
    pageViewDue = true;
    if (typeof requestIdleCallback === "function") requestIdleCallback(sendPageView, { timeout: 2000 });
    else setTimeout(sendPageView, 0);
  }
}
