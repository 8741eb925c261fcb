// Heatmaps of the Nutrition and items cards: rows (nutrients or items) × seasons, one cell each,
// coloured by a value (z-score, or share of the season's recipes) and labelled with it.
import * as Plot from "@observablehq/plot";
import { SEASONS } from "../../../lib/calendar.js";
import { seasonName, type Lang } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";

export interface HeatCell {
  row: string;
  season: (typeof SEASONS)[number];
  value: number | null;
  label: string;
  tip: string;
}

export function heatmap(
  cells: HeatCell[],
  {
    width,
    lang,
    legend,
    scheme,
    symmetric = false,
  }: { width: number; lang: Lang; legend: string; scheme: Plot.ColorScheme; symmetric?: boolean },
): Figure {
  const rows = [...new Set(cells.map((c) => c.row))];
  const names = SEASONS.map((s) => seasonName(s, lang));
  const extent = Math.max(...cells.map((c) => Math.abs(c.value ?? 0)), 1e-9);
  const data = cells.map((c) => ({ ...c, name: seasonName(c.season, lang) }));
  return plot({
    lang,
    width,
    height: 40 + rows.length * 26,
    marginLeft: Math.min(200, 8 + 7 * Math.max(...rows.map((r) => r.length))),
    x: { domain: names, label: null, axis: "top", tickSize: 0 },
    y: { domain: rows, label: null, tickSize: 0 },
    color: {
      scheme,
      legend: true,
      label: legend,
      ...(symmetric ? { domain: [-extent, extent] } : { domain: [0, extent] }),
    },
    marks: [
      Plot.cell(data, {
        x: "name",
        y: "row",
        fill: "value",
        inset: 0.5,
        title: "tip",
        tip: { format: { x: false, y: false, fill: false } },
      }),
      Plot.text(data, { x: "name", y: "row", text: "label", fill: "black", fontSize: 11 }),
    ],
  });
}
