// The four season colours: four distinct colours of the palette (the original gave spring and
// autumn the same one) — winter blue, spring gold, summer orange, autumn red-orange.
import type { Season } from "../../../lib/calendar.js";
import { SEASONS } from "../../../lib/calendar.js";
import { COLORS } from "../../theme.js";

export const SEASON_COLORS: Record<Season, string> = {
  winter: COLORS.blue,
  spring: COLORS.gold,
  summer: COLORS.orange,
  autumn: COLORS.redOrange,
};

/** Plot colour scale of the seasons, in season order. */
export const seasonColorScale = (names: readonly string[]) => ({
  type: "ordinal" as const,
  domain: [...names],
  range: SEASONS.map((s) => SEASON_COLORS[s]),
});
