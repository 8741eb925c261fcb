// The one place that sets Plot defaults for every chart of the site: `plot(options)` is
// `Plot.plot(options)` with the dark theme of the charte (Inter, #F0F0F0 text, #444 grid, #888
// axis labels, #333 tooltips with an orange border), margins, and tick and tooltip formats in the
// page's language (`lang`). Charts call `plot`, never `Plot.plot`, so the theme changes here only.
import * as Plot from "@observablehq/plot";
import { formatDate, formatMonthName, LOCALES } from "../lib/format.js";
import type { Lang } from "../lib/i18n/index.js";
import { COLORS, FONTS } from "./theme.js";

export type PlotOptions = Plot.PlotOptions & { lang?: Lang };
export type Figure = ReturnType<typeof Plot.plot>;

const MINUS = "\u2212";

function isJanuaryFirst(d: Date): boolean {
  return d.getUTCMonth() === 0 && d.getUTCDate() === 1;
}

/**
 * Tick labels in a language. Numbers group digits from five digits on only ("2007", "29 790"),
 * so years stay years; dates print as a year on 1 January, a month name on the 1st, else a date.
 */
export function tickFormat(lang: Lang): (value: unknown) => string {
  let format = tickFormats.get(lang);
  if (!format) tickFormats.set(lang, (format = makeTickFormat(lang)));
  return format;
}

// One formatter per language, made once: an Intl.NumberFormat costs more to make than a small
// chart to draw, and a redraw of the Trends page draws some twenty charts.
const tickFormats = new Map<Lang, (value: unknown) => string>();
const tipFormats = new Map<Lang, (value: unknown) => string>();

function makeTickFormat(lang: Lang): (value: unknown) => string {
  const number = new Intl.NumberFormat(LOCALES[lang], { useGrouping: "min2", maximumFractionDigits: 3 });
  return (value) => {
    if (typeof value === "number") return Number.isNaN(value) ? "" : number.format(value).replace("-", MINUS);
    if (value instanceof Date) {
      if (isJanuaryFirst(value)) return String(value.getUTCFullYear());
      if (value.getUTCDate() === 1) return formatMonthName(value.getUTCMonth() + 1, lang);
      return formatDate(value, lang);
    }
    return value == null ? "" : String(value);
  };
}

/** Tooltip values in a language: numbers up to two decimals, dates in full. */
export function tipFormat(lang: Lang): (value: unknown) => string {
  let format = tipFormats.get(lang);
  if (!format) tipFormats.set(lang, (format = makeTipFormat(lang)));
  return format;
}

function makeTipFormat(lang: Lang): (value: unknown) => string {
  const number = new Intl.NumberFormat(LOCALES[lang], { useGrouping: "min2", maximumFractionDigits: 2 });
  return (value) => {
    if (typeof value === "number") return Number.isNaN(value) ? "" : number.format(value).replace("-", MINUS);
    if (value instanceof Date) return formatDate(value, lang);
    return value == null ? "" : String(value);
  };
}

/** CSS of the plot's own <style>, scoped by Plot's class: tooltips get the charte's border. */
function scopedStyle(className: string): string {
  return `
:where(.${className} g[aria-label="tip"] path) { stroke: ${COLORS.orange}; }
:where(.${className} g[aria-label="tip"] text) { fill: ${COLORS.textStrong}; }`;
}

const STYLE = [
  `font-family: ${FONTS.body}`,
  "font-size: 12px",
  `color: ${COLORS.text}`,
  "background: transparent",
  "overflow: visible",
  `--plot-background: ${COLORS.surface}`,
].join("; ");

type ScaleOptions = Plot.ScaleOptions | undefined;

function withTickFormat(scale: ScaleOptions, lang: Lang): Plot.ScaleOptions {
  return scale?.tickFormat !== undefined ? scale : { ...scale, tickFormat: tickFormat(lang) };
}

/** A mark's `tip` option once Plot has normalised it: true, "x" | "y" | "xy", or an options object. */
type TipOption = boolean | string | (Record<string, unknown> & { format?: Record<string, unknown> });

function themedTip(tip: TipOption, lang: Lang): TipOption {
  if (!tip) return tip;
  const options = typeof tip === "object" ? tip : typeof tip === "string" ? { pointer: tip } : {};
  const format = { x: tipFormat(lang), y: tipFormat(lang), ...(options.format ?? {}) };
  return { ...options, format };
}

/** Give every tooltip of the chart (a mark's `tip` option or a Plot.tip mark) the language's formats. */
function localiseTips(marks: Plot.Markish[] | undefined, lang: Lang): void {
  for (const mark of (marks ?? []).flat(Infinity as 1)) {
    if (!mark || typeof mark !== "object") continue;
    const m = mark as { tip?: TipOption; ariaLabel?: string; format?: Record<string, unknown> };
    if (m.tip) m.tip = themedTip(m.tip, lang);
    if (m.ariaLabel === "tip" && m.format) m.format = { x: tipFormat(lang), y: tipFormat(lang), ...m.format };
  }
}

/** Recolour what Plot draws with currentColor at low opacity (grid) or as plain text (axis labels). */
function recolour(figure: Element): void {
  for (const g of figure.querySelectorAll('g[aria-label$="-grid"]')) {
    g.setAttribute("stroke", COLORS.grid);
    g.setAttribute("stroke-opacity", "1");
  }
  for (const g of figure.querySelectorAll('g[aria-label$="-axis label"]')) {
    g.setAttribute("fill", COLORS.textMuted);
    g.setAttribute("font-size", "13");
  }
  for (const g of figure.querySelectorAll('g[aria-label$="-axis tick"]')) {
    g.setAttribute("stroke", COLORS.grid);
  }
}

/**
 * `Plot.plot` with the site's theme. Everything can be overridden by the options; `lang` (default
 * "en") chooses tick and tooltip formats. Returns Plot's figure (an SVG, or a <figure> when the
 * chart has a legend).
 */
export function plot({ lang = "en", ...options }: PlotOptions): Figure {
  localiseTips(options.marks, lang);
  const figure = Plot.plot({
    marginTop: 24,
    marginRight: 16,
    marginBottom: 40,
    marginLeft: 56,
    ...options,
    style: typeof options.style === "string" ? `${STYLE}; ${options.style}` : STYLE,
    x: withTickFormat(options.x, lang),
    y: withTickFormat(options.y, lang),
  });
  // With a legend, Plot wraps the chart in a <figure>: the chart is its last <svg> child.
  const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector(":scope > svg:last-of-type");
  const style = svg?.querySelector(":scope > style");
  const className = svg?.getAttribute("class");
  if (style && className) style.textContent += scopedStyle(className.split(" ")[0]);
  recolour(figure);
  return figure;
}
