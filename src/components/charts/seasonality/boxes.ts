// Box plots drawn from precomputed summaries (src/lib/seasonality/box.ts): whiskers, the Q1–Q3
// box and the median per season of a period, with the mean of the reader's years as a dot. No raw
// values reach the page, so values beyond the whiskers are counted in the tooltip, not drawn.
import * as Plot from "@observablehq/plot";
import type { Box, SeasonMean } from "../../../lib/contracts/seasonality.js";
import { formatInteger, formatNumber } from "../../../lib/format.js";
import { seasonName, type Lang, type Translate } from "../../../lib/i18n/index.js";
import { plot, type Figure } from "../../plot.js";
import { COLORS } from "../../theme.js";
import { SEASON_COLORS } from "./colors.js";

export function boxChart(
  boxes: Box[],
  means: SeasonMean[],
  { width, height = 300, lang, t }: { width: number; height?: number; lang: Lang; t: Translate },
): Figure {
  const data = boxes.map((b) => ({ ...b, name: seasonName(b.season, lang) }));
  const dots = means
    .filter((m) => m.mean !== null)
    .map((m) => ({ name: seasonName(m.season, lang), mean: m.mean! }));
  const tip = (d: (typeof data)[number]) =>
    t("seasonality.duration.tip", {
      season: d.name,
      median: formatNumber(d.median, lang, 1),
      q1: formatNumber(d.q1, lang, 1),
      q3: formatNumber(d.q3, lang, 1),
      low: formatNumber(d.whiskerLow, lang, 1),
      high: formatNumber(d.whiskerHigh, lang, 1),
      outliers: formatInteger(d.outliers, lang),
    });
  return plot({
    lang,
    width,
    height,
    x: { domain: data.map((d) => d.name), label: null, tickSize: 0, padding: 0.35 },
    y: { grid: true, label: t("seasonality.duration.box.y"), nice: true, zero: true },
    marks: [
      Plot.ruleX(data, { x: "name", y1: "whiskerLow", y2: "whiskerHigh", stroke: COLORS.textMuted }),
      Plot.barY(data, {
        x: "name",
        y1: "q1",
        y2: "q3",
        fill: (d: (typeof data)[number]) => SEASON_COLORS[d.season],
        fillOpacity: 0.8,
        title: tip,
        tip: { format: { x: false, y: false } },
      }),
      Plot.tickY(data, { x: "name", y: "median", stroke: COLORS.textStrong, strokeWidth: 2 }),
      Plot.dot(dots, {
        x: "name",
        y: "mean",
        fill: COLORS.background,
        stroke: COLORS.textStrong,
        r: 4,
        symbol: "diamond",
      }),
    ],
  });
}
