// community/activity: how interactions (reviews with or without a rating) are spread over users, for
// the full span and each decade — the frequency table of interactions per user comes from DuckDB,
// the concentration figures (top 1 % / 10 % shares, Gini, Lorenz curve, log-scale bins) from
// src/lib/community/concentration.ts. No user id leaves DuckDB: only counts of users.
import { activityDataSchema } from "../../../src/lib/contracts/community.js";
import { concentration } from "../../../src/lib/community/concentration.js";
import { defineAnalysis } from "../types.js";
import type { Period } from "../../../src/lib/periods.js";
import { byPeriod, interactionPeriods, periodIds, perPeriod } from "./_periods.js";

export const activitySql = (periods: readonly Period[]) => /* sql */ `
  WITH users AS (
    SELECT
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE ${cond})`)} AS n,
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE rating = 0 AND ${cond})`)} AS unrated
    FROM interactions
    GROUP BY user_id
  ), per_period AS (
    SELECT unnest(${periodIds(periods)}) AS pid, unnest(n) AS n, unnest(unrated) AS unrated FROM users
  )
  SELECT pid::INTEGER AS pid, n::INTEGER AS n, count(*)::INTEGER AS units, sum(unrated)::INTEGER AS unrated
  FROM per_period
  WHERE n > 0
  GROUP BY ALL
  ORDER BY pid, n`;

interface Row {
  pid: number;
  n: number;
  units: number;
  unrated: number;
}

export default defineAnalysis({
  description:
    "Interactions per user for the full span and each decade: users, one-time users, top 1 %/10 % shares, Gini, Lorenz curve, log-scale bins",
  schema: activityDataSchema,
  async run({ session }) {
    const periods = await interactionPeriods(session);
    const rows = await session.query<Row>(activitySql(periods));
    return {
      periods: byPeriod(rows, periods).map((freq, i) => ({
        ...periods[i],
        users: concentration(freq),
        unrated: freq.reduce((s, r) => s + r.unrated, 0),
      })),
    };
  },
});
