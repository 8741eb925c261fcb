// Bars per season: the Volume card's recipe counts and deviations from the mean, and the mean of
// a measure per season (complexity, ± 1 sd as a rule). Seasons in calendar order and colour.
import * as Plot from "@observablehq/plot";
import type { SeasonMean, VolumeSeason } from "../../../lib/contracts/seasonality.js";
import { formatInteger, formatNumber, formatPercent, formatSigned } from "../../../lib/format.js";
import { seasonName, type Lang, type Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { SEASON_COLORS } from "./colors.js";

interface ChartOptions {
  width: number;
  height?: number;
  lang: Lang;
  t: Translate;
}

export function volumeBars(rows: VolumeSeason[], { width, height = 280, lang, t }: ChartOptions): Figure {
  const data = rows.map((d) => ({ ...d, name: seasonName(d.season, lang) }));
  const tip = (d: (typeof data)[number]) =>
    t("seasonality.volume.tip", {
      season: d.name,
      n: formatInteger(d.n, lang),
      share: formatPercent(d.share, lang),
      deviation: formatSigned(d.deviation * 100, lang, 1) + " %",
      perDay: formatNumber(d.perDay, lang, 1),
    });
  return plot({
    lang,
    width,
    height,
    x: { domain: data.map((d) => d.name), label: null, tickSize: 0, padding: 0.2 },
    y: { grid: true, label: t("seasonality.volume.bars.y"), nice: true },
    marks: [
      Plot.barY(data, {
        x: "name",
        y: "n",
        fill: (d: (typeof data)[number]) => SEASON_COLORS[d.season],
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.text(data, {
        x: "name",
        y: "n",
        text: (d: (typeof data)[number]) => formatInteger(d.n, lang),
        dy: -8,
      }),
      Plot.ruleY([0]),
    ],
  });
}

export function deviationBars(rows: VolumeSeason[], { width, height = 280, lang, t }: ChartOptions): Figure {
  const data = rows.map((d) => ({
    name: seasonName(d.season, lang),
    season: d.season,
    pct: d.deviation * 100,
  }));
  return plot({
    lang,
    width,
    height,
    x: { domain: data.map((d) => d.name), label: null, tickSize: 0, padding: 0.2 },
    y: { grid: true, label: t("seasonality.volume.bars.deviation"), nice: true },
    marks: [
      Plot.barY(data, { x: "name", y: "pct", fill: (d: (typeof data)[number]) => SEASON_COLORS[d.season] }),
      // Labels above positive bars, below negative ones.
      ...[true, false].map((up) =>
        Plot.text(
          data.filter((d) => d.pct >= 0 === up),
          {
            x: "name",
            y: "pct",
            text: (d: (typeof data)[number]) => formatSigned(d.pct, lang, 1) + " %",
            dy: up ? -8 : 10,
          },
        ),
      ),
      Plot.ruleY([0]),
    ],
  });
}

/** Mean per season of one measure, with a ± 1 sd rule. */
export function meanBars(
  rows: SeasonMean[],
  { width, height = 240, lang, t, title, digits = 2 }: ChartOptions & { title: string; digits?: number },
): Figure {
  const data = rows
    .filter((d) => d.mean !== null)
    .map((d) => ({ ...d, mean: d.mean!, name: seasonName(d.season, lang) }));
  return plot({
    lang,
    width,
    height,
    title,
    x: { domain: data.map((d) => d.name), label: null, tickSize: 0, padding: 0.2 },
    y: { grid: true, label: t("seasonality.complexity.y"), nice: true, zero: true },
    marks: [
      Plot.barY(data, {
        x: "name",
        y: "mean",
        fill: (d: (typeof data)[number]) => SEASON_COLORS[d.season],
        title: (d: (typeof data)[number]) =>
          t("seasonality.complexity.tip", {
            season: d.name,
            mean: formatNumber(d.mean, lang, digits),
            sd: formatNumber(d.sd, lang, digits),
            n: formatInteger(d.n, lang),
          }),
        tip: { format: { x: false, y: false } },
      }),
      Plot.ruleX(
        data.filter((d) => d.sd !== null),
        {
          x: "name",
          y1: (d: (typeof data)[number]) => d.mean - d.sd!,
          y2: (d: (typeof data)[number]) => d.mean + d.sd!,
          stroke: "currentColor",
          strokeOpacity: 0.6,
        },
      ),
      Plot.ruleY([0]),
    ],
  });
}
