// Shared pieces of the Trends charts: the year axis (whole years only, thinned on narrow charts)
// and the trend line (the headline fit) drawn over the fitted years.
import * as Plot from "@observablehq/plot";
import type { Translate } from "../../../lib/i18n/index.js";
import { trendAt } from "../../../lib/trends/fit.js";

/** Every year as a tick on wide charts, every other or every fifth as space shrinks. */
export function yearTicks(years: readonly number[], width: number): number[] {
  const step = years.length <= 8 ? 1 : width < 420 ? 5 : width < 760 ? 2 : 1;
  return years.filter((y) => y % step === 0);
}

/** A continuous year x axis: integer ticks printed as years ("2004", never "2,004" or "2004.5"). */
export function yearAxis(years: readonly number[], width: number, t: Translate): Plot.ScaleOptions {
  const first = Math.min(...years);
  const last = Math.max(...years);
  // A one-year range still needs a visible span.
  const domain: [number, number] = first === last ? [first - 0.5, last + 0.5] : [first, last];
  return {
    domain,
    ticks: yearTicks(years, width),
    tickFormat: (y: number) => String(y),
    label: t("common.axis.year"),
    labelAnchor: "right",
    inset: 8,
  };
}

/** A fitted line: its slope and its value at `origin`. */
export type Line = Parameters<typeof trendAt>[0];

/** The two ends of a fitted line over the years it was fitted on. */
export function trendEnds(fit: Line | null, years: readonly number[]): { year: number; value: number }[] {
  if (!fit || years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return [first, last].map((year) => ({ year, value: trendAt(fit, year) }));
}

/** The dashed trend line mark, with its legend label as the colour channel. */
export function trendLine(fit: Line | null, years: readonly number[], label: string): Plot.Markish {
  return Plot.line(trendEnds(fit, years), {
    x: "year",
    y: "value",
    stroke: () => label,
    strokeWidth: 2,
    strokeDasharray: "6 4",
  });
}

/** A "#RRGGBB" colour at an opacity, for bands whose legend swatch should look like the band. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
