// The "Back to the Kitchen" palette (the original app's charte graphique) for code that draws:
// chart functions, the Plot wrapper, exports. The stylesheet src/style.css repeats these values
// as CSS variables; keep the two in step.
import type { Environment } from "../lib/environments.js";

export const COLORS = {
  /** Page background. */
  background: "#1E1E1E",
  /** Sidebar background (the logo is drawn on black). */
  sidebar: "#000000",
  /** Cards, tooltips, secondary surfaces. */
  surface: "#333333",
  /** Table headers and the footer. */
  surfaceDark: "#1A1A1A",
  text: "#F0F0F0",
  textMuted: "#888888",
  textStrong: "#FFFFFF",
  grid: "#444444",
  orange: "#FF8C00",
  gold: "#FFD700",
  redOrange: "#E24E1B",
  salmon: "#FFA07A",
  blue: "#1E90FF",
  error: "#DC3545",
} as const;

/** Categorical chart colours, in order: orange, gold, red-orange, blue, cyan, salmon, powder blue, goldenrod. */
export const CHART_PALETTE = [
  "#FF8C00",
  "#FFD700",
  "#E24E1B",
  "#1E90FF",
  "#00CED1",
  "#FFA07A",
  "#B0E0E6",
  "#DAA520",
] as const;

/** Environment badge colours: background and text. */
export const BADGE_COLORS: Record<Environment, { background: string; text: string }> = {
  local: { background: "#17A2B8", text: "#FFFFFF" },
  preprod: { background: "#FFC107", text: "#333333" },
  prod: { background: "#28A745", text: "#FFFFFF" },
};

export const FONTS = {
  heading: "Michroma, 'Inter', system-ui, sans-serif",
  body: "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif",
} as const;
