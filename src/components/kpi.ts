// KPI tiles, like the original app's metric cards: an uppercase label, a big value, a sub-label.
// kpiGrid lays them out four across on wide screens, two on phones.
import { el, type Child } from "./dom.js";

export interface Kpi {
  label: string;
  value: string;
  sub?: string;
  /** Optional long form of the value, shown as a tooltip (e.g. the exact count behind "1.1M"). */
  title?: string;
  /** "text" sets a value made of words (a date range) a size smaller than a number. */
  variant?: "number" | "text";
}

export function kpi({ label, value, sub, title, variant = "number" }: Kpi): HTMLElement {
  return el(
    "div",
    { class: `kpi kpi--${variant}` },
    el("div", { class: "kpi__label" }, label),
    el("div", { class: "kpi__value", title }, value),
    sub ? el("div", { class: "kpi__sub" }, sub) : null,
  );
}

export function kpiGrid(tiles: Kpi[], { label }: { label?: string } = {}): HTMLElement {
  const children: Child[] = tiles.map(kpi);
  return el("div", { class: "kpi-grid", role: label ? "group" : null, "aria-label": label }, children);
}
