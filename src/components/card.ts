// The analysis card, used by every analysis page: one question, its takeaway sentence, the chart(s),
// a "how is this computed" disclosure, and downloads (the data as CSV, the first chart as SVG and
// PNG). The card's id is a stable anchor: readers deep-link to it and copy its link. Copying the
// link is recorded as a reader event (the downloads are, by download.ts).
import { translator, type Lang } from "../lib/i18n/index.js";
import { downloadBlob, downloadCsv } from "./download.js";
import { append, el, icon, type Child } from "./dom.js";
import { trackEvent } from "./events.js";
import { COLORS, FONTS } from "./theme.js";
import { drawPending } from "./charts/lazy.js";
import { blockerOf, blockerText, exploreHref } from "../lib/explore/explore-link.js";

export interface AnalysisCardOptions {
  /** Stable anchor id, lower-case words joined by hyphens (`recipes-per-year`). */
  id: string;
  title: string;
  /** The question the card answers. */
  question?: string;
  /** The one-sentence answer, filled from the data (a node when it carries test ids or markup). */
  takeaway: string | Node;
  /** Charts, KPI tiles, tables: a node or a list of nodes. */
  body: Node | Node[];
  /** How the numbers are computed; blank lines separate paragraphs. */
  method: string | Node;
  /** Rows behind the card, offered as CSV (omitted when absent or empty). */
  data?: readonly object[];
  /** Base name of downloaded files, without extension. */
  filename: string;
  lang: Lang;
  /** Offer the first chart as SVG and PNG (default true). */
  chart?: boolean;
  /** "split" lays the body's nodes side by side when the card is wide (a table and its chart). */
  layout?: "stack" | "split";
  /** Extra classes, e.g. "grid-colspan-2". */
  className?: string;
  /**
   * The analysis whose results the card shows (`trends/volume`): the card offers to open its query
   * in Explore, or says why it cannot (src/lib/explore/explore-link.ts).
   */
  analysis?: string;
}

