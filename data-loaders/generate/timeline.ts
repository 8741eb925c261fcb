// When things happen: how many recipes were submitted each year and on which days (weekday and
// season effects), and the target shape of review activity over time. The yearly levels follow
// the real Food.com history: growth to a 2007–2008 peak, then a collapse to a few hundred recipes
// a year. Numbers are weights; exact counts come from the scale.
import {
  FIRST_YEAR,
  INTERACTIONS_FROM,
  INTERACTIONS_TO,
  LAST_YEAR,
  RECIPES_FROM,
  RECIPES_TO,
  dayOf,
  monthOf,
  weekdayOf,
} from "./calendar.js";
import { aliasSampler, apportion, type Rng } from "./random.js";

/** Recipes submitted per year at scale 1 (1999 starts on August 6, 2018 ends on December 4). */
export const RECIPES_PER_YEAR: Readonly<Record<number, number>> = {
  1999: 1400,
  2000: 3000,
  2001: 7450,
  2002: 20200,
  2003: 18700,
  2004: 17500,
  2005: 23100,
  2006: 27067,
  2007: 29800,
  2008: 28900,
  2009: 22800,
  2010: 12600,
  2011: 7600,
  2012: 4600,
  2013: 4200,
  2014: 1700,
  2015: 420,
  2016: 260,
  2017: 190,
  2018: 150,
};

/**
 * Reviews per year at scale 1 (the shape the interaction dates are calibrated to): they lag the
 * submissions by about a year, peaking in 2008–2009.
 */
export const INTERACTIONS_PER_YEAR: Readonly<Record<number, number>> = {
  2000: 1500,
  2001: 9000,
  2002: 27000,
  2003: 42000,
  2004: 62000,
  2005: 82000,
  2006: 105000,
  2007: 148000,
  2008: 170000,
  2009: 166000,
  2010: 120000,
  2011: 88000,
  2012: 62000,
  2013: 42000,
  2014: 17000,
  2015: 7500,
  2016: 4800,
  2017: 3600,
  2018: 2900,
};

/**
 * Submissions by ISO weekday (Monday first), relative to the 7-day mean: Monday +45 %, Tuesday
 * +29 %, Wednesday +13 %, Thursday +5 %, Friday −7 %, Saturday −49 %, Sunday −36 % (the original
 * app's weekend page). They sum to 7.
 */
export const SUBMISSION_WEEKDAY = [1.45, 1.29, 1.13, 1.05, 0.93, 0.51, 0.64] as const;

/** Submissions by month: a spring bump of about +8 % (March–May) over the other seasons. */
export const SUBMISSION_MONTH = [1, 1, 1.07, 1.1, 1.08, 1, 0.99, 1, 0.99, 1.01, 1, 0.98] as const;

/** Reviews by month: more around the winter holidays, fewer in early summer. */
export const REVIEW_MONTH = [1.08, 1.0, 1.01, 0.97, 0.95, 0.93, 0.95, 0.97, 0.98, 1.02, 1.07, 1.1] as const;

/** Reviews by ISO weekday: a milder version of the submission pattern. */
export const REVIEW_WEEKDAY = [1.12, 1.1, 1.06, 1.03, 0.95, 0.85, 0.89] as const;

/** Days people rarely post on. */
function holidayFactor(day: number): number {
  const d = new Date(day * 86_400_000);
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  if ((m === 12 && dd >= 24 && dd <= 26) || (m === 1 && dd === 1)) return 0.6;
  if (m === 7 && dd === 4) return 0.75;
  return 1;
}

/**
 * Within a year the level drifts towards the next year's (so the monthly series is smooth
 * instead of stepping every January): a log-linear ramp of half the year-on-year change.
 */
function ramp(levels: Readonly<Record<number, number>>, year: number): number {
  const here = levels[year];
  const before = levels[year - 1] ?? here;
  const after = levels[year + 1] ?? here;
  return Math.max(-0.7, Math.min(0.7, 0.5 * Math.log(after / before)));
}

function dayWeights(
  year: number,
  from: number,
  to: number,
  levels: Readonly<Record<number, number>>,
  month: readonly number[],
  weekday: readonly number[],
): { first: number; weights: Float64Array } {
  const start = Math.max(from, dayOf(year, 1, 1));
  const end = Math.min(to, dayOf(year, 12, 31));
  const g = ramp(levels, year);
  const weights = new Float64Array(end - start + 1);
  const yearStart = dayOf(year, 1, 1);
  for (let d = start; d <= end; d++) {
    const t = (d - yearStart) / 365 - 0.5;
    weights[d - start] =
      month[monthOf(d) - 1] * weekday[weekdayOf(d) - 1] * holidayFactor(d) * Math.exp(g * t);
  }
  return { first: start, weights };
}

/** Submission days of `n` recipes, sorted ascending, with the yearly, weekly and seasonal shape. */
export function drawSubmissionDays(rng: Rng, n: number): Int32Array {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);
  const perYear = apportion(
    years.map((y) => RECIPES_PER_YEAR[y]),
    n,
  );
  const days = new Int32Array(n);
  let k = 0;
  years.forEach((year, i) => {
    const { first, weights } = dayWeights(
      year,
      RECIPES_FROM,
      RECIPES_TO,
      RECIPES_PER_YEAR,
      SUBMISSION_MONTH,
      SUBMISSION_WEEKDAY,
    );
    const sample = aliasSampler(weights);
    for (let j = 0; j < perYear[i]; j++) days[k++] = first + sample(rng);
  });
  return days.sort();
}

/**
 * Target review activity per day over [INTERACTIONS_FROM, INTERACTIONS_TO] (index 0 = first day):
 * the yearly levels spread over days with the monthly and weekday factors.
 */
export function reviewTargetByDay(): Float64Array {
  const out = new Float64Array(INTERACTIONS_TO - INTERACTIONS_FROM + 1);
  for (let year = 2000; year <= LAST_YEAR; year++) {
    const { first, weights } = dayWeights(
      year,
      INTERACTIONS_FROM,
      INTERACTIONS_TO,
      INTERACTIONS_PER_YEAR,
      REVIEW_MONTH,
      REVIEW_WEEKDAY,
    );
    let sum = 0;
    for (const w of weights) sum += w;
    const scale = INTERACTIONS_PER_YEAR[year] / sum;
    for (let i = 0; i < weights.length; i++) out[first - INTERACTIONS_FROM + i] = weights[i] * scale;
  }
  return out;
}
