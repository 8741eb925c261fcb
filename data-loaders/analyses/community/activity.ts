// community/activity: how interactions (reviews with or without a rating) are spread over users, for
// the full span and each decade — the frequency table of interactions per user comes from DuckDB,
// the concentration figures (top 1 % / 10 % shares, Gini, Lorenz curve, log-scale bins) from
// src/lib/community/concentration.ts. No user id leaves DuckDB: only counts of users.
import { activityDataSchema } from "../../../src/lib/contracts/community.js";
import { concentration } from "../../../src/lib/community/concentration.js";
import { defineAnalysis } from "../types.js";
import { byPeriod, interactionPeriods, periodsRelation } from "./_periods.js";

export const activitySql = (relation: string) => /* sql */ `
  WITH user_years AS (
    SELECT user_id, year, count(*) AS n, count(*) FILTER (WHERE rating = 0) AS unrated
    FROM interactions
    GROUP BY ALL
  ), users AS (
    SELECT pid, user_id, sum(n) AS n, sum(unrated) AS unrated
    FROM user_years JOIN ${relation} USING (year)
    GROUP BY ALL
  )
  SELECT pid::INTEGER AS pid, n::INTEGER AS n, count(*)::INTEGER AS units, sum(unrated)::INTEGER AS unrated
  FROM users
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
    const rows = await session.query<Row>(activitySql(periodsRelation(periods)));
    return {
      periods: byPeriod(rows, periods).map((freq, i) => ({
        ...periods[i],
        users: concentration(freq),
        unrated: freq.reduce((s, r) => s + r.unrated, 0),
      })),
    };
  },
});