const ICONS = {
  link: [
    "M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71",
    "M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71",
  ],
  download: ["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "M7 10l5 5 5-5", "M12 15V3"],
} as const;

export function analysisCard(options: AnalysisCardOptions): HTMLElement {
  const {
    id,
    title,
    question,
    takeaway,
    body,
    method,
    data,
    filename,
    lang,
    chart = true,
    layout = "stack",
  } = options;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    throw new Error(`analysisCard: id "${id}" is not a-lower-case-slug.`);
  const t = translator(lang);
  const bodyNode = el(
    "div",
    { class: `analysis-card__body analysis-card__body--${layout}` },
    Array.isArray(body) ? body : [body],
  );

  const copy = el(
    "button",
    {
      type: "button",
      class: "icon-button",
      title: t("common.card.copyLink"),
      "aria-label": t("common.card.copyLink"),
    },
    icon(ICONS.link),
  );
  copy.addEventListener("click", () => {
    trackEvent({ type: "deep_link", target: `#${id}` });
    void copyLink(id, copy, t("common.card.linkCopied"));
  });

  const buttons: Child[] = [];
  if (data && data.length > 0) {
    buttons.push(button(t("common.card.csv"), () => downloadCsv(data, `${filename}.csv`)));
  }
  if (chart) {
    const failed = t("common.card.exportFailed");
    buttons.push(
      button(t("common.card.svg"), () => {
        const svg = findChart(bodyNode);
        if (svg)
          downloadBlob(
            new Blob([serializeSvg(svg, { title })], { type: "image/svg+xml" }),
            `${filename}.svg`,
          );
      }),
      button(t("common.card.png"), async (target) => {
        const svg = findChart(bodyNode);
        if (!svg) return;
        try {
          downloadBlob(await svgToPng(svg, { title }), `${filename}.png`);
        } catch {
          target.textContent = failed;
        }
      }),
    );
  }

  const card = el(
    "section",
    { class: ["card", "analysis-card", options.className].filter(Boolean).join(" "), id },
    el(
      "header",
      { class: "analysis-card__header" },
      el(
        "h2",
        { class: "analysis-card__title" },
        el("a", { href: `#${id}`, title: t("common.card.permalink") }, title),
      ),
      copy,
    ),
    question ? el("p", { class: "analysis-card__question" }, question) : null,
    el("p", { class: "analysis-card__takeaway" }, takeaway),
    bodyNode,
    el(
      "footer",
      { class: "analysis-card__footer" },
      el(
        "details",
        { class: "analysis-card__method" },
        el("summary", {}, t("common.card.method")),
        typeof method === "string" ? paragraphs(method) : method,
      ),
      buttons.length
        ? el(
            "div",
            { class: "analysis-card__downloads", role: "group", "aria-label": t("common.card.downloads") },
            icon(ICONS.download),
            buttons,
          )
        : null,
      options.analysis ? exploreLink(options.analysis, t) : null,
    ),
  );
  skipWhileAway(card, id);
  scrollIntoViewIfTarget(card);
  return card;
}

/** Each card's last laid-out content height, by id, as a ResizeObserver reports it (reading it would force a layout). */
const heights = new Map<string, { card: Element; height: number }>();
const sizes =
  typeof ResizeObserver === "undefined"
    ? undefined
    : new ResizeObserver((entries) => {
        for (const entry of entries) {
          const known = heights.get(entry.target.id);
          // The content box: contain-intrinsic-size sizes the content, padding and border come on top.
          if (known?.card === entry.target) known.height = entry.contentBoxSize[0]?.blockSize ?? known.height;
        }
      });

/**
 * A card drawn again (the reader changed the year range: its cell runs again and replaces it) is
 * not styled, laid out nor painted while it is away from the viewport (`content-visibility: auto`,
 * class `analysis-card--redrawn`), standing in at the height of the card it replaces so nothing
 * on the page moves; it renders as the reader nears it, and its lazy charts draw then. A page's
 * first load renders every card as before.
 */
function skipWhileAway(card: HTMLElement, id: string): void {
  if (!sizes) return;
  const previous = heights.get(id);
  if (previous) sizes.unobserve(previous.card);
  if (previous && previous.height > 0) {
    card.classList.add("analysis-card--redrawn");
    card.style.containIntrinsicSize = `auto ${previous.height}px`;
  }
  heights.set(id, { card, height: previous?.height ?? 0 });
  sizes.observe(card);
}

/** "Open in Explore" (the card's query as a notebook), or the sentence saying why it cannot run there. */
function exploreLink(analysis: string, t: ReturnType<typeof translator>): HTMLElement {
  const blocker = blockerOf(analysis);
  if (blocker) return el("p", { class: "analysis-card__explore-note" }, blockerText(blocker, t));
  return el(
    "a",
    { class: "analysis-card__explore", href: exploreHref(analysis), title: t("common.card.exploreTitle") },
    `${t("common.card.explore")} \u2192`,
  );
}

function paragraphs(text: string): HTMLElement {
  const div = el("div", { class: "analysis-card__method-text" });
  append(
    div,
    text.split(/\n\s*\n/).map((p) => el("p", {}, p.trim())),
  );
  return div;
}

function button(
  label: string,
  onClick: (target: HTMLButtonElement) => void | Promise<void>,
): HTMLButtonElement {
  const b = el("button", { type: "button", class: "download-button" }, label);
  b.addEventListener("click", () => void onClick(b));
  return b;
}

/** Page cells render after the page loads, so the browser's own jump to #id misses: redo it. */
function scrollIntoViewIfTarget(card: HTMLElement): void {
  if (typeof location === "undefined" || location.hash !== `#${card.id}`) return;
  requestAnimationFrame(() => requestAnimationFrame(() => card.isConnected && card.scrollIntoView()));
}

async function copyLink(id: string, target: HTMLButtonElement, done: string): Promise<void> {
  const url = `${location.href.split("#")[0]}#${id}`;
  history.replaceState(null, "", `#${id}`);
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    return; // No clipboard outside secure contexts: the address bar now holds the link.
  }
  const before = target.title;
  target.title = done;
  target.classList.add("is-done");
  setTimeout(() => {
    target.title = before;
    target.classList.remove("is-done");
  }, 2000);
}

