// community/popularity: how interactions are spread over recipes (every interaction, whatever the
// recipe's status), and the best-rated recipes by a Bayesian average — ratings 1–5 shrunk toward the
// period's mean rating with PRIOR_WEIGHT ratings' weight, among kept recipes (they have a name) with
// at least MIN_RECIPE_RATINGS ratings — for the full span and each decade. Recipes are listed by
// name only; nothing links anywhere.
import { popularityDataSchema } from "../../../src/lib/contracts/community.js";
import { bayesianAverage } from "../../../src/lib/community/bayes.js";
import { concentration } from "../../../src/lib/community/concentration.js";
import { MIN_RECIPE_RATINGS, PRIOR_WEIGHT, TOP_RECIPES } from "../../../src/lib/community/keys.js";
import { defineAnalysis } from "../types.js";
import type { Period } from "../../../src/lib/periods.js";
import { byPeriod, interactionPeriods, periodIds, perPeriod } from "./_periods.js";

const RECIPES_CTE = (periods: readonly Period[]) => /* sql */ `
  recipe_lists AS (
    SELECT recipe_id,
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE ${cond})`)} AS n,
      ${perPeriod(periods, (cond) => `count(*) FILTER (WHERE rating BETWEEN 1 AND 5 AND ${cond})`)} AS nr,
      ${perPeriod(periods, (cond) => `coalesce(sum(rating) FILTER (WHERE rating BETWEEN 1 AND 5 AND ${cond}), 0)::DOUBLE`)} AS s
    FROM interactions
    GROUP BY recipe_id
  ), recipe_periods AS (
    SELECT unnest(${periodIds(periods)}) AS pid, recipe_id, unnest(n) AS n, unnest(nr) AS nr, unnest(s) AS s
    FROM recipe_lists
  ), per_recipe AS (
    SELECT * FROM recipe_periods WHERE n > 0
  ), prior AS (
    SELECT pid, CASE WHEN sum(nr) > 0 THEN sum(s) / sum(nr) END AS m FROM per_recipe GROUP BY pid
  )`;

/** One query: the frequency table (kind 'freq'), the prior and eligible count ('prior'), the top recipes ('best'). */
export const popularitySql = (periods: readonly Period[]) => /* sql */ `
  WITH ${RECIPES_CTE(periods)},
  ranked AS (
    SELECT r.pid, k.name, r.nr, r.n, r.s, r.s / r.nr AS mean,
      row_number() OVER (
        PARTITION BY r.pid
        ORDER BY (${PRIOR_WEIGHT} * p.m + r.s) / (${PRIOR_WEIGHT} + r.nr) DESC, r.nr DESC, k.name, r.recipe_id
      ) AS rk,
      count(*) OVER (PARTITION BY r.pid) AS eligible
    FROM per_recipe r JOIN recipes k ON k.id = r.recipe_id JOIN prior p USING (pid)
    WHERE r.nr >= ${MIN_RECIPE_RATINGS}
  )
  SELECT 'freq' AS kind, pid::INTEGER AS pid, n::INTEGER AS n, count(*)::INTEGER AS units,
    NULL::DOUBLE AS m, NULL::VARCHAR AS name, NULL::INTEGER AS nr, NULL::DOUBLE AS s, NULL::INTEGER AS rk
  FROM per_recipe GROUP BY ALL
  UNION ALL
  SELECT 'prior', pid, NULL, NULL, m, NULL, NULL, NULL, NULL FROM prior
  UNION ALL
  SELECT 'eligible', pid, NULL, max(eligible)::INTEGER, NULL, NULL, NULL, NULL, NULL FROM ranked GROUP BY pid
  UNION ALL
  SELECT 'best', pid, n::INTEGER, NULL, NULL, name, nr::INTEGER, s, rk::INTEGER FROM ranked WHERE rk <= ${TOP_RECIPES}
  ORDER BY kind, pid, n, rk`;

interface Row {
  kind: "freq" | "prior" | "eligible" | "best";
  pid: number;
  n: number | null;
  units: number | null;
  m: number | null;
  name: string | null;
  nr: number | null;
  s: number | null;
  rk: number | null;
}

export default defineAnalysis({
  description: `Interactions per recipe (concentration, log-scale bins) and the ${TOP_RECIPES} best-rated recipes by Bayesian average (prior: the period's mean rating with weight ${PRIOR_WEIGHT}; at least ${MIN_RECIPE_RATINGS} ratings), for the full span and each decade`,
  schema: popularityDataSchema,
  async run({ session }) {
    const periods = await interactionPeriods(session);
    const rows = await session.query<Row>(popularitySql(periods));
    return {
      periods: byPeriod(rows, periods).map((own, i) => {
        const priorMean = own.find((r) => r.kind === "prior")?.m ?? null;
        const best = own
          .filter((r) => r.kind === "best")
          .sort((a, b) => a.rk! - b.rk!)
          .map((r) => ({
            rank: r.rk!,
            name: r.name!,
            ratings: r.nr!,
            interactions: r.n!,
            mean: r.s! / r.nr!,
            bayesian: bayesianAverage(r.s!, r.nr!, priorMean!),
          }));
        return {
          ...periods[i],
          recipes: concentration(
            own.filter((r) => r.kind === "freq").map((r) => ({ n: r.n!, units: r.units! })),
          ),
          priorMean,
          priorWeight: PRIOR_WEIGHT,
          minRatings: MIN_RECIPE_RATINGS,
          eligible: own.find((r) => r.kind === "eligible")?.units ?? 0,
          best,
        };
      }),
    };
  },
});
