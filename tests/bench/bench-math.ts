// Pure helpers of the slowlink and scale suites: medians, the growth rules that judge how costs
// scale with the dataset, and the small SVG chart of those costs. No I/O, so vitest checks them
// (tests/bench-math.test.ts).

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median: no values.");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value seen most often (the first of equals in order of appearance); "" for none. */
export function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/**
 * When a page stopped changing: the time of its last DOM change, once `quietMs` have passed with
 * none after it. The quiet window itself only proves stability, so it is not counted. Returns null
 * while the page is not quiet yet, or when nothing has changed at all.
 */
export function settledAt(lastChange: number | null, now: number, quietMs: number): number | null {
  if (lastChange === null) return null;
  return now - lastChange >= quietMs ? lastChange : null;
}

/**
 * A page's HTML without its code: module scripts (inline or not), module preloads and the
 * preloaded data files go; the stylesheets, fonts, icons and the one-line classic script that sets
 * the document's language stay. Served warm, it measures what a visit costs this browser before any
 * of the page's code runs (the slowlink suite's floor).
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b(?=[^>]*\btype="module")[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>\s*/g, "")
    .replace(/<link\b(?=[^>]*\bas="fetch")[^>]*>\s*/g, "");
}

/**
 * Costs (time, memory) must grow at most linearly with the data: going from scale `low` to
 * scale `high` may multiply a cost by at most (high / low) × (1 + tolerance). The tolerance
 * (15 %) absorbs a busy machine's noise; fixed start-up costs only make small scales look dearer,
 * which can hide nothing super-linear at the large end.
 */
export const LINEAR_TOLERANCE = 0.15;
export function growsLinearly(costLow: number, costHigh: number, low: number, high: number): boolean {
  return costHigh / costLow <= (high / low) * (1 + LINEAR_TOLERANCE);
}

/**
 * Page data are aggregates (per year, per month, top-k lists), not rows: their size should barely
 * move when the dataset grows eightfold. The rule: size at the largest scale ≤ 1.5 × size at the
 * smallest. Rows leaking into page data would grow with the data and break it at once.
 */
export const FLAT_RATIO = 1.5;
export function staysFlat(sizeSmall: number, sizeLarge: number): boolean {
  return sizeLarge / sizeSmall <= FLAT_RATIO;
}

export interface Series {
  name: string;
  /** Cost at each scale, in the scales' order. */
  values: readonly number[];
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"];

/**
 * A line chart of every series normalised to its value at scale 1, against the scale, with the
 * y = x line (linear growth) dashed for reference. Plain linear axes, no external fonts or scripts.
 */
export function scaleChartSvg(scales: readonly number[], series: readonly Series[], title: string): string {
  const one = scales.indexOf(1);
  if (one < 0) throw new Error("scaleChartSvg: the scales must include 1 (the normalisation point).");
  const norm = series.map((s) => ({ name: s.name, values: s.values.map((v) => v / s.values[one]) }));
  const xMax = Math.max(...scales);
  const yMax = Math.ceil(Math.max(xMax, ...norm.flatMap((s) => s.values)) * 2) / 2;
  const [w, h, left, right, top, bottom] = [640, 400, 48, 210, 36, 44];
  const x = (v: number) => left + (v / xMax) * (w - left - right);
  const y = (v: number) => h - bottom - (v / yMax) * (h - top - bottom);
  const f = (v: number) => v.toFixed(1);
  const ticks = (max: number) => Array.from({ length: Math.round(max / 0.5) + 1 }, (_, i) => i * 0.5);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    `<text x="${left}" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const t of ticks(yMax)) {
    out.push(`<line x1="${left}" x2="${w - right}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="#eee"/>`);
    out.push(`<text x="${left - 6}" y="${f(y(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (const t of ticks(xMax)) {
    out.push(
      `<line x1="${f(x(t))}" x2="${f(x(t))}" y1="${h - bottom}" y2="${h - bottom + 4}" stroke="#333"/>`,
    );
    out.push(`<text x="${f(x(t))}" y="${h - bottom + 18}" text-anchor="middle">${t}</text>`);
  }
  out.push(
    `<line x1="${left}" x2="${w - right}" y1="${h - bottom}" y2="${h - bottom}" stroke="#333"/>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${h - bottom}" stroke="#333"/>`,
    `<text x="${(left + w - right) / 2}" y="${h - 6}" text-anchor="middle">dataset scale (1 = Food.com's size)</text>`,
    `<text transform="translate(14 ${(top + h - bottom) / 2}) rotate(-90)" text-anchor="middle">cost ÷ cost at scale 1</text>`,
  );
  const reference = Math.min(xMax, yMax);
  out.push(
    `<line x1="${x(0)}" y1="${y(0)}" x2="${f(x(reference))}" y2="${f(y(reference))}" stroke="#888" stroke-dasharray="5 4"/>`,
  );
  const legend = (i: number, color: string, label: string, dashed = false) => {
    const ly = top + 8 + i * 20;
    out.push(
      `<line x1="${w - right + 16}" x2="${w - right + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="5 4"' : ""}/>`,
      `<text x="${w - right + 46}" y="${ly + 4}">${escapeXml(label)}</text>`,
    );
  };
  norm.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = s.values.map((v, j) => `${f(x(scales[j]))},${f(y(v))}`).join(" ");
    out.push(`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const [j, v] of s.values.entries())
      out.push(`<circle cx="${f(x(scales[j]))}" cy="${f(y(v))}" r="3" fill="${color}"/>`);
    legend(i, color, s.name);
  });
  legend(norm.length, "#888", "y = x (linear)", true);
  out.push("</svg>");
  return out.join("\n") + "\n";
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