/** The card's first chart: Plot's main SVG (not a legend ramp or swatch), drawn if it waited. */
export function findChart(root: Element): SVGSVGElement | null {
  drawPending(root);
  const plots = root.querySelectorAll<SVGSVGElement>('svg[class^="plot-"]:not([class$="-ramp"])');
  return plots[0] ?? root.querySelector("svg");
}

// Presentation properties worth freezing: Plot leans on currentColor and CSS that a standalone
// file would not have.
const INLINE = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "visibility",
  "mix-blend-mode",
] as const;

const SVG_NS = "http://www.w3.org/2000/svg";
/** Height of the title band above an exported chart. */
const TITLE_BAND = 36;

export interface ExportOptions {
  /** Printed above the chart, so a chart pasted elsewhere still says what it shows. */
  title?: string;
  /** Extra CSS (the PNG export passes the page's @font-face rules so text keeps its fonts). */
  css?: string;
}

/** A standalone SVG document of a chart: computed styles inlined, the page background behind. */
export function serializeSvg(svg: SVGSVGElement, { title, css = "" }: ExportOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((node, i) => {
    const computed = getComputedStyle(node);
    const copy = copies[i] as SVGElement;
    copy.setAttribute("style", INLINE.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";"));
  });
  const { width, height } = size(svg);
  const top = title ? TITLE_BAND : 0;
  // The chart moves down under the title band; its own viewBox becomes the outer one's.
  const chart = document.createElementNS(SVG_NS, "g");
  chart.setAttribute("transform", `translate(0, ${top})`);
  chart.append(...clone.childNodes);
  clone.append(chart);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height + top));
  clone.setAttribute("viewBox", `0 0 ${width} ${height + top}`);
  clone.style.setProperty("font-family", FONTS.body);
  clone.style.setProperty("background", COLORS.background);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", COLORS.background);
  clone.insertBefore(background, chart);
  if (title) {
    const text = document.createElementNS(SVG_NS, "text");
    text.setAttribute("x", "4");
    text.setAttribute("y", String(TITLE_BAND / 2 + 2));
    text.setAttribute("dominant-baseline", "middle");
    text.setAttribute("style", `font: 400 14px ${FONTS.heading}; fill: ${COLORS.orange}; text-anchor: start`);
    text.textContent = title;
    clone.insertBefore(text, chart);
  }
  if (css) {
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = css;
    clone.insertBefore(style, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width && box.height) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

/** The page's @font-face rules (self-hosted, data: URLs), so an SVG drawn as an image keeps its fonts. */
function fontFaces(): string {
  const rules: string[] = [];
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // A cross-origin sheet cannot be read; the site has none, but be safe.
    }
    for (const rule of list) if (rule instanceof CSSFontFaceRule) rules.push(rule.cssText);
  }
  return rules.join("\n");
}

/** The chart as a PNG at twice its size (sharp on high-density screens and in slides). */
export async function svgToPng(
  svg: SVGSVGElement,
  { title, scale = 2 }: { title?: string; scale?: number } = {},
): Promise<Blob> {
  const { width, height: chartHeight } = size(svg);
  const height = chartHeight + (title ? TITLE_BAND : 0);
  const source = serializeSvg(svg, { title, css: fontFaces() });
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = el("canvas", { width: width * scale, height: height * scale });
    const context = canvas.getContext("2d");
    if (!context) throw new Error("card: no 2D canvas context.");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("card: PNG encoding failed."))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
